"""The one place where the text of an archived source is read.

Archived files are kept byte-for-byte as received (sha256 is over those bytes), in the encoding
declared in the `encoding` column of data/sources.csv: UTF-8 for most, GB18030 for reports
received in that encoding (Hailar). Everything that reads a source's words (the provenance check
of quotes, the coverage ledger, `candidates`, the explorer) goes through `read_source_text`,
so quotes, `char_offset` and passage ranges are offsets into the DECODED text (Python str
indices, characters not bytes; a CRLF line break is two characters).
"""
from __future__ import annotations

import csv
import os
import stat
from functools import lru_cache
from pathlib import Path

from .metadata import ROOT

SOURCES = "data/sources.csv"
DEFAULT_ENCODING = "utf-8"


class SourceTextError(Exception):
    """A source that cannot be read or decoded; str() is a one-line `file:line:column: message`."""

    def __init__(self, path: str, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


def _where(data: bytes, start: int, encoding: str) -> tuple[int, int]:
    """Line and column (1-based, in characters) of the byte at `start`, decoding what precedes it."""
    before = data[:start].decode(encoding, errors="replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def decode_source(data: bytes, encoding: str | None, path: str) -> str:
    """The text of an archived file's bytes in its declared encoding (strict: a byte sequence
    the encoding does not allow is an error at its line and column, never replaced silently)."""
    encoding = encoding or DEFAULT_ENCODING
    try:
        text = data.decode(encoding)
    except LookupError:
        raise SourceTextError(path, 1, 1, f"unknown text encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        line, col = _where(data, exc.start, encoding)
        raise SourceTextError(path, line, col, f"not valid {encoding} text (byte {exc.start}: "
                              f"{data[exc.start:exc.end]!r}); is the declared encoding right?") from None
    return text


def source_rows(root: Path = ROOT) -> dict[str, dict]:
    """The rows of data/sources.csv by id (strings as written)."""
    with open(root / SOURCES, encoding="utf-8", newline="") as fh:
        return {r["id"]: r for r in csv.DictReader(fh)}


def source_row_for_path(path: str | Path, root: Path = ROOT) -> dict | None:
    """The sources row whose archived file is `path` (relative to root or absolute), if any."""
    file = Path(path)
    file = file if file.is_absolute() else Path.cwd() / file
    for row in source_rows(root).values():
        if row.get("path") and (root / row["path"]).resolve() == file.resolve():
            return row
    return None


@lru_cache(maxsize=256)
def _real_dir(path: str) -> str:
    return os.path.realpath(path)


def archived_file(root: Path, path: str) -> Path | None:
    """root/path if it is a regular file inside the package root, else None. Same answer as
    resolving the file and comparing with the resolved root, with one realpath per directory
    (cached: every source lies in sources/) and one lstat per file, not a resolve per file:
    validate opens tens of thousands of sources."""
    file = root / path
    try:
        st = os.lstat(file)
    except OSError:
        return None
    real = os.path.realpath(file) if stat.S_ISLNK(st.st_mode) else os.path.join(_real_dir(str(file.parent)), file.name)
    base = _real_dir(str(root))
    if not real.startswith(base.rstrip(os.sep) + os.sep) or not os.path.isfile(real):
        return None
    return file


def read_source_text(source: dict | str, root: Path = ROOT) -> str:
    """The decoded text of one archived source: `source` is its sources row (a dict with `path`
    and optionally `encoding`) or its id. Raises SourceTextError, never a traceback."""
    return read_source(source, root)[1]


def read_source(source: dict | str, root: Path = ROOT) -> tuple[bytes, str]:
    """The archived bytes (what sha256 is over) and the decoded text of one source, read once."""
    row = source if isinstance(source, dict) else source_rows(root).get(source)
    if row is None:
        raise SourceTextError(SOURCES, 1, 1, f"no source with id {source!r}")
    path = row.get("path")
    if not path:
        raise SourceTextError(SOURCES, 1, 1, f"source {row.get('id')!r} has no path")
    file = archived_file(root, path)
    if file is None:
        raise SourceTextError(path, 1, 1, "archived file does not exist in the package")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise SourceTextError(path, 1, 1, str(exc.strerror or exc)) from None
    return data, decode_source(data, row.get("encoding"), path)
