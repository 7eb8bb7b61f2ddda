"""The one entry point, `python -m scripts`, as a user runs it."""
import subprocess
import sys

import pytest

from scripts.metadata import ROOT


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("command", ["validate", "build", "query", "candidates", "generate", "coverage", "diff"])
def test_every_subcommand_has_help(command):
    proc = run(command, "--help")
    assert proc.returncode == 0 and "usage: python -m scripts" in proc.stdout


def test_validate_reports_every_problem_without_traceback(package):
    package.edit("subsidies", 0, year="twenty")
    package.edit("subsidies", 1, value="1")
    proc = run("validate", "--root", str(package.root))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stdout.splitlines()
    assert lines[0] == "data/subsidies.csv:2:3: year: 'twenty' is not an integer"
    assert lines[1].startswith("data/subsidies.csv:3:12: value: 1 does not equal 127510980")
    assert proc.stderr.strip() == "2 error(s) in 1 file(s)"


def test_validate_github_annotations(package):
    package.edit("subsidies", 0, year="twenty")
    proc = run("validate", "--root", str(package.root), "--github")
    assert proc.stdout.splitlines()[0] == "::error file=data/subsidies.csv,line=2,col=3::year: 'twenty' is not an integer"


def test_real_package_is_valid():
    proc = run("validate")
    assert proc.returncode == 0, proc.stdout[-5000:]
    assert proc.stdout.strip().endswith("valid: no errors")


def test_candidates_missing_file_is_a_clear_error():
    proc = run("candidates", "sources/nope.txt")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "nope.txt" in proc.stderr


def test_query_without_database_is_a_clear_error(tmp_path):
    proc = run("query", "SELECT 1", "--database", str(tmp_path / "missing.duckdb"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "build" in proc.stderr
