"""Parquet files that read back typed with pandas' and polars' default readers.

Each file is written by pyarrow from the typed frame `scripts.frames.load` gives, so the types
come from datapackage.json and nowhere else:

- integer -> int64 and number -> float64, with nulls; pyarrow's pandas metadata makes
  `pandas.read_parquet` return Int64 / Float64 (not float64 with NaN for a missing integer);
- boolean -> bool with nulls (pandas: boolean, polars: Boolean);
- date -> Parquet DATE (date32), not a timestamp: polars reads Date, R/arrow Date, pandas
  datetime.date objects (pandas has no date-only dtype);
- a code list (constraints.enum) -> dictionary-encoded column whose dictionary is the whole
  code list in datapackage.json order, so pandas reads a categorical with every code as a
  category (even the ones no row uses) and polars a Categorical;
- the resource's Frictionless schema in the file's key-value metadata (`frictionless_schema`).
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import frames
from .metadata import table

SCHEMA_KEY = b"frictionless_schema"


def arrow_table(frame: pd.DataFrame, schema: dict) -> pa.Table:
    """A typed frame as an Arrow table, dates narrowed from timestamps to dates."""
    data = pa.Table.from_pandas(frame, preserve_index=False)
    for f in schema["fields"]:
        if f.get("type") == "date":
            i = data.schema.get_field_index(f["name"])
            data = data.set_column(i, f["name"], data.column(i).cast(pa.date32()))
    meta = dict(data.schema.metadata or {})
    meta[SCHEMA_KEY] = json.dumps(schema, ensure_ascii=False).encode("utf-8")
    return data.replace_schema_metadata(meta)


def write(name: str, root: Path, path: Path) -> Path:
    """Resource `name` of the package at `root` as a Parquet file at `path`."""
    frame = frames.load(name, root)
    pq.write_table(arrow_table(frame, table(name, root).schema), path, compression="zstd")
    return path


def schema_of(path: Path) -> dict:
    """The Frictionless schema stored in a Parquet file written here."""
    return json.loads(pq.read_schema(path).metadata[SCHEMA_KEY])


def rows(path: Path) -> int:
    return pq.read_metadata(path).num_rows
