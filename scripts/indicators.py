"""The indicator catalogue's row-selection rules, generated into sql/views.sql.

Each rule of data/indicator_rules.csv is a SQL condition over the columns of the observations
view. It is written once, in that CSV, and `python -m scripts generate` copies it into the
`indicator_rows` view between the GENERATED markers of sql/views.sql, so the DuckDB CLI runs the
same rules over the CSVs without Python. The build refuses a views.sql whose block is stale.
"""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from .metadata import ROOT, table

VIEWS = "sql/views.sql"
BEGIN = "-- BEGIN GENERATED indicator_rows: from data/indicator_rules.csv by `python -m scripts generate`; do not edit."
END = "-- END GENERATED indicator_rows"
# A rule is one boolean expression: no statement separator and no comment that could hide the
# rest of the generated view.
_FORBIDDEN = re.compile(r";|--|/\*|\*/")


def rule_problem(rule: str) -> str | None:
    """Why a rule cannot be pasted into a WHERE clause as it is, or None."""
    if not rule or not rule.strip():
        return "rule is empty"
    bad = _FORBIDDEN.search(rule)
    if bad:
        return f"rule contains {bad.group()!r}: write one SQL condition without semicolons or comments"
    if rule.count("(") != rule.count(")"):
        return "rule has unbalanced parentheses"
    if rule.count("'") % 2:
        return "rule has an unclosed string quote"
    return None


def read_rules(root: Path = ROOT) -> list[dict]:
    """The rules as written (strings), in file order."""
    path = root / table("indicator_rules", root).path
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def select_sql(rules: list[dict]) -> str:
    """The indicator_rows query: every observation row a rule selects, once per rule, with the
    rule's indicator and definition number first. Rules that cannot be pasted are left out
    (validation reports them)."""
    parts = [f"SELECT {_literal(r['indicator'])} AS indicator_id, {int(r['definition'])} AS definition, o.*\n"
             f"FROM observations o WHERE ({r['rule']})"
             for r in rules if rule_problem(r.get("rule", "")) is None and str(r.get("definition", "")).isdigit()]
    if not parts:
        return "SELECT NULL::VARCHAR AS indicator_id, NULL::BIGINT AS definition, o.* FROM observations o WHERE false"
    return "\nUNION ALL\n".join(parts)


def block(rules: list[dict]) -> str:
    return (f"{BEGIN}\n-- Every observation row an indicator rule selects, once per rule: indicator_id and the\n"
            f"-- definition number, then the row's own columns.\n"
            f"CREATE OR REPLACE VIEW indicator_rows AS\n{select_sql(rules)};\n{END}")


def render_views(root: Path = ROOT) -> str:
    """sql/views.sql with its generated blocks rewritten: the rules from the package's
    data/indicator_rules.csv, then the view comments from datapackage.json."""
    from . import viewdocs
    text = (root / VIEWS).read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{VIEWS}: the markers {BEGIN!r} ... {END!r} are missing")
    return viewdocs.with_comments(root, text[:start] + block(read_rules(root)) + text[end + len(END):])


def fit_catalogue(root: Path, source: Path = ROOT) -> dict[str, int]:
    """Give the package at `root` the catalogue of `source`, keeping only the rules that match
    some of its rows (and the indicators that keep a rule), then regenerate its sql/views.sql.
    For generated packages (scripts/synthetic.py), whose rows cover only some indicators: a rule
    matching no row is a validation error. Returns the rows kept per table."""
    import duckdb

    from . import ddl, viewdocs
    kept = {}
    for name in ("indicators", "indicator_rules"):
        path = table(name, source).path
        (root / path).write_bytes((source / path).read_bytes())
    con = duckdb.connect()
    views = (source / VIEWS).read_text(encoding="utf-8")
    cwd = os.getcwd()
    try:
        os.chdir(root)   # the SQL reads data/ relative to the package root
        con.execute(ddl.render(root))
        con.execute(viewdocs.strip_block(views[:views.find(END) + len(END)]))
    finally:
        os.chdir(cwd)
    matched = {(i, str(d)) for i, d in con.execute("SELECT DISTINCT indicator_id, definition FROM indicator_rows").fetchall()}
    rules = [r for r in read_rules(root) if (r["indicator"], r["definition"]) in matched]
    for name, keep in (("indicator_rules", lambda r: (r["indicator"], r["definition"]) in matched),
                       ("indicators", lambda r: r["id"] in {x["indicator"] for x in rules})):
        path = root / table(name, root).path
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header, rows = reader.fieldnames, [r for r in reader if keep(r)]
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, header, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        kept[name] = len(rows)
    (root / VIEWS).write_text(render_views(root), encoding="utf-8")
    return kept
