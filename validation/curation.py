"""Checks for curation mistakes that are well-formed and traceable, and still wrong (issue 11).

Each check reads a whole topic table and returns (row index, field, message, severity) for the
rows it flags, so it plugs into any engine that locates a row by its index. Where the checks
run, and why (issue 12: linear and memory-bounded at 4.8 million rows):

- every check is SQL over the table in DuckDB (`Rows`: validation's typed t_<name>, or a frame
  registered for a test): the quotes, the largest column, never become Python strings but for
  the rows a query returns. The quotes and figures under the whitespace rule are provenance's
  n_<name> (made once per table by DuckDB, `Rows.normalised`), not normalised again. A query
  selects the rows a rule can flag (a filter that may take too many, never too few: property
  tests in tests/test_curation.py check those of parts, printed and kind against the rule row
  by row) and Python writes the messages of those few, parsing each distinct printed figure once;
- one exception reads most rows: a figure that ends its quote (most quotes do) is followed in
  its source's normalised text with str.find (DuckDB's instr counts characters from the start
  of the text: measured 3-4x slower), so printed_unit reads source id and quote of those rows,
  from Arrow batches (memory stays bounded);
- parts are a join (each part and its total, the pairs that differ); unlinked parts one sort
  in DuckDB (series numbered, then id) and numpy over the Arrow columns it returns (cumulative
  sums, a binary search). The cues come from scripts/draft_rules.py, the same words `draft`
  proposes kinds and periods from, so drafting and checking cannot drift apart.

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
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import duckdb
import numpy as np
import pandas as pd
import pyarrow.compute as pc

from scripts import numbers
from scripts.draft_rules import RULES

from .crossrow import half_unit
from .database import quote_ident as qi

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


def _text(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)) else str(value)


# ---------------------------------------------------------------- tables in DuckDB

@dataclass
class Rows:
    """A topic table as the SQL checks read it: a DuckDB connection, a relation over it (an SQL
    table name or subquery) with `__row`, the row index a flag names, and the columns it has;
    `normalised`, when given, a relation (__row, quote_n, printed_n) of the table's quotes and
    printed figures under the whitespace rule (null when empty): provenance.make_normalised's
    n_<name>, made once per table for provenance, read here instead of normalising again."""
    con: object
    relation: str
    columns: frozenset
    normalised: str | None = None

    @classmethod
    def of_frame(cls, df: pd.DataFrame, con=None, name: str = "__rows") -> "Rows":
        """A typed frame (index = row) registered in DuckDB: how a test hands a few rows over."""
        con = con or duckdb.connect()
        con.register(name, df.reset_index(names="__row"))
        return cls(con, qi(name), frozenset(df.columns))


def _rows(df) -> Rows:
    return df if isinstance(df, Rows) else Rows.of_frame(df)


def _normal(rows: Rows, alias: str = "t") -> tuple[str, str, str]:
    """SQL (join, quote, printed figure) for the rows of `alias` whose quote and printed are not
    null: both under the whitespace rule, read from rows.normalised when there is one (a join on
    __row), else normalised here by DuckDB (numbers.normalise_sql, the same rule)."""
    if rows.normalised is None:
        return "", numbers.normalise_sql(f"{alias}.quote"), numbers.normalise_sql(f"{alias}.printed")
    return (f"JOIN {rows.normalised} n ON n.__row = {alias}.__row", "coalesce(n.quote_n, '')",
            "coalesce(n.printed_n, '')")


def _other(rows: Rows, other, name: str) -> str | None:
    """Another table for a join: a relation name in rows' database, or a frame registered there."""
    if other is None or isinstance(other, str):
        return other
    rows.con.register(name, other.reset_index(names="__row"))
    return qi(name)


def _has(rows: Rows, relation: str, names) -> bool:
    """Whether a relation has these columns."""
    have = {c[0] for c in rows.con.execute(f"SELECT * FROM {relation} LIMIT 0").description}
    return set(names) <= have


def _like_any(expr: str, words) -> str:
    """SQL true when expr contains one of the words: one RE2 alternation (measured 2.5-3.5x
    faster than a contains() per word over the quotes of a table)."""
    return f"regexp_matches({expr}, {_str('|'.join(map(re.escape, words)))})"


def _str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# ---------------------------------------------------------------- parts

def part_dimensions(df) -> list[Flag]:
    """A part shares region, year and period with its total unless its note says why. One
    query joins each part to its total (the first row with that id) and returns the pairs
    that differ in a dimension both have (a cell missing on either side, a type error reported
    elsewhere, is not compared; a named project row, with no value, carries the district it
    names, so its region may differ); Python reads the note of those few."""
    rows = _rows(df)
    if not {"id", "parent_id", *PART_DIMENSIONS} <= rows.columns:
        return []
    note = "p.note" if "note" in rows.columns else "NULL"
    valued = " AND p.value IS NOT NULL" if "value" in rows.columns else ""
    dims = [qi(d) for d in PART_DIMENSIONS]
    differs = [f"p.{d} <> s.{d}" + (valued if d == qi("region_code") else "") for d in dims]
    found = rows.con.execute(f"""
        WITH s AS (
            SELECT id, {', '.join(dims)} FROM {rows.relation}
            WHERE id IN (SELECT parent_id FROM {rows.relation})
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY __row) = 1
        )
        SELECT p.__row, p.parent_id, {note}, {', '.join(f"p.{d}, s.{d}, coalesce({c}, false)" for d, c in zip(dims, differs))}
        FROM {rows.relation} p JOIN s ON s.id = p.parent_id
        WHERE {' OR '.join(f"({c})" for c in differs)}
        ORDER BY p.__row""").fetchall()
    out = []
    for k, dim in enumerate(PART_DIMENSIONS):
        for i, parent, why, *cells in found:
            mine, total, differ = cells[3 * k:3 * k + 3]
            why = _text(why).lower()
            if not differ or (dim.split("_")[0] in why and ("total" in why or "differ" in why)):
                continue
            out.append((i, dim, f"{dim}: {_text(mine)!r} differs from its total {parent}'s {_text(total)!r}; a part "
                                f"describes its total's place and time (or say why in note, e.g. '{dim} differs from its "
                                "total: …')", "error"))
    return out


# ---------------------------------------------------------------- printed

_UNIT_AFTER = re.compile("(?:余|多)?(?:" + "|".join(sorted(map(re.escape, numbers.MULTIPLIERS), key=len, reverse=True))
                         + ")?(?:余|多)?(?:" + "|".join(sorted(map(re.escape, numbers.UNIT_CODES), key=len, reverse=True)) + ")?")


_UNIT_FIRST = set("余多") | {w[0] for w in numbers.MULTIPLIERS} | {w[0] for w in numbers.UNIT_CODES}   # of a _UNIT_AFTER match


_MAX_TAIL = 2 + max(map(len, numbers.MULTIPLIERS)) + 2 + max(map(len, numbers.UNIT_CODES))   # longest _UNIT_AFTER match


@lru_cache(maxsize=1 << 14)
def _parse_longer(longer: str, rule: str):
    """The parse of a printed figure with the unit after it (None if it does not parse): once per
    distinct figure and repair rule."""
    try:
        return numbers.parse(numbers.repair(rule, longer) if rule else longer)
    except numbers.NumberParseError:
        return None


def printed_unit(df, texts: dict[str, str] | None = None) -> list[Flag]:
    """`printed` stops where the number's unit and multiplier do: in the source text when
    `texts` (source id -> normalised text) has it (a quote cut short after the digits does not
    hide the 万元), else in the quote.

    One query applies the rule to every row, over the normalised quote and figure
    (rows.normalised when given): the figure's place in the quote, and the unit and
    multiplier after it when the quote goes on (a regular expression only where the next
    character can start one). A figure that ends its quote is followed in the source: that
    lookup is Python's str.find (DuckDB's instr counts characters from the start of the text:
    measured 3-4x slower) over the two short columns it needs (source id, quote), read from
    Arrow batches of the result, which holds most rows of a table when most quotes end with
    their figure. Each distinct figure with something after it is parsed once."""
    rows = _rows(df)
    if not {"printed", "quote", "unit"} <= rows.columns:
        return []
    col = lambda n: f"t.{qi(n)}" if n in rows.columns else "NULL"
    join, quote_n, printed_n = _normal(rows)
    texts = texts or {}
    found = rows.con.execute(f"""
        WITH r AS (
            SELECT t.__row AS __row, t.printed AS printed, {col('unit')} AS unit, {col('repair_rule')} AS rule,
                   {col('source_id')} AS sid, {quote_n} AS q, {printed_n} AS p
            FROM {rows.relation} t {join}
            WHERE t.printed IS NOT NULL AND t.quote IS NOT NULL
        ), f AS (
            SELECT *, instr(q, p) AS pos FROM r
        ), u AS (
            SELECT __row, printed, unit, rule, p, sid, pos - 1 + length(p) = length(q) AS at_end,
                   CASE WHEN at_end THEN q END AS q,
                   CASE WHEN NOT at_end AND contains({_str("".join(sorted(_UNIT_FIRST)))}, substr(q, pos + length(p), 1))
                        THEN regexp_extract(substr(q, pos + length(p), {_MAX_TAIL}), {_str("^(?:" + _UNIT_AFTER.pattern + ")")})
                   END AS tail
            FROM f WHERE pos > 0
        )
        SELECT __row, printed, unit, rule, p, sid, q, tail FROM u
        WHERE {"at_end OR " if texts else ""}coalesce(tail, '') <> ''""")
    out = []
    for batch in found.to_arrow_reader(_BATCH):
        ends = pc.is_valid(batch.column("q"))
        inside = batch.filter(pc.invert(ends))     # the unit after the figure read in the quote: few rows
        out += _printed_flags(inside.to_pylist(), inside.column("tail").to_pylist())
        ends = batch.filter(ends)                  # the quote ends with the figure: what follows is in the source
        kept, tails = [], []
        for k, (sid, q) in enumerate(zip(ends.column("sid").to_pylist(), ends.column("q").to_pylist())):
            text = texts.get(sid)
            where = text.find(q) if text else -1   # (a quote found twice is the provenance check's error)
            if where >= 0 and text[where + len(q):where + len(q) + 1] in _UNIT_FIRST:   # (most rows: a set lookup)
                if tail := _UNIT_AFTER.match(text, where + len(q)).group():
                    kept.append(k)
                    tails.append(tail)
        if kept:
            out += _printed_flags(ends.take(kept).to_pylist(), tails)
    return sorted(out)   # (fetched in batches, in no particular order)


_BATCH = 100_000   # rows of a query result turned into Python objects at a time (memory stays bounded)


def _printed_flags(rows: list[dict], tails: list[str]) -> list[Flag]:
    """printed_unit's flags for rows (of its query) whose figure has `tail` after it."""
    out = []
    for r, tail in zip(rows, tails):
        longer = r["p"] + tail
        parsed = _parse_longer(longer, _text(r["rule"]))
        if parsed is None:
            continue
        multiplied = any(m in tail for m in numbers.MULTIPLIERS)
        if multiplied or (r["unit"] is not None and numbers.is_compatible(parsed.canonical_unit, r["unit"])):
            out.append((r["__row"], "printed", f"printed: {r['printed']!r} is followed by {tail!r} in the source; printed "
                                               f"carries the unit as printed ({longer!r}) and value its parse "
                                               f"({parsed.value:f})", "error"))
    return out


# ---------------------------------------------------------------- kind

def kind_cues(df) -> list[Flag]:
    """Plan or norm cues in the figure's clause of the quote, and the row's kind.

    A third of the quotes have a cue word somewhere: one query finds, in the normalised quote
    (so a cue a line break splits in the source is still one), the clause ending with the
    figure and whether the figure follows 的, and returns the rows that can be flagged (a filter
    that may take too many, never too few: the note is left to Python); `_kind_flag` applies
    the rule to them. The cue a message names is the first of its list the clause contains."""
    rows = _rows(df)
    if not {"printed", "quote", "kind"} <= rows.columns:
        return []
    note = "coalesce(t.note, '')" if "note" in rows.columns else "''"
    join, quote_n, printed_n = _normal(rows)
    sel = rows.con.execute(f"""
        WITH r AS (
            SELECT t.__row AS __row, t.kind AS kind, {note} AS note, {quote_n} AS q, {printed_n} AS p
            FROM {rows.relation} t {join}
            WHERE t.printed IS NOT NULL AND t.quote IS NOT NULL AND t.kind IN ('actual', 'target', 'standard')
              AND {_like_any(quote_n, PLAN_CUES + NORM_CUES + ACTUAL_CUES)}
        ), c AS (
            SELECT __row, kind, note, p, regexp_extract(left(q, instr(q, p) - 1), {_str(f'[^{CLAUSE.pattern[1:-1]}]*$')}) AS head
            FROM r WHERE instr(q, p) > 0
        ), d AS (
            SELECT __row, kind, note, head || p AS clause, ends_with(head, '的') AS relative FROM c   -- 省定标准的110%: a ratio to a norm
        )
        SELECT __row, kind, note, clause, relative FROM d
        WHERE (kind = 'actual' AND NOT relative AND {_like_any('clause', PLAN_CUES + NORM_CUES)}
               AND NOT {_like_any('clause', ACTUAL_CUES)})
           OR (kind <> 'actual' AND {_like_any('clause', ACTUAL_CUES)})
        ORDER BY __row""").fetchall()
    return [flag for i, kind, note, clause, relative in sel if (flag := _kind_flag(i, kind, note, clause, relative))]


def _kind_flag(i: int, kind: str, note: str, clause: str, relative: bool) -> Flag | None:
    """The kind rule for one row: the figure's clause, and whether the figure follows 的."""
    weighed = lambda w: w in clause and not relative and w not in note   # a cue the note names was weighed by the curator
    plan = next((w for w in PLAN_CUES if weighed(w)), None)
    norm = next((w for w in NORM_CUES if weighed(w)), None)
    done = next((w for w in ACTUAL_CUES if w in clause), None)
    if kind == "actual" and (plan or norm) and done is None:
        cue, want = (norm, "standard") if norm else (plan, "target")
        return (i, "kind", f"kind: actual, but the figure's clause {clause!r} has the {want} cue {cue!r}: "
                           f"a plan or norm is not an actual (kind {want}?)", "warning")
    if kind in ("target", "standard") and done and plan is None and norm is None:
        return (i, "kind", f"kind: {kind}, but the figure's clause {clause!r} reports an outcome ({done!r}): "
                           "kind actual?", "warning")
    return None


# ---------------------------------------------------------------- multi-year

def multi_year(df) -> list[Flag]:
    """A figure the quote places in a span of years is not one year's figure. Most quotes name
    no span: the query returns the rows whose normalised quote names one (so a cue a line
    break splits in the source is still one), and only those are read."""
    rows = _rows(df)
    if not {"printed", "quote", "period"} <= rows.columns:
        return []
    note = "t.note" if "note" in rows.columns else "NULL"
    join, quote_n, printed_n = _normal(rows)
    sel = rows.con.execute(f"""
        WITH r AS (
            SELECT t.__row AS __row, {quote_n} AS q, {printed_n} AS p, t.period AS period, {note} AS note
            FROM {rows.relation} t {join}
            WHERE t.printed IS NOT NULL AND t.quote IS NOT NULL AND t.period IN ({', '.join(map(_str, ONE_YEAR))})
        )
        SELECT __row, q, p, period, note FROM r WHERE {_like_any('q', MULTI_YEAR_CUES)} ORDER BY __row""").fetchall()
    out = []
    for i, q, p, period, note in sel:
        at = q.find(p)
        before = q[:at] if at >= 0 else q
        cue = next((w for w in MULTI_YEAR_CUES if w in before), None)
        if cue and cue not in _text(note):
            out.append((i, "period", f"period: {period}, but the quote names {cue!r} before the figure: a total over "
                                     "several years is not one year's figure (period multi_year with first_year, or "
                                     f"cumulative; or explain in note, naming {cue!r})", "error"))
    return out


# ---------------------------------------------------------------- unlinked parts

def unlinked_parts(df) -> list[Flag]:
    """Rows without parent_id that follow a row of the same series and add up to it.

    DuckDB selects the candidates (no parent, not a total of parts, a positive value, not a
    rate), numbers their series (dense_rank over the key columns: missing keys form their own
    series) and sorts them by series and id, so the key columns never leave DuckDB; numpy
    takes the series, values and ids as Arrow columns. Cumulative sums within each series,
    and a binary search per row for the run of rows after it whose sum is its value (values
    are positive, so the sums grow): linear-logarithmic in rows, no loop per series."""
    rows = _rows(df)
    if not {"id", "parent_id", "value", "printed", "unit"} <= rows.columns:
        return []
    keys = ", ".join(qi(c) for c in SERIES if c in rows.columns)
    rule = "repair_rule" if "repair_rule" in rows.columns else "NULL"
    free = rows.con.execute(f"""
        SELECT __row, dense_rank() OVER (ORDER BY {keys}) AS series, id, CAST(value AS DOUBLE) AS value, printed,
               {rule} AS rule
        FROM {rows.relation}
        WHERE parent_id IS NULL AND value > 0 AND unit <> 'percent'
          AND (id IS NULL OR id NOT IN (SELECT parent_id FROM {rows.relation} WHERE parent_id IS NOT NULL))
        ORDER BY series, id, __row""").to_arrow_table()
    n = free.num_rows
    if n < 3:
        return []
    series = free.column("series").to_numpy()
    values = free.column("value").to_numpy()
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
    printed, rules = free.column("printed"), free.column("rule")
    out = []
    for k, j in near:
        run = sum(Decimal(str(v)) for v in values[k + 1:j + 1])
        tol = sum(half_unit(printed[m].as_py(), _text(rules[m].as_py())) for m in range(k, j + 1))
        if abs(run - Decimal(str(values[k]))) <= tol:
            out.append((k, j))
    flags, seen = [], set()
    ids, at = free.column("id"), free.column("__row")
    for k, j in sorted(out):
        if k in seen:
            continue
        seen.add(k)
        value = Decimal(str(values[k])).normalize()
        flags.append((at[k].as_py(), "value", f"value: {value:f} equals the sum of the {j - k} rows that follow "
                                              f"({', '.join(ids.slice(k + 1, j - k).to_pylist())}), none linked to it: "
                                              "parts? Give them parent_id (and breakdown_complete here) or views will "
                                              "count them twice", "warning"))
    return flags


# ---------------------------------------------------------------- region

def region_level(df, sources, regions) -> list[Flag]:
    """A row coded to the parent of its source's region although its quote names that region.
    Rows are matched to their source's region and its parent with joins in DuckDB; only the
    rows coded to that parent have their quote read. `sources` and `regions` are frames or
    the names of those tables in the database of `df`."""
    if sources is None or regions is None:
        return []
    rows = _rows(df)
    if not {"region_code", "source_id", "quote"} <= rows.columns:
        return []
    src, reg = _other(rows, sources, "__sources"), _other(rows, regions, "__regions")
    if not _has(rows, reg, ("code", "parent_code", "name_zh", "level")) or not _has(rows, src, ("id", "region_code")):
        return []
    # the first row of a duplicated id or code, as pandas' drop_duplicates kept it
    hits = rows.con.execute(f"""
        WITH s AS (SELECT id AS sid, region_code AS own FROM {src} QUALIFY row_number() OVER (PARTITION BY id ORDER BY __row) = 1),
             g AS (SELECT code, parent_code, name_zh, level FROM {reg} QUALIFY row_number() OVER (PARTITION BY code ORDER BY __row) = 1)
        SELECT t.__row, t.region_code, t.quote, s.own, g.name_zh, g.level
        FROM {rows.relation} t JOIN s ON s.sid = t.source_id JOIN g ON g.code = s.own
        WHERE t.quote IS NOT NULL AND t.region_code = g.parent_code ORDER BY t.__row""").fetchall()
    out = []
    for i, region_code, quote, own, name_zh, level in hits:
        name = str(name_zh)
        words = [name] + ([name[:-1]] if len(name) >= 3 else [])
        words += {"county": ["全县", "我县", "本县"], "district": ["全区", "我区", "本区"]}.get(level, [])
        hit = next((w for w in words if w in quote), None)
        if hit:
            out.append((i, "region_code", f"region_code: {region_code} is the parent of the source's region {own} ({name}), "
                                            f"but the quote names {hit!r}: code the figure to {own}?", "warning"))
    return out


# ---------------------------------------------------------------- aid pairing

def aid_pairs(df) -> list[Flag]:
    """Each amount pairs with at most one recipients row under the aid_per_recipient key (a
    self-join in DuckDB). The ids of the pairs are gathered unordered (an ordered string_agg
    per amount cost three times the join) and sorted in Python for the few amounts flagged."""
    rows = _rows(df)
    if not {"indicator", "unit", "value", "id", *AID_KEY} <= rows.columns:
        return []
    on = " AND ".join(f"r.{k} IS NOT DISTINCT FROM a.{k}" for k in AID_KEY)
    found = rows.con.execute(f"""
        SELECT a.__row, count(*) AS n, list(r.id) AS ids
        FROM {rows.relation} a JOIN {rows.relation} r ON {on}
        WHERE a.kind = 'actual' AND a.indicator = 'amount' AND a.unit = 'yuan'
          AND r.indicator = 'recipients' AND r.unit IN ('person', 'person_time') AND r.value > 0
        GROUP BY a.__row HAVING count(*) > 1 ORDER BY a.__row
    """).fetchall()
    return [(i, "programme", f"programme: this amount pairs with {n} recipients rows "
                             f"({', '.join(sorted(x for x in ids if x is not None))}) under the aid_per_recipient "
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
    return check_table(Rows.of_frame(df), sources, regions, texts)


def check_table(rows: Rows, sources=None, regions=None, texts: dict[str, str] | None = None) -> list[Flag]:
    """Every curation check on one topic table in DuckDB, rows to leave out already left out of
    `rows`; `sources` and `regions` are frames or relation names in rows' database."""
    out = [flag for c in CHECKS for flag in c(rows)]
    return out + printed_unit(rows, texts) + region_level(rows, sources, regions)
