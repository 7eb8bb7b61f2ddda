"""Years of a government work report: the reviewed year is data of the source, not guessed per row.

A report delivered in year Y (`sources.delivery_year`) reviews Y-1 (`sources.report_year`) and sets
the tasks of Y. So, for a source with a delivery_year:

* the source itself: report_year = delivery_year - 1 for a government work report; the printed
  delivery date (`delivered`) falls in delivery_year; a multi-year review starts
  (`review_first_year`) before report_year;
* its rows: an actual describes at most report_year (an outcome of the delivery year is not yet
  known when the report is delivered), and a target describes delivery_year or later (a task
  is never for a year already reviewed).

Set-based: each check reads the columns it needs and returns (row index, field, message).
"""
from __future__ import annotations

import pandas as pd

GWR = "government_work_report"


def _col(df: pd.DataFrame, name: str) -> list:
    """A column as a list, None for a missing cell (NaT too: hence a one-column frame)."""
    return df[[name]].to_numpy(dtype=object, na_value=None)[:, 0].tolist() if name in df.columns else [None] * len(df)


def check_sources(df: pd.DataFrame) -> list[tuple[int, str, str]]:
    """Delivery and review years of each source agree with each other."""
    out = []
    cols = {n: _col(df, n) for n in ("kind", "report_year", "delivery_year", "delivered", "review_first_year")}
    for i, kind, ry, dy, date, first in zip(df.index, *cols.values()):
        if kind == GWR and dy is None:
            out.append((i, "delivery_year", "delivery_year: a government work report needs the year it was delivered"))
            continue
        if dy is None:
            continue
        if kind == GWR and ry is not None and ry != dy - 1:
            out.append((i, "report_year", f"report_year: {ry}, but a government work report delivered in {dy} reviews {dy - 1}"))
        if date is not None and date.year != dy:
            out.append((i, "delivered", f"delivered: {date.date()} is not in delivery_year {dy}"))
        if first is not None and ry is not None and first >= ry:
            out.append((i, "review_first_year", f"review_first_year: {first} must be before report_year {ry}"))
    return out


def check_rows(df: pd.DataFrame, reviews: dict[str, tuple[int, int]]) -> list[tuple[int, str, str]]:
    """Rows of a delivered report: actuals up to the reviewed year, targets from the delivery year.
    `reviews` maps a source id to (report_year, delivery_year) for sources with a delivery_year."""
    if not reviews or not {"kind", "year", "source_id"} <= set(df.columns):
        return []
    out = []
    for i, kind, year, sid in zip(df.index, _col(df, "kind"), _col(df, "year"), _col(df, "source_id")):
        if sid not in reviews or year is None:
            continue
        reviewed, delivered = reviews[sid]
        if kind == "actual" and year > reviewed:
            out.append((i, "year", f"year: {year} is after the year {reviewed} that {sid} reviews (delivered in "
                                   f"{delivered}): its figures for {delivered} are tasks (kind target)"))
        elif kind == "target" and year < delivered:
            out.append((i, "year", f"year: {year}, but {sid} was delivered in {delivered}: a task it sets is for "
                                   f"{delivered} or later (figures of {reviewed} are the review, kind actual)"))
    return out
