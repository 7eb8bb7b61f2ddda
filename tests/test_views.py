"""Each analysis view in sql/views.sql against figures worked out by hand from the source texts."""
import duckdb
import pytest

from scripts.build import build
from scripts.metadata import ROOT, tables, topic_tables


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    return build(ROOT, tmp_path_factory.mktemp("views"))


@pytest.fixture(scope="module")
def con(summary):
    return duckdb.connect(str(summary.database), read_only=True)


def one(con, sql, *params):
    rows = con.execute(sql, params).fetchall()
    assert len(rows) == 1, rows
    return rows[0] if len(rows[0]) > 1 else rows[0][0]


def test_observations_holds_every_topic_row(con):
    total = sum(con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in topic_tables())
    assert one(con, "SELECT count(*) FROM observations") == total
    # 上半年……发放资助金12751.098万元
    assert one(con, "SELECT value FROM observations WHERE id = 'shangrao2020-sub-002'") == 127510980


def test_panel_aid_total_is_the_printed_total_not_total_plus_part(con):
    # Shangrao 2020: 12751.098万元 (first half, all programmes) + 134.2万元 (freshman entrance
    # aid); the registered-poor parts 5412.5583万元 and 122.2万元 are inside those totals.
    aid = one(con, "SELECT aid_yuan FROM region_year_panel WHERE region_code = '361100' AND year = 2020")
    assert aid == 127510980 + 1342000
    assert aid != 127510980 + 1342000 + 54125583 + 1222000


def test_panel_counts_persons_and_person_times_apart(con):
    row = one(con, "SELECT aid_recipients_persons, aid_recipients_person_times FROM region_year_panel "
                   "WHERE region_code = '361100' AND year = 2020")
    assert row == (None, 220051)   # 220051人次; the 2146 freshmen are one programme, not a total


def test_panel_teachers_hired_sums_channels_not_their_parts(con):
    # 实际招聘1248人 + 1293人 + 公费师范生45人 (部属19 + 省属26 inside it) + 定向684人 + 自主招聘49人
    assert one(con, "SELECT teachers_hired FROM region_year_panel WHERE region_code = '361100' AND year = 2020") \
        == 1248 + 1293 + 45 + 684 + 49
    # Nanchang: 控制数1128名 + 公开招聘1672人 (619 rural and 125 shortage inside it) + 94 公费师范生 (71 inside) + 5 人才
    assert one(con, "SELECT teachers_hired FROM region_year_panel WHERE region_code = '360100' AND year = 2020") \
        == 1128 + 1672 + 94 + 5
    # Shuangfeng 2017: 特岗教师234名 + 公费师范生42名 + 公开招聘52名 + 引进高学历人才6名; the 101
    # 顶岗实习 student-teacher interns are placed in schools, not hired, and 前3年760名 spans 2014-2016
    assert one(con, "SELECT teachers_hired FROM region_year_panel WHERE region_code = '431321' AND year = 2017") \
        == 234 + 42 + 52 + 6


def test_panel_loan_series_is_longitudinal(con):
    # Shuangfeng student loans: 32⏎3、5万元, 35⏎2、5万元, 53⏎8、7万元 (repaired dunhao decimals)
    rows = con.execute("SELECT year, aid_yuan FROM region_year_panel WHERE region_code = '431321' AND year < 2017 "
                       "ORDER BY year").fetchall()
    assert rows == [(2014, 3235000), (2015, 3525000), (2016, 5387000)]


def test_rollup_only_where_the_prefecture_reports_nothing_itself(con):
    # Loudi reports nothing; its 2014 row is Shuangfeng's loan, marked as a rollup
    assert one(con, "SELECT aid_yuan, rolled_up_from FROM region_year_panel WHERE region_code = '431300' AND year = 2014") \
        == (3235000, "431321")
    # Shangrao reports its own aid: the city figure is not increased by any district
    assert one(con, "SELECT count(*) FROM headline_facts_with_rollups WHERE region_code = '361100' "
                    "AND measure = 'aid_yuan' AND basis = 'rollup'") == 0


def test_aid_per_recipient(con):
    # 12751.098万元 / 220051人次
    assert one(con, "SELECT yuan_per_recipient, recipient_unit FROM aid_per_recipient "
                    "WHERE amount_id = 'shangrao2020-sub-002'") == (pytest.approx(127510980 / 220051), "person_time")


def test_hiring_fill_rate(con):
    # 国编统招教师计划1344人，实际招聘1248人; 特岗教师计划1338人，实际招聘1293人
    rows = con.execute("SELECT channel, fill_rate_percent FROM hiring_fill_rate WHERE region_code = '361100' "
                       "ORDER BY channel").fetchall()
    assert rows == [("special_post", 96.64), ("unified_recruitment", 92.86)]


def test_per_student_funding(con):
    # Jingjiang 2020 小学 生均一般公共预算教育支出 1.57万元, 生均公用经费 1105.81元
    assert one(con, "SELECT actual_yuan FROM per_student_funding WHERE region_code = '321282' "
                    "AND indicator = 'per_student_expenditure' AND school_level = 'primary'") == 15700
    assert one(con, "SELECT actual_yuan FROM per_student_funding WHERE region_code = '321282' "
                    "AND indicator = 'per_student_public_funds' AND school_level = 'primary'") == pytest.approx(1105.81)


def test_growth_implied_previous_is_derived(con):
    # 一般公共预算教育支出12.67亿元，同比增加11.14%: 2019 ≈ 12.67亿 / 1.1114
    value, kind = one(con, "SELECT value, value_kind FROM growth_implied_previous WHERE growth_id = 'jingjiang2020-fin-002'")
    assert value == pytest.approx(1_267_000_000 / 1.1114, abs=0.01) and kind == "derived"


def test_region_lineage_joins_recoded_counties(con):
    # 上饶县 (361121) became 广信区 (361104) in 2019
    assert one(con, "SELECT current_code FROM region_lineage WHERE code = '361121'") == "361104"
    assert one(con, "SELECT current_code FROM region_lineage WHERE code = '361104'") == "361104"


def test_plan_vs_actual(con):
    # 小区配套幼儿园新增学位数 任务8798个，已完成9188个; 2000人以上行政村公办园 912所 任务, 已完成952所
    assert one(con, "SELECT planned, actual, percent_of_plan FROM plan_vs_actual WHERE actual_id = 'shangrao2020-con-045'") \
        == (8798, 9188, round(100 * 9188 / 8798, 2))
    assert one(con, "SELECT percent_of_plan FROM plan_vs_actual WHERE actual_id = 'shangrao2020-con-042'") == round(100 * 952 / 912, 2)



def test_rollup_of_two_children_names_each_source_and_child_once_in_order(summary):
    """Loudi gets a second child with its own report: the rollup adds both children, and the
    provenance strings are sorted and name each source and child once (the new child sorts
    before Shuangfeng and counts in two measures of the same year)."""
    mem = duckdb.connect()
    mem.execute(f"ATTACH '{summary.database}' AS built (READ_ONLY)")
    for t in tables():
        mem.execute(f"CREATE TABLE {t.name} AS FROM built.{t.name}")
    mem.execute("INSERT INTO regions SELECT * REPLACE ('431302' AS code, '娄星区' AS name_zh, "
                "'Louxing District' AS name_en, 'district' AS level) FROM regions WHERE code = '431321'")
    # Shuangfeng's 2014 loan amount and Nanchang's all-programme recipients, as report aaa2014 of 431302
    mem.execute("INSERT INTO subsidies SELECT * REPLACE ('aaa2014-sub-001' AS id, '431302' AS region_code, "
                "'aaa2014' AS source_id, 1000000.0 AS value) FROM subsidies WHERE id = 'shuangfeng2017-sub-018'")
    mem.execute("INSERT INTO subsidies SELECT * REPLACE ('aaa2014-sub-002' AS id, '431302' AS region_code, "
                "2014 AS year, 'year' AS period, 'aaa2014' AS source_id, 500.0 AS value) "
                "FROM subsidies WHERE id = 'nanchang2020-sub-004'")
    mem.execute((ROOT / "sql" / "views.sql").read_text(encoding="utf-8"))
    assert one(mem, "SELECT value, n_rows, sources, row_ids, rolled_up_from FROM headline_facts_with_rollups "
                    "WHERE region_code = '431300' AND year = 2014 AND measure = 'aid_yuan'") \
        == (3235000 + 1000000, 2, "aaa2014,shuangfeng2017", "aaa2014-sub-001,shuangfeng2017-sub-018", "431302,431321")
    assert one(mem, "SELECT aid_yuan, aid_recipients_persons, rolled_up_from, sources FROM region_year_panel "
                    "WHERE region_code = '431300' AND year = 2014") \
        == (3235000 + 1000000, 500, "431302,431321", "aaa2014,shuangfeng2017")


def test_headline_facts_names_the_rows_it_adds(con):
    # Shangrao 2020 aid: 发放资助金12751.098万元 (sub-002) + 共计资助金134.2万元 (sub-006); the
    # registered-poor parts sub-004 and sub-008 are inside them and not listed
    assert one(con, "SELECT value, n_rows, sources, row_ids FROM headline_facts "
                    "WHERE region_code = '361100' AND year = 2020 AND measure = 'aid_yuan'") \
        == (127510980 + 1342000, 2, "shangrao2020", "shangrao2020-sub-002,shangrao2020-sub-006")
