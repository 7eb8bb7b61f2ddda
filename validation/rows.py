"""Rules within a curated row and between a part and its total, beyond field constraints."""
from __future__ import annotations

import pandas as pd

from scripts.metadata import Table

SPAN_PERIODS = {"multi_year", "school_year"}


def check_rows(table: Table, df: pd.DataFrame) -> list[tuple[int, str, str]]:
    """Consistency of value/unit/printed, qualifier/value_max, period/first_year."""
    out = []
    cols = set(df.columns)
    need = {"value", "unit", "printed", "qualifier", "value_max", "period", "first_year", "year", "indicator"}
    if not need <= cols:
        return out
    for i, r in df.iterrows():
        if pd.isna(r["value"]):
            if not (r["indicator"] == "project" and "project_name" in cols and pd.notna(r["project_name"])):
                out.append((i, "value", "value: is required (only a named project row, indicator 'project' with project_name, may have none)"))
            for name in ("unit", "printed", "value_max"):
                if pd.notna(r[name]):
                    out.append((i, name, f"{name}: must be empty when value is empty"))
        else:
            for name in ("unit", "printed"):
                if pd.isna(r[name]):
                    out.append((i, name, f"{name}: is required when value is given"))
        if (r["qualifier"] == "range") != pd.notna(r["value_max"]):
            out.append((i, "value_max", "value_max: must be given exactly when qualifier is 'range'"))
        elif pd.notna(r["value_max"]) and pd.notna(r["value"]) and r["value_max"] < r["value"]:
            out.append((i, "value_max", f"value_max: {r['value_max']} is below value {r['value']}"))
        spans = r["period"] in SPAN_PERIODS
        if spans != pd.notna(r["first_year"]):
            out.append((i, "first_year", "first_year: must be given exactly when period is multi_year or school_year"))
        elif spans and not r["first_year"] < r["year"]:
            out.append((i, "first_year", f"first_year: {r['first_year']} must be before year {r['year']}"))
        if "project_name" in cols and r["indicator"] == "project" and pd.isna(r["project_name"]):
            out.append((i, "project_name", "project_name: is required for a named project row (indicator 'project')"))
    return out


def check_parts(table: Table, df: pd.DataFrame) -> list[tuple[int, str, str]]:
    """A part shares its total's unit and never exceeds it; rows do not refer to themselves."""
    out = []
    if not {"id", "parent_id", "base_id", "value", "unit"} <= set(df.columns):
        return out
    by_id = df.drop_duplicates("id").set_index("id")
    for i, r in df.iterrows():
        for ref in ("parent_id", "base_id"):
            if pd.notna(r[ref]) and r[ref] == r["id"]:
                out.append((i, ref, f"{ref}: a row cannot refer to itself"))
        pid = r["parent_id"]
        if pd.isna(pid) or pid == r["id"] or pid not in by_id.index:
            continue
        total = by_id.loc[pid]
        if pd.notna(total["unit"]) and pd.notna(r["unit"]) and total["unit"] != r["unit"]:
            out.append((i, "unit", f"unit: part is in {r['unit']!r} but its total {pid} is in {total['unit']!r}"))
        elif pd.notna(total["value"]) and pd.notna(r["value"]) and r["value"] > total["value"] and r["unit"] != "percent":
            out.append((i, "value", f"value: part {r['value']:g} exceeds its total {pid} ({total['value']:g})"))
    return out
