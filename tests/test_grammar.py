"""The type grammar (scripts/grammar.py) is frictionless' or stricter: every cell frictionless
rejects for a field type is rejected by validate's SQL (validation/sqlchecks.py) and by the
pandas loader (scripts/frames.py), for every field type the package uses."""
import datetime
import math
from decimal import Decimal

import duckdb
import pandas as pd
import pytest
from frictionless import Field
from hypothesis import example, given, settings, strategies as st

from scripts import frames, grammar
from validation import sqlchecks

FIELDS = [
    {"name": "x", "type": "integer"},
    {"name": "x", "type": "number"},
    {"name": "x", "type": "date"},
    {"name": "x", "type": "boolean"},
    {"name": "x", "type": "boolean", "trueValues": ["true"], "falseValues": ["false"]},   # as in datapackage.json
]

# characters that make up numbers, dates and booleans, and the ones that nearly do
ALPHABET = "0123456789+-.eE_ ,:/TZ\t\n\u00a0aAnNfFiItTrRuUlLsSyY\u0663\uff11\uff0e"
TRICKY = ["2005.0", "2.005e3", "2e3", "1_000", " 12", "12 ", "NaN", "inf", "-Infinity", "1e999", "0x10",
          "١٢", "１２", "+5", "-0", "00012", "1.", ".5", "5.5.5", "1e", "e5", "99999999999999999999",
          "2020-02-30", "2020-2-3", "0000-01-01", "0001-01-01", "20200101", "2020-01-01T00:00",
          "2020-01-01 ", "True", "TRUE", "yes", "1", "0", "t"]
cells = st.one_of(st.text(alphabet=ALPHABET, min_size=1, max_size=12), st.sampled_from(TRICKY),
                  st.from_regex(grammar.NUMBER, fullmatch=True), st.from_regex(grammar.DATE, fullmatch=True))

CON = duckdb.connect()


def frictionless_reads(field: dict, cell: str):
    """(accepted, value) as frictionless reads the cell for this field."""
    value, notes = Field.from_descriptor(field).read_cell(cell)
    return not notes, value


def sql_reads(field: dict, cell: str):
    ok, value = CON.execute(f"SELECT {sqlchecks.type_ok(field, 'c')}, {sqlchecks.typed(field, 'c')} "
                            "FROM (SELECT ?::VARCHAR AS c)", [cell]).fetchone()
    return bool(ok), value


def pandas_reads(field: dict, cell: str):
    frame = pd.DataFrame({"x": pd.array([cell], dtype="string")})
    convert = frames.CONVERTERS[field["type"]]
    values, bad = convert(frame["x"], field) if field["type"] == "boolean" else convert(frame["x"])
    return not bool(bad.iloc[0]), values.iloc[0]


def same_value(field: dict, ours, theirs) -> bool:
    if field["type"] == "number":   # stored as DOUBLE; pandas' parser may be off in the last bit
        return math.isclose(float(ours), float(Decimal(theirs)), rel_tol=1e-12)
    if field["type"] == "date":
        ours = ours.date() if isinstance(ours, (pd.Timestamp, datetime.datetime)) else ours
    return ours == theirs


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f["type"] + ("/declared" if "trueValues" in f else ""))
def test_whatever_frictionless_rejects_validate_rejects(field):
    @settings(max_examples=400, deadline=None)
    @given(cells)
    @example("2005.0")
    @example("2.005e3")
    @example("2e3")
    def check(cell):
        accepted, value = frictionless_reads(field, cell)
        for reader in (sql_reads, pandas_reads):
            ok, ours = reader(field, cell)
            if not accepted:
                assert not ok, f"{reader.__name__} accepts {cell!r} as {field['type']}, frictionless does not"
            elif ok and field["type"] != "date" or (ok and reader is sql_reads):
                assert same_value(field, ours, value), f"{reader.__name__} reads {cell!r} as {ours!r}, frictionless as {value!r}"

    check()


@pytest.mark.parametrize("cell", ["2005.0", "2.005e3", "2e3", "2005 ", "+2005.", "2_005"])
def test_a_year_with_a_fraction_or_an_exponent_is_not_an_integer(cell):
    field = {"name": "year", "type": "integer"}
    assert not sql_reads(field, cell)[0]
    assert not pandas_reads(field, cell)[0]


def test_plain_values_are_read():
    assert sql_reads({"name": "x", "type": "integer"}, "-2005") == (True, -2005)
    assert sql_reads({"name": "x", "type": "number"}, "1.5e3") == (True, 1500.0)
    assert sql_reads({"name": "x", "type": "date"}, "2020-02-29") == (True, datetime.date(2020, 2, 29))
    assert sql_reads(FIELDS[-1], "true") == (True, True)
