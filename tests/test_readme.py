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


def _quick_start():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.+?)```\n\n((?:\|[^\n]*\n)+)", section, flags=re.S)


def test_readme_quick_start_queries_run_in_the_duckdb_cli_with_the_shown_output():
    """Each README query, run by the real `duckdb` CLI straight over the CSVs, prints exactly
    the table shown under it."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import pytest
    exe = shutil.which("duckdb", path=str(Path(sys.executable).parent)) or shutil.which("duckdb")
    if exe is None:
        pytest.skip("duckdb CLI (pip package duckdb-cli) not installed")
    examples = _quick_start()
    assert len(examples) == 3
    for sql, shown in examples:
        proc = subprocess.run([exe, "-markdown", "-c", ".read sql/tables.sql", "-c", ".read sql/views.sql", "-c", sql],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == shown.strip(), sql
