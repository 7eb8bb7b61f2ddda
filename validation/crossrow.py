"""Rules between rows: parts and totals, plans and actuals, and a row and its source's date.

Modelled on PUDL's data tests: a part has its total's unit and never exceeds it; where a total
is declared complete (`breakdown_complete`), its parts sum to it within the rounding of the
printed figures; an actual is paired (`plan_id`) only with a target of the same region, year,
unit and programme or channel; and an actual cannot describe a year after its source was
published.

Parts, plan pairs and years are joins in DuckDB over the typed tables t_<name> (a row's total
or plan is the first row with that id; a duplicate id is the key check's). Breakdowns stay in
Python: their tolerance is the rounding of each printed figure, read by the package's number
parser (scripts/numbers.py), once per distinct figure.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pandas as pd

from scripts import numbers


PAIR_DIMENSIONS = ("region_code", "year", "unit", "programme", "channel")


BREAKDOWNS = ("id", "parent_id", "value", "breakdown_complete", "printed", "repair_rule")   # what check_breakdowns reads
Columns = dict[str, list]


def columns(df: pd.DataFrame, names=BREAKDOWNS) -> Columns:
    """The named columns as lists, None for a missing cell (dates too: NaT becomes None)."""
    return {n: df[[n]].to_numpy(dtype=object, na_value=None)[:, 0].tolist() for n in names if n in df.columns}


def _col(cols: Columns, name: str, n: int) -> list:
    return cols[name] if name in cols else [None] * n


@lru_cache(maxsize=1 << 18)   # a figure printed in many rows is read once
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
