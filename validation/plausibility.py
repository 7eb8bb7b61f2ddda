"""Plausibility warnings: figures that are possible but suspicious. Reported as warnings, not
errors; `validate --strict` makes them fail. The first three are SQL over the typed DuckDB
table; the series check is numpy over what a query returns (a median per series without the row's own
year, by one sort).

- yuan per recipient of a student-aid amount and its recipients outside 10-100,000 yuan;
- per-student spending or funding outside 100-200,000 yuan;
- a rate above 100% for an indicator that cannot exceed it (gross enrolment rates and
  completion rates can);
- a value 10⁴ or 10⁸ times off the same region's other years of the same series (a forgotten
  or doubled 万 or 亿).
"""
from __future__ import annotations

import numpy as np

from .series_median import median_without_year

CAPPED_RATES = {"retention_rate", "employment_rate", "share_of_students", "share", "coverage_rate",
                "progression_rate", "ratio_to_standard_share"}
AID_PER_RECIPIENT = (10, 100_000)
PER_STUDENT = (100, 200_000)
SERIES_KEY = ["region_code", "indicator", "unit", "school_level", "population", "kind", "period"]


def _rates(con, t: str, columns: list[str]) -> list[tuple[int, str, str]]:
    capped = ", ".join(f"'{c}'" for c in sorted(CAPPED_RATES))
    rows = con.execute(f"SELECT __row, value, indicator FROM {t} WHERE unit = 'percent' AND indicator IN ({capped}) "
                       "AND value > 100").fetchall()
    return [(r, "value", f"value: {value:g}% for {indicator}, which cannot exceed 100%") for r, value, indicator in rows]


def _per_student(con, t: str, columns: list[str]) -> list[tuple[int, str, str]]:
    lo, hi = PER_STUDENT
    rows = con.execute(f"SELECT __row, value FROM {t} WHERE indicator IN ('per_student_expenditure', 'per_student_public_funds') "
                       f"AND unit = 'yuan' AND (value < {lo} OR value > {hi})").fetchall()
    return [(r, "value", f"value: {value:g} yuan per student is outside {lo}-{hi:,}: check 万/元") for r, value in rows]


AID_KEY = ("source_id", "region_code", "year", "period", "programme", "school_level", "population", "kind")


def _aid(con, t: str, columns: list[str]) -> list[tuple[int, str, str]]:
    """Each amount in yuan against every recipients row of the same key (a join, as pandas'
    merge did: missing keys match each other)."""
    if not set(AID_KEY) <= set(columns):
        return []
    lo, hi = AID_PER_RECIPIENT
    on = " AND ".join(f"a.{k} IS NOT DISTINCT FROM p.{k}" for k in AID_KEY)
    rows = con.execute(f"SELECT a.__row, a.value / p.value AS per FROM {t} a JOIN {t} p ON {on} "
                       f"WHERE a.indicator = 'amount' AND a.unit = 'yuan' AND p.indicator = 'recipients' AND p.value > 0 "
                       f"AND (a.value / p.value < {lo} OR a.value / p.value > {hi})").fetchall()
    return [(r, "value", f"value: {per:,.0f} yuan per recipient is outside {lo}-{hi:,}: check 万/亿 and the recipients row")
            for r, per in rows]


def _magnitude(con, t: str, columns: list[str]) -> list[tuple[int, str, str]]:
    """A value 5,000 times above or below the median of its series in the other years.

    DuckDB selects the rows and numbers the series (dense_rank over the series key: missing
    keys form their own series, as pandas' groupby(dropna=False) did); numpy computes the
    medians (`series_median.median_without_year`: one sort, no loop per row, the result of the
    plain definition: for row i of series g, the median of g's values in years other than i's).
    No frame of the table's columns is made: three numbers per row."""
    if not set(SERIES_KEY) <= set(columns):
        return []
    # a row whose year is missing or not an integer (reported as a type error) has no place in
    # a series by year: leave it out, so that bad input never stops the other checks
    sel = con.execute(f"""SELECT __row, dense_rank() OVER (ORDER BY {', '.join(SERIES_KEY)}) AS series, year, value
        FROM {t} WHERE value > 0 AND unit <> 'percent' AND year IS NOT NULL ORDER BY __row""").fetchnumpy()
    if not len(sel["__row"]):
        return []
    values = np.asarray(sel["value"], dtype="float64")
    median = median_without_year(np.asarray(sel["series"], dtype="int64"), np.asarray(sel["year"], dtype="int64"), values)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = values / median
    bad = ~np.isnan(median) & ((ratio >= 5000) | (ratio <= 1 / 5000))
    return [(int(i), "value", f"value: {float(v):g} is {float(q):.3g} times the same series in other years: a forgotten or extra 万/亿?")
            for i, v, q in zip(np.asarray(sel["__row"])[bad], values[bad], ratio[bad])]


def check(con, table: str, columns: list[str]) -> list[tuple[int, str, str]]:
    """All plausibility warnings for one topic table over its typed DuckDB table t_<table>: three
    as SQL, the series check numpy over what a query returns (a median without the row's own
    year has no SQL aggregate; series_median.py does all rows with one sort)."""
    need = {"value", "unit", "indicator", "region_code", "year"}
    if not need <= set(columns):
        return []
    t = f'"t_{table}"'
    return _rates(con, t, columns) + _per_student(con, t, columns) + _aid(con, t, columns) + _magnitude(con, t, columns)
