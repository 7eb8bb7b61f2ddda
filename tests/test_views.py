"""Each analysis view in sql/views.sql against figures worked out by hand from the source texts."""
import duckdb
import pytest

from scripts.metadata import ROOT, tables, topic_tables


@pytest.fixture(scope="module")
def summary(real_build):
    return real_build


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
