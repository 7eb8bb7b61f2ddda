"""The checks of one source, in Python: its coverage (every numeric expression curated or in
the ledger), its passage ledger, and that each of its rows' quotes occurs exactly once in it
(the rest of provenance runs set-based over whole tables, validation/provenance.py).

Why Python: it reads one report's text with the package's candidate finder
(scripts/candidates.py), which is Python; and each source is independent of the others. So it
runs source by source:

- cached: a source's result is stored under build/validate-cache/ keyed by the sha256 of its
  text, the hash of every row that names it (any table with a source_id: topic rows and the
  ledger), the hash of datapackage.json and of the checking code; a run re-checks only the
  sources whose key changed (`--no-cache` re-checks all). A result names rows by their
  position among the source's rows of a table, so it stays valid when other sources' rows
  move it down the file; lines are looked up afresh on every run;
- in worker processes: when many sources need checking, batches of whole sources go to the
  run's workers, one process per core (validation/workers.py: forked, so the tables are
  shared, not copied or pickled).
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from . import coverage, passages, provenance, workers
from .database import quote_ident as qi
from .sqlchecks import RAW
from .report import Problem

CACHE_DIR = Path("build") / "validate-cache"
CACHE_FILE = "sources.pickle"
LEDGER = "coverage_exclusions"
PASSAGES = "coverage_passages"
PASSAGE_FIELDS = ("source_id", "char_start", "char_end", "start_text", "reason", "note")
PARALLEL_FROM = 400                    # sources to check before worker processes pay for their start
BATCH = 200                            # sources per batch handed to a worker


@dataclass
class Result:
    """Problems of one source, independent of where its rows are in the files."""
    rows: list[tuple[str, int, str, str]] = field(default_factory=list)    # (table, k-th row of the source, field, message)
    text: list[tuple[int, int, str]] = field(default_factory=list)          # (line, column, message) in the source file
    ledger: list[tuple[int, str]] = field(default_factory=list)             # (k-th ledger entry of the source, message)
    passages: list[tuple[int, str, str]] = field(default_factory=list)      # (k-th passage of the source, field, message)


class Inputs:
    """What the per-source checks read, indexed by source: for every topic table the positions
    of each source's rows and the columns the checks read, and the ledger's entries."""

    def __init__(self, state):
        self.state = state
        self._fetched: dict[str, list] = {}
        self.tables = {}   # table name -> (positions by source, quote_n and printed_n as Arrow arrays)
        for name, lt in state.tables.items():
            if not lt.table.is_topic or "source_id" not in lt.fields:
                continue
            cols = _row_columns(state.con, name, lt.fields)
            self.tables[name] = (_positions(cols.pop("source_id")), cols)
        self.ledger_positions, self.ledger_cols = {}, {}
        lt = state.tables.get(LEDGER)
        if lt is not None and {"source_id", "char_offset", "text"} <= set(lt.fields):
            df = lt.columns(["source_id", "char_offset", "text"])
            self.ledger_positions = _positions(df["source_id"])
            self.ledger_cols = {c: df[c].to_numpy(dtype=object, na_value=None) for c in df.columns}
        self.passage_positions, self.passage_cols = {}, {}
        lt = state.tables.get(PASSAGES)
        if lt is not None and {"source_id", "char_start", "char_end", "start_text"} <= set(lt.fields):
            df = lt.columns(PASSAGE_FIELDS)
            self.passage_positions = _positions(df["source_id"])
            self.passage_cols = {c: df[c].to_numpy(dtype=object, na_value=None) for c in df.columns}

    def check(self, sid: str) -> Result:
        """Coverage and passage ledger of source `sid` (whose text was read)."""
        text = self.state.sources[sid]
        out = Result()
        mapped = coverage.normalised_map(text)
        rows = self.rows(sid)
        for name, quotes, _ in rows:
            for k, quote in enumerate(quotes):
                if quote:
                    out.rows += [(name, k, f, msg) for f, msg in provenance.quote_problems(quote, mapped[0])]
        cov = self.coverage(sid, mapped, rows)
        for c in cov.unaccounted:
            line, col = coverage.line_col(text, c.offset)
            inside = cov.flagged.get(c.offset)
            why = "" if inside is None else (
                f" inside excluded passage {inside[0].start}-{inside[0].end} ({inside[0].reason}), not excluded by it "
                f"because it looks like an education figure ({inside[1]!r} in its sentence)")
            out.text.append((line, col, f"unaccounted numeric expression {c.text!r} (offset {c.offset}, hint {c.hint}){why}: "
                                        "curate it as a row or list it in data/coverage_exclusions.csv with a reason"))
        out.ledger = cov.stale + cov.redundant
        out.passages = self.passages(sid)[1]
        return out

    def passages(self, sid: str) -> tuple[list[passages.Passage], list[tuple[int, str, str]]]:
        """The valid passages of source `sid` and (k-th passage of the source, field, message)
        problems of its passage ledger entries."""
        entries = [(k, {c: self.passage_cols[c][i] for c in self.passage_cols})
                   for k, i in enumerate(self.passage_positions.get(sid, ()))]
        return passages.check(sid, self.state.sources[sid], entries)

    def rows(self, sid: str) -> list[tuple[str, list, list]]:
        """(table, quotes, printed figures) of the source's rows, normalised, in file order."""
        if sid not in self._fetched:
            self.fetch([sid])
        return self._fetched.pop(sid)

    def fetch(self, ids: list[str]) -> None:
        """Turn the rows of these sources into Python strings, one Arrow take per table and
        column for the whole batch (per source it cost more than the check)."""
        for sid in ids:
            self._fetched[sid] = []
        for name, (positions, cols) in self.tables.items():
            at = [positions[sid] for sid in ids if sid in positions]
            if not at:
                continue
            joined = np.concatenate(at)
            quotes, printed = (cols[c].take(joined).to_pylist() for c in ("quote_n", "printed_n"))
            start = 0
            for sid in ids:
                if sid in positions:
                    n = len(positions[sid])
                    self._fetched[sid].append((name, quotes[start:start + n], printed[start:start + n]))
                    start += n

    def coverage(self, sid: str, mapped=None, rows=None) -> coverage.SourceCoverage:
        """Every candidate of source `sid`: curated by a row, excluded by the ledger, or neither."""
        figures = [{"quote": q, "printed": p}
                   for _, quotes, printed in (rows if rows is not None else self.rows(sid)) for q, p in zip(quotes, printed)]
        ledger = [(k, {c: self.ledger_cols[c][i] for c in self.ledger_cols})
                  for k, i in enumerate(self.ledger_positions.get(sid, ()))]
        return coverage.cover(sid, self.state.source_paths[sid], self.state.sources[sid], figures, ledger,
                              self.passages(sid)[0], mapped, normalised=True)

    def locate(self, sid: str, result: Result) -> list[Problem]:
        """The result's problems at today's file, line and column."""
        tables = self.state.tables
        out = [tables[t].problem(int(self.tables[t][0][sid][k]), f, msg) for t, k, f, msg in result.rows]
        out += [Problem(self.state.source_paths[sid], line, col, msg) for line, col, msg in result.text]
        out += [tables[LEDGER].problem(int(self.ledger_positions[sid][k]), "char_offset", msg) for k, msg in result.ledger]
        out += [tables[PASSAGES].problem(int(self.passage_positions[sid][k]), f, msg) for k, f, msg in result.passages]
        return out


def _row_columns(con, name: str, fields) -> dict:
    """source_id and the quote and printed figure under the whitespace rule (quote_n,
    printed_n; null when empty), of every row of t_<name> in record order, as Arrow arrays:
    normalised by DuckDB over the whole column (provenance.normalised, which the provenance
    and curation checks read too), not once per row in Python; kept as Arrow buffers, not
    millions of Python strings (at national size ~1 GB less, and forked workers read the
    buffers without copying pages, where touching a Python object writes its reference count)."""
    n = provenance.normalised(con, name, fields)
    table = con.execute(f"SELECT t.source_id, n.quote_n, n.printed_n FROM {qi('t_' + name)} t JOIN {n} n USING (__row) "
                        "ORDER BY __row").to_arrow_table()
    return {c: table.column(c).combine_chunks() for c in table.column_names}


def _positions(column) -> dict[str, np.ndarray]:
    """Source id -> positions of its rows, in file order, from an Arrow string column (or a
    pandas one, converted)."""
    if isinstance(column, pd.Series):
        column = pa.array(column.to_numpy(dtype=object, na_value=None), type=pa.string())
    encoded = column.dictionary_encode()
    codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(encoded.dictionary) + 1))
    return {sid: order[bounds[j]:bounds[j + 1]] for j, sid in enumerate(encoded.dictionary.to_pylist())}


def _row_hashes(con, state) -> dict[str, str]:
    """Source id -> hash of every row, of every table with a source_id column, that names it
    (the text of every cell, missing values as NULL, and where it stands among the source's
    rows; t_<name> keeps the text of typed cells as __raw_<field>), computed by DuckDB:
    per row a 64-bit hash of its cells and its distance from the source's first row, combined
    per source with bit_xor. Order-free aggregates only: the ordered list() this replaced ran
    out of DuckDB's memory at national size. A row of another source moved in between changes
    the distance, so it re-checks the source (safe); an unchanged source keeps its key."""
    parts = []
    for name, lt in state.tables.items():
        header = [h for h in (lt.csv.header or lt.table.field_names) if h in lt.table.field_names]
        if "source_id" not in header:
            continue
        text = lambda h: f'r."{h}"' if lt.fields.get(h, {}).get("type", "string") == "string" else f'r."{RAW}{h}"'
        cells = ", ".join(text(h) for h in header)
        parts.append(f"SELECT '{name}' AS t, r.\"source_id\" AS s, bit_xor(hash({cells}, r.__row - f.first)) AS h "
                     f"FROM \"t_{name}\" r JOIN (SELECT \"source_id\", min(__row) AS first FROM \"t_{name}\" "
                     f"GROUP BY \"source_id\") f ON f.\"source_id\" IS NOT DISTINCT FROM r.\"source_id\" GROUP BY r.\"source_id\"")
    if not parts:
        return {}
    out: dict[str, list[str]] = {}
    for t, s, h in con.execute(" UNION ALL ".join(parts) + " ORDER BY t").fetchall():
        out.setdefault(s, []).append(f"{t}:{h}")
    return {s: "|".join(hs) for s, hs in out.items()}


def _code_hash(root: Path) -> str:
    """Hash of datapackage.json and of the code the checks run (a change re-checks everything)."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256((root / "datapackage.json").read_bytes())
    for file in sorted([*here.glob("*.py"), *here.parent.joinpath("scripts").glob("*.py")]):
        h.update(file.name.encode() + file.read_bytes())
    return h.hexdigest()


def keys(state) -> dict[str, str]:
    """Source id -> cache key."""
    base = _code_hash(state.root)
    by_rows = _row_hashes(state.con, state)
    return {sid: hashlib.sha256("\0".join([base, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                           by_rows.get(sid, "")]).encode()).hexdigest()
            for sid, text in state.sources.items()}


def _check_batch(ids: list[str]) -> list[tuple[str, Result]]:
    inputs = workers.shared(SHARED)
    inputs.fetch(ids)
    return [(sid, inputs.check(sid)) for sid in ids]


SHARED = "persource"   # the key of Inputs among the workers' shared inputs


class Pending:
    """Per-source results being computed: by the worker processes (validation/workers.py) while
    the parent goes on with the table-wide checks (validation/run.py), or here and now when there
    are few sources. `problems()` waits for them, stores the cache and locates them."""

    def __init__(self, state, work: workers.Workers | None = None):
        self.inputs, self.state = Inputs(state), state
        self.cache_file = state.root / CACHE_DIR / CACHE_FILE
        self.wanted = keys(state) if state.use_cache else {}
        cached = _load(self.cache_file) if state.use_cache else {}
        self.results = {sid: cached[self.wanted[sid]] for sid in state.sources if self.wanted.get(sid) in cached}
        self.ids = [sid for sid in state.sources if sid not in self.results]
        self.later = None
        self.work = work or workers.Workers()
        self.work.share(SHARED, self.inputs)

    @property
    def parallel(self) -> bool:
        return len(self.ids) >= PARALLEL_FROM

    def submit(self) -> "Pending":
        """Queue the batches (after the workers are forked, if they are)."""
        ids = self.ids
        self.later = self.work.map(_check_batch, [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)], self.parallel)
        return self

    def problems(self) -> list[Problem]:
        self.results.update(dict(self.later.get()))
        if self.state.use_cache:
            _store(self.cache_file, {self.wanted[sid]: r for sid, r in self.results.items()})
        return [p for sid, r in self.results.items() for p in self.inputs.locate(sid, r)]


def start(state, work: workers.Workers | None = None) -> Pending:
    return Pending(state, work)


def problems(state, found: list[Problem] = ()) -> list[Problem]:
    """Coverage and passage problems of every source whose text was read (cached when
    state.use_cache), computed here (validate runs them in its workers: run.validate)."""
    with workers.Workers() as work:
        return start(state, work).submit().problems()


def _load(file: Path) -> dict:
    try:
        with open(file, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return {}


def _store(file: Path, entries: dict) -> None:
    """Write the cache (only this run's entries, so it does not grow), atomically."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(entries, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, file)
    except OSError:
        pass   # a read-only checkout validates without a cache
