"""Cells a spreadsheet would execute as a formula are rejected (CSV injection).

A text cell starting with =, +, -, @, or a tab or carriage return, is run as a formula by
Excel, LibreOffice and Google Sheets when a user opens the CSV. Numbers are typed fields and
are not affected; only string fields are checked, by SQL (validation/sqlchecks.formula_cells).
"""
from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# A cell begins the file, follows a line break or follows a comma, quoted or not; so a file in
# which none of FORMULA_START comes there has no formula cell, and its columns need no scan
# (one regex pass over the bytes, ~0.2 s for 24 MB, where a startswith per string cell took
# seconds). UTF-8 never puts these ASCII bytes inside a multi-byte character.
_AFTER_BREAK = re.compile(rb'[,\r\n]"?[=+\-@\t\r]')
_FIRST_CELL = re.compile(rb'"?[=+\-@\t\r]')


def may_contain_formulas(data: bytes) -> bool:
    """False only if no cell of the CSV file `data` can start with one of FORMULA_START."""
    return _FIRST_CELL.match(data) is not None or _AFTER_BREAK.search(data) is not None
