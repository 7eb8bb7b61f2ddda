"""Run every check in one pass and return all problems, sorted by file, line and column."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from scripts import numbers
from scripts.metadata import ROOT, Table

from . import (coverage, crossrow, descriptor, indicators, keys, passages, plausibility, provenance, review_years, rows,
               safety, schema)
from .csvfile import CsvText, read_csv_text
from .report import Problem
from .typed import typed_records

LEDGER = "coverage_exclusions"
PASSAGES = "coverage_passages"


@dataclass
class Loaded:
    """A table as read: its CSV text (problems and the line of every record; the records
    themselves are not kept), typed frame, and `raw`, the cells of RAW_COLUMNS as the strings
    written in the file."""
    table: Table
    csv: CsvText
    frame: pd.DataFrame
    raw: pd.DataFrame

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


RAW_COLUMNS = ("value", "value_max")   # provenance compares them, as written, with the parse of printed


def _raw_columns(table: Table, header: list[str], records: list[list[str]]) -> pd.DataFrame:
    """The cells of RAW_COLUMNS that typed_frame converts, as written (missing values as NA)."""
    typed = {f["name"] for f in table.fields if f.get("type", "string") != "string"}
    cols = {name: pd.array([r[j] if j < len(r) else "" for r in records], dtype="string")
            for j, name in enumerate(header) if name in typed and name in RAW_COLUMNS}
    raw = pd.DataFrame(cols, index=pd.RangeIndex(len(records)))
    return raw.replace({mv: pd.NA for mv in table.missing_values}) if cols else raw


def _repeated_columns(table: Table) -> list[str]:
    """String fields whose values repeat (code lists, references to other tables): their cells
    are stored once per distinct value instead of once per row (csv makes a new str per cell)."""
    refs = {f for fk in table.foreign_keys if fk["reference"].get("resource")
            for f in (fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]])}
    return [f["name"] for f in table.fields if f.get("type", "string") == "string"
            and (f.get("constraints", {}).get("enum") or f["name"] in refs)]


def _share_repeated(frame: pd.DataFrame, names: list[str]) -> None:
    """Point equal cells of these columns at one str (factorize, then take): same values,
    ~55 bytes less per cell; the national package holds 4.8 million rows."""
    for name in names:
        if name in frame.columns and frame[name].dtype == "string":
            codes, uniques = pd.factorize(frame[name].array)
            frame[name] = uniques.take(codes, allow_fill=True)


def _read(table: Table, root: Path):
    """The CSV text (records not kept), typed frame, raw columns and type errors of a table,
    converted chunk by chunk, so the whole table never exists as lists of strings at once."""
    frames, raws, type_errors = [], [], []
    repeated = _repeated_columns(table)

    def take(records: list[list[str]], first: int, header: list[str]) -> None:
        frame, errors = typed_records(table, header or table.field_names, records)
        _share_repeated(frame, repeated)
        frames.append(frame)
        raws.append(_raw_columns(table, header or table.field_names, records))
        type_errors.extend((i + first, name, msg) for i, name, msg in errors)

    data = (root / table.path).read_bytes()
    text = read_csv_text(table.path, data, table.field_names, sink=take)
    if not frames:
        take([], 0, text.header)
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    raw = raws[0] if len(raws) == 1 else pd.concat(raws, ignore_index=True)
    return text, frame, raw, type_errors, safety.may_contain_formulas(data)


def load_table(table: Table, root: Path) -> tuple[Loaded, list[Problem]]:
    text, frame, raw, type_errors, formulas = _read(table, root)
    loaded = Loaded(table, text, frame, raw)
    problems = list(text.problems) + [loaded.problem(*e) for e in type_errors]
    bad_cells = {(i, name) for i, name, _ in type_errors}
    pk_single = table.primary_key if len(table.primary_key) == 1 else []
    for i, name, msg in schema.check_schema(table, frame):
        if (i, name) in bad_cells or (name in pk_single and "duplicate" in msg):
            continue   # already reported as a type error, or by the primary-key check
        problems.append(loaded.problem(i, name, msg))
    problems += [loaded.problem(*e) for e in keys.check_primary_key(table, frame, text.line_of)]
    if formulas:   # string columns; a file in which no cell can start a formula needs no scan
        problems += [loaded.problem(*e) for e in safety.check_formula_cells(table, frame)]
    return loaded, problems


def load(root: Path) -> tuple[State | None, list[Problem]]:
    desc, problems = descriptor.load(root)
    if desc is None or any("not a valid Frictionless" in p.message for p in problems):
        return None, problems   # table checks need a valid descriptor: fix it first
    loaded: dict[str, Loaded] = {}
    for res in desc.get("resources", []):
        table = Table(res, root)
        if isinstance(res.get("path"), str) and (root / table.path).is_file() and table.path.startswith("data/"):
            loaded[table.name], found = load_table(table, root)
            problems += found
    texts, paths, published = {}, {}, {}
    if "sources" in loaded:
        src = loaded["sources"]
        texts, found = provenance.load_sources(root, src.frame, src.csv.line_of, src.column_of)
        problems += found
        records = rows.records(src.frame)
        paths = {r["id"]: r["path"] for r in records if r["id"] in texts}
        published = {r["id"]: r["published"] for r in records if r.get("published") is not None}
    return State(root, loaded, texts, paths, published), problems


def validate(root: Path = ROOT) -> list[Problem]:
    state, problems = load(root)
    if state is None:
        return sorted(problems)
    frames = {name: lt.frame for name, lt in state.tables.items()}
    for lt in state.tables.values():
        problems += [lt.problem(*e) for e in keys.check_foreign_keys(lt.table, lt.frame, frames)]
    normalised = {k: numbers.normalise(v) for k, v in state.sources.items()}
    reviews = {}
    if "sources" in state.tables:
        src = state.tables["sources"]
        problems += [src.problem(*e) for e in review_years.check_sources(src.frame)]
        reviews = _reviews(src.frame)
    for lt in state.tables.values():
        if lt.table.is_topic:
            problems += _topic_problems(lt, normalised, state.published)
            problems += [lt.problem(*e) for e in review_years.check_rows(lt.frame, reviews)]
    problems += _coverage_problems(state)[1]
    problems += indicators.check(state.root, frames.get(indicators.RULES),
                                 lambda name, i, field, msg: state.tables[name].problem(i, field, msg))
    return sorted(set(problems))


def _reviews(frame: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """(report_year, delivery_year) of each source that has a delivery_year."""
    if not {"id", "report_year", "delivery_year"} <= set(frame.columns):
        return {}
    return {r["id"]: (r["report_year"], r["delivery_year"]) for r in rows.records(frame[["id", "report_year", "delivery_year"]])
            if r["delivery_year"] is not None and r["report_year"] is not None}


ROW_CHUNK = 10_000   # rows converted to dicts at a time for the checks of one row
# what rows.check_rows and provenance.check_row read of a row, and the source it is checked
# against (the dicts hold nothing else)
ROW_FIELDS = {*rows.FIELDS, "project_name", *provenance.FIELDS, "source_id"}


def _topic_problems(lt: Loaded, texts: dict[str, str], published: dict) -> list[Problem]:
    df = lt.frame
    # each check between rows takes the columns it reads, one check at a time, so only one
    # check's column lists exist at once
    found = crossrow.check_parts(df) + crossrow.check_breakdowns(df) + crossrow.check_plan_pairs(df) \
        + crossrow.check_years_against_sources(df, published)
    out = [lt.problem(*e) for e in found]
    out += [lt.problem(*e, severity="warning") for e in plausibility.check(df)]
    written = [_as_written(lt, name) for name in RAW_COLUMNS]
    fields = [c for c in df.columns if c in ROW_FIELDS]
    for start in range(0, len(df), ROW_CHUNK):
        part = df.iloc[start:start + ROW_CHUNK]
        recs = rows.records(part[fields])   # the checks of one row, a chunk of rows at a time
        out += [lt.problem(*e) for e in rows.check_rows(lt.table, part, recs)]
        if "source_id" not in df.columns:
            continue
        for i, r, *as_written in zip(part.index, recs, *(w[start:start + ROW_CHUNK] for w in written)):
            for name, msg in provenance.check_row(r, dict(zip(RAW_COLUMNS, as_written)), texts.get(r["source_id"])):
                out.append(lt.problem(i, name, msg))
    return out


def _as_written(lt: Loaded, name: str) -> list:
    """A column's cells as written in the file (None where missing or absent)."""
    col = lt.raw[name] if name in lt.raw.columns else lt.frame[name] if name in lt.frame.columns else None
    return [None] * len(lt.frame) if col is None else col.to_numpy(dtype=object, na_value=None).tolist()


def _coverage_problems(state: State, keep: bool = False) -> tuple[list[coverage.SourceCoverage], list[Problem]]:
    """Problems of the coverage ledger, source by source; the per-source results (every
    candidate of every source) are kept only when `keep`, for the coverage report."""
    # every topic row's quote and printed figure, found by source: positions per source, and the
    # dicts cover() reads built for one source at a time (a dict per row of every table at once
    # would be ~1 GB at national size)
    tables = [lt.frame for lt in state.tables.values()
              if lt.table.is_topic and {"source_id", "quote", "printed"} <= set(lt.frame.columns)]
    column = lambda name: np.concatenate([f[name].to_numpy(dtype=object, na_value=None) for f in tables]) \
        if tables else np.array([], dtype=object)
    quotes, printed = column("quote"), column("printed")
    by_source = pd.DataFrame({"s": column("source_id")}).groupby("s", sort=False).indices
    ledger_table = state.tables.get(LEDGER)
    ledger: dict[str, list[tuple[int, dict]]] = {}
    if ledger_table is not None and {"source_id", "char_offset", "text"} <= set(ledger_table.frame.columns):
        for i, r in zip(ledger_table.frame.index, rows.records(ledger_table.frame)):
            # r["text"] is verbatim, line breaks and spaces kept: string columns are never converted
            ledger.setdefault(r["source_id"], []).append((i, r))
    passage_table = state.tables.get(PASSAGES)
    ranges: dict[str, list[tuple[int, dict]]] = {}
    if passage_table is not None and {"source_id", "char_start", "char_end", "start_text"} <= set(passage_table.frame.columns):
        for i, r in zip(passage_table.frame.index, rows.records(passage_table.frame)):
            ranges.setdefault(r["source_id"], []).append((i, r))
    results, problems = [], []
    for sid, text in state.sources.items():
        mine = [{"quote": quotes[k], "printed": printed[k]} for k in by_source.get(sid, ())]
        valid, found = passages.check(sid, text, ranges.get(sid, []))
        problems += [passage_table.problem(*e) for e in found]
        cov = coverage.cover(sid, state.source_paths[sid], text, mine, ledger.get(sid, []), valid)
        if keep:
            results.append(cov)
        for c in cov.unaccounted:
            line, col = coverage.line_col(text, c.offset)
            inside = cov.flagged.get(c.offset)
            why = "" if inside is None else (
                f" inside excluded passage {inside[0].start}-{inside[0].end} ({inside[0].reason}), not excluded by it "
                f"because it looks like an education figure ({inside[1]!r} in its sentence)")
            problems.append(Problem(cov.path, line, col, f"unaccounted numeric expression {c.text!r} (offset {c.offset}, "
                                    f"hint {c.hint}){why}: curate it as a row or list it in data/coverage_exclusions.csv with a reason"))
        for i, msg in cov.stale + cov.redundant:
            problems.append(ledger_table.problem(i, "char_offset", msg))
    return results, problems


def coverage_report(root: Path = ROOT) -> tuple[list[coverage.SourceCoverage], list[Problem]]:
    """Per-source coverage for the `coverage` subcommand, with the problems found reading."""
    state, problems = load(root)
    if state is None:
        return [], problems
    results, found = _coverage_problems(state, keep=True)
    return results, problems + found
