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


# The catalogue's own rules, applied to fixture rows -----------------------------------------

def _panel(package, monkeypatch, table, rows, indicator_id):
    """indicator_panel of `indicator_id` (the real catalogue and generated rules) over a package
    whose `table` holds only `rows`: {(year, school_level): (value, composition)}."""
    import duckdb
    from scripts import ddl
    package.write_rows(table, rows)
    monkeypatch.chdir(package.root)
    con = duckdb.connect()
    con.execute(ddl.render(package.root))
    con.execute((ROOT / "sql" / "views.sql").read_text(encoding="utf-8"))
    return {(y, lvl): (v, c) for y, lvl, v, c in con.execute(
        "SELECT year, school_level, value, composition FROM indicator_panel WHERE indicator_id = ?",
        [indicator_id]).fetchall()}


def _con_row(i, value, **extra):
    row = dict(id=f"zhumadian2020-con-{i:03d}", region_code="411700", year="2019", period="year", kind="actual",
               indicator="schools", project_kind="new_or_expansion", status="not_applicable", school_level="preschool",
               population="all", value=str(value), unit="school", qualifier="exact", printed=f"{value}所",
               source_id="zhumadian2020", quote="q")
    row.update(extra)
    return row


def test_schools_built_or_expanded_counts_new_expanded_and_relocated_schools_of_the_year_only(package, monkeypatch):
    got = _panel(package, monkeypatch, "construction_projects", [
        _con_row(1, 100),                                                     # counted
        _con_row(2, 6, project_kind="relocation", school_level="primary"),     # counted: 迁建 is a new build elsewhere
        _con_row(3, 500, project_kind="renovation", school_level="compulsory"),     # 改薄: another measure
        _con_row(4, 34, status="under_construction", school_level="primary_secondary"),  # schools_under_construction
        _con_row(5, 49, population="rural", school_level="junior_secondary"),  # a group, not all schools
        _con_row(6, 60, kind="target", school_level="secondary"),              # a plan
        _con_row(7, 40, parent_id="zhumadian2020-con-001"),                    # a part of the 100
    ], "schools_built_or_expanded")
    assert got == {(2019, "preschool"): (100, "new_or_expansion"), (2019, "primary"): (6, "relocation")}


def test_two_exemptions_one_subsidy_recipients_are_persons_and_apart_from_other_programmes(package, monkeypatch):
    base = dict(region_code="411700", year="2007", period="year", kind="actual", indicator="recipients",
                programme="two_exemptions_one_subsidy", school_level="compulsory", population="rural",
                qualifier="exact", source_id="zhumadian2008", quote="q")
    rows = [dict(base, id="zhumadian2008-sub-001", value="2611000", unit="person", printed="261.1万人"),
            dict(base, id="zhumadian2008-sub-002", value="3000000", unit="person_time", printed="300万人次"),
            dict(base, id="zhumadian2008-sub-003", value="50000", unit="person", printed="5万人", programme="other")]
    assert _panel(package, monkeypatch, "subsidies", rows, "two_exemptions_one_subsidy_persons") == {
        (2007, "compulsory"): (2611000, "two_exemptions_one_subsidy/rural")}
