"""The README's two set-up commands are the ones CI runs."""
import re

from scripts.metadata import ROOT


def _commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup)


def test_readme_has_two_setup_commands():
    build, test = _commands()
    assert build.endswith("-m scripts build") and test.endswith("-m pytest")


def test_ci_runs_the_readme_test_command():
    _, test = _commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci
