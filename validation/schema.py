"""The pandera schema of a table, derived from datapackage.json, for users who check a pandas
frame they built themselves. `validate` does not run it: its checks of types and constraints
are SQL generated from the same metadata (validation/sqlchecks.py, faster by an order of
magnitude; tests/test_schema.py checks both report the same failing cells).

`pandera.io.pandas_io.from_frictionless_schema` is the starting point. Its gaps are fixed here,
in one place: optional integers become nullable `Int64` (plain int64 cannot hold a missing
value), dates are parsed and checked (it leaves them as strings), numbers are nullable
`Float64`, and code lists are checked on strings rather than coerced into categoricals.
Values are converted to their types first (scripts/frames.py, shared with the pandas loader),
so a cell that is not of its type gets a message naming the type instead of a traceback.
"""
from __future__ import annotations

import json
import warnings
from functools import lru_cache

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors
from pandera.io.pandas_io import from_frictionless_schema

from scripts.frames import PANDAS_DTYPES
from scripts.metadata import Table


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of a resource: frictionless constraints, with the fixes above."""
    return _schema_from_json(json.dumps(table.schema, sort_keys=True))


@lru_cache(maxsize=64)
def _schema_from_json(text: str) -> pa.DataFrameSchema:
    """Building a pandera schema is slow; cache it per distinct frictionless schema."""
    fields = json.loads(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = from_frictionless_schema(fields)
    updates = {f["name"]: {"dtype": PANDAS_DTYPES[f.get("type", "string")], "coerce": False}
               for f in fields["fields"]}
    return pa.DataFrameSchema(schema.update_columns(updates).columns, coerce=False)


def _describe(check: str, field: dict) -> str:
    cons = field.get("constraints", {})
    if check == "not_nullable":
        return "is required but empty"
    if check.startswith("isin"):
        return "is not in the code list (see datapackage.json enum / docs/data-dictionary.md)"
    if check.startswith("in_range") or check.startswith("greater") or check.startswith("less"):
        lo, hi = cons.get("minimum"), cons.get("maximum")
        return f"is out of range (minimum {lo}, maximum {hi})"
    if check.startswith("str_matches"):
        return f"does not match the pattern {cons.get('pattern')}"
    if check.startswith("str_length"):
        return f"is shorter than {cons.get('minLength')} characters or longer than {cons.get('maxLength')}"
    if check == "field_uniqueness":
        return "is a duplicate; the column must be unique"
    return f"fails check {check}"


def check_schema(table: Table, frame: pd.DataFrame) -> list[tuple[int, str, str]]:
    """Run the pandera schema lazily and return (row, field, message) for every failure."""
    schema = pandera_schema(table)
    cols = [c for c in schema.columns if c in frame.columns]
    schema = schema.select_columns(cols)
    try:
        schema.validate(frame[cols], lazy=True)
        return []
    except SchemaErrors as exc:
        cases = exc.failure_cases
    out = []
    for case in cases.itertuples(index=False):
        if case.index is None or pd.isna(case.index) or case.column not in frame.columns:
            continue
        field = table.field(case.column)
        value = case.failure_case.item() if hasattr(case.failure_case, "item") else case.failure_case
        shown = "" if pd.isna(value) else f" {value!r}"
        out.append((int(case.index), case.column, f"{case.column}:{shown} {_describe(str(case.check), field)}".replace(":  ", ": ")))
    return out
