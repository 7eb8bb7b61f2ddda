"""Plausibility warnings: figures that are possible but suspicious. Reported as warnings, not
errors; `validate --strict` makes them fail.

- yuan per recipient of a student-aid amount and its recipients outside 10-100,000 yuan;
- per-student spending or funding outside 100-200,000 yuan;
- a rate above 100% for an indicator that cannot exceed it (gross enrolment rates and
  completion rates can);
- a value 10⁴ or 10⁸ times off the same region's other years of the same series (a forgotten
  or doubled 万 or 亿).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .series_median import median_without_year

CAPPED_RATES = {"retention_rate", "employment_rate", "share_of_students", "share", "coverage_rate",
                "progression_rate", "ratio_to_standard_share"}
AID_PER_RECIPIENT = (10, 100_000)
PER_STUDENT = (100, 200_000)
SERIES_KEY = ["region_code", "indicator", "unit", "school_level", "population", "kind", "period"]


def _rates(df: pd.DataFrame) -> list[tuple[int, str, str]]:
    bad = df[(df["unit"] == "percent") & df["indicator"].isin(CAPPED_RATES) & (df["value"] > 100)]
    return [(i, "value", f"value: {r.value:g}% for {r.indicator}, which cannot exceed 100%") for i, r in bad.iterrows()]


def _per_student(df: pd.DataFrame) -> list[tuple[int, str, str]]:
    lo, hi = PER_STUDENT
    sel = df[df["indicator"].isin(["per_student_expenditure", "per_student_public_funds"]) & (df["unit"] == "yuan")]
    bad = sel[(sel["value"] < lo) | (sel["value"] > hi)]
    return [(i, "value", f"value: {r.value:g} yuan per student is outside {lo}-{hi:,}: check 万/元") for i, r in bad.iterrows()]


def _aid(df: pd.DataFrame) -> list[tuple[int, str, str]]:
    if "programme" not in df.columns:
        return []
    key = ["source_id", "region_code", "year", "period", "programme", "school_level", "population", "kind"]
    amounts = df[(df["indicator"] == "amount") & (df["unit"] == "yuan")]
    people = df[(df["indicator"] == "recipients") & (df["value"] > 0)]
    pairs = amounts.reset_index().merge(people[key + ["value"]], on=key, suffixes=("", "_recipients"))
    lo, hi = AID_PER_RECIPIENT
    pairs["per"] = pairs["value"] / pairs["value_recipients"]
    bad = pairs[(pairs["per"] < lo) | (pairs["per"] > hi)]
    return [(r["index"], "value", f"value: {r['per']:,.0f} yuan per recipient is outside {lo}-{hi:,}: check 万/亿 and the recipients row")
            for _, r in bad.iterrows()]


def _magnitude(df: pd.DataFrame) -> list[tuple[int, str, str]]:
    """A value 5,000 times above or below the median of its series in the other years.

    Vectorised (one sort, no loop per row, so the check is linear-logarithmic in rows) with the
    result of the plain definition: for row i of series g, the median of g's values in years
    other than i's year (`series_median.median_without_year`)."""
    # a row whose year is missing or not an integer (reported as a type error) has no place in
    # a series by year: leave it out, so that bad input never stops the other checks
    keep = df["value"].notna() & (df["value"] > 0) & (df["unit"] != "percent") & df["year"].notna()
    sel = df[[c for c in SERIES_KEY + ["value", "year"] if c in df.columns]][keep]   # not a copy of every column
    if sel.empty:
        return []
    series = sel.groupby(SERIES_KEY, dropna=False, sort=False).ngroup().to_numpy()
    values = sel["value"].to_numpy(dtype="float64")
    median = median_without_year(series, sel["year"].to_numpy(dtype="int64"), values)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = values / median
    bad = ~np.isnan(median) & ((ratio >= 5000) | (ratio <= 1 / 5000))
    return [(i, "value", f"value: {float(v):g} is {float(q):.3g} times the same series in other years: a forgotten or extra 万/亿?")
            for i, v, q in zip(sel.index[bad], values[bad], ratio[bad])]


def check(df: pd.DataFrame) -> list[tuple[int, str, str]]:
    """All plausibility warnings for one topic table (typed frame)."""
    need = {"value", "unit", "indicator", "region_code", "year"}
    if not need <= set(df.columns):
        return []
    return _rates(df) + _per_student(df) + _aid(df) + _magnitude(df)
