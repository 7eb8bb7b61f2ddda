"""Plausibility warnings: reported, not failing, unless --strict."""
import subprocess
import sys

from scripts.metadata import ROOT

S = "data/subsidies.csv"


def _pair(package, amount_value, amount_printed, quote):
    package.edit("subsidies", 1, value=amount_value, printed=amount_printed, quote=quote)


def test_rate_above_100_where_it_cannot_be(package):
    row = dict(id="jingjiang2020-enr-901", region_code="321282", year="2020", period="year", kind="actual",
               indicator="retention_rate", school_level="primary", population="all", value="115.53", unit="percent",
               qualifier="exact", printed="115.53%", source_id="jingjiang2020", quote="小学适龄儿童入学率115.53%")
    package.write_rows("enrollment", [row])
    assert package.problems() == [
        "data/enrollment.csv:2:11: warning: value: 115.53% for retention_rate, which cannot exceed 100%"]
    package.edit("enrollment", 0, indicator="gross_enrollment_rate")
    assert package.problems() == []


def test_yuan_per_recipient_out_of_range(package):
    # pair the 220051 person-times with the registered-poor part's money to get 245 yuan: fine;
    # a forgotten 万 (12751.098 yuan for 220051 person-times) is 0.06 yuan each: warned
    package.write_rows("subsidies", [dict(package.read_rows("subsidies")[0]), dict(
        package.read_rows("subsidies")[1], value="12751.098", printed="12751.098", quote="发放资助金12751.098万元；其中")])
    problems = package.problems()
    assert "data/subsidies.csv:3:12: warning: value: 0 yuan per recipient is outside 10-100,000: check 万/亿 and the recipients row" in problems


def test_per_student_spending_out_of_range(package):
    row = dict(id="jingjiang2020-fin-901", region_code="321282", year="2020", period="year", kind="actual",
               indicator="per_student_expenditure", school_level="primary", population="all", value="1.57", unit="yuan",
               qualifier="exact", printed="1.57", source_id="jingjiang2020", quote="2.33万元、1.57万元、0.56万元")
    package.write_rows("finance", [row])
    # the unit dropped from printed and value: an error since issue 11 (validation/curation.py), and the warning
    assert package.problems() == [
        "data/finance.csv:2:11: warning: value: 1.57 yuan per student is outside 100-200,000: check 万/元",
        "data/finance.csv:2:15: printed: '1.57' is followed by '万元' in the source; printed carries the unit as printed "
        "('1.57万元') and value its parse (15700)"]


def test_series_off_by_wan(package):
    loans = [dict(id=f"shuangfeng2017-sub-9{n}", region_code="431321", year=str(y), period="year", kind="actual",
                  indicator="amount", programme="student_loan", school_level="higher", population="financially_disadvantaged",
                  value=v, unit="yuan", qualifier="exact", printed=p, source_id="shuangfeng2017", quote=q,
                  repair_rule="dunhao_decimal")
             for n, (y, v, p, q) in enumerate([(2014, "3235000", "323、5万元", "贷款资金32\n3、5万元;2015年"),
                                               (2015, "3525000", "352、5万元", "贷款资金35\n2、5万元;2016年"),
                                               (2016, "538.7", "538、7", "贷款资金53\n8、7万元;2017年")], 10)]
    package.write_rows("subsidies", loans)
    # each quote keeps the source's line break, so the third record starts on line 6
    assert package.problems() == [
        "data/subsidies.csv:6:12: warning: value: 538.7 is 0.000159 times the same series in other years: a forgotten or extra 万/亿?",
        "data/subsidies.csv:6:16: printed: '538、7' is followed by '万元' in the source; printed carries the unit as printed "
        "('538、7万元') and value its parse (5387000)"]


def test_strict_makes_warnings_fail(package):
    # a plan coded as an actual: a warning (validation/curation.py), not an error
    package.write_rows("teacher_hiring", [dict(
        id="shangrao2020-tea-901", region_code="361100", year="2020", period="year", kind="actual", indicator="planned",
        channel="unified_recruitment", school_level="all", population="all", value="1344", unit="person",
        qualifier="exact", printed="1344人", source_id="shangrao2020", quote="2020年全市国编统招教师计划1344人")])
    package.problems()   # rebuild the ledger for the edited rows
    run = lambda *a: subprocess.run([sys.executable, "-m", "scripts", "validate", "--root", str(package.root), *a],
                                    cwd=ROOT, capture_output=True, text=True)
    assert run().returncode == 0
    strict = run("--strict")
    assert strict.returncode == 1 and "warning: kind: actual, but the figure's clause" in strict.stdout


def test_series_check_survives_a_year_that_is_not_an_integer(package):
    # a fourth loan whose year is not an integer: reported as a type error, left out of the
    # series, and the forgotten 万 of 2016 is still warned about (this used to crash validate)
    loans = [dict(id=f"shuangfeng2017-sub-9{n}", region_code="431321", year=y, period="year", kind="actual",
                  indicator="amount", programme="student_loan", school_level="higher", population="financially_disadvantaged",
                  value=v, unit="yuan", qualifier="exact", printed=p, source_id="shuangfeng2017", quote=q,
                  repair_rule="dunhao_decimal")
             for n, (y, v, p, q) in enumerate([("2014", "3235000", "323、5万元", "贷款资金32\n3、5万元;2015年"),
                                               ("2015", "3525000", "352、5万元", "贷款资金35\n2、5万元;2016年"),
                                               ("2016", "538.7", "538、7", "贷款资金53\n8、7万元;2017年"),
                                               ("2o14", "3235000", "323、5万元", "贷款资金32\n3、5万元;2015年")], 10)]
    package.write_rows("subsidies", loans)
    assert package.problems() == [
        "data/subsidies.csv:6:12: warning: value: 538.7 is 0.000159 times the same series in other years: a forgotten or extra 万/亿?",
        "data/subsidies.csv:6:16: printed: '538、7' is followed by '万元' in the source; printed carries the unit as printed "
        "('538、7万元') and value its parse (5387000)",
        "data/subsidies.csv:8:3: year: '2o14' is not an integer"]
