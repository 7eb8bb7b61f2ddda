"""What a cell of each Table Schema type may look like: one grammar, used by the pandas loader
(scripts/frames.py) and by the validator's SQL (validation/sqlchecks.py).

The grammar is the Table Schema spec's (what `frictionless validate` accepts) or stricter,
never looser: frictionless reads an integer with Python's `int()` and a number with `Decimal()`,
after stripping spaces, so it takes `" 12 "`, `"1_000"`, `"NaN"` or `"Infinity"`; here a cell is
exactly its value. An integer has no decimal point and no exponent (`2005.0`, `2.005e3`, `2e3`
are not integers), so a year cannot hide a fraction. tests/test_grammar.py checks with
hypothesis that every cell frictionless rejects is rejected here too, for every field type.
"""
from __future__ import annotations

INTEGER = r"[+-]?[0-9]{1,18}"            # 18 digits always fit a 64-bit integer (DuckDB BIGINT, pandas Int64)
NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?"   # exponent of at most 3 digits
# a real calendar day (checked by parsing) of the years 1700-2199: pandas' datetime64[ns], the
# loader's type, holds 1677-2262 only, and no education report is dated outside these years
DATE = r"(?:1[7-9]|2[01])[0-9]{2}-[0-9]{2}-[0-9]{2}"

PATTERNS = {"integer": INTEGER, "number": NUMBER, "date": DATE}

DEFAULT_TRUE = ["true", "True", "TRUE", "1"]
DEFAULT_FALSE = ["false", "False", "FALSE", "0"]


def true_values(field: dict) -> list[str]:
    return list(field.get("trueValues", DEFAULT_TRUE))


def false_values(field: dict) -> list[str]:
    return list(field.get("falseValues", DEFAULT_FALSE))


WHAT = {"integer": "an integer", "number": "a number", "date": "a date in YYYY-MM-DD form",
        "boolean": "true or false"}


def type_message(name: str, ftype: str, raw: str) -> str:
    """The message for a cell that is not of its field's type (one wording for every reader)."""
    return f"{name}: {raw!r} is not {WHAT[ftype]}"
