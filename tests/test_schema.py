"""Field types and constraints from datapackage.json, checked through pandera."""
import pandas as pd

from scripts.metadata import table
from validation.schema import pandera_schema

S = "data/subsidies.csv"


def test_good_rows_are_valid(package):
    assert package.problems() == []


def test_pandera_fixes_optional_integers_and_dates():
    schema = pandera_schema(table("subsidies"))
    assert str(schema.columns["first_year"].dtype) == "Int64"
    assert str(schema.columns["as_of"].dtype) == "datetime64[ns]"
    assert str(schema.columns["value"].dtype) == "Float64"


def test_wrong_type_integer(package):
    package.edit("subsidies", 0, year="twenty")
    assert package.problems() == [f"{S}:2:3: year: 'twenty' is not an integer"]


def test_wrong_type_number(package):
    package.edit("subsidies", 1, value="1,275万")
    assert f"{S}:3:12: value: '1,275万' is not a number" in package.problems()


def test_wrong_date(package):
    package.edit("subsidies", 0, as_of="2020-13-01")
    assert package.problems() == [f"{S}:2:6: as_of: '2020-13-01' is not a date in YYYY-MM-DD form"]


def test_out_of_range(package):
    package.edit("subsidies", 0, year="1900")
    assert package.problems() == [f"{S}:2:3: year: 1900 is out of range (minimum 1949, maximum 2100)"]


def test_unknown_code(package):
    package.edit("subsidies", 2, programme="poverty_aid")
    assert package.problems() == [
        f"{S}:4:9: programme: 'poverty_aid' is not in the code list (see datapackage.json enum / docs/data-dictionary.md)"]


def test_required_empty(package):
    package.edit("subsidies", 0, kind="")
    assert package.problems() == [f"{S}:2:7: kind: is required but empty"]


def test_pattern(package):
    package.edit("subsidies", 0, region_code="36110")
    problems = package.problems()
    assert f"{S}:2:2: region_code: '36110' does not match the pattern ^[0-9]{{6}}$" in problems


def test_optional_integer_may_be_empty_but_not_fractional(package):
    package.edit("subsidies", 0, first_year="2019.5", period="multi_year")
    assert f"{S}:2:4: first_year: '2019.5' is not an integer" in package.problems()


def test_integer_written_as_a_decimal_or_an_exponent(package):
    # frictionless rejects these as integers; validate does too (tests/test_grammar.py checks every type)
    package.edit("subsidies", 0, year="2005.0")
    package.edit("subsidies", 1, year="2.005e3")
    problems = package.problems()
    assert f"{S}:2:3: year: '2005.0' is not an integer" in problems
    assert f"{S}:3:3: year: '2.005e3' is not an integer" in problems


def test_report_year_in_exponent_form(package):
    from conftest import col
    package.edit("sources", 0, report_year="2e3")
    assert f"data/sources.csv:2:{col('sources', 'report_year')}: report_year: '2e3' is not an integer" in package.problems()


def test_sql_checks_and_the_pandera_schema_find_the_same_cells(package):
    """validate runs types and constraints as SQL (validation/sqlchecks.py); the pandera schema
    (validation/schema.py) derived from the same metadata flags the same cells."""
    import csv

    from scripts.frames import typed_frame
    from validation import database, sqlchecks
    from validation.schema import check_schema

    bad = [dict(year="1900"), dict(programme="poverty_aid"), dict(region_code="36110"), dict(quote="x"),
           dict(kind=""), dict(year="twenty"), dict(value="1,5"), dict(as_of="2020-13-01"), dict(first_year="2019.5")]
    rows = package.read_rows("subsidies")
    package.write_rows("subsidies", [dict(rows[k % len(rows)], id=f"shangrao2020-sub-{800 + k}", **change)
                                     for k, change in enumerate(bad)])
    t = table("subsidies", package.root)
    with open(package.root / t.path, encoding="utf-8", newline="") as fh:
        header, *records = list(csv.reader(fh))
    frame, type_errors = typed_frame(t, header, records)
    by_pandera = {(i, f) for i, f, _ in check_schema(t, frame)} - {(i, f) for i, f, _ in type_errors}

    con = database.connect()
    database.load_raw(con, t, package.root)
    con.execute(sqlchecks.create_typed(t, header))
    by_sql = {(r, f) for r, f, _, _ in con.execute(sqlchecks.constraint_failures(t, header)).fetchall()}
    sql_types = {(r, f) for r, f, _ in con.execute(sqlchecks.type_errors(t, header)).fetchall()}
    assert by_sql == by_pandera and len(by_sql) == 5
    assert sql_types == {(i, f) for i, f, _ in type_errors} and len(sql_types) == 4
