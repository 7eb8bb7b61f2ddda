"""Cells a spreadsheet would execute as a formula are rejected (CSV injection).

A text cell starting with =, +, -, @, or a tab or carriage return, is run as a formula by
Excel, LibreOffice and Google Sheets when a user opens the CSV. Numbers are typed fields and
are not affected; only string fields are checked.
"""
from __future__ import annotations

import pandas as pd

from scripts.metadata import Table

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def check_formula_cells(table: Table, raw: pd.DataFrame) -> list[tuple[int, str, str]]:
    out = []
    for f in table.fields:
        name = f["name"]
        if f.get("type", "string") != "string" or name not in raw.columns:
            continue
        col = raw[name].dropna()
        bad = col[col.str.startswith(FORMULA_START)]
        for i, value in bad.items():
            out.append((i, name, f"{name}: {value[:20]!r} starts with {value[0]!r}, which a spreadsheet runs as a formula; "
                                 "reword it (e.g. start with the text, or prefix an apostrophe-free word)"))
    return out
