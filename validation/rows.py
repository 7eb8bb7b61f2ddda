"""Rules within one curated row, beyond field constraints: one SQL query per topic table over
its typed DuckDB table t_<name> (validation/sqlchecks.py made it), returning the failing rows
only. A cell that is not of its type is NULL there, as it is empty for these rules."""
from __future__ import annotations

import pandas as pd

from scripts.metadata import Table

SPAN_PERIODS = ("multi_year", "school_year")
# what the rules of one row read; project_name only where the table has it
FIELDS = ("value", "unit", "printed", "qualifier", "value_max", "period", "first_year", "year", "indicator")


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts with None for missing cells, so comparisons never meet pandas.NA."""
    cols = list(df.columns)
    return [dict(zip(cols, row)) for row in df.to_numpy(dtype=object, na_value=None)]


def _rules(has_project: bool) -> list[tuple[str, str, str]]:
    """(rule, field, SQL condition on one row); the conditions of one numbered group exclude
    each other as the if/elif of the rule text does."""
    named_project = "(indicator = 'project' AND project_name IS NOT NULL)" if has_project else "false"
    spans = f"coalesce(period IN {SPAN_PERIODS!r}, false)".replace(",)", ")")
    is_range = "coalesce(qualifier = 'range', false)"
    out = [("value_required", "value", f"value IS NULL AND NOT coalesce({named_project}, false)")]
    out += [(f"empty_{n}", n, f"value IS NULL AND {n} IS NOT NULL") for n in ("unit", "printed", "value_max")]
    out += [(f"required_{n}", n, f"value IS NOT NULL AND {n} IS NULL") for n in ("unit", "printed")]
    out += [("range", "value_max", f"{is_range} <> (value_max IS NOT NULL)"),
            ("below", "value_max", f"{is_range} = (value_max IS NOT NULL) AND value_max < value"),
            ("span", "first_year", f"{spans} <> (first_year IS NOT NULL)"),
            ("before", "first_year", f"{spans} = (first_year IS NOT NULL) AND {spans} AND year IS NOT NULL AND NOT first_year < year")]
    if has_project:
        out.append(("project_name", "project_name", "indicator = 'project' AND project_name IS NULL"))
    return out


def sql(table: Table, columns: list[str]) -> str | None:
    """(row, rule, field, value, value_max, first_year, year) of every rule a row breaks."""
    if not set(FIELDS) <= set(columns):
        return None
    return " UNION ALL ".join(
        f"SELECT __row, '{rule}', '{field}', value, value_max, first_year, year FROM \"t_{table.name}\" WHERE {cond}"
        for rule, field, cond in _rules("project_name" in columns))


def message(rule: str, field: str, value, value_max, first_year, year) -> str:
    if rule == "value_required":
        return "value: is required (only a named project row, indicator 'project' with project_name, may have none)"
    if rule.startswith("empty_"):
        return f"{field}: must be empty when value is empty"
    if rule.startswith("required_"):
        return f"{field}: is required when value is given"
    if rule == "range":
        return "value_max: must be given exactly when qualifier is 'range'"
    if rule == "below":
        return f"value_max: {value_max:g} is below value {value:g}"
    if rule == "span":
        return "first_year: must be given exactly when period is multi_year or school_year"
    if rule == "before":
        return f"first_year: {first_year} must be before year {year}"
    return "project_name: is required for a named project row (indicator 'project')"


def check_rows(con, table: Table, columns: list[str]) -> list[tuple[int, str, str]]:
    """Consistency of value/unit/printed, qualifier/value_max, period/first_year, project rows."""
    query = sql(table, columns)
    if query is None:
        return []
    return [(r, field, message(rule, field, *values)) for r, rule, field, *values in con.execute(query).fetchall()]
