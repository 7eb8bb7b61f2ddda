"""The pandas loader: typed frames from datapackage.json, agreeing with the DuckDB build."""
import duckdb
import pandas as pd
import pytest

from scripts.frames import load
from scripts.metadata import ROOT, tables


@pytest.fixture(scope="module")
def con(real_build):
    return duckdb.connect(str(real_build.database), read_only=True)


def test_types_come_from_the_descriptor():
    df = load("subsidies")
    assert str(df["year"].dtype) == "Int64" and str(df["first_year"].dtype) == "Int64"
    assert str(df["value"].dtype) == "Float64"
    assert str(df["as_of"].dtype).startswith("datetime64")
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert list(df["kind"].cat.categories) == ["actual", "target", "standard"]


@pytest.mark.parametrize("name", [t.name for t in tables()])
def test_every_table_matches_duckdb(con, name):
    df = load(name)
    db = con.execute(f"SELECT * FROM {name}").df()
    assert len(df) == len(db) and list(df.columns) == list(db.columns)
    for col in df.columns:
        left = df[col].astype("string").fillna("<NA>").tolist()
        right = db[col].astype("string").fillna("<NA>").tolist()
        if str(df[col].dtype) in ("Float64", "Int64"):
            assert pd.to_numeric(df[col]).fillna(-1).tolist() == pytest.approx(pd.to_numeric(db[col]).fillna(-1).tolist()), col
        elif str(df[col].dtype).startswith("datetime"):
            assert df[col].dt.strftime("%Y-%m-%d").fillna("<NA>").tolist() == \
                pd.to_datetime(db[col]).dt.strftime("%Y-%m-%d").fillna("<NA>").tolist(), col
        else:
            assert left == right, col


def test_pandas_aid_per_recipient_equals_the_view(con):
    df = load("subsidies", categories=False)
    key = ["source_id", "region_code", "year", "period", "programme", "school_level", "population", "kind"]
    amounts = df[(df.indicator == "amount") & (df.unit == "yuan") & (df.kind == "actual")]
    people = df[df.indicator == "recipients"]
    pairs = amounts.merge(people[key + ["value"]], on=key, suffixes=("", "_r"))
    mine = sorted((pairs["value"] / pairs["value_r"]).round(6).tolist())
    view = sorted(round(v, 6) for (v,) in con.execute("SELECT yuan_per_recipient FROM aid_per_recipient").fetchall())
    assert mine == view


def test_unreadable_cell_is_a_clear_error(real_package):
    real_package.edit("regions", 0, valid_from="notayear")
    with pytest.raises(ValueError, match=r"data/regions.csv: record 1: valid_from: 'notayear' is not an integer"):
        load("regions", real_package.root)
