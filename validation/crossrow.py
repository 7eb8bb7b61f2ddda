"""Rules between rows: parts and totals, plans and actuals, and a row and its source's date.

Modelled on PUDL's data tests: a part has its total's unit and never exceeds it; where a total
is declared complete (`breakdown_complete`), its parts sum to it within the rounding of the
printed figures; an actual is paired (`plan_id`) only with a target of the same region, year,
unit and programme or channel; and an actual cannot describe a year after its source was
published.

Parts, plan pairs and years are joins in DuckDB over the typed tables t_<name> (a row's total
or plan is the first row with that id; a duplicate id is the key check's). Breakdowns are
pandas/numpy over six short columns: their tolerance is the rounding of each printed figure,
read by the package's number parser (scripts/numbers.py) once per distinct *shape* of figure
(`half_unit`), and the sums are floats, with the exact Decimal sum only for the totals a float
cannot decide (those that fail, or lie within float error of their tolerance).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import numpy as np
import pandas as pd

from scripts import numbers


PAIR_DIMENSIONS = ("region_code", "year", "unit", "programme", "channel")


BREAKDOWNS = ("id", "parent_id", "value", "breakdown_complete", "printed", "repair_rule")   # what check_breakdowns reads


_DIGIT = re.compile("[0-9]")
_RANGE = re.compile(f"[{re.escape(numbers.RANGE_SEPARATORS)}]")


def _shape(printed: str) -> str:
    """The figure with every ASCII digit written 1: the same rounding (half_unit), one parse for
    all figures of one shape (12751.098万元 and 35620.413万元), so the parser runs a few hundred
    times, not once per distinct figure (millions at national size). The rounding depends only on
    the digits' places (the Decimal exponent), the multiplier and the unit; parse treats every
    digit alike but for the order of a range's two ends, so a range keeps its digits.
    tests/test_crossrow.py checks the two equal on generated figures."""
    return printed if _RANGE.search(printed) else _DIGIT.sub("1", printed)


def half_unit(printed: str | None, repair_rule: str | None = None) -> Decimal:
    """Half the last printed digit, in canonical units: the rounding a printed figure carries.
    A whole count printed without 万/亿 (105所) is exact and carries none."""
    if not printed:
        return Decimal(0)
    return _half_unit(_shape(printed), repair_rule or None)


@lru_cache(maxsize=1 << 16)   # a shape of figure is read once
def _half_unit(printed: str, repair_rule: str | None) -> Decimal:
    try:
        text = numbers.repair(repair_rule, numbers.normalise(printed)) if repair_rule else printed
        p = numbers.parse(text)
    except numbers.NumberParseError:
        return Decimal(0)
    exponent = p.number.as_tuple().exponent
    if exponent >= 0 and p.multiplier == 1 and p.unit != "%":
        return Decimal(0)
    return Decimal(5) * Decimal(10) ** (exponent - 1) * p.multiplier


def _objects(df: pd.DataFrame, name: str) -> np.ndarray:
    """A column as objects, None for a missing cell (or for a column the frame lacks)."""
    if name not in df.columns:
        return np.full(len(df), None, dtype=object)
    return df[name].to_numpy(dtype=object, na_value=None)


def breakdown_rows(con, table: str, columns: list[str]) -> pd.DataFrame:
    """The rows check_breakdowns reads (index = row): totals declared complete and the parts
    pointing at one, BREAKDOWNS only. A query, not the table's columns in pandas: most rows are
    neither, and DuckDB selects them without converting a cell."""
    if not {"breakdown_complete", "id", "parent_id"} <= set(columns):
        return pd.DataFrame({c: [] for c in BREAKDOWNS if c in columns})
    t = f'"t_{table}"'
    return con.execute(f"""SELECT __row, {', '.join(c for c in BREAKDOWNS if c in columns)} FROM {t}
        WHERE breakdown_complete OR parent_id IN (SELECT id FROM {t} WHERE breakdown_complete)
        ORDER BY __row""").df().set_index("__row")


def check_breakdowns(df: pd.DataFrame) -> list[tuple[int, str, str]]:
    """Parts of a total declared complete sum to it within the printed rounding.

    A join of the complete totals with their parts and float sums per total; the exact rule
    (Decimal sums of the values as printed by str, the tolerance from half_unit) decides the
    totals a float cannot: those failing or within float error of their tolerance."""
    if "breakdown_complete" not in df.columns:
        return []
    n = len(df)
    complete = np.array([c is True for c in _objects(df, "breakdown_complete")], dtype=bool)
    if not complete.any():
        return []
    ids, parents = _objects(df, "id"), _objects(df, "parent_id")
    printed, rules = _objects(df, "printed"), _objects(df, "repair_rule")
    values = (df["value"].to_numpy(dtype="float64", na_value=np.nan) if "value" in df.columns
              else np.full(n, np.nan))
    totals = np.flatnonzero(complete)
    has_parent = np.array([bool(p) for p in parents], dtype=bool)
    parts = pd.DataFrame({"p": np.flatnonzero(has_parent), "parent": parents[has_parent]})
    pairs = pd.DataFrame({"k": totals, "id": ids[totals]}).merge(parts, left_on="id", right_on="parent")
    index = df.index
    out = [(index[k], "breakdown_complete", "breakdown_complete: the row is declared complete but has no parts "
                                             "(rows with parent_id pointing at it)")
           for k in np.setdiff1d(totals, pairs["k"].to_numpy())]
    if pairs.empty:
        return out
    # the tolerance of each row taking part, once per distinct (figure, repair rule)
    involved = np.union1d(pairs["k"].to_numpy(), pairs["p"].to_numpy())
    keys = np.empty(len(involved), dtype=object)
    keys[:] = list(zip(printed[involved], rules[involved]))
    codes, distinct = pd.factorize(keys)
    hu = [half_unit(pr, ru) for pr, ru in distinct]
    half = np.zeros(n)
    half[involved] = np.array([float(h) for h in hu])[codes]
    half_exact = dict(zip(involved.tolist(), (hu[c] for c in codes)))
    k, p = pairs["k"].to_numpy(), pairs["p"].to_numpy()
    by = lambda x: pd.Series(x).groupby(k, sort=True).sum().to_numpy()
    heads = np.unique(k)
    total = by(values[p])
    slack = half[heads] + by(half[p])
    scale = np.abs(values[heads]) + by(np.abs(values[p]))
    gap = np.abs(total - values[heads]) - slack
    # NaN (a total or part without value) is skipped, as the exact rule skips it. Whole numbers
    # with no rounding (counts) are exact in floats: only a sum that differs needs the exact rule
    whole = (by(values[p] % 1 != 0) == 0) & (values[heads] % 1 == 0) & (scale < 2.0 ** 53)
    valued = ~np.isnan(values[heads]) & (by(np.isnan(values[p])) == 0)   # (groupby's sum skips NaN)
    decide = valued & np.where(whole & (slack == 0), total != values[heads], gap > -1e-9 * scale - 1e-12)
    mine = pd.Series(p).groupby(k, sort=True).agg(list)
    for head in heads[decide]:
        members = mine[head]
        exact_total = sum(Decimal(str(values[m])) for m in members)
        exact_slack = half_exact[head] + sum(half_exact[m] for m in members)
        if abs(exact_total - Decimal(str(values[head]))) > exact_slack:
            out.append((index[head], "value", f"value: {values[head]:g} but its {len(members)} parts sum to "
                                              f"{float(exact_total):g} (tolerance {float(exact_slack):g} from printed "
                                              "rounding); breakdown_complete says they should add up"))
    return out


def _first_ids(table: str) -> str:
    """Each id with the row of its first use (a duplicate id is reported by the key check)."""
    return f'(SELECT id, min(__row) AS first FROM "t_{table}" WHERE id IS NOT NULL GROUP BY id)'


def check_parts(con, table: str, columns: list[str]) -> list[tuple[int, str, str]]:
    """A part shares its total's unit and never exceeds it; rows do not refer to themselves."""
    if not {"id", "parent_id", "base_id", "value", "unit"} <= set(columns):
        return []
    t = f'"t_{table}"'
    out = []
    for ref in ("parent_id", "base_id", "plan_id"):
        if ref in columns:
            out += [(r, ref, f"{ref}: a row cannot refer to itself")
                    for (r,) in con.execute(f"SELECT __row FROM {t} WHERE {ref} = id").fetchall()]
    query = f"""
        SELECT k.__row, k.parent_id, k.unit, p.unit, k.value, p.value,
               p.unit IS NOT NULL AND p.unit <> '' AND k.unit IS NOT NULL AND k.unit <> '' AND p.unit <> k.unit AS other_unit
        FROM {t} k JOIN {_first_ids(table)} f ON f.id = k.parent_id JOIN {t} p ON p.__row = f.first
        WHERE k.parent_id IS DISTINCT FROM k.id
          AND ((p.unit <> '' AND k.unit <> '' AND p.unit <> k.unit)
               OR (k.value > p.value AND k.unit IS DISTINCT FROM 'percent'))"""
    for r, parent, unit, total_unit, value, total, other_unit in con.execute(query).fetchall():
        if other_unit:
            out.append((r, "unit", f"unit: part is in {unit!r} but its total {parent} is in {total_unit!r}"))
        else:
            out.append((r, "value", f"value: part {value:g} exceeds its total {parent} ({total:g})"))
    return out


def check_plan_pairs(con, table: str, columns: list[str]) -> list[tuple[int, str, str]]:
    """`plan_id` links an actual to its target: same region, year, unit and programme/channel."""
    if not {"plan_id", "id"} <= set(columns):
        return []
    t = f'"t_{table}"'
    dims = [d for d in PAIR_DIMENSIONS if d in columns]
    kind = ("k.kind", "p.kind") if "kind" in columns else ("NULL", "NULL")
    query = f"""
        SELECT k.__row, {kind[0]}, {kind[1]}, p.id{''.join(f', k.{d}, p.{d}' for d in dims)}
        FROM {t} k JOIN {_first_ids(table)} f ON f.id = k.plan_id JOIN {t} p ON p.__row = f.first
        WHERE k.plan_id <> ''"""
    out = []
    for r, kind_k, kind_p, plan, *values in con.execute(query).fetchall():
        if kind_k != "actual" or kind_p != "target":
            out.append((r, "plan_id", f"plan_id: pairs a {kind_k} row with a {kind_p} row; it must pair an actual with a target"))
            continue
        for dim, mine, theirs in zip(dims, values[0::2], values[1::2]):
            if mine != theirs:
                out.append((r, "plan_id", f"plan_id: {dim} {mine!r} differs from the plan {plan}'s {theirs!r}"))
    return out


def check_years_against_sources(con, table: str, columns: list[str], source_columns: list[str]) -> list[tuple[int, str, str]]:
    """An actual cannot describe a year after its source was published (a plan is a target)."""
    if not {"kind", "year", "source_id"} <= set(columns) or not {"id", "published"} <= set(source_columns):
        return []
    query = f"""
        SELECT k.__row, k.year, k.source_id, s.published
        FROM "t_{table}" k JOIN (SELECT id, last(published ORDER BY __row) FILTER (WHERE published IS NOT NULL) AS published FROM t_sources GROUP BY id) s
          ON s.id = k.source_id
        WHERE k.kind = 'actual' AND s.published IS NOT NULL AND k.year > year(s.published)"""
    return [(r, "year", f"year: {year} is after its source {sid} was published "
                        f"({published.isoformat()}); an actual cannot describe a later year (plans are kind target)")
            for r, year, sid, published in con.execute(query).fetchall()]
