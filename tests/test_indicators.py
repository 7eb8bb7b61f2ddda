"""validation/indicators.py and scripts/indicators.py: each check fed a catalogue that breaks it.

The `package` fixture holds three Shangrao rows: all-programme recipients 220051人次 (sub-901)
and 12751.098万元 (sub-902) for the first half of 2020, and the registered-poor part of the
recipients (sub-903)."""
import pytest

from scripts import indicators
from scripts.metadata import ROOT

R = "data/indicator_rules.csv"


def catalogue(package, rules, **indicator):
    """One indicator `x` (person-times, first-half basis unless changed) with the given rules."""
    row = dict(id="x", name_en="X", name_zh="某", definition_en="d", definition_zh="定义", unit="person_time",
               period_basis="first_half", additive="true", includes="i", excludes="e")
    row.update(indicator)
    package.write_rows("indicators", [row])
    package.write_rows("indicator_rules", [dict(indicator="x", definition=str(n), rule=r) for n, r in enumerate(rules, 1)])


def test_a_catalogue_that_fits_its_rows_is_valid(package):
    catalogue(package, ["table_name = 'subsidies' AND indicator = 'recipients' AND population = 'all'"])
    assert package.problems() == []


def test_a_rule_matching_no_row(package):
    catalogue(package, ["table_name = 'subsidies' AND programme = 'student_laon'"])
    assert package.problems() == [f"{R}:2:3: rule of x (definition 1) matches no row: check its codes and columns"]


def test_a_row_matched_by_two_definitions_of_one_indicator(package):
    catalogue(package, ["table_name = 'subsidies' AND indicator = 'recipients' AND population = 'all'",
                        "table_name = 'subsidies' AND indicator = 'recipients' AND parent_id IS NULL"])
    assert package.problems() == [
        f"{R}:3:3: rows shangrao2020-sub-901 are matched by definitions 1, 2 of x: each would be counted twice; "
        "make the definitions exclusive"]


def test_a_rule_whose_cells_would_mix_units(package):
    catalogue(package, ["table_name = 'subsidies' AND population = 'all'"])
    assert package.problems() == [
        f"{R}:2:3: rule of x (definition 1) selects rows in yuan (shangrao2020-sub-902), but the indicator is in "
        "person_time: its cells would mix units; narrow the rule (e.g. AND unit = 'person_time')"]


def test_a_panel_cell_mixing_periods(package):
    # two to-date counts of the same cell, as of different dates
    package.edit("subsidies", 0, period="to_date", as_of="2020-06-30")
    package.edit("subsidies", 2, period="to_date", as_of="2020-09-30", parent_id="", population="all", programme="other",
                 note="test")
    catalogue(package, ["table_name = 'subsidies' AND indicator = 'recipients'"], period_basis="to_date")
    problems = [p for p in package.problems() if p.startswith(R)]
    assert problems == [
        f"{R}:2:3: panel cell x / 361100 / 2020 / all adds rows of different periods (2020 to 2020-06-30; "
        "2020 to 2020-09-30: shangrao2020-sub-901, shangrao2020-sub-903); a cell must cover one period"]


@pytest.mark.parametrize("rule, message", [
    ("indicator = 'amount'; DROP TABLE regions", "rule contains ';'"),
    ("indicator = 'amount' -- all", "rule contains '--'"),
    ("(indicator = 'amount'", "rule has unbalanced parentheses"),
    ("indicator = 'amount", "rule has an unclosed string quote"),
    ("programm = 'student_loan'", "rule does not run over the observations view:"),
])
def test_a_rule_that_is_not_one_condition_over_the_observations(package, rule, message):
    catalogue(package, [rule])
    problems = package.problems()
    assert len(problems) == 1 and problems[0].startswith(f"{R}:2:3: {message}"), problems


def test_a_rule_that_is_not_one_condition_is_left_out_of_the_generated_view():
    sql = indicators.select_sql([dict(indicator="x", definition="1", rule="a = 1; DROP TABLE t"),
                                 dict(indicator="y", definition="1", rule="kind = 'actual'")])
    assert "DROP" not in sql and "'y' AS indicator_id" in sql


def test_views_sql_holds_the_rules_of_the_csv():
    assert (ROOT / indicators.VIEWS).read_text(encoding="utf-8") == indicators.render_views(ROOT), \
        "sql/views.sql is stale: run python -m scripts generate"


def test_stale_rules_stop_the_build(tmp_path):
    import shutil

    from scripts.build import BuildError, build
    shutil.copy2(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    for folder in ("data", "sources", "sql"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    with open(tmp_path / "data" / "indicator_rules.csv", "a", encoding="utf-8") as fh:
        fh.write("graduates,2,table_name = 'enrollment' AND indicator = 'entrants',\n")
    with pytest.raises(BuildError, match="indicator rules are out of date"):
        build(tmp_path, tmp_path / "build")


def test_a_table_the_build_could_not_load_is_not_checked(package):
    # the catalogue is checked over validation's typed tables, where a cell outside its type is
    # NULL: a rule on that cell would match nothing. As when the checks loaded the CSVs through
    # the build's DDL (which refused such a table), the type error is reported, the catalogue not
    catalogue(package, ["table_name = 'subsidies' AND indicator = 'recipients' AND population = 'all' AND year = 2020"])
    assert package.problems() == []
    package.edit("subsidies", 0, year="20x0")
    problems = package.problems()
    assert problems and not [p for p in problems if p.startswith(R)], problems
