"""Field types, constraints, primary and foreign keys and formula cells: SQL generated from
datapackage.json, run by DuckDB over the text-typed tables of validation/database.py.

Why SQL and not pandera: the issue's prototypes timed both against `frictionless validate` on
the same files. These checks as SQL over DuckDB's text-typed `read_csv` were 12.7x faster than
frictionless at 106k rows and 37.6x at national size; pandera on its polars backend was 4.3x
and 31x (and needs polars, not otherwise used), pandera on pandas (what this replaced) about
1x. Each query scans a table once in C++ over both cores and returns only failing cells, so
the Python work is proportional to the problems, not the rows.

The SQL is generated here and nowhere else, from the same field descriptions that give the
DuckDB DDL (scripts/ddl.py) and the pandas loader (scripts/frames.py); the type grammar is
scripts/grammar.py's. Messages are the ones the pandera checks gave, word for word.
"""
from __future__ import annotations

from scripts import grammar
from scripts.metadata import DUCKDB_TYPES, Table

from .database import quote_ident as qi
from .database import quote_str as qs
from .safety import FORMULA_START

CODE_LIST = "is not in the code list (see datapackage.json enum / docs/data-dictionary.md)"


def _in(values) -> str:
    return "(" + ", ".join(qs(str(v)) for v in values) + ")"


def cell(table: Table, col: str) -> str:
    """The raw cell with the table's missing values read as NULL."""
    c, missing = qi(col), table.missing_values
    if not missing:
        return c
    return f"NULLIF({c}, {qs(missing[0])})" if len(missing) == 1 else f"(CASE WHEN {c} IN {_in(missing)} THEN NULL ELSE {c} END)"


def type_ok(field: dict, c: str) -> str:
    """SQL true when the non-missing text `c` is a value of the field's type (scripts/grammar.py)."""
    t = field.get("type", "string")
    if t == "integer":
        return f"(regexp_full_match({c}, {qs(grammar.INTEGER)}) AND TRY_CAST({c} AS BIGINT) IS NOT NULL)"
    if t == "number":
        return f"(regexp_full_match({c}, {qs(grammar.NUMBER)}) AND isfinite(TRY_CAST({c} AS DOUBLE)))"
    if t == "date":
        return f"(regexp_full_match({c}, {qs(grammar.DATE)}) AND TRY_CAST({c} AS DATE) IS NOT NULL)"
    if t == "boolean":
        return f"{c} IN {_in(grammar.true_values(field) + grammar.false_values(field))}"
    return "true"


def typed(field: dict, c: str) -> str:
    """The typed value of text `c` (NULL when missing or not of its type)."""
    t = field.get("type", "string")
    if t == "string":
        return c
    if t == "boolean":
        return (f"(CASE WHEN {c} IN {_in(grammar.true_values(field))} THEN true "
                f"WHEN {c} IN {_in(grammar.false_values(field))} THEN false END)")
    return f"(CASE WHEN {type_ok(field, c)} THEN TRY_CAST({c} AS {DUCKDB_TYPES[t]}) END)"


def present(table: Table, header: list[str]) -> list[dict]:
    """The fields of the table that the file has (a missing column is reported by the header check)."""
    return [f for f in table.fields if f["name"] in header]


RAW = "__raw_"   # t_<name> keeps the text of each typed cell as __raw_<field>, for type errors and provenance


def create_typed(table: Table, header: list[str]) -> str:
    """t_<name>: __row (the record's index), every present field typed, and the text of every
    non-string field (missing values as NULL) as __raw_<field>: the grammar is evaluated
    once per cell, here."""
    cols = []
    for f in present(table, header):
        c = cell(table, f["name"])
        cols.append(f"{typed(f, c)} AS {qi(f['name'])}")
        if f.get("type", "string") != "string":
            cols.append(f"{c} AS {qi(RAW + f['name'])}")
    return (f"CREATE OR REPLACE TABLE {qi('t_' + table.name)} AS SELECT rowid AS __row"
            + "".join(", " + c for c in cols) + f" FROM {qi('raw_' + table.name)} ORDER BY rowid")


def type_errors(table: Table, header: list[str]) -> str | None:
    """(row, field, raw text) of every non-missing cell that is not of its type (typed NULL)."""
    parts = [f"SELECT __row AS r, {qs(f['name'])} AS f, {qi(RAW + f['name'])} AS v FROM {qi('t_' + table.name)} "
             f"WHERE {qi(RAW + f['name'])} IS NOT NULL AND {qi(f['name'])} IS NULL"
             for f in present(table, header) if f.get("type", "string") != "string"]
    return " UNION ALL ".join(parts) or None


def constraint_failures(table: Table, header: list[str]) -> str | None:
    """(row, field, check, value as text) of every constraint a cell breaks. A cell that is not
    of its type is typed NULL, so only `required` could see it, and that reads the raw cell."""
    t, raw = qi("t_" + table.name), qi("raw_" + table.name)
    pk_single = table.primary_key if len(table.primary_key) == 1 else []
    parts = []
    for f in present(table, header):
        name, c = f["name"], qi(f["name"])
        cons, ftype = f.get("constraints", {}), f.get("type", "string")
        sel = lambda check, where, src=t, v=f"CAST({c} AS VARCHAR)", row="__row": (
            f"SELECT {row} AS r, {qs(name)} AS f, {qs(check)} AS k, {v} AS v FROM {src} WHERE {where}")
        if cons.get("required"):
            parts.append(sel("required", f"{cell(table, name)} IS NULL", raw, "NULL", "rowid"))
        if "enum" in cons:
            parts.append(sel("enum", f"{c} IS NOT NULL AND CAST({c} AS VARCHAR) NOT IN {_in(cons['enum'])}"))
        lo, hi = cons.get("minimum"), cons.get("maximum")
        if (lo is not None or hi is not None) and ftype in ("integer", "number"):
            tests = ([f"{c} < {lo}"] if lo is not None else []) + ([f"{c} > {hi}"] if hi is not None else [])
            parts.append(sel("range", f"{c} IS NOT NULL AND ({' OR '.join(tests)})"))
        if "pattern" in cons and ftype == "string":
            parts.append(sel("pattern", f"{c} IS NOT NULL AND NOT regexp_full_match({c}, {qs(cons['pattern'])})"))
        if ("minLength" in cons or "maxLength" in cons) and ftype == "string":
            tests = ([f"length({c}) < {int(cons['minLength'])}"] if "minLength" in cons else []) + \
                    ([f"length({c}) > {int(cons['maxLength'])}"] if "maxLength" in cons else [])
            parts.append(sel("length", f"{c} IS NOT NULL AND ({' OR '.join(tests)})"))
        if cons.get("unique") and name not in pk_single:   # a one-field key: the primary-key check says it
            parts.append(f"SELECT __row AS r, {qs(name)} AS f, 'unique' AS k, CAST({c} AS VARCHAR) AS v FROM {t} "
                         f"WHERE {c} IS NOT NULL QUALIFY count(*) OVER (PARTITION BY {c}) > 1")
    return " UNION ALL ".join(parts) or None


def constraint_message(field: dict, check: str, value: str | None) -> str:
    name, cons = field["name"], field.get("constraints", {})
    if check == "required":
        return f"{name}: is required but empty"
    shown = repr(_as_python(field, value))
    if check == "enum":
        return f"{name}: {shown} {CODE_LIST}"
    if check == "range":
        return f"{name}: {shown} is out of range (minimum {cons.get('minimum')}, maximum {cons.get('maximum')})"
    if check == "pattern":
        return f"{name}: {shown} does not match the pattern {cons.get('pattern')}"
    if check == "length":
        return f"{name}: {shown} is shorter than {cons.get('minLength')} characters or longer than {cons.get('maxLength')}"
    return f"{name}: {shown} is a duplicate; the column must be unique"


def _as_python(field: dict, value: str | None):
    t = field.get("type", "string")
    if value is None:
        return None
    return int(value) if t == "integer" else float(value) if t == "number" else value


def primary_key_duplicates(table: Table, header: list[str]) -> str | None:
    """(row, key as text per field, row of the key's first use) of every later use of a key."""
    pk = [f for f in table.primary_key if f in header]
    if not pk:
        return None
    cols = ", ".join(qi(f) for f in pk)
    keys = ", ".join(f"CAST({qi(f)} AS VARCHAR)" for f in pk)
    notnull = " AND ".join(f"{qi(f)} IS NOT NULL" for f in pk)
    return (f"SELECT __row, [{keys}] AS k, first FROM (SELECT __row, {cols}, min(__row) OVER (PARTITION BY {cols}) AS first "
            f"FROM {qi('t_' + table.name)} WHERE {notnull}) WHERE __row > first")


def foreign_key_misses(table: Table, header: list[str], headers: dict[str, list[str]]) -> list[tuple[str, list[str], str, list[str]]]:
    """(sql, fields, referenced table, referenced fields) per foreign key both sides can check:
    the sql gives (row, key as text per field) of every reference that finds nothing."""
    out = []
    for fk in table.foreign_keys:
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        ref_name = ref["resource"] or table.name
        ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        if ref_name not in headers or not set(fields) <= set(header) or not set(ref_fields) <= set(headers[ref_name]):
            continue
        on = " AND ".join(f"CAST(a.{qi(f)} AS VARCHAR) = CAST(b.{qi(g)} AS VARCHAR)" for f, g in zip(fields, ref_fields))
        notnull = " AND ".join(f"a.{qi(f)} IS NOT NULL" for f in fields)
        keys = ", ".join(f"CAST(a.{qi(f)} AS VARCHAR)" for f in fields)
        out.append((f"SELECT a.__row, [{keys}] FROM {qi('t_' + table.name)} a ANTI JOIN {qi('t_' + ref_name)} b ON {on} "
                    f"WHERE {notnull}", fields, ref_name, ref_fields))
    return out


def formula_cells(table: Table, header: list[str]) -> str | None:
    """(row, field, first 20 characters) of every text cell a spreadsheet would run as a formula."""
    starts = _in(FORMULA_START)
    parts = [f"SELECT __row, {qs(f['name'])}, left({qi(f['name'])}, 20) FROM {qi('t_' + table.name)} "
             f"WHERE left({qi(f['name'])}, 1) IN {starts}"
             for f in present(table, header) if f.get("type", "string") == "string"]
    return " UNION ALL ".join(parts) or None


def formula_message(name: str, start: str) -> str:
    return (f"{name}: {start!r} starts with {start[0]!r}, which a spreadsheet runs as a formula; "
            "reword it (e.g. start with the text, or prefix an apostrophe-free word)")
