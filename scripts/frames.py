"""Typed pandas frames of the package's tables, with types taken from datapackage.json.

`load("subsidies")` is what an analyst uses; validation uses `typed_frame` on the same rules,
so a CSV that validates loads exactly like this.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from . import grammar
from .metadata import ROOT, Table, table

PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64",
                 "date": "datetime64[ns]", "boolean": "boolean"}


def _matches(raw: pd.Series, pattern: str) -> pd.Series:
    """True where a non-missing cell is written in the grammar of its type (scripts/grammar.py)."""
    return raw.str.fullmatch(pattern).fillna(False).astype(bool)


def _to_integer(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    ok = _matches(raw, grammar.INTEGER)
    num = pd.to_numeric(raw.where(ok), errors="coerce")
    return num.astype("Int64"), raw.notna() & ~ok


def _to_number(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    ok = _matches(raw, grammar.NUMBER)
    num = pd.to_numeric(raw.where(ok), errors="coerce")
    return num.astype("Float64"), raw.notna() & (~ok | num.isna())


def _to_date(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    ok = _matches(raw, grammar.DATE)
    dates = pd.to_datetime(raw.where(ok), format="%Y-%m-%d", errors="coerce")
    return dates.astype("datetime64[ns]"), raw.notna() & dates.isna()


def _to_boolean(raw: pd.Series, field: dict) -> tuple[pd.Series, pd.Series]:
    true, false = set(grammar.true_values(field)), set(grammar.false_values(field))
    out = raw.map(lambda v: True if v in true else False if v in false else pd.NA, na_action="ignore")
    return out.astype("boolean"), raw.notna() & ~raw.isin(true | false)


CONVERTERS = {"integer": _to_integer, "number": _to_number, "date": _to_date, "boolean": _to_boolean}


def typed_frame(t: Table, header: list[str], rows: list[list[str]]) -> tuple[pd.DataFrame, list[tuple[int, str, str]]]:
    """Strings -> typed frame; returns the frame and (row, field, message) for cells not of their type."""
    width = len(header)
    frame = pd.DataFrame([r[:width] + [""] * (width - len(r)) for r in rows], columns=header, dtype="string")
    frame = frame.replace({mv: pd.NA for mv in t.missing_values})
    return frame, convert_columns(t, frame)


def convert_columns(t: Table, frame: pd.DataFrame) -> list[tuple[int, str, str]]:
    """Convert the typed columns of a string frame in place; (row, field, message) for each cell
    not of its type. The grammar of each type is scripts/grammar.py's, as in the validator's SQL."""
    errors = []
    for f in t.fields:
        name = f["name"]
        if name not in frame.columns or f.get("type", "string") not in CONVERTERS:
            continue
        convert = CONVERTERS[f["type"]]
        raw = frame[name]
        frame[name], bad = convert(raw, f) if f["type"] == "boolean" else convert(raw)
        errors += [(i, name, grammar.type_message(name, f["type"], raw[i])) for i in bad[bad].index]
    return errors


def load(name: str, root: Path = ROOT, categories: bool = True) -> pd.DataFrame:
    """A table as a typed frame: nullable integers and floats, dates, and code lists as
    categoricals whose categories are the code list in datapackage.json order."""
    t = table(name, root)
    with open(root / t.path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    frame, errors = typed_frame(t, header, rows)
    if errors:
        i, _, msg = errors[0]
        raise ValueError(f"{t.path}: record {i + 1}: {msg}; run `python -m scripts validate`")
    if categories:
        for f in t.fields:
            codes = f.get("constraints", {}).get("enum")
            if codes:
                frame[f["name"]] = pd.Categorical(frame[f["name"]], categories=codes)
    return frame
