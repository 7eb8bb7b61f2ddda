"""Documentation of the analysis views, from the `views` list of datapackage.json.

A view's title and description, and the description of each column the view adds, are written
once in datapackage.json; a column that a view passes through from a topic table (region_code,
year, ...) takes that table's field description. From this one place come the COMMENT ON VIEW /
COMMENT ON COLUMN block at the end of sql/views.sql (so the DuckDB file and the CLI over the CSVs
carry them) and the Views section of docs/data-dictionary.md. A view or column without a
description stops `generate`, so nothing is left undocumented.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from . import ddl
from .metadata import ROOT, load_descriptor, tables, topic_tables

BEGIN = "-- BEGIN GENERATED comments: from the views of datapackage.json by `python -m scripts generate`; do not edit."
END = "-- END GENERATED comments"


class Undocumented(ValueError):
    """A view or a view column has no description in datapackage.json."""


def strip_block(text: str, begin: str = BEGIN, end: str = END) -> str:
    start, stop = text.find(begin), text.find(end)
    return text if start < 0 or stop < start else text[:start] + text[stop + len(end):]


def view_columns(root: Path, views_sql: str) -> dict[str, list[tuple[str, str]]]:
    """Each view's (column, type), computed by running the package's SQL over empty tables of
    the types datapackage.json defines now: a column's type does not depend on the rows, so no
    CSV is read (at national size reading them took longer than the rest of the check)."""
    con = duckdb.connect()
    cwd = os.getcwd()
    try:
        os.chdir(root)
        for t in tables(root):
            con.execute(ddl.table_sql(t, f"SELECT * FROM {t.name} LIMIT 0"))
        con.execute(strip_block(views_sql))
    finally:
        os.chdir(cwd)
    names = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name").fetchall()]
    return {v: [(r[0], r[1]) for r in con.execute(f"DESCRIBE {v}").fetchall()] for v in names}


def _shared(root: Path) -> dict[str, str]:
    """Description of a passed-through column: the topic tables' field of that name."""
    out: dict[str, str] = {}
    for t in list(topic_tables(root)) + [t for t in tables(root) if t.name == "regions"]:
        for f in t.fields:
            out.setdefault(f["name"], f"{f.get('title', '')}: {f.get('description', '')}".strip())
    return out


def documented(root: Path, views_sql: str) -> list[dict]:
    """Every view of views_sql with its docs and its columns (name, type, description), in the
    order of datapackage.json; raises Undocumented for anything without a description."""
    docs = {v["name"]: v for v in load_descriptor(root).get("views", [])}
    shared = _shared(root)
    # observations adds table_name to the topic columns; views over it pass that through too
    shared.update({f["name"]: f["description"] for f in docs.get("observations", {}).get("fields", [])})
    out = []
    columns = view_columns(root, views_sql)
    missing = sorted(set(columns) - set(docs))
    if missing:
        raise Undocumented(f"views without an entry in datapackage.json's views: {', '.join(missing)}")
    for name, doc in docs.items():
        if name not in columns:
            raise Undocumented(f"datapackage.json documents view {name!r}, which sql/views.sql does not create")
        own = {f["name"]: f["description"] for f in doc.get("fields", [])}
        cols = []
        for col, typ in columns[name]:
            text = own.get(col) or shared.get(col)
            if not text:
                raise Undocumented(f"view {name}: column {col} has no description in datapackage.json")
            cols.append({"name": col, "type": typ, "description": text})
        out.append({**doc, "columns": cols})
    return out


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comments_block(root: Path, views_sql: str) -> str:
    lines = [BEGIN]
    for v in documented(root, views_sql):
        about = f"{v['title']} / {v.get('titleZh', '')}: {v['description']} {v.get('descriptionZh', '')}".strip()
        lines.append(f"COMMENT ON VIEW {v['name']} IS {_quote(about)};")
        lines += [f"COMMENT ON COLUMN {v['name']}.\"{c['name']}\" IS {_quote(c['description'])};" for c in v["columns"]]
    return "\n".join(lines + [END])


def with_comments(root: Path, views_sql: str) -> str:
    """views_sql with its comments block rewritten (appended at the end when absent)."""
    block = comments_block(root, views_sql)
    start, stop = views_sql.find(BEGIN), views_sql.find(END)
    if start < 0 or stop < start:
        return views_sql.rstrip("\n") + "\n\n" + block + "\n"
    return views_sql[:start] + block + views_sql[stop + len(END):]


def dictionary_section(root: Path = ROOT, persisted: tuple[str, ...] = ()) -> list[str]:
    """Markdown lines of the data dictionary's Views section."""
    views_sql = (root / "sql" / "views.sql").read_text(encoding="utf-8")
    out = ["## Views", "",
           "Analysis views of `sql/views.sql`, documented in the `views` list of `datapackage.json`. "
           "Columns passed through from a topic table carry that table's description.", ""]
    for v in documented(root, views_sql):
        stored = " The build stores it in `build/education.duckdb` as a table of the same name." \
            if v["name"] in persisted else ""
        out += [f"### `{v['name']}`: {v['title']} / {v.get('titleZh', '')}", "", v["description"] + stored, "",
                v.get("descriptionZh", ""), "", "| column | type | description |", "|---|---|---|"]
        out += [f"| `{c['name']}` | {c['type']} | {c['description'].replace('|', chr(92) + '|')} |" for c in v["columns"]]
        out.append("")
    return out
