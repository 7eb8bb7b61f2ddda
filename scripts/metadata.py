"""Everything the code knows about tables comes from datapackage.json, through this module.

Pandera schemas, DuckDB DDL, loaders and the data dictionary all read the descriptor via these
helpers, so a column is described in exactly one place.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = "datapackage.json"

# Frictionless field type -> DuckDB column type. Numbers stay DOUBLE: exactness is checked in
# validation on the printed strings, and DOUBLE reads back identically in R, pandas and Parquet.
DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE",
                "date": "DATE", "boolean": "BOOLEAN", "year": "INTEGER"}


@dataclass(frozen=True)
class Table:
    """One tabular resource of the package, with convenient views of its schema."""
    resource: dict
    root: Path

    @property
    def name(self) -> str:
        return self.resource["name"]

    @property
    def path(self) -> str:
        return self.resource["path"]

    @property
    def file(self) -> Path:
        return self.root / self.path

    @property
    def schema(self) -> dict:
        return self.resource["schema"]

    @property
    def fields(self) -> list[dict]:
        return self.schema["fields"]

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    def field(self, name: str) -> dict:
        return next(f for f in self.fields if f["name"] == name)

    @property
    def primary_key(self) -> list[str]:
        pk = self.schema.get("primaryKey", [])
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def foreign_keys(self) -> list[dict]:
        return self.schema.get("foreignKeys", [])

    @property
    def is_topic(self) -> bool:
        """Topic tables hold curated observations; they carry a tableCode for row ids."""
        return "tableCode" in self.resource

    @property
    def missing_values(self) -> list[str]:
        return self.schema.get("missingValues", [""])


def load_descriptor(root: Path = ROOT) -> dict:
    with open(root / DESCRIPTOR, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=8)
def _cached(root: str) -> tuple[dict, tuple[Table, ...]]:
    desc = load_descriptor(Path(root))
    return desc, tuple(Table(r, Path(root)) for r in desc["resources"])


def tables(root: Path = ROOT) -> tuple[Table, ...]:
    return _cached(str(root))[1]


def table(name: str, root: Path = ROOT) -> Table:
    for t in tables(root):
        if t.name == name:
            return t
    raise KeyError(f"no resource named {name!r} in {DESCRIPTOR}")


def topic_tables(root: Path = ROOT) -> list[Table]:
    return [t for t in tables(root) if t.is_topic]


def duckdb_type(field: dict) -> str:
    return DUCKDB_TYPES[field.get("type", "string")]


def enum_labels(field: dict) -> dict[str, dict[str, str]]:
    """Code -> {'en': ..., 'zh': ...} for a code-list field, in code-list order."""
    labels = field.get("enumLabels", {})
    return {code: labels.get(code, {}) for code in field.get("constraints", {}).get("enum", [])}


def clear_cache() -> None:
    _cached.cache_clear()
