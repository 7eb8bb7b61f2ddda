"""indicator_panel and its companions: rules every cell obeys, and the bad aggregates the audit
found (issue 9), each asserted absent. Rules are checked over whatever rows the package has."""
import duckdb
import pytest

from scripts.metadata import ROOT, tables


@pytest.fixture(scope="module")
def built(real_build):
    return real_build


@pytest.fixture(scope="module")
def con(built):
    return duckdb.connect(str(built.database), read_only=True)


def values(con, sql, *params):
    return [r[0] if len(r) == 1 else r for r in con.execute(sql, params).fetchall()]


# Rules every cell obeys -------------------------------------------------------------------

def test_every_cell_names_its_period_rows_sources_and_status(con):
    assert values(con, "SELECT count(*) FROM indicator_panel") != [0]
    assert values(con, """SELECT count(*) FROM indicator_panel
        WHERE period_covered IS NULL OR sources IS NULL OR row_ids IS NULL
           OR status NOT IN ('complete', 'partial', 'not_comparable')""") == [0]


def test_a_comparable_cell_adds_only_rows_of_its_unit_and_one_period(con):
    bad = values(con, """
        SELECT p.indicator_id, p.region_code, p.year FROM indicator_panel p
        JOIN indicators i ON i.id = p.indicator_id
        JOIN observations o ON list_contains(string_split(p.row_ids, ','), o.id)
        WHERE p.status <> 'not_comparable'
        GROUP BY ALL
        HAVING count(DISTINCT o.unit) > 1 OR any_value(o.unit) <> any_value(i.unit)
            OR count(DISTINCT period_label(o.period, o.year, o.first_year, o.as_of)) > 1
            OR count(DISTINCT o.period) FILTER (WHERE o.period <> i.period_basis) > 0""")
    assert bad == []


def test_a_not_comparable_cell_has_no_value_and_a_reason(con):
    assert values(con, "SELECT count(*) FROM indicator_panel WHERE status = 'not_comparable' "
                       "AND (value IS NOT NULL OR status_note IS NULL)") == [0]
    # and each of its rows is in the companion view with a reason
    assert values(con, """SELECT count(*) FROM indicator_panel p, unnest(string_split(p.row_ids, ',')) AS t(id)
        WHERE p.status = 'not_comparable' AND p.basis = 'reported'
          AND t.id NOT IN (SELECT id FROM indicator_left_out WHERE reason IS NOT NULL)""") == [0]


def test_no_cell_adds_a_part_to_its_total(con):
    assert values(con, """SELECT count(*) FROM indicator_panel p
        JOIN observations o ON list_contains(string_split(p.row_ids, ','), o.id)
        WHERE p.status <> 'not_comparable' AND list_contains(string_split(p.row_ids, ','), o.parent_id)""") == [0]


def test_a_reported_cell_holds_only_its_own_region_rows(con):
    assert values(con, """SELECT count(*) FROM indicator_panel p
        JOIN observations o ON list_contains(string_split(p.row_ids, ','), o.id)
        WHERE p.basis = 'reported' AND o.region_code <> p.region_code""") == [0]


def test_a_rollup_is_partial_unless_it_covers_every_division_and_never_reported(con):
    rows = con.execute("SELECT coverage, status, status_note FROM indicator_panel WHERE basis = 'rollup'").fetchall()
    for coverage, status, note in rows:
        covered, total = (int(x) for x in coverage.removesuffix(" divisions").split(" of "))
        assert status == ("complete" if covered == total else "partial"), coverage
        assert "not the prefecture's own figure" in note


def test_non_additive_indicators_never_add(con):
    assert values(con, """SELECT count(*) FROM indicator_panel p JOIN indicators i ON i.id = p.indicator_id
        WHERE NOT i.additive AND (p.n_rows > 1 OR p.basis = 'rollup')""") == [0]


def test_each_teacher_cell_is_one_channel(con):
    """Channels differ between cities (contract quota, high-level talent, interns): no cell adds them."""
    assert values(con, """SELECT count(*) FROM indicator_panel p JOIN indicator_matches m
        ON list_contains(string_split(p.row_ids, ','), m.id) AND m.indicator_id = p.indicator_id
        WHERE m.table_name = 'teacher_hiring' GROUP BY p.indicator_id, p.region_code, p.year, p.school_level
        HAVING count(DISTINCT m.component) > 1""") == []


# The bad aggregates of the audit -----------------------------------------------------------

def test_no_cell_adds_shangraos_first_half_total_to_its_to_date_freshman_aid(con):
    assert 127510980 + 1342000 not in values(con, "SELECT value FROM indicator_panel WHERE value IS NOT NULL")
    # the first-half total is shown, not comparable with a year
    status, period, value = con.execute("SELECT status, period_covered, value FROM indicator_panel "
                                        "WHERE row_ids = 'shangrao2020-sub-002'").fetchone()
    assert (status, period, value) == ("not_comparable", "2020 first half", None)


def test_loans_and_grants_stay_apart_in_shuangfeng_2017(con):
    # the old panel: loans 609.45万 + spring-term grants + the 500万 donation = 29,425,275
    assert 29425275 not in values(con, "SELECT value FROM indicator_panel WHERE value IS NOT NULL")
    loans = con.execute("SELECT indicator_id, value FROM indicator_panel WHERE region_code = '431321' AND year = 2017 "
                        "AND unit = 'yuan'").fetchall()
    assert loans == [("student_loans_yuan", 6094500)]


def test_the_donation_for_teacher_and_student_awards_is_not_student_aid(con):
    assert values(con, "SELECT count(*) FROM indicator_rows WHERE id = 'shuangfeng2017-sub-031'") == [0]


def test_a_one_county_rollup_is_never_the_prefectures_own_figure(con):
    # Taizhou City 73,110 students and Loudi City's aid were each one county's figures, shown as
    # the city's: a prefecture cell holding a county's rows is a rollup marked with its coverage
    for prefecture, county in (("321200", "321282"), ("431300", "431321")):
        rows = con.execute("""SELECT DISTINCT p.basis, p.status, p.coverage FROM indicator_panel p
            JOIN observations o ON list_contains(string_split(p.row_ids, ','), o.id)
            WHERE p.region_code = ? AND o.region_code = ?""", [prefecture, county]).fetchall()
        assert all(b == "rollup" and s == "partial" and c is not None for b, s, c in rows), rows
    assert 29425275 not in values(con, "SELECT value FROM indicator_panel WHERE region_code = '431300' AND value IS NOT NULL")


def test_full_year_aid_is_never_set_beside_first_half_aid_as_comparable(con):
    comparable = values(con, "SELECT region_code FROM indicator_panel WHERE indicator_id = 'aid_grants_yuan' "
                             "AND year = 2020 AND status <> 'not_comparable' ORDER BY 1")
    assert "361100" not in comparable and "360100" in comparable


def test_teachers_are_compared_channel_by_channel_without_nanchangs_talents(con):
    assert values(con, "SELECT count(*) FROM indicator_rows WHERE id = 'nanchang2020-tea-010'") == [0]
    assert 1128 + 1672 + 94 + 5 not in values(con, "SELECT value FROM indicator_panel WHERE value IS NOT NULL")
    # 公开招聘1672人 beside 国编统招 实际招聘1248人: the same channel
    assert con.execute("SELECT region_code, value FROM indicator_panel WHERE indicator_id = 'teachers_recruited_open' "
                       "AND year = 2020 ORDER BY 1").fetchall() == [("360100", 1672), ("361100", 1248)]


def test_village_kindergartens_and_livelihood_projects_are_not_one_measure(con):
    # Shangrao's 952 kindergartens (to date) and Nanchang's 28 projects: no cell holds either
    for rid in ("shangrao2020-con-042", "nanchang2020-con-006"):
        assert values(con, "SELECT count(*) FROM indicator_panel WHERE row_ids LIKE ? AND status <> 'not_comparable'",
                      f"%{rid}%") == [0]


def test_growth_of_jingjiang_places_implies_no_previous_year():
    """jingjiang2020-con-009: 增长27.64% is growth of the total supply, not of the 775 new places."""
    from scripts.frames import load
    row = load("construction_projects").set_index("id").loc["jingjiang2020-con-009"]
    assert row["base_id"] is None or str(row["base_id"]) in ("<NA>", "nan", "None")


# Series ----------------------------------------------------------------------------------

def test_series_notes_a_change_of_composition(built):
    """A series whose composition changes between years says so in its note."""
    mem = duckdb.connect()
    mem.execute(f"ATTACH '{built.database}' AS b (READ_ONLY)")
    for t in tables():
        mem.execute(f"CREATE TABLE {t.name} AS FROM b.{t.name}")
    # a 2018 all-programme grant figure for Nanchang restricted to registered-poor families
    mem.execute("INSERT INTO subsidies SELECT * REPLACE ('nanchang2020-sub-901' AS id, 2019 AS year, 'all' AS population) "
                "FROM subsidies WHERE id = 'nanchang2020-sub-003'")
    mem.execute((ROOT / "sql" / "views.sql").read_text(encoding="utf-8"))
    note, composition = mem.execute("SELECT note, composition FROM indicator_series WHERE indicator_id = 'aid_grants_yuan' "
                                    "AND region_code = '360100' AND year = 2020").fetchone()
    assert composition == "all_programmes/financially_disadvantaged"
    assert note.startswith("composition changes: all_programmes -> all_programmes/financially_disadvantaged")


def test_series_marks_repaired_figures_and_indexes_to_the_first_year(con):
    rows = con.execute("SELECT year, index_first_year, note FROM indicator_series WHERE region_code = '431321' "
                       "AND indicator_id = 'student_loans_yuan' ORDER BY year").fetchall()
    assert rows[0][1] == 100
    assert all("repaired figure (dunhao_decimal)" in (note or "") for _, _, note in rows)


def test_rollup_of_two_children_adds_both_and_names_each_once(built):
    """Loudi gets a second county with its own report: the rollup adds both, names both children
    and sources once, in order, and still covers 2 of Loudi's 5 divisions."""
    mem = duckdb.connect()
    mem.execute(f"ATTACH '{built.database}' AS b (READ_ONLY)")
    for t in tables():
        mem.execute(f"CREATE TABLE {t.name} AS FROM b.{t.name}")
    mem.execute("INSERT INTO subsidies SELECT * REPLACE ('aaa2014-sub-001' AS id, '431302' AS region_code, "
                "'aaa2014' AS source_id, 1000000.0 AS value) FROM subsidies WHERE id = 'shuangfeng2017-sub-018'")
    mem.execute((ROOT / "sql" / "views.sql").read_text(encoding="utf-8"))
    assert mem.execute("SELECT value, n_rows, sources, row_ids, rolled_up_from, coverage, status FROM indicator_panel "
                       "WHERE region_code = '431300' AND year = 2014 AND indicator_id = 'student_loans_yuan'").fetchone() \
        == (3235000 + 1000000, 2, "aaa2014,shuangfeng2017", "aaa2014-sub-001,shuangfeng2017-sub-018", "431302,431321",
            "2 of 5 divisions", "partial")
