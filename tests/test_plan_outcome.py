"""The plan_outcome_across_reports view pairs year Y's tasks with the next report's outcome for Y."""
import duckdb
import pytest

from scripts import ddl

BASE = dict(region_code="411700", period="year", indicator="schools", status="not_applicable", population="all",
            unit="school", qualifier="exact", quote="q")


def row(i, source, kind, year, level, work, value, **extra):
    return dict(BASE, id=f"{source}-con-{i:03d}", source_id=source, kind=kind, year=str(year), school_level=level,
                project_kind=work, value=str(value), printed=f"{value}所", **extra)


@pytest.fixture
def pairs(package, monkeypatch):
    """The view over a package whose construction rows are the ones given (sources zhumadian2019, -2020:
    government work reports delivered in 2019 and 2020)."""
    def run(rows):
        package.write_rows("construction_projects", rows)
        monkeypatch.chdir(package.root)
        con = duckdb.connect()
        con.execute(ddl.render(package.root))
        con.execute(_views())
        return con.execute("SELECT year, school_level, planned, actual, fill_percent, target_rows, target_ids, outcome_id "
                           "FROM plan_outcome_across_reports ORDER BY school_level").fetchall()
    return run


def _views() -> str:
    from scripts.metadata import ROOT
    return (ROOT / "sql" / "views.sql").read_text(encoding="utf-8")


def test_split_targets_are_summed_against_one_outcome_and_exact_kinds_pair(pairs):
    got = pairs([
        row(1, "zhumadian2019", "target", 2019, "preschool", "new_build", 23),
        row(2, "zhumadian2019", "target", 2019, "preschool", "rebuild_or_expansion", 84),
        row(3, "zhumadian2019", "target", 2019, "primary", "new_build", 10),
        row(1, "zhumadian2020", "actual", 2019, "preschool", "new_or_expansion", 107),
        row(2, "zhumadian2020", "actual", 2019, "primary", "new_build", 8),
    ])
    assert got == [
        (2019, "preschool", 107, 107, 100.0, 2, "zhumadian2019-con-001,zhumadian2019-con-002", "zhumadian2020-con-001"),
        (2019, "primary", 10, 8, 80.0, 1, "zhumadian2019-con-003", "zhumadian2020-con-002"),
    ]


def test_a_multi_year_figure_never_pairs_with_a_one_year_target(pairs):
    assert pairs([
        row(1, "zhumadian2019", "target", 2019, "preschool", "new_or_expansion", 100),
        row(1, "zhumadian2020", "actual", 2019, "preschool", "new_or_expansion", 400, period="multi_year", first_year="2015"),
    ]) == []


def test_an_outcome_of_another_kind_of_work_or_level_does_not_pair(pairs):
    assert pairs([
        row(1, "zhumadian2019", "target", 2019, "preschool", "new_build", 23),
        row(1, "zhumadian2020", "actual", 2019, "preschool", "renovation", 23),
        row(2, "zhumadian2020", "actual", 2019, "primary", "new_build", 23),
    ]) == []


def test_a_target_is_paired_only_with_the_next_report(pairs):
    # zhumadian2019's review of 2018 is not the outcome of zhumadian2019's own task for 2019
    assert pairs([
        row(1, "zhumadian2019", "target", 2019, "preschool", "new_build", 23),
        row(2, "zhumadian2019", "actual", 2018, "preschool", "new_build", 23),
    ]) == []


@pytest.fixture
def matched(package, monkeypatch):
    """Like `pairs`, but each pair as (planned, actual, planned_levels, level_match, kind_match, target_ids,
    outcome_id)."""
    def run(rows):
        package.write_rows("construction_projects", rows)
        monkeypatch.chdir(package.root)
        con = duckdb.connect()
        con.execute(ddl.render(package.root))
        con.execute(_views())
        return con.execute("SELECT planned, actual, planned_levels, level_match, kind_match, target_ids, outcome_id "
                           "FROM plan_outcome_across_reports ORDER BY outcome_id").fetchall()
    return run


def test_relocations_are_summed_with_new_builds_and_expansions_against_a_combined_outcome(matched):
    # 8 new, 6 relocated (迁建) and 20 expanded schools planned; 34 built or expanded
    assert matched([
        row(1, "zhumadian2019", "target", 2019, "primary_secondary", "new_build", 8),
        row(2, "zhumadian2019", "target", 2019, "primary_secondary", "relocation", 6),
        row(3, "zhumadian2019", "target", 2019, "primary_secondary", "rebuild_or_expansion", 20),
        row(1, "zhumadian2020", "actual", 2019, "primary_secondary", "new_or_expansion", 34),
    ]) == [(34, 34, "primary_secondary", "same", "summed",
            "zhumadian2019-con-001,zhumadian2019-con-002,zhumadian2019-con-003", "zhumadian2020-con-001")]


def test_targets_of_levels_inside_the_outcomes_level_are_summed(matched):
    # 53 kindergartens, 93 compulsory and 10 senior high schools planned; 156 中小学、幼儿园 built
    assert matched([
        row(1, "zhumadian2019", "target", 2019, "preschool", "new_or_expansion", 53),
        row(2, "zhumadian2019", "target", 2019, "compulsory", "new_or_expansion", 93),
        row(3, "zhumadian2019", "target", 2019, "general_senior_secondary", "new_or_expansion", 10),
        row(4, "zhumadian2019", "target", 2019, "higher", "new_build", 1),       # not inside: not summed
        row(1, "zhumadian2020", "actual", 2019, "primary_secondary_preschool", "new_or_expansion", 156),
    ]) == [(156, 156, "compulsory,general_senior_secondary,preschool", "summed", "same",
            "zhumadian2019-con-001,zhumadian2019-con-002,zhumadian2019-con-003", "zhumadian2020-con-001")]


def test_an_outcome_whose_level_covers_levels_no_target_names_is_flagged(matched):
    # 31 compulsory schools planned; 31 中小学校 (which may include senior high schools) reported
    assert matched([
        row(1, "zhumadian2019", "target", 2019, "compulsory", "new_or_expansion", 31),
        row(1, "zhumadian2020", "actual", 2019, "primary_secondary", "new_or_expansion", 31),
    ]) == [(31, 31, "compulsory", "outcome_wider", "same", "zhumadian2019-con-001", "zhumadian2020-con-001")]


def test_an_outcome_that_states_no_kind_of_work_takes_targets_of_any_kind(matched):
    # 80 改扩建 projects planned; 80 education projects (kind not stated) carried out
    rows = [row(1, "zhumadian2019", "target", 2019, "primary_secondary_preschool", "rebuild_or_expansion", 80),
            row(1, "zhumadian2020", "actual", 2019, "primary_secondary_preschool", "not_applicable", 80)]
    for r in rows:
        r.update(indicator="projects", unit="project", printed="80个")
    assert matched(rows) == [(80, 80, "primary_secondary_preschool", "same", "outcome_not_stated",
                              "zhumadian2019-con-001", "zhumadian2020-con-001")]


def test_a_target_pairs_once_with_the_narrowest_outcome_of_its_own_kind(matched):
    # the preschool target pairs with the preschool outcome, not also with the combined level or the
    # unstated kind; the combined outcome gets only the school target
    assert matched([
        row(1, "zhumadian2019", "target", 2019, "preschool", "new_or_expansion", 50),
        row(2, "zhumadian2019", "target", 2019, "primary_secondary", "new_or_expansion", 60),
        row(1, "zhumadian2020", "actual", 2019, "preschool", "new_or_expansion", 48),
        row(2, "zhumadian2020", "actual", 2019, "preschool", "not_applicable", 48),
        row(3, "zhumadian2020", "actual", 2019, "primary_secondary_preschool", "new_or_expansion", 110),
    ]) == [(50, 48, "preschool", "same", "same", "zhumadian2019-con-001", "zhumadian2020-con-001"),
           (60, 110, "primary_secondary", "outcome_wider", "same", "zhumadian2019-con-002", "zhumadian2020-con-003")]
