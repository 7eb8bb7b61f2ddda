"""Every number traces to a verbatim quote of its archived source."""
import hashlib

from conftest import col

S = "data/subsidies.csv"


def test_quote_not_in_source(package):
    package.edit("subsidies", 0, quote="上半年全市共资助各学段学生220052人次", value="220052", printed="220052人次")
    assert package.problems() == [f"{S}:2:18: quote: not found in the archived source (whitespace ignored); quote it verbatim"]


def test_quote_whitespace_is_ignored(package):
    package.edit("subsidies", 0, quote="上半年全市共资助各学段学生\n220051 人次")
    assert package.problems() == []


def test_ambiguous_quote(package):
    # "完成率100%" is printed twice in the Shangrao text (kindergarten places and public places).
    package.edit("subsidies", 1, quote="完成率100%", printed="100%", value="100", unit="percent", indicator="share")
    assert package.problems() == [f"{S}:3:18: quote: occurs 2 times in the archived source; lengthen it so it is unique"]


def test_printed_not_in_quote(package):
    package.edit("subsidies", 1, printed="12751.09万元", value="127510900")
    assert package.problems() == [f"{S}:3:16: printed: '12751.09万元' does not occur in the quote"]


def test_value_must_equal_parse(package):
    package.edit("subsidies", 1, value="127509800")
    assert package.problems() == [
        f"{S}:3:12: value: 127509800 does not equal 127510980 parsed from printed '12751.098万元' "
        "(a damaged figure needs a documented repair_rule)"]


def test_forgotten_wan(package):
    package.edit("subsidies", 1, value="12751.098")
    problems = package.problems()
    assert any(p.startswith(f"{S}:3:12: value: 12751.098 does not equal 127510980") for p in problems)
    # and the plausibility check warns about 0.06 yuan per person-time
    assert f"{S}:3:12: warning: value: 0 yuan per recipient is outside 10-100,000: check 万/亿 and the recipients row" in problems


def test_person_times_are_not_persons(package):
    package.edit("subsidies", 0, unit="person")
    assert f"{S}:2:14: unit: 'person' does not fit the printed unit '人次' (allowed: person_time)" in package.problems()


def test_qualifier_must_follow_printed(package):
    package.write_rows("finance", [dict(
        id="jingjiang2020-fin-901", region_code="321282", year="2020", period="year", kind="actual",
        indicator="programme_funds", school_level="all", population="financially_disadvantaged",
        value="12660000", unit="yuan", qualifier="exact", printed="1266万余元", source_id="jingjiang2020",
        quote="足额安排资助经费1266万余元")])
    assert package.problems() == [
        "data/finance.csv:2:14: qualifier: 'exact' but printed '1266万余元' reads as 'at_least'"]


def test_unknown_repair_rule_is_rejected_by_code_list(package):
    package.edit("subsidies", 1, repair_rule="guess")
    assert f"{S}:3:{col('subsidies', 'repair_rule')}: repair_rule: 'guess' is not in the code list (see datapackage.json enum / docs/data-dictionary.md)" in package.problems()


def test_repair_rule_that_changes_nothing(package):
    package.edit("subsidies", 1, repair_rule="dunhao_decimal")
    assert package.problems() == [f"{S}:3:{col('subsidies', 'repair_rule')}: repair_rule: 'dunhao_decimal' changes nothing in '12751.098万元'; leave it empty"]


def _shuangfeng_row(**kw):
    row = dict(id="shuangfeng2017-sub-901", region_code="431321", year="2017", period="spring_term", kind="actual",
               indicator="amount", programme="living_allowance", school_level="compulsory", population="registered_poor",
               value="6735875", unit="yuan", qualifier="exact", printed="673、5875万元", source_id="shuangfeng2017",
               quote="补助资金67\n3、5875万元", repair_rule="dunhao_decimal", note="Repair rule dunhao_decimal: 673、5875 is 673.5875.")
    row.update(kw)
    return row


def test_documented_repair_is_accepted(package):
    package.write_rows("subsidies", [_shuangfeng_row()])
    assert package.problems() == []


def test_damaged_figure_without_repair_rule_fails(package):
    package.write_rows("subsidies", [_shuangfeng_row(repair_rule="")])
    problems = package.problems()
    assert len(problems) == 1 and problems[0].startswith(f"{S}:2:16: printed: ")


def test_repaired_value_is_still_checked(package):
    package.write_rows("subsidies", [_shuangfeng_row(value="6735870")])
    assert package.problems() == [
        f"{S}:2:12: value: 6735870 does not equal 6735875 parsed from printed '673、5875万元'"]


def test_edited_archived_source(package):
    path = package.root / "sources" / "000_db9a4433567e169a.txt"
    path.write_bytes(path.read_bytes().replace("220051".encode(), "220052".encode()))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    problems = package.problems()
    assert (f"data/sources.csv:2:13: sha256: sources/000_db9a4433567e169a.txt has sha256 {digest}, "
            "not the recorded one: archived sources must never be edited") in problems
