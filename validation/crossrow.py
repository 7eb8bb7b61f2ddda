"""Rules between rows: parts and totals, plans and actuals, and a row and its source's date.

Modelled on PUDL's data tests: a part has its total's unit and never exceeds it; where a total
is declared complete (`breakdown_complete`), its parts sum to it within the rounding of the
printed figures; an actual is paired (`plan_id`) only with a target of the same region, year,
unit and programme or channel; and an actual cannot describe a year after its source was
published.

The checks read the table as columns (lists with None for missing cells, as `rows.records`
gives them) and find a row's total or plan by position, so no dict per row is built: a
national topic table has 1.6 million rows.
"""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from scripts import numbers


PAIR_DIMENSIONS = ("region_code", "year", "unit", "programme", "channel")


# what the checks here read; a column the file lacks reads as empty
COLUMNS = ("id", "parent_id", "base_id", "plan_id", "value", "unit", "kind", "breakdown_complete", "printed",
           "repair_rule", "source_id", "region_code", "year", "programme", "channel")
Columns = dict[str, list]


PARTS = ("id", "parent_id", "base_id", "plan_id", "unit", "value")
BREAKDOWNS = ("id", "parent_id", "value", "breakdown_complete", "printed", "repair_rule")
PLANS = ("id", "plan_id", "kind") + PAIR_DIMENSIONS
YEARS = ("kind", "year", "source_id")


def columns(df: pd.DataFrame, names=COLUMNS) -> Columns:
    """The named columns as lists, None for a missing cell (dates too: NaT becomes None)."""
    return {n: df[[n]].to_numpy(dtype=object, na_value=None)[:, 0].tolist() for n in names if n in df.columns}


def _col(cols: Columns, name: str, n: int) -> list:
    return cols[name] if name in cols else [None] * n


def _first_positions(ids: list) -> dict:
    """id -> position of the first row with it (a duplicate id is reported by the key check)."""
    first: dict = {}
    for k, rid in enumerate(ids):
        first.setdefault(rid, k)
    return first


def check_parts(df: pd.DataFrame, cols: Columns | None = None) -> list[tuple[int, str, str]]:
    """A part shares its total's unit and never exceeds it; rows do not refer to themselves.
    `cols` are columns(df) when the caller has them already (here and below)."""
    if not {"id", "parent_id", "base_id", "value", "unit"} <= set(df.columns):
        return []
    cols = columns(df, PARTS) if cols is None else cols
    ids, parents, units, values = cols["id"], cols["parent_id"], cols["unit"], cols["value"]
    refs = [(ref, cols[ref]) for ref in ("parent_id", "base_id", "plan_id") if ref in cols]
    first = _first_positions(ids)
    out = []
    for k, i in enumerate(df.index):
        rid = ids[k]
        for ref, vals in refs:
            if vals[k] is not None and vals[k] == rid:
                out.append((i, ref, f"{ref}: a row cannot refer to itself"))
        parent = parents[k]
        t = first.get(parent) if parent != rid else None
        if t is None:
            continue
        if units[t] and units[k] and units[t] != units[k]:
            out.append((i, "unit", f"unit: part is in {units[k]!r} but its total {parent} is in {units[t]!r}"))
        elif values[t] is not None and values[k] is not None and values[k] > values[t] and units[k] != "percent":
            out.append((i, "value", f"value: part {values[k]:g} exceeds its total {parent} ({values[t]:g})"))
    return out


def half_unit(printed: str | None, repair_rule: str | None = None) -> Decimal:
    """Half the last printed digit, in canonical units: the rounding a printed figure carries.
    A whole count printed without 万/亿 (105所) is exact and carries none."""
    if not printed:
        return Decimal(0)
    try:
        text = numbers.repair(repair_rule, numbers.normalise(printed)) if repair_rule else printed
        p = numbers.parse(text)
    except numbers.NumberParseError:
        return Decimal(0)
    exponent = p.number.as_tuple().exponent
    if exponent >= 0 and p.multiplier == 1 and p.unit != "%":
        return Decimal(0)
    return Decimal(5) * Decimal(10) ** (exponent - 1) * p.multiplier


def check_breakdowns(df: pd.DataFrame, cols: Columns | None = None) -> list[tuple[int, str, str]]:
    """Parts of a total declared complete sum to it within the printed rounding."""
    if "breakdown_complete" not in df.columns:
        return []
    cols = columns(df, BREAKDOWNS) if cols is None else cols
    n = len(df)
    ids, parents, values, complete = (_col(cols, c, n) for c in ("id", "parent_id", "value", "breakdown_complete"))
    printed, rules = _col(cols, "printed", n), _col(cols, "repair_rule", n)
    parts: dict[str, list[int]] = {}
    for k, parent in enumerate(parents):
        if parent:
            parts.setdefault(parent, []).append(k)
    out = []
    for k, i in enumerate(df.index):
        if complete[k] is not True:
            continue
        mine = parts.get(ids[k], [])
        if not mine:
            out.append((i, "breakdown_complete", "breakdown_complete: the row is declared complete but has no parts (rows with parent_id pointing at it)"))
            continue
        if values[k] is None or any(values[p] is None for p in mine):
            continue
        total = sum(Decimal(str(values[p])) for p in mine)
        slack = half_unit(printed[k], rules[k]) + sum(half_unit(printed[p], rules[p]) for p in mine)
        if abs(total - Decimal(str(values[k]))) > slack:
            out.append((i, "value", f"value: {values[k]:g} but its {len(mine)} parts sum to {float(total):g} "
                                    f"(tolerance {float(slack):g} from printed rounding); breakdown_complete says they should add up"))
    return out


def check_plan_pairs(df: pd.DataFrame, cols: Columns | None = None) -> list[tuple[int, str, str]]:
    """`plan_id` links an actual to its target: same region, year, unit and programme/channel."""
    if "plan_id" not in df.columns:
        return []
    cols = columns(df, PLANS) if cols is None else cols
    n = len(df)
    ids, plans, kinds = _col(cols, "id", n), cols["plan_id"], _col(cols, "kind", n)
    dims = [(dim, cols[dim]) for dim in PAIR_DIMENSIONS if dim in df.columns]
    first = _first_positions(ids)
    out = []
    for k, i in enumerate(df.index):
        t = first.get(plans[k]) if plans[k] else None
        if t is None:
            continue
        if kinds[k] != "actual" or kinds[t] != "target":
            out.append((i, "plan_id", f"plan_id: pairs a {kinds[k]} row with a {kinds[t]} row; it must pair an actual with a target"))
            continue
        for dim, vals in dims:
            if vals[k] != vals[t]:
                out.append((i, "plan_id", f"plan_id: {dim} {vals[k]!r} differs from the plan {ids[t]}'s {vals[t]!r}"))
    return out


def check_years_against_sources(df: pd.DataFrame, published: dict[str, pd.Timestamp],
                                cols: Columns | None = None) -> list[tuple[int, str, str]]:
    """An actual cannot describe a year after its source was published (a plan is a target)."""
    if not {"kind", "year", "source_id"} <= set(df.columns):
        return []
    cols = columns(df, YEARS) if cols is None else cols
    out = []
    for i, kind, year, sid in zip(df.index, cols["kind"], cols["year"], cols["source_id"]):
        date = published.get(sid)
        if kind == "actual" and date is not None and year is not None and year > date.year:
            out.append((i, "year", f"year: {year} is after its source {sid} was published "
                                   f"({date.date()}); an actual cannot describe a later year (plans are kind target)"))
    return out
