"""Every number traces to its archived source.

Whitespace rule: spaces, tabs, line breaks and full-width spaces are removed from the source,
the quote and the printed figure before matching (scraped texts break lines inside numbers);
every other character must match exactly. A quote must occur exactly once in its source, the
printed figure must occur in the quote, and the value must equal the parse of the printed
figure, or of its repair when `repair_rule` names a documented rule (docs/repair-rules.md).
"""
from __future__ import annotations

import hashlib
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from scripts import numbers
from scripts.source_text import SourceTextError, archived_file, read_source

from . import workers
from .report import Problem
from .rows import records


def load_sources(root: Path, sources: pd.DataFrame, line_of, column_of) -> tuple[dict[str, str], list[Problem]]:
    """Text of every archived source, decoded in its declared encoding; a missing or edited file
    is an error. The sha256 is over the file's bytes as archived, the text is what quotes and
    offsets refer to (scripts.source_text, read once here for both)."""
    texts, problems = {}, []
    for i, r in zip(sources.index, records(sources)):   # iterrows built a Series per row
        if r.get("path") is None or r.get("id") is None:
            continue
        file = archived_file(root, r["path"])
        if file is None:
            problems.append(Problem("data/sources.csv", line_of(i), column_of("path"), f"path: archived file {r['path']} does not exist in the package"))
            continue
        try:
            data, text = read_source(r, root)
        except SourceTextError as exc:   # undecodable: still say whether the bytes were edited
            problems.append(Problem(exc.path, exc.line, exc.column, f"archived source: {exc.message}"))
            data, text = file.read_bytes(), None
        digest = hashlib.sha256(data).hexdigest()
        if r.get("sha256") is not None and digest != r["sha256"]:
            problems.append(Problem("data/sources.csv", line_of(i), column_of("sha256"),
                                    f"sha256: {r['path']} has sha256 {digest}, not the recorded one: archived sources must never be edited"))
        if text is not None:
            texts[r["id"]] = text
    return texts, problems


def _decimal(raw) -> Decimal | None:
    try:
        return None if raw is None else Decimal(str(raw))
    except InvalidOperation:
        return None


# what check_row reads of a row (besides value and value_max as written, in `raw`)
FIELDS = ("quote", "project_name", "printed", "repair_rule", "unit", "qualifier")


def check_row(r: dict, raw: dict, text: str | None) -> list[tuple[str, str]]:
    """(field, message) problems of one topic row (None for empty cells) against its
    normalised source text: the rule, one row at a time (the synthetic generator checks its
    rows with it). validate runs its two halves set-based: quote_problems per source (with
    the coverage scan, validation/persource.py), row_problems on the rows SQL selects."""
    if text is None:
        return []
    quote = numbers.normalise(r["quote"]) if r.get("quote") else ""
    return quote_problems(quote, text) + row_problems(r, raw, quote)


def quote_problems(quote: str, text: str) -> list[tuple[str, str]]:
    """The normalised quote occurs exactly once in the normalised source text."""
    if not quote:
        return []
    n = text.count(quote)
    if n == 0:
        return [("quote", "quote: not found in the archived source (whitespace ignored); quote it verbatim")]
    if n > 1:
        return [("quote", f"quote: occurs {n} times in the archived source; lengthen it so it is unique")]
    return []


def row_problems(r: dict, raw: dict, quote: str) -> list[tuple[str, str]]:
    """The clauses that read the row alone: project name and printed figure in the (normalised)
    quote, value and value_max the parse of printed, unit and qualifier fitting it."""
    out = []
    name = r.get("project_name")
    if name and quote and numbers.normalise(name) not in quote:
        out.append(("project_name", f"project_name: {name!r} does not occur in the quote"))
    printed = r.get("printed")
    if not printed:
        return out
    printed_n = numbers.normalise(printed)
    if quote and printed_n not in quote:
        out.append(("printed", f"printed: {printed!r} does not occur in the quote"))
    return out + _check_value(r, raw, printed_n)


def _check_value(r: dict, raw: dict, printed: str) -> list[tuple[str, str]]:
    rule = r.get("repair_rule")
    try:
        if rule:
            repaired = numbers.repair(rule, printed)
            if repaired == printed:
                return [("repair_rule", f"repair_rule: {rule!r} changes nothing in {printed!r}; leave it empty")]
            parsed = numbers.parse(repaired)
        else:
            parsed = numbers.parse(printed)
    except numbers.NumberParseError as exc:
        return [("printed", f"printed: {exc}")]
    out = []
    value = _decimal(raw.get("value"))
    if value is not None and value != parsed.value:
        hint = "" if rule else " (a damaged figure needs a documented repair_rule)"
        out.append(("value", f"value: {raw.get('value')} does not equal {parsed.value} parsed from printed {printed!r}{hint}"))
    vmax = _decimal(raw.get("value_max"))
    if parsed.value_max is not None and vmax != parsed.value_max:
        out.append(("value_max", f"value_max: {raw.get('value_max')} does not equal the upper end {parsed.value_max} of {printed!r}"))
    unit = r.get("unit")
    allowed = numbers.COMPATIBLE_UNITS.get(parsed.canonical_unit) if parsed.canonical_unit else None
    if allowed is not None and unit and unit not in allowed:
        out.append(("unit", f"unit: {unit!r} does not fit the printed unit {parsed.unit!r} (allowed: {', '.join(sorted(allowed))})"))
    if parsed.qualifier != "exact" and r.get("qualifier") != parsed.qualifier:
        out.append(("qualifier", f"qualifier: {r.get('qualifier')!r} but printed {printed!r} reads as {parsed.qualifier!r}"))
    return out


# ---------------------------------------------------------------- set-based, over whole tables
#
# check_row above is the rule, one row at a time. Run per row over millions of rows it was the
# largest part of validate's time, so validate splits it. quote_problems runs per source in the
# worker processes that scan the source for coverage (Python's str.count measured ~20x faster
# than DuckDB's replace/strpos over the same texts). row_problems runs only where it can find
# something: one SQL query per topic table in DuckDB selects the *suspect* rows (every row for
# which some clause of row_problems could fail), and row_problems writes their messages. The
# query is a filter that may select too much, never too little: each clause mirrors one branch
# of row_problems, and tests/test_provenance.py checks on generated rows that every row it
# faults is selected. Each distinct printed figure is parsed once (Python, scripts/numbers.parse),
# into a small table the query joins.

def _plain(d: Decimal | None) -> str | None:
    """A decimal as plain digits without exponent or trailing zeros: how a value is usually written."""
    if d is None:
        return None
    s = format(d, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _parsed_rows(printed: list[tuple[str, str | None]]) -> pd.DataFrame:
    """For each distinct (printed figure, repair_rule): whether check_row's value clause fails
    whatever the row says (bad), and what the row's value, value_max, unit and qualifier must
    be for it to pass (allowed units joined by US, chr(31))."""
    return pd.DataFrame(_parsed_tuples(printed), dtype=object, columns=PARSED_COLUMNS)


PARSED_COLUMNS = ["printed", "repair_rule", "bad", "value", "value_max", "allowed", "qualifier"]


def _parsed_tuples(printed: list[tuple[str, str | None]]) -> list[tuple]:
    out = []
    allowed_of = _allowed_units()
    for p, rule in printed:
        try:
            if rule:
                pn = numbers.normalise(p)
                fixed = numbers.repair(rule, pn)
                parsed = None if fixed == pn else numbers.parse(fixed)
            else:
                parsed = numbers.parse(p)   # parse normalises
        except Exception:   # noqa: BLE001 - any failure makes the row a suspect; check_row says why
            parsed = None
        if parsed is None:
            out.append((p, rule, True, None, None, None, None))
        else:
            out.append((p, rule, False, _plain(parsed.value), _plain(parsed.value_max),
                        allowed_of.get(parsed.canonical_unit), parsed.qualifier))
    return out


def _allowed_units() -> dict[str, str]:
    """Canonical unit -> the row units it allows, joined by US (chr(31)), as suspects_sql reads them."""
    return {u: "\x1f".join(sorted(a)) for u, a in numbers.COMPATIBLE_UNITS.items() if a is not None}


ROW_COLUMNS = ("source_id", *FIELDS)   # what check_row reads, typed; value and value_max as written
RAW_PREFIX = "__raw_"


def normalised_table(table: str) -> str:
    return f'"n_{table}"'


def make_normalised(con, table: str, columns) -> str:
    """n_<table>: each row's quote and printed figure under the whitespace rule (null when
    empty), made once by DuckDB over the whole columns and read by the per-source checks and
    by suspects_sql (the regular expression over millions of cells is the costly part)."""
    norm = lambda c: f'nullif({numbers.normalise_sql(chr(34) + c + chr(34))}, \'\')' if c in columns else "CAST(NULL AS VARCHAR)"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {normalised_table(table)} AS SELECT __row, {norm('quote')} AS quote_n, "
                f'{norm("printed")} AS printed_n FROM "t_{table}"')
    return normalised_table(table)


def normalised(con, table: str, columns) -> str:
    """n_<table>, made if this connection has none yet: the per-source inputs, provenance and
    curation all read it, and whichever runs first makes it."""
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?",
                         [f"n_{table}"]).fetchone()[0]
    return normalised_table(table) if exists else make_normalised(con, table, columns)


def suspects_sql(table: str, columns: list[str], texts: str = "__texts", parsed: str = "__parsed") -> str:
    """(__row, ROW_COLUMNS..., normalised quote, raw value, raw value_max) of the rows of
    t_<table> whose source's text was read (its id in `texts`) that row_problems may fault."""
    has = lambda c: c in columns
    col = lambda c, raw=False: (f'r."{RAW_PREFIX + c}"' if raw else f'r."{c}"') if has(c) else "NULL"
    quote = "coalesce(n.quote_n, '')"
    printed = col("printed")
    first = [   # clauses of row_problems before its `if not printed: return`
        f"(coalesce({col('project_name')}, '') <> '' AND {quote} <> '' AND NOT contains({quote}, {numbers.normalise_sql(col('project_name'))}))",
        f"({quote} <> '' AND coalesce({printed}, '') <> '' AND NOT contains({quote}, n.printed_n))",
    ]
    value = [   # _check_value's clauses, for a printed figure
        "coalesce(x.bad, true)",
        f"({col('value', True)} IS NOT NULL AND {col('value', True)} IS DISTINCT FROM x.value)",
        f"(x.value_max IS NOT NULL AND {col('value_max', True)} IS DISTINCT FROM x.value_max)",
        f"(x.allowed IS NOT NULL AND coalesce({col('unit')}, '') <> '' "
        f"AND NOT list_contains(string_split(x.allowed, chr(31)), {col('unit')}))",
        f"(x.qualifier <> 'exact' AND {col('qualifier')} IS DISTINCT FROM x.qualifier)",
    ]
    selected = ", ".join([col(c) + f' AS "{c}"' for c in ROW_COLUMNS] + [quote + ' AS "quote_n"', col("value", True) + ' AS "raw_value"',
                                                                           col("value_max", True) + ' AS "raw_value_max"'])
    return (f'SELECT r.__row, {selected} FROM "t_{table}" r JOIN {texts} s ON s.id = r.source_id '
            f'JOIN {normalised_table(table)} n ON n.__row = r.__row '
            f"LEFT JOIN {parsed} x ON x.printed = {printed} AND x.repair_rule IS NOT DISTINCT FROM {col('repair_rule')} "
            f"WHERE {' OR '.join(first)} OR (coalesce({printed}, '') <> '' AND ({' OR '.join(value)})) ORDER BY r.__row")


SHARED = "printed"        # the key of the distinct printed figures among the workers' shared inputs
PARSE_CHUNK = 5_000       # distinct printed figures per job
PARALLEL_FROM = 20_000    # distinct printed figures worth parsing in the workers


def _topic_tables(state) -> list:
    return [lt for lt in state.tables.values() if lt.table.is_topic and "source_id" in lt.fields]


class Parsing:
    """The distinct (printed, repair_rule) pairs of every topic table, being parsed: by the
    run's workers (validation/workers.py) while the parent goes on with other checks, or in the
    parent when `problems` asks, if there are few."""

    def __init__(self, state, work: workers.Workers):
        tables = [lt for lt in _topic_tables(state) if "printed" in lt.fields] if state.sources else []
        distinct = " UNION ALL ".join(
            f'SELECT printed, {"repair_rule" if "repair_rule" in lt.fields else "NULL"} AS repair_rule FROM "t_{lt.table.name}" '
            "WHERE coalesce(printed, '') <> ''" for lt in tables)
        self.printed = state.con.execute(f"SELECT DISTINCT * FROM ({distinct})").fetchall() if distinct else []
        self.work, self.later = work, None
        work.share(SHARED, self.printed)

    @property
    def parallel(self) -> bool:
        return len(self.printed) >= PARALLEL_FROM

    def submit(self) -> "Parsing":
        n = len(self.printed)
        self.later = self.work.map(_parse_chunk, [(i, min(i + PARSE_CHUNK, n)) for i in range(0, n, PARSE_CHUNK)],
                                   self.parallel)
        return self

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.later.get(), dtype=object, columns=PARSED_COLUMNS)


def _parse_chunk(bounds: tuple[int, int]) -> list[tuple]:
    return _parsed_tuples(workers.shared(SHARED)[bounds[0]:bounds[1]])


def start(state, work: workers.Workers) -> Parsing:
    return Parsing(state, work)


def problems(state, found=()) -> list[Problem]:
    """row_problems for every topic row whose source text was read: suspects selected in SQL,
    messages by row_problems. (quote_problems run per source: validation/persource.py.) The
    distinct printed figures are parsed by the run's workers when validate started them
    (state.jobs), else here."""
    texts = state.sources
    tables = _topic_tables(state)
    if not texts or not tables:
        return []
    parsing = (getattr(state, "jobs", None) or {}).get(SHARED)
    if parsing is None:
        with workers.Workers() as work:
            parsed = start(state, work).submit().frame()
    else:
        parsed = parsing.frame()
    con = state.con
    con.register("__texts_frame", pd.DataFrame({"id": list(texts)}, dtype=object))
    con.execute("CREATE OR REPLACE TEMP TABLE __texts AS SELECT CAST(id AS VARCHAR) AS id FROM __texts_frame")
    con.unregister("__texts_frame")
    con.register("__parsed_frame", parsed)
    con.execute("CREATE OR REPLACE TEMP TABLE __parsed AS SELECT CAST(printed AS VARCHAR) AS printed, "
                "CAST(repair_rule AS VARCHAR) AS repair_rule, CAST(bad AS BOOLEAN) AS bad, CAST(value AS VARCHAR) AS value, "
                "CAST(value_max AS VARCHAR) AS value_max, CAST(allowed AS VARCHAR) AS allowed, "
                "CAST(qualifier AS VARCHAR) AS qualifier FROM __parsed_frame")
    con.unregister("__parsed_frame")
    out = []
    for lt in tables:
        normalised(con, lt.table.name, lt.fields)
        cur = con.execute(suspects_sql(lt.table.name, list(lt.fields)))
        names = [d[0] for d in cur.description]
        for values in cur.fetchall():
            r = dict(zip(names, values))
            raw = {"value": r.pop("raw_value"), "value_max": r.pop("raw_value_max")}
            out += [lt.problem(r["__row"], f, msg) for f, msg in row_problems(r, raw, r.pop("quote_n"))]
    con.execute("DROP TABLE IF EXISTS __texts; DROP TABLE IF EXISTS __parsed")
    return out
