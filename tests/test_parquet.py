"""Parquet files read back typed by pandas' and polars' default readers, as datapackage.json says.

The files are read in a separate Python with default options (this test process has imported
`scripts`, which sets pandas options), by `pandas.read_parquet(path)` and
`polars.read_parquet(path)` with no argument, as a user would. Expected types are derived from
each field's Frictionless type and code list; the views' fields from the release's
datapackage.json, which types them from DuckDB's catalogue.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scripts.metadata import ROOT, load_descriptor

READER = r"""
import datetime, json, pathlib, sys
import pandas as pd, polars as pl
out = {}
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.parquet")):
    pdf, plf = pd.read_parquet(path), pl.read_parquet(path)
    cols = {}
    for col in pdf.columns:
        s = pdf[col]
        cats = [str(c) for c in s.cat.categories] if isinstance(s.dtype, pd.CategoricalDtype) else None
        dates = all(type(v) is datetime.date for v in s.dropna())
        cols[col] = {"pandas": str(s.dtype), "string": pd.api.types.is_string_dtype(s.dtype) and s.dtype != object,
                     "categories": cats, "dates": dates, "nonnull": int(s.notna().sum()), "polars": str(plf.schema[col]).split("(")[0],
                     "rows": [len(pdf), plf.height]}
    out[path.stem] = cols
print(json.dumps(out))
"""

PANDAS = {"integer": "Int64", "number": "Float64", "boolean": "boolean"}
POLARS = {"integer": "Int64", "number": "Float64", "boolean": "Boolean", "date": "Date", "string": "String"}


@pytest.fixture(scope="module")
def read(real_build, tmp_path_factory):
    summary = real_build
    proc = subprocess.run([sys.executable, "-c", READER, str(summary.database.parent / "parquet")],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path_factory.mktemp("elsewhere"))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), load_descriptor(summary.release)


def _expect(field: dict, got: dict) -> list[str]:
    kind, codes = field.get("type", "string"), field.get("constraints", {}).get("enum")
    wrong = []
    if codes:
        if got["pandas"] != "category" or got["categories"] != codes:
            wrong.append(f"pandas {got['pandas']} with categories {got['categories']}, not the code list")
        if got["polars"] not in ("Categorical", "Enum"):
            wrong.append(f"polars {got['polars']}, not Categorical")
        return wrong
    if kind in PANDAS and got["pandas"] != PANDAS[kind]:
        wrong.append(f"pandas {got['pandas']}, not {PANDAS[kind]}")
    if kind == "string" and not got["string"]:
        wrong.append(f"pandas {got['pandas']}, not a string dtype")
    if kind == "date" and (got["pandas"] != "object" or not got["dates"]):
        wrong.append(f"pandas {got['pandas']}, not datetime.date objects")
    if got["polars"] != POLARS[kind]:
        wrong.append(f"polars {got['polars']}, not {POLARS[kind]}")
    return wrong


def test_every_resource_reads_typed_with_default_readers(read):
    files, descriptor = read
    assert set(files) == {r["name"] for r in descriptor["resources"]}
    repo = {r["name"]: r for r in load_descriptor(ROOT)["resources"]}
    problems = []
    for r in descriptor["resources"]:
        resource = repo.get(r["name"], r)   # a table's types from the repository's own descriptor
        cols = files[resource["name"]]
        assert list(cols) == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
        for f in resource["schema"]["fields"]:
            problems += [f"{resource['name']}.{f['name']}: {w}" for w in _expect(f, cols[f["name"]])]
    assert not problems, "\n".join(problems)
    kinds = {f.get("type", "string") for r in descriptor["resources"] for f in r["schema"]["fields"]
             if files[r["name"]][f["name"]]["nonnull"]}
    assert {"integer", "number", "date", "boolean", "string"} <= kinds   # every rule above was exercised
