"""Rewrite the output tables under the README's SQL examples: outputs are run, not typed.

Every ```sql block of README.md is run over the CSVs with the package's own SQL (sql/tables.sql
then sql/views.sql, as the DuckDB CLI command in the README does), and the Markdown table that
follows it is replaced by the result (or inserted, for a new example). `--check` changes
nothing and exits 1 when the README is not what the queries print, which is what the test runs.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import sys
from pathlib import Path

import duckdb

from .metadata import ROOT

README = "README.md"
SQL_FILES = ("sql/tables.sql", "sql/views.sql")
# a ```sql block, then optionally a blank line and the Markdown table printed under it
EXAMPLE = re.compile(r"(```sql\n(?P<sql>.*?)```\n)(?:\n(?P<table>(?:\|[^\n]*\n)+))?", re.S)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", type=Path, default=ROOT, help="package root (default: this repository)")
    p.add_argument("--check", action="store_true", help="change nothing; exit 1 if the README's outputs are stale")


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) if 1900 <= value <= 2100 else f"{value:,}"   # a year reads better without a comma
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown(columns: list[str], rows: list[tuple], numeric: list[bool]) -> str:
    lines = ["| " + " | ".join(columns) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def connect(root: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database over the CSVs, built by the same SQL files as the CLI reads."""
    con = duckdb.connect()
    cwd = os.getcwd()
    try:
        os.chdir(root)   # the SQL uses paths relative to the repository root
        for sql in SQL_FILES:
            con.execute((root / sql).read_text(encoding="utf-8"))
    finally:
        os.chdir(cwd)
    return con


def result_table(con, sql: str) -> str:
    cur = con.execute(sql)
    columns = [d[0] for d in cur.description]
    numeric = [str(d[1]).upper() in ("BIGINT", "INTEGER", "DOUBLE", "HUGEINT", "DECIMAL", "FLOAT", "SMALLINT", "NUMBER")
               or str(d[1]).upper().startswith("DECIMAL") for d in cur.description]
    return markdown(columns, cur.fetchall(), numeric)


def render(root: Path = ROOT) -> str:
    """The README with every SQL example's output table as the query prints it now."""
    text = (root / README).read_text(encoding="utf-8")
    con = connect(root)
    return EXAMPLE.sub(lambda m: m.group(1) + "\n" + result_table(con, m.group("sql")), text)


def run(args: argparse.Namespace) -> int:
    current = (args.root / README).read_text(encoding="utf-8")
    try:
        fresh = render(args.root)
    except duckdb.Error as exc:
        print(f"error: a README query failed: {exc}", file=sys.stderr)
        return 2
    if fresh == current:
        print(f"{README}: outputs are current")
        return 0
    if args.check:
        print(f"{README}: outputs are stale; run `python -m scripts readme`", file=sys.stderr)
        return 1
    (args.root / README).write_text(fresh, encoding="utf-8")
    print(f"rewrote the output tables of {README}")
    return 0
