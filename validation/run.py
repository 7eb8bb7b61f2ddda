"""Run every check in one pass and return all problems, sorted by file, line and column."""
from __future__ import annotations

import resource
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from scripts import grammar, numbers
from scripts.frames import PANDAS_DTYPES
from scripts.metadata import ROOT, Table

from . import (coverage, crossrow, curation, database, descriptor, indicators, persource, plausibility, provenance,
               review_years, rows, sqlchecks, workers)
from .database import Lines
from .database import quote_ident as qi
from .report import Problem


class Loaded:
    """A table as loaded: where its records are in the file (`csv`: header, byte-level
    problems, line of a record on demand) and its rows in DuckDB (t_<name>: typed, with the
    text of each typed cell as __raw_<field>). Python checks ask for the columns they read (`columns`), fetched once each and
    typed as the pandas loader types them; `frame` is every column, for checks that need all."""

    def __init__(self, table: Table, csv: Lines, con, header: list[str]):
        self.table, self.csv, self.con = table, csv, con
        self.fields = {f["name"]: f for f in sqlchecks.present(table, header)}
        self._cols: dict[str, pd.Series] = {}

    def columns(self, names=None) -> pd.DataFrame:
        """These columns of the table (those the file has), index = record."""
        names = [n for n in (self.fields if names is None else names) if n in self.fields]
        missing = [n for n in names if n not in self._cols]
        if missing:
            fetched = self.con.execute(f"SELECT {', '.join(qi(n) for n in missing)} FROM {qi('t_' + self.table.name)} "
                                       "ORDER BY __row").df()
            for n in missing:
                t = self.fields[n].get("type", "string")
                col = fetched[n].astype(STRING if t == "string" else PANDAS_DTYPES[t]).reset_index(drop=True)
                if n in _repeated_columns(self.table):
                    col = _shared(col)
                self._cols[n] = col
        if not names:
            return pd.DataFrame(index=pd.RangeIndex(self.rows))
        return pd.DataFrame({n: self._cols[n] for n in names})

    def forget(self) -> None:
        """Drop the fetched columns (validate calls it after each check family: at national
        size one text column of pandas strings is hundreds of MB)."""
        self._cols = {}

    @property
    def rows(self) -> int:
        return self.con.execute(f"SELECT count(*) FROM {qi('t_' + self.table.name)}").fetchone()[0]

    @property
    def frame(self) -> pd.DataFrame:
        return self.columns()

    def column_of(self, name: str) -> int:
        header = self.csv.header
        return header.index(name) + 1 if name in header else 1

    def problem(self, row: int, name: str, message: str, severity: str = "error") -> Problem:
        return Problem(self.table.path, self.csv.line_of(row), self.column_of(name), message, severity)


@dataclass
class State:
    """Everything read from a package, shared by the checks."""
    root: Path
    tables: dict[str, Loaded]
    sources: dict[str, str]          # source id -> original text
    source_paths: dict[str, str]
    published: dict[str, pd.Timestamp]
    con: duckdb.DuckDBPyConnection | None = None   # t_<name> of every table
    use_cache: bool = False                        # checks may reuse results of unchanged inputs
    jobs: dict | None = None                       # work started in the run's workers (validation/workers.py)
    _normalised: dict[str, str] | None = None

    def normalised(self) -> dict[str, str]:
        """Source id -> text under the whitespace rule (numbers.normalise), made once if asked for."""
        if self._normalised is None:
            self._normalised = {k: numbers.normalise(v) for k, v in self.sources.items()}
        return self._normalised




def _repeated_columns(table: Table) -> list[str]:
    """String fields whose values repeat (code lists, references to other tables): their cells
    are stored once per distinct value instead of once per row."""
    refs = {f for fk in table.foreign_keys if fk["reference"].get("resource")
            for f in (fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]])}
    return [f["name"] for f in table.fields if f.get("type", "string") == "string"
            and (f.get("constraints", {}).get("enum") or f["name"] in refs)]


def _shared(col: pd.Series) -> pd.Series:
    """Equal cells pointed at one str (factorize, then take): same values, ~55 bytes less per
    cell; the national package holds 4.8 million rows."""
    codes, uniques = pd.factorize(col.array)
    return pd.Series(uniques.take(codes, allow_fill=True), index=col.index, name=col.name)


STRING = pd.StringDtype("python")   # pd.NA for missing cells whether or not pyarrow is installed


def _checked_columns(table: Table, lines: Lines) -> list[str]:
    """The fields of the table its file has (all of them when the file could not be read:
    the table is then empty)."""
    return [h for h in (lines.header or table.field_names) if h in table.field_names]


def load_table(con, table: Table, root: Path) -> tuple[Loaded, list[Problem]]:
    """Load one table into DuckDB, type it, and run its one-table checks as SQL
    (validation/sqlchecks.py): types, constraints, primary key, formula cells."""
    lines, _, formulas = database.load_raw(con, table, root)
    header = _checked_columns(table, lines)
    con.execute(sqlchecks.create_typed(table, header))
    loaded = Loaded(table, lines, con, header)
    problems = list(lines.problems)
    by_name = {f["name"]: f for f in table.fields}
    if (sql := sqlchecks.type_errors(table, header)) is not None:
        problems += [loaded.problem(r, f, grammar.type_message(f, by_name[f].get("type", "string"), v))
                     for r, f, v in con.execute(sql).fetchall()]
    if (sql := sqlchecks.constraint_failures(table, header)) is not None:
        problems += [loaded.problem(r, f, sqlchecks.constraint_message(by_name[f], k, v))
                     for r, f, k, v in con.execute(sql).fetchall()]
    if (sql := sqlchecks.primary_key_duplicates(table, header)) is not None:
        pk = [f for f in table.primary_key if f in header]
        for r, key, first in con.execute(sql).fetchall():
            shown = key[0] if len(key) == 1 else tuple(key)
            problems.append(loaded.problem(r, pk[0], f"{'+'.join(pk)}: duplicate primary key {shown!r}, "
                                                     f"first used on line {lines.line_of(first)}"))
    if formulas and (sql := sqlchecks.formula_cells(table, header)) is not None:
        # a file in which no cell can start a formula (one regex over the bytes) needs no query
        problems += [loaded.problem(r, f, sqlchecks.formula_message(f, start)) for r, f, start in con.execute(sql).fetchall()]
    # the text table has served (t_<name> keeps every cell's text: strings as they are, other
    # fields as __raw_<field>); dropped, DuckDB holds one copy of the package, not two
    con.execute(f"DROP TABLE {qi('raw_' + table.name)}")
    return loaded, problems


def _foreign_key_problems(state: State, found: list[Problem]) -> list[Problem]:
    """Every non-empty reference exists in the referenced table (an anti-join per foreign key)."""
    headers = {name: _checked_columns(lt.table, lt.csv) for name, lt in state.tables.items()}
    out = []
    for name, lt in state.tables.items():
        for sql, fields, ref_name, ref_fields in sqlchecks.foreign_key_misses(lt.table, headers[name], headers):
            for r, key in state.con.execute(sql).fetchall():
                shown = key[0] if len(key) == 1 else tuple(key)
                out.append(lt.problem(r, fields[0], f"{fields[0]}: {shown!r} is not a {'+'.join(ref_fields)} in {ref_name}"))
    return out


def load(root: Path, con=None, use_cache: bool = False) -> tuple[State | None, list[Problem]]:
    desc, problems = descriptor.load(root, use_cache)
    if desc is None or any("not a valid Frictionless" in p.message for p in problems):
        return None, problems   # table checks need a valid descriptor: fix it first
    con = con or database.connect(temp_dir=root / "build" / "duckdb_tmp")
    loaded: dict[str, Loaded] = {}
    for res in desc.get("resources", []):
        table = Table(res, root)
        if isinstance(res.get("path"), str) and (root / table.path).is_file() and table.path.startswith("data/"):
            loaded[table.name], found = load_table(con, table, root)
            problems += found
    texts, paths, published = {}, {}, {}
    if "sources" in loaded:
        src = loaded["sources"]
        texts, found = provenance.load_sources(root, src.frame, src.csv.line_of, src.column_of)
        problems += found
        records = rows.records(src.frame)
        paths = {r["id"]: r["path"] for r in records if r["id"] in texts}
        published = {r["id"]: r["published"] for r in records if r.get("published") is not None}
    return State(root, loaded, texts, paths, published, con, use_cache), problems


def validate(root: Path = ROOT, use_cache: bool = True, db_file: Path | None = None,
             timings: list | None = None) -> list[Problem]:
    """Every problem of the package at root, sorted by file, line and column. `use_cache`:
    reuse the per-source results of an earlier run whose inputs are unchanged
    (validation/persource.py); False re-checks everything. `db_file`: keep the loaded tables
    (t_<name>) in this DuckDB file, for the build to reuse.
    `timings`: appended (step, wall s, CPU s) for loading, each check family (the parent's CPU)
    and the workers (their CPU; wall 0: they run beside the families), for `validate --timings`
    and the benchmark."""
    clock = _Clock(timings)
    con = None
    if db_file is not None:
        db_file.parent.mkdir(parents=True, exist_ok=True)
        db_file.unlink(missing_ok=True)
        con = database.connect(db_file, temp_dir=db_file.parent / "duckdb_tmp")
    try:
        state, problems = load(root, con, use_cache)
        clock.lap("load")
        if state is None:
            return sorted(problems)
        # the parse of every distinct printed figure and the per-source checks start first, in the
        # run's forked workers (in that order), and run while the parent does the table-wide checks;
        # each check collects its results at its place in CHECKS
        with workers.Workers() as work:
            state.jobs = {provenance.SHARED: provenance.start(state, work)} if provenance.problems in CHECKS else {}
            pending = persource.start(state, work) if persource.problems in CHECKS else None
            work.start(any(job.parallel for job in [*state.jobs.values(), pending] if job is not None))
            for job in [*state.jobs.values(), pending]:
                if job is not None:
                    job.submit()
            clock.lap("workers_start")
            for check in CHECKS:
                problems += pending.problems() if check is persource.problems else check(state, problems)
                for lt in state.tables.values():
                    lt.forget()
                clock.lap(_family(check))
        clock.workers()   # the workers' CPU counts once the pool is closed
        return sorted(set(problems))
    finally:
        if con is not None:
            con.close()


def _family(check) -> str:
    """A check family's short name: _topic_problems -> topic, provenance.problems -> provenance."""
    name = check.__name__.strip("_").removesuffix("problems").strip("_")
    return name or check.__module__.rsplit(".", 1)[-1]


class _Clock:
    """Wall and CPU time of each step of a run, when asked for (validate --timings)."""

    def __init__(self, timings: list | None):
        self.timings = timings
        self.wall, self.cpu, self.children = time.perf_counter(), time.process_time(), _children_cpu()

    def lap(self, step: str) -> None:
        if self.timings is not None:
            wall, cpu = time.perf_counter(), time.process_time()
            self.timings.append((step, wall - self.wall, cpu - self.cpu))
            self.wall, self.cpu = wall, cpu

    def workers(self) -> None:
        if self.timings is not None:
            self.timings.append(("workers", 0.0, _children_cpu() - self.children))


def _children_cpu() -> float:
    """CPU seconds of this process' ended children (the workers, once closed)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _topic_problems(state: State, found: list[Problem]) -> list[Problem]:
    """Rules within a row and between rows, and plausibility, table by table: SQL but for
    breakdowns and the series check (pandas/numpy over the rows and columns a query returns:
    no frame of every column, whose quotes alone are most of a table's memory)."""
    out = []
    for lt in state.tables.values():
        if not lt.table.is_topic:
            continue
        name, columns = lt.table.name, _checked_columns(lt.table, lt.csv)
        sources = _checked_columns(state.tables["sources"].table, state.tables["sources"].csv) if "sources" in state.tables else []
        between = crossrow.check_parts(state.con, name, columns) \
            + crossrow.check_breakdowns(crossrow.breakdown_rows(state.con, name, columns)) \
            + crossrow.check_plan_pairs(state.con, name, columns) \
            + crossrow.check_years_against_sources(state.con, name, columns, sources)
        out += [lt.problem(*e) for e in between]
        out += [lt.problem(*e, severity="warning") for e in plausibility.check(state.con, name, columns)]
        out += [lt.problem(*e) for e in rows.check_rows(state.con, lt.table, columns)]
    return out


# The check families run on a loaded package, in this order: each is f(state, found) -> new
# problems, where `found` are the problems so far (a check may pass over rows already wrong).
# Loading (load_table) has already run the byte-level checks (csvfile.py, database.py) and the
# checks of one table as SQL (sqlchecks.py). A new family is a module with such a function,
# added here: it reads state.tables[name].columns([...]) (typed pandas) or state.con (DuckDB tables
# t_<name>), and places a problem with state.tables[name].problem(row, field, message).
def _review_year_problems(state: State, found: list[Problem]) -> list[Problem]:
    """Years of government work reports: the source's delivery and review years, and its rows'
    years against them (review_years.py, pandas over the sources and topic frames)."""
    if "sources" not in state.tables:
        return []
    src = state.tables["sources"]
    frame = src.columns(["id", "kind", "report_year", "delivery_year", "delivered", "review_first_year"])
    out = [src.problem(*e) for e in review_years.check_sources(frame)]
    out += [src.problem(*e) for e in review_years.check_review_periods(frame, state.sources)]
    reviews = _reviews(frame)
    for lt in state.tables.values():
        if lt.table.is_topic and reviews:
            out += [lt.problem(*e) for e in review_years.check_rows(lt.columns(["kind", "year", "source_id"]), reviews)]
    return out


def _curation_problems(state: State, found: list[Problem]) -> list[Problem]:
    """The curation-mistake checks (validation/curation.py: DuckDB over t_<name>, pandas over the
    rows and columns a query returns) on each topic table, on the rows without an error from
    the checks before it (`found`). The quotes stay in DuckDB: no frame of every column is made;
    their normalised forms are provenance's n_<name> (temporary tables of state.con, which a
    cursor would not see), made here if provenance did not run on the table."""
    have = lambda name: f"t_{name}" if name in state.tables else None
    texts = state.normalised()
    con = state.con
    out = []
    for lt in state.tables.values():
        if not lt.table.is_topic:
            continue
        name = lt.table.name
        bad = {p.line for p in found if p.path == lt.table.path and p.severity == "error"}
        skip = _rows_on_lines(lt, bad) if bad else []
        relation = qi("t_" + name)
        if skip:
            con.register("__skip", pd.DataFrame({"__row": skip}))
            relation = f"(SELECT * FROM {relation} WHERE __row NOT IN (SELECT __row FROM __skip))"
        normalised = provenance.normalised(con, name, lt.fields)
        try:
            rows = curation.Rows(con, relation, frozenset(lt.fields), normalised)
            out += [lt.problem(i, field, msg, severity=sev)
                    for i, field, msg, sev in curation.check_table(rows, have("sources"), have("regions"), texts)]
        finally:
            if skip:
                con.unregister("__skip")
    return out


def _rows_on_lines(lt: Loaded, lines: set[int]) -> list[int]:
    """The records on these physical lines. When each record is one line (record i on line
    i + 2), read off the lines; otherwise each record's line is looked up."""
    n = lt.rows
    if getattr(lt.csv, "one_line_each", False):
        return sorted(r for r in (line - 2 for line in lines) if 0 <= r < n and lt.csv.line_of(r) in lines)
    return [i for i in range(n) if lt.csv.line_of(i) in lines]


def _reviews(frame: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """(report_year, delivery_year) of each source that has a delivery_year."""
    if not {"id", "report_year", "delivery_year"} <= set(frame.columns):
        return {}
    return {r["id"]: (r["report_year"], r["delivery_year"]) for r in rows.records(frame[["id", "report_year", "delivery_year"]])
            if r["delivery_year"] is not None and r["report_year"] is not None}


def _indicator_problems(state: State, found: list[Problem]) -> list[Problem]:
    """The indicator catalogue against the rows it selects (indicators.py: the package's views
    in DuckDB over validation's typed tables t_<name>, not the CSVs read again)."""
    rules = state.tables.get(indicators.RULES)
    tables = {name: (lt.table, _checked_columns(lt.table, lt.csv)) for name, lt in state.tables.items()}
    return indicators.check(state.con, tables, rules.columns(["indicator", "definition", "rule"]) if rules is not None else None,
                            lambda name, i, field, msg: state.tables[name].problem(i, field, msg))


CHECKS = (
    _foreign_key_problems,   # SQL anti-joins (sqlchecks.py)
    _topic_problems,         # SQL and pandas/numpy over whole tables: rows.py, crossrow.py, plausibility.py
    _review_year_problems,   # pandas: review_years.py
    provenance.problems,     # SQL selects suspect rows, check_row writes their messages (provenance.py)
    persource.problems,      # Python per source, cached and in worker processes: coverage.py, passages.py
    _curation_problems,      # pandas/DuckDB over whole tables (curation.py), on rows without an error so far
    _indicator_problems,     # SQL over the views (indicators.py)
)


def coverage_report(root: Path = ROOT) -> tuple[list[coverage.SourceCoverage], list[Problem]]:
    """Per-source coverage for the `coverage` subcommand, with the problems found reading."""
    state, problems = load(root)
    if state is None:
        return [], problems
    inputs = persource.Inputs(state)
    results = [inputs.coverage(sid) for sid in state.sources]
    return results, problems + persource.problems(state)
