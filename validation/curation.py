"""Checks for curation mistakes that are well-formed and traceable, and still wrong (issue 11).

Each check reads a whole topic table as columns (pandas, DuckDB for the pairing join) and
returns (row index, field, message, severity) for the rows it flags, so it plugs into any
engine that locates a row by its index. The cues come from scripts/draft_rules.py, the same
words `draft` proposes kinds and periods from, so drafting and checking cannot drift apart.

- parts: a part (parent_id) describes its total's region, year and period; an error unless
  the part's note says why, naming the field (e.g. "period differs from its total: ...").
  A named project row (no value, not summed) carries the district it names: its region may differ.
- printed: `printed` carries the unit and multiplier printed right after the number in the
  source (2.34 for 2.34亿元 is an error); a unit the row unit cannot take (1970个 counted as
  persons) may be left out.
- kind: the clause of the quote holding the figure has a plan or norm cue while the row is
  `actual`, or an achievement cue (实际, 已完成) while it is a target or standard: a warning.
  A figure printed right after 的 (省定标准的110%: a ratio to a norm) or a cue named in the note
  (the curator weighed it) is not flagged.
- multi-year: the quote names a span (十三五期间, 五年来, 近三年, 累计) before the figure and the
  row is coded as one year or part of one: an error unless the note names the cue.
- unlinked parts: two or more rows without parent_id, of the same source, table and
  dimensions, following a row in id order and summing to its value: a warning (probable parts
  not linked to their total, which views would then add twice).
- region: the row is coded to the parent of its source's region while the quote names the
  source's own county or district: a warning.
- aid pairing: a subsidies amount row pairs (the aid_per_recipient key) with at most one
  recipients row: an error otherwise (the view would count the amount once per pair).
"""
from __future__ import annotations

import re
from decimal import Decimal

import duckdb
import numpy as np
import pandas as pd

from scripts import numbers
from scripts.draft_rules import RULES

from .crossrow import half_unit

Flag = tuple[int, str, str, str]   # (row index, field, message, severity)

PART_DIMENSIONS = ("region_code", "year", "period")
ONE_YEAR = ("year", "first_half", "spring_term", "autumn_term", "point_in_time", "to_date")
MULTI_YEAR_CUES = tuple(RULES["multi_year_spans"]) + ("累计",)
PLAN_CUES = tuple(RULES["kind"]["target"])
NORM_CUES = tuple(RULES["kind"]["standard"])
ACTUAL_CUES = ("实际", "已完成", "完成了")
CLAUSE = re.compile("[，,。；;：:！？!?（）()]")
# the aid_per_recipient view's join key (sql/views.sql)
AID_KEY = ("source_id", "region_code", "year", "period", "programme", "school_level", "population", "kind")
SERIES = ("source_id", "region_code", "year", "period", "kind", "indicator", "unit", "programme", "channel",
          "project_kind", "status")


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    """A column with None for missing cells (and for a column the file lacks), so comparisons
    never meet pandas.NA."""
    if name not in df.columns:
        return pd.Series(None, index=df.index, dtype="object")
    return pd.Series(df[[name]].to_numpy(dtype=object, na_value=None)[:, 0], index=df.index, dtype="object")


def _text(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)) else str(value)


def _clause_before(quote: str, printed: str) -> str | None:
    """The clause of the (normalised) quote that ends with the printed figure, figure included."""
    q, p = numbers.normalise(quote), numbers.normalise(printed)
    at = q.find(p)
    if at < 0:
        return None
    starts = [m.end() for m in CLAUSE.finditer(q, 0, at)]
    return q[starts[-1] if starts else 0:at + len(p)]


# ---------------------------------------------------------------- parts

def part_dimensions(df: pd.DataFrame) -> list[Flag]:
    """A part shares region, year and period with its total unless its note says why."""
    need = {"id", "parent_id", *PART_DIMENSIONS}
    if not need <= set(df.columns):
        return []
    parts = df[df["parent_id"].notna()][["id", "parent_id", *PART_DIMENSIONS]].assign(note=_col(df, "note")).reset_index()
    totals = df[["id", *PART_DIMENSIONS]].drop_duplicates("id")
    pairs = parts.merge(totals, left_on="parent_id", right_on="id", suffixes=("", "_total"))
    out = []
    for dim in PART_DIMENSIONS:
        a, b = pairs[dim].astype("object"), pairs[f"{dim}_total"].astype("object")
        # a cell missing on either side (a type error, reported elsewhere) is not compared
        differs = (a.notna() & b.notna() & (a != b)).fillna(False).astype(bool)
        if dim == "region_code" and "value" in df.columns:   # named projects carry the district they name
            differs &= pairs["index"].map(df["value"].notna()).astype(bool)
        for _, r in pairs[differs].iterrows():
            note = _text(r["note"]).lower()
            if dim.split("_")[0] in note and ("total" in note or "differ" in note):
                continue
            out.append((r["index"], dim, f"{dim}: {_text(r[dim])!r} differs from its total {r['parent_id']}'s "
                                          f"{_text(r[dim + '_total'])!r}; a part describes its total's place and time "
                                          f"(or say why in note, e.g. '{dim} differs from its total: …')", "error"))
    return out


# ---------------------------------------------------------------- printed

_UNIT_AFTER = re.compile("(?:余|多)?(?:" + "|".join(sorted(map(re.escape, numbers.MULTIPLIERS), key=len, reverse=True))
                         + ")?(?:余|多)?(?:" + "|".join(sorted(map(re.escape, numbers.UNIT_CODES), key=len, reverse=True)) + ")?")


_UNIT_FIRST = set("余多") | {w[0] for w in numbers.MULTIPLIERS} | {w[0] for w in numbers.UNIT_CODES} | set(" \t\n\r\u3000")


def printed_unit(df: pd.DataFrame, texts: dict[str, str] | None = None) -> list[Flag]:
    """`printed` stops where the number's unit and multiplier do: in the source text when
    `texts` (source id -> normalised text) has it (a quote cut short after the digits does not
    hide the 万元), else in the quote."""
    need = {"printed", "quote", "unit"}
    if not need <= set(df.columns):
        return []
    sel = df[df["printed"].notna() & df["quote"].notna()]
    # cheap first pass on the raw strings: only a figure the quote continues with a unit's
    # first character (or a space), or ends with, needs the full check
    keep = []
    for printed, quote in zip(_col(sel, "printed"), _col(sel, "quote")):
        at = quote.find(printed)
        nxt = quote[at + len(printed):at + len(printed) + 1] if at >= 0 else " "
        keep.append(nxt == "" or nxt in _UNIT_FIRST)
    sel = sel[np.array(keep, dtype=bool)] if len(sel) else sel
    texts = texts or {}
    out = []
    for i, printed, quote, unit, rule, sid in zip(sel.index, _col(sel, "printed"), _col(sel, "quote"), _col(sel, "unit"),
                                                  _col(sel, "repair_rule"), _col(sel, "source_id")):
        q, p = numbers.normalise(quote), numbers.normalise(printed)
        at = q.find(p)
        if at < 0:
            continue   # the provenance check reports it
        s = q
        if at + len(p) == len(q):   # the quote ends with the figure: what follows is in the source
            text = texts.get(_text(sid))
            where = text.find(q) if text else -1   # (a quote found twice is the provenance check's error)
            s, at = (text, where + at) if where >= 0 else (q, at)
        tail = _UNIT_AFTER.match(s, at + len(p)).group()
        if not tail:
            continue
        longer = p + tail
        try:
            parsed = numbers.parse(numbers.repair(rule, longer) if _text(rule) else longer)
        except numbers.NumberParseError:
            continue
        multiplied = any(m in tail for m in numbers.MULTIPLIERS)
        if multiplied or (unit is not None and numbers.is_compatible(parsed.canonical_unit, unit)):
            out.append((i, "printed", f"printed: {printed!r} is followed by {tail!r} in the source; printed carries the "
                                      f"unit as printed ({longer!r}) and value its parse ({parsed.value:f})", "error"))
    return out


# ---------------------------------------------------------------- kind

def kind_cues(df: pd.DataFrame) -> list[Flag]:
    """Plan or norm cues in the figure's clause of the quote, and the row's kind."""
    need = {"printed", "quote", "kind"}
    if not need <= set(df.columns):
        return []
    sel = df[df["printed"].notna() & df["quote"].notna()]
    any_cue = "|".join(map(re.escape, PLAN_CUES + NORM_CUES + ACTUAL_CUES))
    sel = sel[sel["quote"].str.contains(any_cue, regex=True).fillna(False).astype(bool)]   # most quotes have none
    out = []
    for i, printed, quote, kind, note in zip(sel.index, _col(sel, "printed"), _col(sel, "quote"), _col(sel, "kind"),
                                             _col(sel, "note")):
        clause = _clause_before(quote, printed)
        if clause is None:
            continue
        relative = clause[:-len(numbers.normalise(printed))].endswith("的")   # 省定标准的110%: a ratio to a norm
        cue_in = lambda w: w in clause and not relative and w not in _text(note)
        plan = next((w for w in PLAN_CUES if cue_in(w)), None)
        norm = next((w for w in NORM_CUES if cue_in(w)), None)
        done = next((w for w in ACTUAL_CUES if w in clause), None)
        if kind == "actual" and (plan or norm) and not done:
            cue, want = (norm, "standard") if norm else (plan, "target")
            out.append((i, "kind", f"kind: actual, but the figure's clause {clause!r} has the {want} cue {cue!r}: "
                                   f"a plan or norm is not an actual (kind {want}?)", "warning"))
        elif kind in ("target", "standard") and done and not (plan or norm):
            out.append((i, "kind", f"kind: {kind}, but the figure's clause {clause!r} reports an outcome ({done!r}): "
                                   "kind actual?", "warning"))
    return out


# ---------------------------------------------------------------- multi-year

def multi_year(df: pd.DataFrame) -> list[Flag]:
    """A figure the quote places in a span of years is not one year's figure."""
    need = {"printed", "quote", "period"}
    if not need <= set(df.columns):
        return []
    sel = df[df["printed"].notna() & df["quote"].notna() & df["period"].isin(ONE_YEAR)]
    cues = "|".join(map(re.escape, MULTI_YEAR_CUES))
    sel = sel[sel["quote"].str.contains(cues, regex=True).fillna(False).astype(bool)]   # most quotes have none
    out = []
    for i, printed, quote, period, note in zip(sel.index, _col(sel, "printed"), _col(sel, "quote"), _col(sel, "period"),
                                               _col(sel, "note")):
        q, p = numbers.normalise(quote), numbers.normalise(printed)
        at = q.find(p)
        before = q[:at] if at >= 0 else q
        cue = next((w for w in MULTI_YEAR_CUES if w in before), None)
        if cue and cue not in _text(note):
            out.append((i, "period", f"period: {period}, but the quote names {cue!r} before the figure: a total over "
                                     "several years is not one year's figure (period multi_year with first_year, or "
                                     f"cumulative; or explain in note, naming {cue!r})", "error"))
    return out


# ---------------------------------------------------------------- unlinked parts

def unlinked_parts(df: pd.DataFrame) -> list[Flag]:
    """Rows without parent_id that follow a row of the same series and add up to it.

    One sort by series and id, cumulative sums within each series, and a binary search per
    row for the run of rows after it whose sum is its value (values are positive, so the sums
    grow): linear-logarithmic in rows, no loop per series."""
    need = {"id", "parent_id", "value", "printed", "unit"}
    if not need <= set(df.columns):
        return []
    keys = [c for c in SERIES if c in df.columns]
    has_parts = set(df["parent_id"].dropna())
    free = df[df["parent_id"].isna() & (df["value"] > 0).fillna(False) & (df["unit"] != "percent").fillna(False)
              & ~df["id"].isin(has_parts)]
    if len(free) < 3:
        return []
    series = free.groupby(keys, dropna=False, sort=False).ngroup().to_numpy()
    order = np.lexsort((free["id"].to_numpy(dtype=str), series))
    free, series = free.iloc[order], series[order]
    n = len(free)
    values = free["value"].to_numpy(dtype="float64")
    first = np.searchsorted(series, series, side="left")
    last = np.searchsorted(series, series, side="right") - 1
    cum = np.cumsum(values)
    local = cum - np.where(first > 0, cum[first - 1], 0.0)          # sums within each series
    target = local + values                                         # local[j] a run k+1..j must reach
    pos = np.arange(n)
    near = []
    for side in (0, 1):   # the run ending just below the target and the one just above it
        j = np.searchsorted(cum, cum + values, side="left") - 1 + side   # global sums rise too
        jj = np.clip(j, 0, n - 1)
        ok = (j >= pos + 2) & (j <= last) & (np.abs(local[jj] - target) <= 0.05 * target)
        near += [(k, int(jj[k])) for k in np.flatnonzero(ok)]
    # the few near misses are checked exactly, within the rounding of the printed figures
    printed, rules = _col(free, "printed").to_numpy(), _col(free, "repair_rule").map(_text).to_numpy()
    out = []
    for k, j in near:
        run = sum(Decimal(str(v)) for v in values[k + 1:j + 1])
        tol = sum(half_unit(printed[m], rules[m]) for m in range(k, j + 1))
        if abs(run - Decimal(str(values[k]))) <= tol:
            out.append((k, j))
    flags, seen = [], set()
    ids = free["id"].to_numpy(dtype=object)
    for k, j in sorted(out):
        if k in seen:
            continue
        seen.add(k)
        value = Decimal(str(values[k])).normalize()
        flags.append((free.index[k], "value", f"value: {value:f} equals the sum of the {j - k} rows that follow "
                                              f"({', '.join(ids[k + 1:j + 1])}), none linked to it: parts? Give them "
                                              "parent_id (and breakdown_complete here) or views will count them twice",
                      "warning"))
    return flags


# ---------------------------------------------------------------- region

def region_level(df: pd.DataFrame, sources: pd.DataFrame | None, regions: pd.DataFrame | None) -> list[Flag]:
    """A row coded to the parent of its source's region although its quote names that region.
    Rows are matched to their source's region and its parent with joins; only the rows coded
    to that parent have their quote read."""
    if sources is None or regions is None or not {"region_code", "source_id", "quote"} <= set(df.columns):
        return []
    if not {"code", "parent_code", "name_zh", "level"} <= set(regions.columns) or not {"id", "region_code"} <= set(sources.columns):
        return []
    reg = pd.DataFrame({c: _col(regions, c) for c in ("code", "parent_code", "name_zh", "level")}).drop_duplicates("code")
    own = pd.DataFrame({"source_id": _col(sources, "id"), "own": _col(sources, "region_code")}).drop_duplicates("source_id")
    own = own.merge(reg.rename(columns={"code": "own"}), on="own")
    rows = pd.DataFrame({"i": df.index, "region_code": _col(df, "region_code"), "source_id": _col(df, "source_id"),
                         "quote": _col(df, "quote")})
    hits = rows.merge(own, on="source_id")
    hits = hits[hits["quote"].notna() & (hits["region_code"] == hits["parent_code"])]
    out = []
    for r in hits.itertuples(index=False):
        name = str(r.name_zh)
        words = [name] + ([name[:-1]] if len(name) >= 3 else [])
        words += {"county": ["全县", "我县", "本县"], "district": ["全区", "我区", "本区"]}.get(r.level, [])
        hit = next((w for w in words if w in r.quote), None)
        if hit:
            out.append((r.i, "region_code", f"region_code: {r.region_code} is the parent of the source's region {r.own} ({name}), "
                                            f"but the quote names {hit!r}: code the figure to {r.own}?", "warning"))
    return out


# ---------------------------------------------------------------- aid pairing

def aid_pairs(df: pd.DataFrame) -> list[Flag]:
    """Each amount pairs with at most one recipients row under the aid_per_recipient key."""
    if not {"indicator", "unit", "value", "id", *AID_KEY} <= set(df.columns):
        return []
    cols = ["id", "indicator", "unit", "value", *AID_KEY]
    frame = df[cols].reset_index()
    con = duckdb.connect()
    con.register("t", frame)
    on = " AND ".join(f"r.{k} IS NOT DISTINCT FROM a.{k}" for k in AID_KEY)
    found = con.execute(f"""
        SELECT a."index", count(*) AS n, string_agg(r.id, ', ' ORDER BY r.id) AS ids
        FROM t a JOIN t r ON {on}
        WHERE a.kind = 'actual' AND a.indicator = 'amount' AND a.unit = 'yuan'
          AND r.indicator = 'recipients' AND r.unit IN ('person', 'person_time') AND r.value > 0
        GROUP BY a."index" HAVING count(*) > 1 ORDER BY a."index"
    """).fetchall()
    con.close()
    return [(i, "programme", f"programme: this amount pairs with {n} recipients rows ({ids}) under the aid_per_recipient "
                             "key (source, region, year, period, programme, level, population, kind): each amount needs "
                             "at most one; give the programmes or populations their own codes "
                             "(python -m scripts codes add programme …)", "error") for i, n, ids in found]


CHECKS = (part_dimensions, kind_cues, multi_year, unlinked_parts, aid_pairs)


def check(df: pd.DataFrame, sources: pd.DataFrame | None = None, regions: pd.DataFrame | None = None,
          texts: dict[str, str] | None = None, skip=()) -> list[Flag]:
    """Every curation check on one topic table (typed frame); `texts` are the normalised source
    texts by source id. Rows in `skip` (those with an error of the field and row checks) are
    left out, and with them the comparisons they take part in: a curation finding about a row
    whose cells are wrong, or about the parts of a wrong total, would only repeat that error."""
    if len(skip):
        df = df.drop(index=[i for i in skip if i in df.index])
    out = [flag for c in CHECKS for flag in c(df)]
    return out + printed_unit(df, texts) + region_level(df, sources, regions)
