"""Parquet files that read back typed with pandas' and polars' default readers.

Each file is the table (or view) as DuckDB holds it, converted to Arrow and given the types of
its Frictionless schema, so the types come from datapackage.json and nowhere else:

- integer -> int64 and number -> float64, with nulls; the file carries pandas metadata (made
  from an empty frame of the schema's pandas dtypes) so that `pandas.read_parquet` returns
  Int64 / Float64, not float64 with NaN for a missing integer;
- boolean -> bool with nulls (pandas: boolean, polars: Boolean);
- date -> Parquet DATE (date32), not a timestamp: polars reads Date, R/arrow Date, pandas
  datetime.date objects (pandas has no date-only dtype);
- a code list (constraints.enum) -> dictionary-encoded column whose dictionary is the whole
  code list in datapackage.json order, so pandas reads a categorical with every code as a
  category (even the ones no row uses) and polars a Categorical;
- the resource's Frictionless schema in the file's key-value metadata (`frictionless_schema`).

The conversion is Arrow compute over whole columns (no Python per row), so it stays a small
part of the build at national size.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .frames import PANDAS_DTYPES

SCHEMA_KEY = b"frictionless_schema"
ARROW = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
         "date": pa.date32()}


def _codes(column: pa.ChunkedArray, codes: list[str], where: str) -> pa.DictionaryArray:
    """A string column as indices into the whole code list; a value outside it is an error
    (validation stops such a package before the build)."""
    values = column.combine_chunks().cast(pa.string())
    dictionary = pa.array(codes, pa.string())
    index = pc.index_in(values, value_set=dictionary)
    outside = pc.sum(pc.and_(values.is_valid(), index.is_null())).as_py() or 0
    if outside:
        raise ValueError(f"{where}: {outside} value(s) outside the code list")
    width = pa.int8() if len(codes) < 128 else pa.int16() if len(codes) < 32768 else pa.int32()
    return pa.DictionaryArray.from_arrays(index.cast(width), dictionary)


def _pandas_metadata(schema: dict) -> bytes:
    """pyarrow's pandas metadata for a frame of the schema's dtypes (it names dtypes, not data)."""
    empty = {}
    for f in schema["fields"]:
        codes = f.get("constraints", {}).get("enum")
        empty[f["name"]] = (pd.Categorical([], categories=codes) if codes
                            else pd.Series([], dtype=PANDAS_DTYPES[f.get("type", "string")]))
    return pa.Table.from_pandas(pd.DataFrame(empty), preserve_index=False).schema.metadata[b"pandas"]


def arrow_table(data: pa.Table, schema: dict, name: str = "") -> pa.Table:
    """An Arrow table (as DuckDB gives it) with the schema's types, code lists and metadata."""
    columns, fields = [], []
    for f in schema["fields"]:
        column = data.column(f["name"])
        codes = f.get("constraints", {}).get("enum")
        if codes:
            column = _codes(column, codes, f"{name}.{f['name']}")
        else:
            column = column.cast(ARROW[f.get("type", "string")])
        columns.append(column)
        fields.append(pa.field(f["name"], column.type))
    meta = {b"pandas": _pandas_metadata(schema), SCHEMA_KEY: json.dumps(schema, ensure_ascii=False).encode("utf-8")}
    return pa.Table.from_arrays(columns, schema=pa.schema(fields, metadata=meta))


def write(con, name: str, schema: dict, path: Path, ordered: bool = False) -> Path:
    """Relation `name` of a DuckDB connection, typed by `schema`, as a Parquet file at `path`;
    `ordered`: rows sorted by all columns (a view has no order of its own)."""
    data = con.execute(f'SELECT * FROM "{name}"' + (" ORDER BY ALL" if ordered else "")).to_arrow_table()
    pq.write_table(arrow_table(data, schema, name), path, compression="zstd")
    return path


def schema_of(path: Path) -> dict:
    """The Frictionless schema stored in a Parquet file written here."""
    return json.loads(pq.read_schema(path).metadata[SCHEMA_KEY])


def rows(path: Path) -> int:
    return pq.read_metadata(path).num_rows
