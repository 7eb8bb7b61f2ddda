"""The R reader (scripts/read_package.R) reads every table with the types DuckDB has.

Expectations come from DuckDB's catalogue and datapackage.json's code lists, never from the R
output, so a wrong R type cannot agree with itself. Without R the tests skip and say how to
install it; .ci/run installs it, so CI always runs them.
"""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, copy_package

SCRIPT = ROOT / "scripts" / "read_package.R"
INSTALL = "install r-base-core r-cran-readr r-cran-jsonlite (Debian) to run the R reader test"
# DuckDB column type -> R class of the column read by readr (VARCHAR with a code list: factor)
R_CLASS = {"VARCHAR": "character", "BIGINT": "integer", "DOUBLE": "numeric", "DATE": "Date", "BOOLEAN": "logical"}


@pytest.fixture(scope="module")
def rscript() -> str:
    exe = shutil.which("Rscript")
    if exe is None:
        pytest.skip(f"Rscript not installed: {INSTALL}")
    probe = subprocess.run([exe, "-e", "library(readr); library(jsonlite)"],
                           capture_output=True, text=True, timeout=120)
    if probe.returncode != 0:
        why = (probe.stderr.strip().splitlines() or ["library() failed"])[-1]
        pytest.skip(f"R packages readr/jsonlite missing ({why}): {INSTALL}")
    return exe


def run_r(rscript: str, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([rscript, str(SCRIPT), str(root)], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def parse(stdout: str) -> dict[str, tuple[int, dict[str, str]]]:
    """name<TAB>rows<TAB>col:class,... -> {name: (rows, {col: class})}"""
    out = {}
    for line in stdout.splitlines():
        name, rows, cols = line.split("\t")
        out[name] = (int(rows), dict(c.split(":") for c in cols.split(",")))
    return out


def test_r_reads_every_table_like_duckdb(rscript, tmp_path):
    from scripts.build import build
    from scripts.metadata import ROOT as PACKAGE
    summary = build(PACKAGE, tmp_path)

    result = run_r(rscript, PACKAGE)
    assert result.returncode == 0, result.stderr
    r_tables = parse(result.stdout)

    descriptor = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    has_codes = {(res["name"], f["name"]): "enum" in f.get("constraints", {})
                 for res in descriptor["resources"] for f in res["schema"]["fields"]}
    assert list(r_tables) == [res["name"] for res in descriptor["resources"]]

    con = duckdb.connect(str(summary.database), read_only=True)
    columns = con.execute(   # the package's tables only: views, and views build stores as tables, have columns too
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal "
        "AND table_oid IN (SELECT table_oid FROM duckdb_tables()) AND list_contains(?, table_name) "
        "ORDER BY table_name, column_index", [list(summary.counts)]).fetchall()
    con.close()
    expected: dict[str, dict[str, str]] = {}
    for table, column, dtype in columns:
        cls = "factor" if dtype == "VARCHAR" and has_codes[(table, column)] else R_CLASS[dtype]
        expected.setdefault(table, {})[column] = cls

    assert set(expected) == set(summary.counts)
    for table, rows in summary.counts.items():
        r_rows, r_classes = r_tables[table]
        assert r_rows == rows, f"{table}: {r_rows} rows in R, {rows} in DuckDB"
        assert list(r_classes.items()) == list(expected[table].items()), table


def test_r_fails_loudly_on_unparsable_value(rscript, tmp_path):
    pkg = copy_package(tmp_path)
    integer_column = next(
        f["name"] for res in json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["resources"]
        if res["name"] == "regions" for f in res["schema"]["fields"] if f["type"] == "integer")
    pkg.edit("regions", 0, **{integer_column: "notayear"})

    result = run_r(rscript, tmp_path)
    assert result.returncode != 0
    assert "data/regions.csv" in result.stderr
    assert "parsing problem" in result.stderr
    assert f"column {integer_column}: expected an integer, got 'notayear'" in result.stderr
    assert result.stdout == ""   # nothing half-read is printed as if it were fine
