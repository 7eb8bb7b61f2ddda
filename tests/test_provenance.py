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


# ---- the set-based run: SQL selects the rows row_problems could fault, row_problems writes the
# messages. If the SQL filter let a faulty row through, its messages would be missing here.

from types import SimpleNamespace  # noqa: E402

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

from scripts.numbers import normalise  # noqa: E402
from validation import provenance  # noqa: E402

TEXT = normalise("全市共资助学生220052人次，新建幼儿园 23所，改扩建84所。完成率100%，完成率100%。全市１２所学校，资金1.4l亿元。")
CELLS = {
    "source_id": ["s1", "s1", "s1", "s2"],
    "quote": [None, "共资助学生220052人次", "新建幼儿园 23所，改扩建84所", "完成率100%", "全市１２所学校", "资金1.4l亿元", "不在文中"],
    "project_name": [None, "幼儿园", "学校x", "１２所"],
    "printed": [None, "220052人次", "23所", "84所", "100%", "１２所", "12所", "1.4l亿元", "3000余人", "5-8所", "x", " "],
    "repair_rule": [None, "latin_letter_digit", "dunhao_decimal"],
    "unit": [None, "person", "person_time", "school", "percent", "yuan"],
    "qualifier": [None, "exact", "at_least", "approximately", "range"],
    "value": [None, "220052", "23", "84", "100", "12", "3000", "140000000", "141000000", "5", "2.3e1", "23.0", "abc"],
    "value_max": [None, "8", "7", "8.0"],
}
# rows that pass, each then spoilt in one or two cells (so that every clause is met on its own)
GOOD = [dict(quote="共资助学生220052人次", printed="220052人次", value="220052", unit="person_time"),
        dict(quote="新建幼儿园 23所，改扩建84所", printed="23所", value="23", unit="school", project_name="幼儿园"),
        dict(quote="全市１２所学校", printed="１２所", value="12", unit="school"),
        dict(quote="资金1.4l亿元", printed="1.4l亿元", repair_rule="latin_letter_digit", value="141000000", unit="yuan"),
        dict(printed="3000余人", value="3000", unit="person", qualifier="at_least"),
        dict(printed="5-8所", value="5", value_max="8", unit="school", qualifier="range")]


@st.composite
def _row(draw):
    row = {k: None for k in CELLS} | {"source_id": "s1"} | draw(st.sampled_from(GOOD))
    for k in draw(st.sets(st.sampled_from(sorted(CELLS)), max_size=2)):
        row[k] = draw(st.sampled_from(CELLS[k]))
    return row


def _state(rows: list[dict]):
    con = duckdb.connect()
    frame = pd.DataFrame({"__row": range(len(rows)), **{k: [r[k] for r in rows] for k in CELLS}}, dtype=object)
    frame["__row"] = frame["__row"].astype("int64")
    con.register("f", frame)
    con.execute('CREATE TABLE t_demo AS SELECT __row, ' + ", ".join(f'CAST("{k}" AS VARCHAR) AS "{k}"' for k in CELLS if k not in ("value", "value_max"))
                + ', CAST(value AS VARCHAR) AS "__raw_value", CAST(value_max AS VARCHAR) AS "__raw_value_max" FROM f')
    table = SimpleNamespace(table=SimpleNamespace(is_topic=True, name="demo"), fields={k: {} for k in CELLS},
                            problem=lambda r, f, m: (r, f, m))
    return SimpleNamespace(sources={"s1": TEXT}, tables={"demo": table}, con=con)


@settings(max_examples=120, deadline=None)
@given(st.lists(_row(), min_size=1, max_size=12))
def test_sql_selects_every_row_the_rule_faults(rows):
    expected = sorted((i, f, m) for i, r in enumerate(rows) if r["source_id"] == "s1"
                      for f, m in provenance.row_problems(r, {"value": r["value"], "value_max": r["value_max"]},
                                                          normalise(r["quote"]) if r["quote"] else ""))
    assert sorted(provenance.problems(_state(rows))) == expected
