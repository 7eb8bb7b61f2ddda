"""Each table loaded once into DuckDB: its cells as text, then typed by SQL generated from
datapackage.json (validation/sqlchecks.py).

Two ways in, one result (a table `raw_<name>` of VARCHAR cells whose `rowid` is the record's
0-based index, and the lines of the file only when a problem needs one):

- fast: the file's bytes are clean (UTF-8 without BOM, LF only, no blank line, an even number
  of quote characters, the header datapackage.json expects), so DuckDB's own CSV reader loads
  it in strict mode; any record it cannot read stops it and the slow way is taken instead;
- slow: the Python streaming pass (validation/csvfile.py) reads the file, records every
  byte-level problem at its line and column (BOM, encoding, line endings, blank lines,
  unbalanced quotes, header, record width), and its records are handed to DuckDB.

Physical line numbers: when the file has one line per record (the usual case) record i is on
line i + 2; otherwise the Python pass runs once, and only if some problem needs a line.
"""
from __future__ import annotations

import csv
import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from scripts.metadata import Table

from .csvfile import _LINE, read_csv_text
from .report import Problem

MEMORY_LIMIT = "1GB"     # DuckDB spills to disk beyond this (build/duckdb_tmp): peak memory stays bounded


def connect(path: str | Path = ":memory:", temp_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with capped memory and insertion order kept (rowid = record index)."""
    con = duckdb.connect(str(path))
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute("SET preserve_insertion_order = true")
    con.execute("SET enable_progress_bar = false")   # validate's output is its messages only
    if temp_dir is not None:   # where DuckDB spills beyond memory_limit (else .tmp/ in the working directory)
        try:
            temp_dir.mkdir(parents=True, exist_ok=True)
            con.execute(f"SET temp_directory = '{temp_dir}'")
        except OSError:
            pass
    return con


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Lines:
    """Header, byte-level problems and the physical line of each record of one CSV file; the
    line table is built (one Python pass) the first time a line is asked for, if at all."""
    path: str
    header: list[str]
    problems: list[Problem] = field(default_factory=list)
    text: bytes | None = None            # the file (UTF-8), kept only while lines may still be needed
    one_line_each: bool = False
    lines: array | None = None

    def line_of(self, row_index: int) -> int:
        if self.lines is None:
            if self.one_line_each:
                return row_index + 2
            self.lines = _record_lines((self.text or b"").decode("utf-8"))
            self.text = None
        return self.lines[row_index]


def _record_lines(text: str) -> array:
    """Line on which each record starts, as csv.reader reads it (header and blank lines skipped)."""
    reader = csv.reader((m.group() for m in _LINE.finditer(text)), strict=True)
    out, end = array("q"), 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if start > 1 and record != []:
                out.append(start)
    except csv.Error:
        pass
    return out


_NOT_BLANK = re.compile(rb"\S")


def _clean(data: bytes, expected: list[str]) -> bool:
    """Whether DuckDB can read the file with the same records as csv.reader. Tests on the bytes
    only (decoding a 265 MB file took 2 s and twice its size in memory): DuckDB's reader
    refuses invalid UTF-8 itself, and the slow way then says where."""
    if data.startswith(b"\xef\xbb\xbf") or b"\r" in data or b"\n\n" in data or data.count(b'"') % 2:
        return False
    end = data.find(b"\n")
    try:
        first = (data if end < 0 else data[:end]).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return '"' not in first and first.split(",") == expected and _NOT_BLANK.search(data) is not None


def load_raw(con, table: Table, root: Path) -> tuple[Lines, int, bool]:
    """Load `table`'s file into raw_<name>; (lines, record count, may contain formula cells)."""
    from .safety import may_contain_formulas
    data = (root / table.path).read_bytes()
    name = f"raw_{table.name}"
    if _clean(data, table.field_names) and _read_fast(con, table, name, root / table.path):
        n = con.execute(f"SELECT count(*) FROM {quote_ident(name)}").fetchone()[0]
        one_line = data.count(b"\n") + (not data.endswith(b"\n")) == n + 1
        lines = Lines(table.path, list(table.field_names), text=None if one_line else data, one_line_each=one_line)
        return lines, n, may_contain_formulas(data)
    return (*_load_slow(con, table, name, data), may_contain_formulas(data))


def _read_fast(con, table: Table, name: str, file: Path) -> bool:
    """DuckDB's reader, if every record has the header's width. An extra column catches a
    record with more fields (DuckDB would pass over one trailing delimiter); no cell is read as
    NULL (nullstr is a character csv files here never hold) except the padding of a short
    record, so a NULL in the last column is a record with fewer fields. Either way, or if
    DuckDB cannot read the file, False: the Python pass then says where and why."""
    fields = table.field_names
    columns = "{" + ", ".join(f"{quote_str(f)}: 'VARCHAR'" for f in [*fields, EXTRA]) + "}"
    for parallel in ("true", "false"):   # DuckDB's parallel reader refuses quoted line breaks when padding
        try:
            con.execute(f"CREATE OR REPLACE TABLE {quote_ident(name)} AS SELECT * FROM read_csv("
                        f"{quote_str(str(file))}, header = true, auto_detect = false, delim = ',', quote = '\"', "
                        f"escape = '\"', new_line = '\\n', strict_mode = false, null_padding = true, "
                        f"nullstr = '\x01', parallel = {parallel}, columns = {columns})")
            break
        except duckdb.Error:
            continue
    else:
        return False
    ragged = con.execute(f"SELECT count(*) FROM {quote_ident(name)} WHERE {quote_ident(EXTRA)} IS NOT NULL "
                         f"OR {quote_ident(fields[-1])} IS NULL").fetchone()[0]
    con.execute(f"ALTER TABLE {quote_ident(name)} DROP COLUMN {quote_ident(EXTRA)}")
    return ragged == 0


EXTRA = "__beyond_the_header"


def _load_slow(con, table: Table, name: str, data: bytes) -> tuple[Lines, int]:
    """The Python streaming pass: every byte-level problem, then the records into DuckDB."""
    parsed = read_csv_text(table.path, data, table.field_names)
    header = _unique_names(parsed.header or table.field_names)
    width = len(header)
    records = [r[:width] + [""] * (width - len(r)) for r in parsed.rows]
    frame = pd.DataFrame(records, columns=header, dtype=object) if records else \
        pd.DataFrame({h: pd.Series([], dtype=object) for h in header})
    con.register("__slow", frame)
    cols = ", ".join(f"CAST({quote_ident(h)} AS VARCHAR) AS {quote_ident(h)}" for h in header)
    con.execute(f"CREATE OR REPLACE TABLE {quote_ident(name)} AS SELECT {cols} FROM __slow")
    con.unregister("__slow")
    lines = Lines(table.path, list(parsed.header), list(parsed.problems), lines=parsed.lines)
    return lines, len(records)


def _unique_names(header: list[str]) -> list[str]:
    """A header naming a column twice keeps the first under its name (the rest are renamed
    apart and not checked): the header check reports the repetition."""
    seen, out = set(), []
    for h in header:
        n, k = h, 1
        while n in seen:
            k += 1
            n = f"{h}__{k}"
        seen.add(n)
        out.append(n)
    return out
