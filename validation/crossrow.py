"""Rules between rows: parts and totals, plans and actuals, and a row and its source's date.

Modelled on PUDL's data tests: a part has its total's unit and never exceeds it; where a total
is declared complete (`breakdown_complete`), its parts sum to it within the rounding of the
printed figures; an actual is paired (`plan_id`) only with a target of the same region, year,
unit and programme or channel; and an actual cannot describe a year after its source was
published.
"""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from scripts import numbers

from .rows import records

PAIR_DIMENSIONS = ("region_code", "year", "unit", "programme", "channel")


def _by_id(rows: list[dict]) -> dict[str, dict]:
    out = {}
    for r in rows:
        out.setdefault(r["id"], r)
    return out


def check_parts(df: pd.DataFrame, rows: list[dict] | None = None) -> list[tuple[int, str, str]]:
    """A part shares its total's unit and never exceeds it; rows do not refer to themselves.
    `rows` are records(df) when the caller has them already (here and below)."""
    if not {"id", "parent_id", "base_id", "value", "unit"} <= set(df.columns):
        return []
    rows = records(df) if rows is None else rows
    by_id = _by_id(rows)
    out = []
    for i, r in zip(df.index, rows):
        for ref in ("parent_id", "base_id", "plan_id"):
            if r.get(ref) is not None and r[ref] == r["id"]:
                out.append((i, ref, f"{ref}: a row cannot refer to itself"))
        total = by_id.get(r["parent_id"]) if r["parent_id"] != r["id"] else None
        if total is None:
            continue
        if total["unit"] and r["unit"] and total["unit"] != r["unit"]:
            out.append((i, "unit", f"unit: part is in {r['unit']!r} but its total {r['parent_id']} is in {total['unit']!r}"))
        elif total["value"] is not None and r["value"] is not None and r["value"] > total["value"] and r["unit"] != "percent":
            out.append((i, "value", f"value: part {r['value']:g} exceeds its total {r['parent_id']} ({total['value']:g})"))
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


def check_breakdowns(df: pd.DataFrame, rows: list[dict] | None = None) -> list[tuple[int, str, str]]:
    """Parts of a total declared complete sum to it within the printed rounding."""
    if "breakdown_complete" not in df.columns:
        return []
    rows = records(df) if rows is None else rows
    parts: dict[str, list[dict]] = {}
    for r in rows:
        if r["parent_id"]:
            parts.setdefault(r["parent_id"], []).append(r)
    out = []
    for i, r in zip(df.index, rows):
        if r["breakdown_complete"] is not True:
            continue
        mine = parts.get(r["id"], [])
        if not mine:
            out.append((i, "breakdown_complete", "breakdown_complete: the row is declared complete but has no parts (rows with parent_id pointing at it)"))
            continue
        if r["value"] is None or any(p["value"] is None for p in mine):
            continue
        total = sum(Decimal(str(p["value"])) for p in mine)
        slack = half_unit(r["printed"], r.get("repair_rule")) + sum(half_unit(p["printed"], p.get("repair_rule")) for p in mine)
        if abs(total - Decimal(str(r["value"]))) > slack:
            out.append((i, "value", f"value: {r['value']:g} but its {len(mine)} parts sum to {float(total):g} "
                                    f"(tolerance {float(slack):g} from printed rounding); breakdown_complete says they should add up"))
    return out


def check_plan_pairs(df: pd.DataFrame, rows: list[dict] | None = None) -> list[tuple[int, str, str]]:
    """`plan_id` links an actual to its target: same region, year, unit and programme/channel."""
    if "plan_id" not in df.columns:
        return []
    rows = records(df) if rows is None else rows
    by_id = _by_id(rows)
    out = []
    for i, r in zip(df.index, rows):
        plan = by_id.get(r["plan_id"]) if r["plan_id"] else None
        if plan is None:
            continue
        if r["kind"] != "actual" or plan["kind"] != "target":
            out.append((i, "plan_id", f"plan_id: pairs a {r['kind']} row with a {plan['kind']} row; it must pair an actual with a target"))
            continue
        for dim in PAIR_DIMENSIONS:
            if dim in r and r[dim] != plan[dim]:
                out.append((i, "plan_id", f"plan_id: {dim} {r[dim]!r} differs from the plan {plan['id']}'s {plan[dim]!r}"))
    return out


def check_years_against_sources(df: pd.DataFrame, published: dict[str, pd.Timestamp],
                                rows: list[dict] | None = None) -> list[tuple[int, str, str]]:
    """An actual cannot describe a year after its source was published (a plan is a target)."""
    if not {"kind", "year", "source_id"} <= set(df.columns):
        return []
    out = []
    for i, r in zip(df.index, records(df) if rows is None else rows):
        date = published.get(r["source_id"])
        if r["kind"] == "actual" and date is not None and r["year"] is not None and r["year"] > date.year:
            out.append((i, "year", f"year: {r['year']} is after its source {r['source_id']} was published "
                                   f"({date.date()}); an actual cannot describe a later year (plans are kind target)"))
    return out
