"""The indicator catalogue against the observations it selects, set-based in DuckDB.

The checks load the package's tables into DuckDB with the DDL generated from its
datapackage.json and run the package's own SQL over them (sql/views.sql, with the generated rules
block replaced by the rules as they are in data/indicator_rules.csv), so they judge exactly what
the panel will do, not a second copy of its logic, and stay set-based at national size:

- a rule that is not one SQL condition, does not run, or matches no row;
- a row matched by two definitions of the same indicator (it would be counted twice);
- a rule that selects rows in another unit than its indicator's (its cells would mix units);
- a panel cell whose counted rows cover different periods (e.g. two stocks at different dates).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd

from scripts import ddl, viewdocs
from scripts import indicators as catalogue
from scripts.metadata import ROOT

RULES, INDICATORS = "indicator_rules", "indicators"
EXAMPLES = 5   # row ids named in one message


def _ids(ids: list[str]) -> str:
    more = f" and {len(ids) - EXAMPLES} more" if len(ids) > EXAMPLES else ""
    return ", ".join(ids[:EXAMPLES]) + more


def _connect(root: Path) -> duckdb.DuckDBPyConnection:
    """The package's tables loaded by DuckDB from its CSVs with the DDL generated from its
    datapackage.json, as the build loads them (DuckDB reads CSVs far faster than it converts
    pandas string columns)."""
    con = duckdb.connect()
    cwd = os.getcwd()
    try:
        os.chdir(root)   # the DDL reads data/ relative to the package root, as the CLI does
        con.execute(ddl.render(root))
    finally:
        os.chdir(cwd)
    return con


def check(root: Path, rules: pd.DataFrame | None, problem: Callable[[str, int, str, str], object]) -> list:
    """Problems of the catalogue of the package at `root`. `rules` is the typed indicator_rules
    frame (its index locates a rule's line); `problem(table, row, field, message)` makes a
    located problem. The views are the code's sql/views.sql (a package need not carry sql/).
    A package whose tables DuckDB cannot load (a type, key or required-value error, which the
    table checks report) is not checked here."""
    if rules is None or rules.empty:
        return []
    views = (ROOT / catalogue.VIEWS).read_text(encoding="utf-8")
    head = views[:views.find(catalogue.BEGIN)]
    try:
        con = _connect(root)
        con.execute(head)   # observations and region_lineage
    except (duckdb.Error, KeyError):
        return []
    out, valid = [], []
    for i, r in zip(rules.index, rules.to_dict("records")):
        rule = r.get("rule")
        why = catalogue.rule_problem(rule if isinstance(rule, str) else "")
        if why is None:
            try:
                con.execute(f"SELECT 1 FROM observations WHERE ({rule}) LIMIT 0")
            except duckdb.Error as exc:
                why = f"rule does not run over the observations view: {str(exc).splitlines()[0]}"
        if why:
            out.append(problem(RULES, i, "rule", why))
        elif pd.notna(r.get("definition")) and isinstance(r.get("indicator"), str):
            valid.append((i, {"indicator": r["indicator"], "definition": str(int(r["definition"])), "rule": rule}))
    if not valid:
        return out
    line_of = {(r["indicator"], int(r["definition"])): i for i, r in valid}
    try:
        con.execute(catalogue.block([r for _, r in valid]))
        con.execute(viewdocs.strip_block(views[views.find(catalogue.END) + len(catalogue.END):]))
    except duckdb.Error as exc:
        return out + [problem(RULES, valid[0][0], "rule", f"the indicator views do not run with these rules: {exc}")]
    out += _no_match(con, line_of, problem)
    out += _matched_twice(con, line_of, problem)
    out += _other_units(con, line_of, problem)
    out += _mixed_periods(con, line_of, problem)
    return out


def _no_match(con, line_of, problem) -> list:
    counts = dict(((ind, d), n) for ind, d, n in con.execute(
        "SELECT indicator_id, definition, count(*) FROM indicator_rows GROUP BY ALL").fetchall())
    return [problem(RULES, i, "rule", f"rule of {ind} (definition {d}) matches no row: check its codes and columns")
            for (ind, d), i in line_of.items() if counts.get((ind, d), 0) == 0]


def _matched_twice(con, line_of, problem) -> list:
    rows = con.execute("""
        SELECT indicator_id, list(DISTINCT definition ORDER BY definition) AS defs, list(id ORDER BY id) AS ids
        FROM (SELECT indicator_id, id, list(definition ORDER BY definition) AS d
              FROM indicator_rows GROUP BY ALL HAVING count(*) > 1), unnest(d) AS t(definition)
        GROUP BY indicator_id""").fetchall()
    return [problem(RULES, line_of[(ind, defs[-1])], "rule",
                    f"rows {_ids(sorted(set(ids)))} are matched by definitions {', '.join(map(str, defs))} of {ind}: "
                    f"each would be counted twice; make the definitions exclusive")
            for ind, defs, ids in rows]


def _other_units(con, line_of, problem) -> list:
    rows = con.execute("""
        SELECT r.indicator_id, r.definition, i.unit, list(DISTINCT coalesce(r.unit, 'none')), list(r.id ORDER BY r.id)
        FROM indicator_rows r JOIN indicators i ON i.id = r.indicator_id
        WHERE r.unit IS DISTINCT FROM i.unit AND r.value IS NOT NULL
        GROUP BY ALL""").fetchall()
    return [problem(RULES, line_of[(ind, d)], "rule",
                    f"rule of {ind} (definition {d}) selects rows in {', '.join(sorted(units))} ({_ids(ids)}), but the "
                    f"indicator is in {unit}: its cells would mix units; narrow the rule (e.g. AND unit = '{unit}')")
            for ind, d, unit, units, ids in rows]


def _mixed_periods(con, line_of, problem) -> list:
    rows = con.execute("""
        SELECT indicator_id, min(definition), region_code, year, school_level,
               list(DISTINCT period_covered ORDER BY period_covered), list(id ORDER BY id)
        FROM indicator_matches WHERE left_out_because IS NULL
        GROUP BY indicator_id, region_code, year, school_level
        HAVING count(DISTINCT period_covered) > 1""").fetchall()
    return [problem(RULES, line_of[(ind, d)], "rule",
                    f"panel cell {ind} / {region} / {year} / {level} adds rows of different periods "
                    f"({'; '.join(periods)}: {_ids(ids)}); a cell must cover one period")
            for ind, d, region, year, level, periods, ids in rows]
