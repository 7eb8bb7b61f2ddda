"""The one entry point, `python -m scripts`, as a user runs it."""
import subprocess
import sys

import pytest

from scripts.metadata import ROOT


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("command", ["validate", "build", "release", "site", "query", "candidates", "generate", "coverage", "diff", "draft", "codes", "readme"])
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


def test_validate_reports_several_errors_at_once_with_a_year_that_is_not_an_integer(package):
    # one package with six kinds of error at once; the non-integer year sits in a series with
    # two other years, which made the plausibility check crash (exit 3) and hide everything else
    from conftest import GOOD_SUBSIDIES
    first = GOOD_SUBSIDIES[0]
    package.write_rows("subsidies", GOOD_SUBSIDIES + [
        dict(first, id="shangrao2020-sub-904", year="2019"),
        dict(first, id="shangrao2020-sub-905", year="2o19"),
        dict(first, id="shangrao2020-sub-901"),
        dict(first, id="shangrao2020-sub-906", region_code="999999"),
        dict(first, id="shangrao2020-sub-907", year="1800"),
        dict(first, id="shangrao2020-sub-908", value="220050"),
        dict(first, id="shangrao2020-sub-909", quote="上半年全市共资助各学段学生220051人次以上"),
    ])
    package.problems()   # rebuild the ledger for the new rows
    proc = run("validate", "--root", str(package.root))
    assert proc.returncode == 1, proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout.splitlines() == [
        "data/subsidies.csv:6:3: year: '2o19' is not an integer",
        "data/subsidies.csv:7:1: id: duplicate primary key 'shangrao2020-sub-901', first used on line 2",
        "data/subsidies.csv:8:2: region_code: '999999' is not a code in regions",
        "data/subsidies.csv:9:3: year: 1800 is out of range (minimum 1949, maximum 2100)",
        "data/subsidies.csv:10:12: value: 220050 does not equal 220051 parsed from printed '220051人次' "
        "(a damaged figure needs a documented repair_rule)",
        "data/subsidies.csv:11:18: quote: not found in the archived source (whitespace ignored); quote it verbatim",
    ]
    assert proc.stderr.strip() == "6 error(s) in 1 file(s)"


def test_validate_does_not_import_the_charts(package):
    # scripts.query -> scripts.build -> scripts.charts -> matplotlib took 2.7 s of every run
    code = ("import sys; from scripts.cli import main; code = main(['validate', '--root', sys.argv[1]]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'scripts')))")
    proc = subprocess.run([sys.executable, "-c", code, str(package.root)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.splitlines()[-1]
    assert "matplotlib" not in loaded and "scripts.build" not in loaded and "scripts.charts" not in loaded
    assert "'scripts.cli'" in loaded


def test_validate_timings_name_loading_every_check_family_and_the_workers(package):
    from validation import run as engine
    proc = run("validate", "--timings", "--root", str(package.root))
    assert proc.returncode == 0, proc.stdout[-2000:]
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("timings: "))
    steps = [part.split(" ")[0] for part in line.removeprefix("timings: ").split("; ")]
    assert steps == ["load", "workers_start", *[engine._family(c) for c in engine.CHECKS], "workers"]
    assert all(" s (CPU " in part for part in line.split("; "))
    assert "timings" not in run("validate", "--root", str(package.root)).stderr
