"""Reading a CSV resource as text, keeping the physical line where every record starts.

Checks here are the ones no schema library can express because they happen before parsing:
encoding, byte-order mark, line endings, header, record width, unbalanced quotes.
"""
from __future__ import annotations

import csv
import re
from array import array
from dataclasses import dataclass, field
from typing import Callable

from .report import Problem


@dataclass
class CsvText:
    """Records of one CSV file as strings; `lines[i]` is the physical line record i starts on
    (an array of integers: 8 bytes a record, where a list of ints took 36)."""
    path: str
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    lines: array = field(default_factory=lambda: array("q"))
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, row_index: int) -> int:
        return self.lines[row_index]


def _decode(path: str, data: bytes, out: CsvText) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        out.problems.append(Problem(path, 1, 1, "file starts with a UTF-8 byte-order mark (BOM); save as UTF-8 without BOM"))
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        out.problems.append(Problem(path, line, col, f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); re-save it as UTF-8 (was it saved as GBK?)"))
        return None


def _check_line_endings(path: str, text: str, out: CsvText) -> None:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    if crlf and lf:
        first = "\r\n" if text.find("\r\n") <= text.find("\n") else "\n"
        odd = "\n" if first == "\r\n" else "\r\n"
        pos = 0
        while True:
            pos = text.find("\n", pos)
            if pos < 0:
                break
            is_crlf = pos > 0 and text[pos - 1] == "\r"
            if (odd == "\r\n") == is_crlf:
                line = text.count("\n", 0, pos) + 1
                out.problems.append(Problem(path, line, 1, "mixed line endings: this line ends differently from the first line; use one convention (LF)"))
                return
            pos += 1


# A physical line as io.StringIO(text, newline="") reads it (ending in \r\n, \r or \n, or at the
# end of the text), without the copy of the whole text StringIO makes (4 bytes a character).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")

Sink = Callable[[list[list[str]], int, list[str]], None]   # (records, index of the first, header)


def read_csv_text(path: str, data: bytes, expected_header: list[str], sink: Sink | None = None,
                  chunk_size: int = 50_000) -> CsvText:
    """Parse `data` (the bytes of `path`) into records, recording problems instead of raising.

    Without `sink` the records are kept in `rows`. With it, they are handed to
    `sink(records, index of the first, header)` in chunks of `chunk_size` and not kept, so that a large
    table never exists as Python lists all at once; every problem is found either way."""
    out = CsvText(path)
    if not data.strip():
        out.problems.append(Problem(path, 1, 1, "file is empty: it needs at least the header line"))
        return out
    text = _decode(path, data, out)
    if text is None:
        return out
    _check_line_endings(path, text, out)
    reader = csv.reader((m.group() for m in _LINE.finditer(text)), strict=True)
    end, batch, widths, count = 0, [], [], 0

    def hand_over() -> None:
        nonlocal batch, count
        if not batch:
            return
        if sink is None:
            out.rows += batch
        else:
            sink(batch, count, out.header)
        _check_widths(out, batch, out.lines[count:], widths)
        count += len(batch)
        batch = []

    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if start == 1:
                out.header = record
                continue
            if record == []:
                out.problems.append(Problem(path, start, 1, "blank line inside the table"))
                continue
            batch.append(record)
            out.lines.append(start)
            if len(batch) >= chunk_size:
                hand_over()
    except csv.Error as exc:
        line, column = _open_quote(text, end + 1)
        out.problems.append(Problem(path, line, column, f"malformed CSV: {exc} (unbalanced quote? the quoted cell opened here is not closed where it should be)"))
    hand_over()
    _check_header(out, expected_header)
    out.problems += widths
    return out


def _open_quote(text: str, start_line: int) -> tuple[int, int]:
    """(line, field) where the quoted cell that broke parsing opens, scanning from the start of
    the record csv.reader failed on; a person fixes the quote there, not at the error's end."""
    pos = 0
    for _ in range(start_line - 1):
        pos = text.find("\n", pos) + 1
    line, column, opened = start_line, 1, (start_line, 1)
    at_field_start, quoted = True, False
    while pos < len(text):
        ch = text[pos]
        if quoted:
            if ch == '"' and text.startswith('""', pos):
                pos += 1
            elif ch == '"':
                quoted = False
                if pos + 1 < len(text) and text[pos + 1] not in ",\r\n":
                    return opened
            elif ch == "\n":
                line += 1
        elif ch == '"' and at_field_start:
            quoted, opened = True, (line, column)
        elif ch == ",":
            column += 1
            at_field_start = True
            pos += 1
            continue
        elif ch == "\n":
            return opened if quoted else (start_line, 1)
        at_field_start = False
        pos += 1
    return opened


def _check_header(out: CsvText, expected: list[str]) -> None:
    got = out.header
    if got == expected:
        return
    missing = [c for c in expected if c not in got]
    extra = [c for c in got if c not in expected]
    if missing:
        where = expected.index(missing[0]) + 1   # where the first missing column belongs
        out.problems.append(Problem(out.path, 1, where, f"header lacks column(s) {', '.join(missing)} required by datapackage.json"))
    for name in extra:
        out.problems.append(Problem(out.path, 1, got.index(name) + 1, f"header has column {name!r} that datapackage.json does not define"))
    if not missing and not extra:
        i = next(i for i, (a, b) in enumerate(zip(got, expected)) if a != b)
        out.problems.append(Problem(out.path, 1, i + 1, f"columns are out of order: found {got[i]!r} where datapackage.json puts {expected[i]!r}"))


def _check_widths(out: CsvText, rows: list[list[str]], lines, problems: list[Problem]) -> None:
    width = len(out.header)
    for record, line in zip(rows, lines):
        if len(record) != width:
            what = "fewer" if len(record) < width else "more"
            problems.append(Problem(out.path, line, min(len(record), width) + 1,
                                    f"record has {len(record)} fields, {what} than the {width} in the header (truncated row or stray delimiter?)"))
