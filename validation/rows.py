"""Rules within one curated row, beyond field constraints."""
from __future__ import annotations

import pandas as pd

from scripts.metadata import Table

SPAN_PERIODS = {"multi_year", "school_year"}
# what the rules of one row read; project_name only where the table has it
FIELDS = ("value", "unit", "printed", "qualifier", "value_max", "period", "first_year", "year", "indicator")


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts with None for missing cells, so comparisons never meet pandas.NA."""
    cols = list(df.columns)
    return [dict(zip(cols, row)) for row in df.to_numpy(dtype=object, na_value=None)]


def _row_problems(r: dict, has_project: bool) -> list[tuple[str, str]]:
    out = []
    if r["value"] is None:
        if not (r["indicator"] == "project" and has_project and r.get("project_name")):
            out.append(("value", "value: is required (only a named project row, indicator 'project' with project_name, may have none)"))
        out += [(n, f"{n}: must be empty when value is empty") for n in ("unit", "printed", "value_max") if r[n] is not None]
    else:
        out += [(n, f"{n}: is required when value is given") for n in ("unit", "printed") if r[n] is None]
    if (r["qualifier"] == "range") != (r["value_max"] is not None):
        out.append(("value_max", "value_max: must be given exactly when qualifier is 'range'"))
    elif r["value_max"] is not None and r["value"] is not None and r["value_max"] < r["value"]:
        out.append(("value_max", f"value_max: {r['value_max']:g} is below value {r['value']:g}"))
    spans = r["period"] in SPAN_PERIODS
    if spans != (r["first_year"] is not None):
        out.append(("first_year", "first_year: must be given exactly when period is multi_year or school_year"))
    elif spans and r["year"] is not None and not r["first_year"] < r["year"]:
        out.append(("first_year", f"first_year: {r['first_year']} must be before year {r['year']}"))
    if has_project and r["indicator"] == "project" and r.get("project_name") is None:
        out.append(("project_name", "project_name: is required for a named project row (indicator 'project')"))
    return out


def check_rows(table: Table, df: pd.DataFrame, rows: list[dict] | None = None) -> list[tuple[int, str, str]]:
    """Consistency of value/unit/printed, qualifier/value_max, period/first_year. `rows` are
    records(df) when the caller has them already: converting a table is not free."""
    if not set(FIELDS) <= set(df.columns):
        return []
    has_project = "project_name" in df.columns
    rows = records(df) if rows is None else rows
    return [(i, name, msg) for i, r in zip(df.index, rows) for name, msg in _row_problems(r, has_project)]
