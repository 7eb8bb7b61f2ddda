"""Typed frames from the package's Parquet files: their types were set from datapackage.json
when the build wrote them (see scripts/parquet.py in the repository), so loading them is
reading them, with dates as datetime64 rather than Python date objects."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

BUNDLED = Path(__file__).with_name("parquet")
PANEL = "region_year_panel"
SCHEMA_KEY = b"frictionless_schema"


def _folder(root: str | Path | None) -> Path:
    """Where the Parquet files are: bundled with the installed package, or under `root`
    (an unzipped release: root/parquet; the repository after a build: root/build/parquet)."""
    if root is None:
        # installed: bundled; imported from an unzipped release or the repository: beside it
        here = BUNDLED.parent.parent
        for folder in (BUNDLED, here / "parquet", here / "build" / "parquet"):
            if folder.is_dir():
                return folder
        raise FileNotFoundError("this install carries no data: pass root= an unzipped release folder, "
                                "or install from one (`pip install .` inside it)")
    root = Path(root)
    for folder in (root / "parquet", root / "build" / "parquet", root):
        if folder.is_dir() and any(folder.glob("*.parquet")):
            return folder
    raise FileNotFoundError(f"{root}: no parquet/ folder with .parquet files (is it an unzipped release?)")


def names(root: str | Path | None = None) -> list[str]:
    """Every table and view, sorted."""
    return sorted(p.stem for p in _folder(root).glob("*.parquet"))


def _path(name: str, root: str | Path | None) -> Path:
    path = _folder(root) / f"{name}.parquet"
    if not path.exists():
        raise KeyError(f"no table or view named {name!r}; there are: {', '.join(names(root))}")
    return path


def load(name: str, root: str | Path | None = None) -> pd.DataFrame:
    """One table or view as a typed frame: nullable Int64/Float64/boolean, datetime64 dates,
    code lists as categoricals with the whole code list as categories."""
    return pq.read_table(_path(name, root)).to_pandas(date_as_object=False)


def describe(name: str, root: str | Path | None = None) -> dict:
    """The Frictionless schema of a table or view (fields with English and Chinese titles,
    descriptions, code lists and their labels)."""
    return json.loads(pq.read_schema(_path(name, root)).metadata[SCHEMA_KEY])


def load_all(root: str | Path | None = None) -> dict[str, pd.DataFrame]:
    return {n: load(n, root) for n in names(root)}


def panel(root: str | Path | None = None) -> pd.DataFrame:
    """The region-year panel (view region_year_panel of sql/views.sql)."""
    return load(PANEL, root)
