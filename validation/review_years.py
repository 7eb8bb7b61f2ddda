"""Years of a government work report: the reviewed year is data of the source, not guessed per row.

A report delivered in year Y (`sources.delivery_year`) reviews Y-1 (`sources.report_year`) and sets
the tasks of Y. So, for a source with a delivery_year:

* the source itself: report_year = delivery_year - 1 for a government work report; the printed
  delivery date (`delivered`) falls in delivery_year; a multi-year review starts
  (`review_first_year`) before report_year;
* its rows: an actual describes at most report_year (an outcome of the delivery year is not yet
  known when the report is delivered), and a target describes delivery_year or later (a task
  is never for a year already reviewed);
* its text: a report that reviews a multi-year period (五年来, 过去五年, 过去六年, “十三五”时期……回顾)
  has review_first_year, since that is what its multi-year rows take as first_year
  (check_review_periods; it reads the texts, so it is called with them).

Set-based: each check reads the columns it needs and returns (row index, field, message).
"""
from __future__ import annotations

import re

import pandas as pd

GWR = "government_work_report"

REVIEW_CUE = re.compile(r"过去的?[五六]年|[五六]年来|“十[一二三四]?五”[^。；\n]{0,16}回顾|回顾[及和暨与]?“十[一二三四]?五”")
"""Words with which a government work report reviews a multi-year period: 过去五年, 过去的五年, 五年来,
过去六年, 六年来 (a government term), or a five-year plan period named with 回顾 in one clause
(“十四五”时期和2025年工作回顾; “十二五”重大成就……回顾; 2020年工作回顾及“十三五”主要成就). A plan period named without 回顾 (the
coming “十四五”时期 of a one-year report) is not a review."""


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


def check_review_periods(df: pd.DataFrame, texts: dict[str, str]) -> list[tuple[int, str, str]]:
    """A government work report whose text reviews a multi-year period needs review_first_year.
    `texts` maps a source id to its decoded text; a source without text is not checked here (its
    own reading error is reported elsewhere)."""
    out = []
    cols = {n: _col(df, n) for n in ("id", "kind", "review_first_year")}
    for i, sid, kind, first in zip(df.index, *cols.values()):
        if kind != GWR or first is not None or sid not in texts:
            continue
        m = REVIEW_CUE.search(texts[sid])
        if m:
            out.append((i, "review_first_year", f"review_first_year: empty, but {sid} reviews a multi-year period "
                                                f"('{m.group()}' at character {m.start()}): give the first year it reviews"))
    return out
