"""The indicator catalogue against the observations it selects, set-based in DuckDB.

The checks run the package's own SQL (sql/views.sql, with the generated rules block replaced by
the rules as they are in data/indicator_rules.csv) over the tables validation has already
loaded and typed (t_<name> in its DuckDB database), so they judge exactly what the panel will
do, not a second copy of its logic, and stay set-based at national size:

- a rule that is not one SQL condition, does not run, or matches no row;
- a row matched by two definitions of the same indicator (it would be counted twice);
- a rule that selects rows in another unit than its indicator's (its cells would mix units);
- a panel cell whose counted rows cover different periods (e.g. two stocks at different dates).
"""
from __future__ import annotations

from typing import Callable

import duckdb
import pandas as pd

from scripts import viewdocs
from scripts import indicators as catalogue
from scripts.metadata import ROOT, duckdb_type

from .database import quote_ident as qi
from .sqlchecks import RAW

RULES, INDICATORS = "indicator_rules", "indicators"
EXAMPLES = 5   # row ids named in one message
SCHEMA = "__indicator_check"   # the package's table names, as views over t_<name>; dropped after the check
SELECTED = "__selected"         # indicator_rows, the columns the checks read


def _ids(ids: list[str]) -> str:
    more = f" and {len(ids) - EXAMPLES} more" if len(ids) > EXAMPLES else ""
    return ", ".join(ids[:EXAMPLES]) + more


def _loads_cleanly(con, table, header: list[str]) -> bool:
    """Would the build's DDL (sql/tables.sql: typed columns, NOT NULL, PRIMARY KEY) load this
    table? Every field present, no cell outside its type, no missing required or key value, no
    duplicate key. The views are only meaningful over such tables, and the checks used to run on
    the CSVs loaded by that DDL, skipping a package it refused: the same tables are skipped here,
    so a type or key error (reported by the table checks) never shows up twice, as a spurious
    catalogue problem."""
    if any(f["name"] not in header for f in table.fields):
        return False
    t = qi("t_" + table.name)
    bad = [f"({qi(RAW + f['name'])} IS NOT NULL AND {qi(f['name'])} IS NULL)"
           for f in table.fields if f.get("type", "string") != "string"]
    bad += [f"{qi(f['name'])} IS NULL" for f in table.fields
            if f.get("constraints", {}).get("required") or f["name"] in table.primary_key]
    if bad and con.execute(f"SELECT count(*) FROM {t} WHERE {' OR '.join(bad)}").fetchone()[0]:
        return False
    if table.primary_key:
        key = ", ".join(qi(k) for k in table.primary_key)
        if con.execute(f"SELECT count(*) FROM (SELECT 1 FROM {t} GROUP BY {key} HAVING count(*) > 1)").fetchone()[0]:
            return False
    return True


def _connect(con, tables: dict[str, tuple[object, list[str]]]) -> duckdb.DuckDBPyConnection | None:
    """A cursor on validation's database whose default schema maps each table name onto its typed
    t_<name> (columns in datapackage order, as sql/tables.sql makes them): the CSVs are not read
    a second time (that cost 2-5 s at 430k rows, and twice the memory). None when a table would
    not load through the DDL (`_loads_cleanly`)."""
    if not all(_loads_cleanly(con, table, header) for table, header in tables.values()):
        return None
    cur = con.cursor()   # its own default schema; the caller's connection is left as it was
    cur.execute(f"DROP SCHEMA IF EXISTS {qi(SCHEMA)} CASCADE; CREATE SCHEMA {qi(SCHEMA)}; SET schema = '{SCHEMA}'")
    for name, (table, _) in tables.items():
        cols = ", ".join(f"CAST({qi(f['name'])} AS {duckdb_type(f)}) AS {qi(f['name'])}" for f in table.fields)
        cur.execute(f"CREATE VIEW {qi(name)} AS SELECT {cols} FROM main.{qi('t_' + name)}")
    return cur


def check(con, tables: dict[str, tuple[object, list[str]]], rules: pd.DataFrame | None,
          problem: Callable[[str, int, str, str], object]) -> list:
    """Problems of the catalogue, over validation's database `con` (typed tables t_<name>);
    `tables` maps each loaded table's name to (Table, the fields its file has). `rules` is the
    typed indicator_rules frame (rule, indicator, definition; its index locates a rule's line);
    `problem(table, row, field, message)` makes a located problem. The views are the code's
    sql/views.sql (a package need not carry sql/). A package the build could not load (a type,
    key or required-value error, which the table checks report) is not checked here."""
    if rules is None or rules.empty:
        return []
    views = (ROOT / catalogue.VIEWS).read_text(encoding="utf-8")
    head = views[:views.find(catalogue.BEGIN)]
    cur = None
    try:
        try:
            cur = _connect(con, tables)
            if cur is None:
                return []
            cur.execute(head)   # observations and region_lineage
        except (duckdb.Error, KeyError):
            return []
        return _check(cur, views, rules, problem)
    finally:
        if cur is not None:   # leave no views behind in a database the build reuses
            cur.execute(f"DROP SCHEMA IF EXISTS {qi(SCHEMA)} CASCADE")
            cur.close()


def _check(con, views: str, rules: pd.DataFrame, problem) -> list:
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
    # three checks read the same selection: made once (the view runs every rule over every
    # table), with only the columns they read (the view carries every column, quotes too)
    con.execute(f"CREATE TABLE {SELECTED} AS SELECT indicator_id, definition, id, unit, value FROM indicator_rows")
    out += _no_match(con, line_of, problem)
    out += _matched_twice(con, line_of, problem)
    out += _other_units(con, line_of, problem)
    out += _mixed_periods(con, line_of, problem)
    return out


def _no_match(con, line_of, problem) -> list:
    counts = dict(((ind, d), n) for ind, d, n in con.execute(
        f"SELECT indicator_id, definition, count(*) FROM {SELECTED} GROUP BY ALL").fetchall())
    return [problem(RULES, i, "rule", f"rule of {ind} (definition {d}) matches no row: check its codes and columns")
            for (ind, d), i in line_of.items() if counts.get((ind, d), 0) == 0]


def _matched_twice(con, line_of, problem) -> list:
    rows = con.execute(f"""
        SELECT indicator_id, list(DISTINCT definition ORDER BY definition) AS defs, list(id ORDER BY id) AS ids
        FROM (SELECT indicator_id, id, list(definition ORDER BY definition) AS d
              FROM {SELECTED} GROUP BY ALL HAVING count(*) > 1), unnest(d) AS t(definition)
        GROUP BY indicator_id""").fetchall()
    return [problem(RULES, line_of[(ind, defs[-1])], "rule",
                    f"rows {_ids(sorted(set(ids)))} are matched by definitions {', '.join(map(str, defs))} of {ind}: "
                    f"each would be counted twice; make the definitions exclusive")
            for ind, defs, ids in rows]


def _other_units(con, line_of, problem) -> list:
    rows = con.execute(f"""
        SELECT r.indicator_id, r.definition, i.unit, list(DISTINCT coalesce(r.unit, 'none')), list(r.id ORDER BY r.id)
        FROM {SELECTED} r JOIN indicators i ON i.id = r.indicator_id
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
