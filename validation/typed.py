"""`scripts.frames.typed_frame` for the validator: the same frame and the same type errors,
built column by column.

typed_frame pads every record in a Python loop, builds the frame through a 2-D object array
and replaces missing values cell by cell; that was a sixth of `validate` at 430,295 rows. Here
the records become one 2-D object array (one numpy call), each column's missing values found with one
vectorised comparison, and the typed columns converted by the same code
(`scripts.frames.convert_columns`), so the typing rules stay in one place. A header that names a
column twice goes through typed_frame itself. Tested equal to typed_frame on every table of a
synthetic package and on corrupted ones (tests/test_typed.py).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from scripts.frames import convert_columns, typed_frame
from scripts.metadata import Table


def _strings(cells: np.ndarray, missing: list[str]) -> pd.api.extensions.ExtensionArray:
    values = cells.copy()   # contiguous, and the grid is left as it was
    gone = values == missing[0] if len(missing) == 1 else np.isin(values, missing)
    values[gone] = pd.NA
    return pd.array(values, dtype="string")


def typed_records(t: Table, header: list[str], rows: list[list[str]]) -> tuple[pd.DataFrame, list[tuple[int, str, str]]]:
    """Exactly typed_frame(t, header, rows), faster."""
    if len(set(header)) != len(header) or not t.missing_values:
        return typed_frame(t, header, rows)
    width = len(header)
    if any(len(r) != width for r in rows):   # the record-width check reports these
        rows = [r[:width] + [""] * (width - len(r)) for r in rows]
    grid = np.array(rows, dtype=object) if rows else np.empty((0, width), dtype=object)
    frame = pd.DataFrame({name: _strings(grid[:, j], t.missing_values) for j, name in enumerate(header)},
                         index=pd.RangeIndex(len(rows)))
    return frame, convert_columns(t, frame)
