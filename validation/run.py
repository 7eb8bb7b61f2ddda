"""Run every check in one pass and return all problems, sorted by file, line and column."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from scripts.metadata import ROOT, Table

from . import descriptor, keys, provenance, rows, schema
from .csvfile import CsvText, read_csv_text
from .report import Problem


@dataclass
class Loaded:
    """A table as read: its text records, typed frame and raw string frame."""
    table: Table
    csv: CsvText
    frame: pd.DataFrame
    raw: pd.DataFrame

    def column_of(self, name: str) -> int:
        header = self.csv.header
        return header.index(name) + 1 if name in header else 1

    def problem(self, row: int, name: str, message: str, severity: str = "error") -> Problem:
        return Problem(self.table.path, self.csv.line_of(row), self.column_of(name), message, severity)


def load_table(table: Table, root: Path) -> tuple[Loaded, list[Problem]]:
    data = (root / table.path).read_bytes() if (root / table.path).is_file() else b""
    text = read_csv_text(table.path, data, table.field_names)
    header = text.header or table.field_names
    frame, type_errors = schema.typed_frame(table, header, text.rows)
    raw = pd.DataFrame([r[:len(header)] + [""] * (len(header) - len(r)) for r in text.rows], columns=header, dtype="string")
    loaded = Loaded(table, text, frame, raw)
    problems = list(text.problems) + [loaded.problem(*e) for e in type_errors]
    bad_cells = {(i, name) for i, name, _ in type_errors}
    pk_single = table.primary_key if len(table.primary_key) == 1 else []
    for i, name, msg in schema.check_schema(table, frame):
        if (i, name) in bad_cells or (name in pk_single and "duplicate" in msg):
            continue   # already reported as a type error, or by the primary-key check
        problems.append(loaded.problem(i, name, msg))
    problems += [loaded.problem(*e) for e in keys.check_primary_key(table, frame, text.line_of)]
    return loaded, problems


def validate(root: Path = ROOT) -> list[Problem]:
    desc, problems = descriptor.load(root)
    if desc is None or any("not a valid Frictionless" in p.message for p in problems):
        return sorted(problems)   # table checks need a valid descriptor: fix it first
    tables = [Table(r, root) for r in desc.get("resources", []) if isinstance(r.get("schema"), dict) and "path" in r]
    loaded: dict[str, Loaded] = {}
    for table in tables:
        if not (root / table.path).is_file():
            continue   # reported by descriptor.path_problems
        loaded[table.name], found = load_table(table, root)
        problems += found
    frames = {name: lt.frame for name, lt in loaded.items()}
    for lt in loaded.values():
        problems += [lt.problem(*e) for e in keys.check_foreign_keys(lt.table, lt.frame, frames)]
    texts = {}
    if "sources" in loaded:
        src = loaded["sources"]
        texts, found = provenance.load_sources(root, src.frame, src.csv.line_of, src.column_of)
        problems += found
    for lt in loaded.values():
        if lt.table.is_topic:
            problems += _topic_problems(lt, texts)
    return sorted(set(problems))


def _topic_problems(lt: Loaded, texts: dict[str, str]) -> list[Problem]:
    out = [lt.problem(*e) for e in rows.check_rows(lt.table, lt.frame)]
    out += [lt.problem(*e) for e in rows.check_parts(lt.table, lt.frame)]
    if "source_id" not in lt.frame.columns:
        return out
    for i, r, raw in zip(lt.frame.index, rows.records(lt.frame), rows.records(lt.raw)):
        for name, msg in provenance.check_row(r, raw, texts.get(r["source_id"])):
            out.append(lt.problem(i, name, msg))
    return out
