"""scripts/codes.py on a copy of the package: one command changes a code list everywhere it is
defined, data cells follow a rename, a used code cannot be removed, generated files follow."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from scripts import codes
from scripts.metadata import ROOT


@pytest.fixture
def pkg(real_package):
    """The real package with the folders generated files are rendered from and into."""
    import shutil
    for folder in ("sql", "docs"):
        shutil.copytree(ROOT / folder, real_package.root / folder)
    return real_package


def _lists(root, field: str) -> dict[str, dict]:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return {res["name"]: f for res in descriptor["resources"] for f in res["schema"]["fields"]
            if f["name"] == field and "enum" in f.get("constraints", {})}


def _valid(root) -> list[str]:
    from validation.run import validate
    return [p.plain() for p in validate(root) if p.severity == "error"]


def test_add_puts_the_code_in_every_definition_before_other(pkg):
    before = _lists(pkg.root, "population")
    assert len(before) >= 2   # a shared code list
    lines = codes.add(pkg.root, "population", "boarding", "Boarding students", "寄宿生")
    after = _lists(pkg.root, "population")
    assert set(after) == set(before) and len(lines) == len(before)
    for name, f in after.items():
        enum = f["constraints"]["enum"]
        assert enum[:-1] == before[name]["constraints"]["enum"][:-1] + ["boarding"] and enum[-1] == "other"
        assert list(f["enumLabels"]) == enum
        assert f["enumLabels"]["boarding"] == {"en": "Boarding students", "zh": "寄宿生"}
    codes.regenerate(pkg.root)
    assert "寄宿生" in (pkg.root / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert _valid(pkg.root) == []


def test_a_list_repeated_under_another_name_changes_with_it(pkg):
    """A code list a table repeats under another name (same codes, same labels) is the same list."""
    descriptor = json.loads((pkg.root / "datapackage.json").read_text(encoding="utf-8"))
    period = _lists(pkg.root, "period")
    first = next(iter(period.values()))
    copies = [(res["name"], f["name"]) for res in descriptor["resources"] for f in res["schema"]["fields"]
              if f["name"] != "period" and f.get("constraints", {}).get("enum") == first["constraints"]["enum"]]
    lines = codes.add(pkg.root, "period", "winter_term", "Winter term", "冬季学期")
    assert len(lines) == len(period) + len(copies)
    descriptor = json.loads((pkg.root / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(res["name"], f["name"]): f for res in descriptor["resources"] for f in res["schema"]["fields"]}
    for key in copies:
        assert fields[key]["constraints"]["enum"] == _lists(pkg.root, "period")[next(iter(period))]["constraints"]["enum"]
    assert _valid(pkg.root) == []


def test_add_to_one_table_only(pkg):
    codes.add(pkg.root, "subsidies.programme", "tuition_waiver", "Tuition waiver", "免学费")
    assert "tuition_waiver" in _lists(pkg.root, "programme")["subsidies"]["constraints"]["enum"]


@pytest.mark.parametrize("args,message", [
    (("population", "all", "All", "全部"), "'all' is already a population code"),
    (("population", "Boarding", "x", "y"), "lower-case letters"),
    (("population", "boarding", "", "寄宿生"), "give both labels"),
    (("nosuchfield", "x", "x", "y"), "no code list named 'nosuchfield'"),
    (("finance.programme", "x", "x", "y"), "no code list named 'programme' in table 'finance'"),
    (("unit", "kilogram", "kg", "千克"), "number parser"),
])
def test_add_refuses_with_a_reason(pkg, args, message):
    before = (pkg.root / "datapackage.json").read_bytes()
    with pytest.raises(codes.CodeError, match=message):
        codes.add(pkg.root, *args)
    assert (pkg.root / "datapackage.json").read_bytes() == before


def test_rename_changes_definitions_labels_and_the_rows_that_use_it(pkg):
    old_rows = pkg.read_rows("subsidies")
    used = sum(r["programme"] == "rain_dew" for r in old_rows)
    assert used > 0
    lines = codes.rename(pkg.root, "programme", "rain_dew", "rain_and_dew")
    assert any(f"and {used} row(s) of data/subsidies.csv" in line for line in lines)
    f = _lists(pkg.root, "programme")["subsidies"]
    assert "rain_dew" not in f["constraints"]["enum"] and "rain_and_dew" in f["enumLabels"]
    new_rows = pkg.read_rows("subsidies")
    assert [dict(r, programme="") for r in new_rows] == [dict(r, programme="") for r in old_rows]
    assert [r["programme"] for r in new_rows].count("rain_and_dew") == used
    assert _valid(pkg.root) == []


def test_remove_refuses_a_code_in_use_and_removes_an_unused_one(pkg):
    with pytest.raises(codes.CodeError, match=r"'rain_dew' is used by \d+ row\(s\) \(data/subsidies.csv:\d+"):
        codes.remove(pkg.root, "programme", "rain_dew")
    codes.add(pkg.root, "programme", "scholarship", "Scholarship", "奖学金")
    codes.remove(pkg.root, "programme", "scholarship")
    f = _lists(pkg.root, "programme")["subsidies"]
    assert "scholarship" not in f["constraints"]["enum"] and "scholarship" not in f["enumLabels"]


def test_command_line(pkg):
    run = lambda *a: subprocess.run([sys.executable, "-m", "scripts", "codes", "--root", str(pkg.root), *a],
                                    cwd=ROOT, capture_output=True, text=True)
    done = run("add", "population", "boarding", "--en", "Boarding students", "--zh", "寄宿生")
    assert done.returncode == 0, done.stderr
    assert "wrote sql/tables.sql" in done.stdout and "wrote docs/data-dictionary.md" in done.stdout
    assert "boarding" in run("list", "population").stdout
    again = run("add", "population", "boarding", "--en", "x", "--zh", "y")
    assert again.returncode == 1 and again.stderr.startswith("error: 'boarding' is already") and "Traceback" not in again.stderr
    with open(pkg.root / "data" / "sources.csv", encoding="utf-8", newline="") as fh:
        assert list(csv.DictReader(fh))   # data untouched and readable
