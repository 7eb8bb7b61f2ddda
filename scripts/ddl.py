"""DuckDB DDL generated from datapackage.json: typed tables loaded from the CSVs, with comments.

The output is committed as sql/tables.sql so that the DuckDB CLI, run at the repository root,
can build the same database without Python (`duckdb x.duckdb -c ".read sql/tables.sql"`).
"""
from __future__ import annotations

from pathlib import Path

from .metadata import ROOT, Table, duckdb_type, tables

HEADER = "-- Generated from datapackage.json by `python -m scripts generate`; do not edit.\n" \
         "-- Run at the repository root: relative paths point at data/.\n"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    """Quote identifiers so a column named like an SQL keyword still works."""
    return '"' + name.replace('"', '""') + '"'


def _comment(item: dict) -> str:
    zh = item.get("titleZh", "")
    return f"{item.get('title', '')} / {zh}: {item.get('description', '')} {item.get('descriptionZh', '')}".strip()


def table_sql(table: Table, rows: str | None = None) -> str:
    """CREATE TABLE, its rows and comments. The rows come from the CSV by default (the committed
    sql/tables.sql); `rows`, a query with the table's columns in order, replaces read_csv
    (the build loads the tables validation has already typed)."""
    required = {f["name"] for f in table.fields if f.get("constraints", {}).get("required")}
    pk = table.primary_key
    cols = []
    for f in table.fields:
        null = " NOT NULL" if f["name"] in required or f["name"] in pk else ""
        cols.append(f"  {_ident(f['name'])} {duckdb_type(f)}{null}")
    if pk:
        cols.append(f"  PRIMARY KEY ({', '.join(map(_ident, pk))})")
    types = ", ".join(f"'{f['name']}': '{duckdb_type(f)}'" for f in table.fields)
    insert = [f"INSERT INTO {table.name} {rows};"] if rows is not None else [
        f"INSERT INTO {table.name} SELECT * FROM read_csv({_quote(table.path)}, header = true, auto_detect = false,",
        f"  delim = ',', quote = '\"', escape = '\"', nullstr = '', dateformat = '%Y-%m-%d',",
        f"  columns = {{{types}}});"]
    lines = [f"CREATE OR REPLACE TABLE {table.name} (", ",\n".join(cols), ");", *insert,
             f"COMMENT ON TABLE {table.name} IS {_quote(_comment(table.resource))};"]
    lines += [f"COMMENT ON COLUMN {table.name}.{_ident(f['name'])} IS {_quote(_comment(f))};" for f in table.fields]
    return "\n".join(lines) + "\n"


def render(root: Path = ROOT) -> str:
    return HEADER + "\n".join(table_sql(t) for t in tables(root))
