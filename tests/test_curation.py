"""validation/curation.py: each curation mistake of issue 11 is reported, with its message, and
the same rows curated correctly are not.

Most tests run the check on a typed frame built from a few rows (the checks read tables, not
sources); the last ones go through `validate` on a copy of the package to show where the
message lands (file, line, column) and that a warning does not fail validation.
"""
from __future__ import annotations

from scripts.frames import load, typed_frame
from scripts.metadata import table
from tests.conftest import GOOD_SUBSIDIES, col
from validation import curation


def frame(name: str, rows: list[dict]):
    t = table(name)
    df, errors = typed_frame(t, t.field_names, [[r.get(f, "") for f in t.field_names] for r in rows])
    assert errors == []
    return df


def messages(flags) -> list[str]:
    return [f"{i}:{field}:{sev}: {msg}" for i, field, msg, sev in flags]


SUB = dict(region_code="361100", year="2020", period="first_half", kind="actual", programme="all_programmes",
           school_level="all", population="all", qualifier="exact", source_id="shangrao2020")


# ---------------------------------------------------------------- parts

def test_a_part_with_another_period_than_its_total_is_an_error():
    rows = [dict(r) for r in GOOD_SUBSIDIES]
    rows[2]["period"] = "year"
    out = messages(curation.part_dimensions(frame("subsidies", rows)))
    assert out == ["2:period:error: period: 'year' differs from its total shangrao2020-sub-901's 'first_half'; a part "
                   "describes its total's place and time (or say why in note, e.g. 'period differs from its total: …')"]


def test_a_part_with_another_region_or_year_is_an_error_unless_the_note_says_why():
    rows = [dict(r) for r in GOOD_SUBSIDIES]
    rows[2].update(region_code="361104", year="2019")
    out = messages(curation.part_dimensions(frame("subsidies", rows)))
    assert [m.split(":")[1] for m in out] == ["region_code", "year"]
    assert "region_code: '361104' differs from its total shangrao2020-sub-901's '361100'" in out[0]
    rows[2]["note"] = "Region and year differ from its total: the district's share, counted a year earlier."
    assert curation.part_dimensions(frame("subsidies", rows)) == []
    assert curation.part_dimensions(frame("subsidies", GOOD_SUBSIDIES)) == []


# ---------------------------------------------------------------- printed

def test_printed_without_its_unit_is_an_error():
    rows = [dict(r) for r in GOOD_SUBSIDIES]
    rows[1].update(printed="12751.098", value="12751.098")      # 12751.098万元 with 万元 dropped
    out = messages(curation.printed_unit(frame("subsidies", rows)))
    assert out == ["1:printed:error: printed: '12751.098' is followed by '万元' in the source; printed carries the unit "
                   "as printed ('12751.098万元') and value its parse (127510980)"]
    assert curation.printed_unit(frame("subsidies", GOOD_SUBSIDIES)) == []


def test_a_quote_cut_after_the_digits_does_not_hide_the_unit():
    from scripts import numbers
    from scripts.metadata import ROOT
    text = numbers.normalise((ROOT / "sources" / "000_db9a4433567e169a.txt").read_text(encoding="utf-8"))
    rows = [dict(GOOD_SUBSIDIES[1], printed="12751.098", value="12751.098", quote="发放资助金12751.098")]
    assert curation.printed_unit(frame("subsidies", rows)) == []          # the quote alone shows no unit
    out = messages(curation.printed_unit(frame("subsidies", rows), {"shangrao2020": text}))
    assert out[0].startswith("0:printed:error: printed: '12751.098' is followed by '万元' in the source")


def test_a_unit_the_row_unit_cannot_take_may_be_left_out_of_printed():
    # 1970个 students: 个 (item) cannot be persons, so the curated row prints the digits only
    row = dict(SUB, id="shangrao2020-sub-907", indicator="recipients", value="1970", unit="person", printed="1970",
               quote="其中建档立卡家庭学生1970个")
    assert curation.printed_unit(frame("subsidies", [row])) == []
    row.update(unit="item")   # the same digits as a count of items would drop 个
    assert "followed by '个'" in messages(curation.printed_unit(frame("subsidies", [row])))[0]


# ---------------------------------------------------------------- kind

ENR = dict(region_code="361100", year="2020", period="year", indicator="class_size_limit", school_level="primary",
           population="all", qualifier="exact", source_id="shangrao2020", unit="person")


def test_a_norm_recorded_as_an_actual_is_a_warning():
    row = dict(ENR, id="shangrao2020-enr-901", kind="actual", value="45", printed="45人",
               quote="平均班额控制在国家、省规定的小学45人")
    out = messages(curation.kind_cues(frame("enrollment", [row])))
    assert out == ["0:kind:warning: kind: actual, but the figure's clause '平均班额控制在国家、省规定的小学45人' has the "
                   "standard cue '控制在': a plan or norm is not an actual (kind standard?)"]
    row["kind"] = "standard"
    assert curation.kind_cues(frame("enrollment", [row])) == []


def test_a_plan_recorded_as_an_actual_and_an_actual_recorded_as_a_target_are_warnings():
    tea = dict(region_code="361100", year="2020", period="year", school_level="all", population="all", qualifier="exact",
               source_id="shangrao2020", unit="person", channel="unified_recruitment",
               quote="2020年全市国编统招教师计划1344人，实际招聘1248人")
    plan = dict(tea, id="shangrao2020-tea-901", kind="actual", indicator="planned", value="1344", printed="1344人")
    done = dict(tea, id="shangrao2020-tea-902", kind="target", indicator="hired", value="1248", printed="1248人")
    out = messages(curation.kind_cues(frame("teacher_hiring", [plan, done])))
    assert out[0].startswith("0:kind:warning: kind: actual, but the figure's clause '2020年全市国编统招教师计划1344人' "
                             "has the target cue '计划'")
    assert out[1] == ("1:kind:warning: kind: target, but the figure's clause '实际招聘1248人' reports an outcome "
                      "('实际'): kind actual?")
    plan["kind"], done["kind"] = "target", "actual"
    assert curation.kind_cues(frame("teacher_hiring", [plan, done])) == []


def test_a_cue_the_note_names_or_a_figure_relative_to_a_norm_is_not_flagged():
    fin = dict(region_code="321282", year="2020", period="year", kind="actual", indicator="ratio_to_standard",
               school_level="all", population="all", qualifier="at_least", source_id="jingjiang2020", unit="percent",
               id="jingjiang2020-fin-901", value="110", printed="110%", quote="均不低于省定标准的110%")
    assert curation.kind_cues(frame("finance", [fin])) == []


# ---------------------------------------------------------------- multi-year

FIN = dict(region_code="431321", year="2020", kind="actual", indicator="education_expenditure", school_level="all",
           population="all", qualifier="exact", source_id="shuangfeng2017", unit="yuan", id="shuangfeng2017-fin-901",
           value="23996000000", printed="239.96亿元", quote="十三五期间，全县教育支出239.96亿元")


def test_a_five_year_total_coded_as_one_year_is_an_error():
    out = messages(curation.multi_year(frame("finance", [dict(FIN, period="year")])))
    assert out == ["0:period:error: period: year, but the quote names '十三五期间' before the figure: a total over several "
                   "years is not one year's figure (period multi_year with first_year, or cumulative; or explain in "
                   "note, naming '十三五期间')"]


def test_a_multi_year_figure_coded_so_or_explained_is_not_flagged():
    assert curation.multi_year(frame("finance", [dict(FIN, period="multi_year", first_year="2016")])) == []
    explained = dict(FIN, period="year", note="十三五期间 here introduces the section; the figure is 2020's alone.")
    assert curation.multi_year(frame("finance", [explained])) == []


# ---------------------------------------------------------------- unlinked parts

def _aid(n: int, printed: str, value: str, **kw) -> dict:
    return dict(SUB, id=f"shangrao2020-sub-{n}", indicator="amount", unit="yuan", printed=printed, value=value,
                quote=f"资助{printed}", **kw)


def test_unlinked_parts_summing_to_a_row_are_a_warning():
    rows = [_aid(901, "1234万元", "12340000"), _aid(902, "1000万元", "10000000", population="registered_poor"),
            _aid(903, "200万元", "2000000", population="disabled"), _aid(904, "34万元", "340000", population="rural")]
    out = messages(curation.unlinked_parts(frame("subsidies", rows)))
    assert out == ["0:value:warning: value: 12340000 equals the sum of the 3 rows that follow (shangrao2020-sub-902, "
                   "shangrao2020-sub-903, shangrao2020-sub-904), none linked to it: parts? Give them parent_id (and "
                   "breakdown_complete here) or views will count them twice"]
    for r in rows[1:]:
        r["parent_id"] = "shangrao2020-sub-901"
    assert curation.unlinked_parts(frame("subsidies", rows)) == []


def test_rates_are_not_parts():
    rows = [dict(_aid(900 + n, p, v), indicator="share", unit="percent", population=pop)
            for n, (p, v, pop) in enumerate([("60%", "60", "all"), ("20%", "20", "rural"), ("40%", "40", "urban")], 1)]
    assert curation.unlinked_parts(frame("subsidies", rows)) == []


def test_rows_that_do_not_add_up_are_not_flagged():
    rows = [_aid(901, "1234万元", "12340000"), _aid(902, "1000万元", "10000000", population="registered_poor"),
            _aid(903, "200万元", "2000000", population="disabled")]
    assert curation.unlinked_parts(frame("subsidies", rows)) == []


# ---------------------------------------------------------------- region

def test_a_county_figure_coded_to_its_prefecture_is_a_warning():
    sources, regions = load("sources", categories=False), load("regions", categories=False)
    row = dict(SUB, id="shuangfeng2017-sub-901", region_code="431300", source_id="shuangfeng2017", period="year",
               indicator="recipients", unit="person", value="12390", printed="12390人",
               quote="共资助义务教育阶段学生12390人")
    assert curation.region_level(frame("subsidies", [row]), sources, regions) == []   # no place named
    row["quote"] = "全县共资助义务教育阶段学生12390人"
    out = messages(curation.region_level(frame("subsidies", [row]), sources, regions))
    assert out == ["0:region_code:warning: region_code: 431300 is the parent of the source's region 431321 (双峰县), "
                   "but the quote names '全县': code the figure to 431321?"]
    row["region_code"] = "431321"
    assert curation.region_level(frame("subsidies", [row]), sources, regions) == []


# ---------------------------------------------------------------- aid pairing

def test_an_amount_paired_with_two_recipient_rows_is_an_error():
    amount = _aid(901, "120万元", "1200000", programme="other")
    waiver = dict(SUB, id="shangrao2020-sub-902", programme="other", indicator="recipients", unit="person",
                  value="300", printed="300人", quote="免学费300人")
    grant = dict(waiver, id="shangrao2020-sub-903", value="200", printed="200人", quote="助学金200人")
    out = messages(curation.aid_pairs(frame("subsidies", [amount, waiver, grant])))
    assert out == ["0:programme:error: programme: this amount pairs with 2 recipients rows (shangrao2020-sub-902, "
                   "shangrao2020-sub-903) under the aid_per_recipient key (source, region, year, period, programme, "
                   "level, population, kind): each amount needs at most one; give the programmes or populations "
                   "their own codes (python -m scripts codes add programme …)"]
    grant["programme"] = "senior_secondary_aid"
    assert curation.aid_pairs(frame("subsidies", [amount, waiver, grant])) == []


# ---------------------------------------------------------------- through validate

def test_validate_reports_a_curation_error_at_its_cell(package):
    rows = [dict(r) for r in GOOD_SUBSIDIES]
    rows[1].update(printed="12751.098", value="12751.098")
    package.write_rows("subsidies", rows)
    problems = package.problems()
    S = "data/subsidies.csv"
    assert f"{S}:3:{col('subsidies', 'printed')}: printed: '12751.098' is followed by '万元' in the source; printed carries " \
           "the unit as printed ('12751.098万元') and value its parse (127510980)" in problems


def test_a_curation_warning_does_not_fail_validation(package):
    row = dict(ENR, id="shangrao2020-enr-901", kind="actual", value="45", printed="45人",
               quote="平均班额控制在国家、省规定的小学45人")
    package.write_rows("enrollment", [row])
    problems = package.problems()
    assert f"data/enrollment.csv:2:{col('enrollment', 'kind')}: warning: kind: actual, but the figure's clause " \
           "'平均班额控制在国家、省规定的小学45人' has the standard cue '控制在': a plan or norm is not an actual (kind standard?)" in problems
    assert not [p for p in problems if ": warning: " not in p]


def test_rows_with_other_errors_are_left_out_with_their_comparisons():
    rows = [dict(r) for r in GOOD_SUBSIDIES]
    rows[0]["year"] = "2021"          # the total is wrong (say another check found its year bad)
    df = frame("subsidies", rows)
    assert [f[1] for f in curation.check(df)] == ["year"]        # reported on the part
    assert curation.check(df, skip=[0]) == []                     # not when the total has an error


# ---------------------------------------------------------------- the rules as SQL

def test_a_figure_inside_its_quote_followed_by_a_multiplier_is_an_error():
    # the unit after the figure read in the quote itself (not at its end), by the SQL of printed_unit
    rows = [dict(r) for r in GOOD_SUBSIDIES]
    rows[1].update(printed="12751.098", value="12751.098", quote="发放资助金12751.098 万元，其中")
    out = messages(curation.printed_unit(frame("subsidies", rows)))
    assert out == ["1:printed:error: printed: '12751.098' is followed by '万元' in the source; printed carries the unit "
                   "as printed ('12751.098万元') and value its parse (127510980)"]


def test_unlinked_parts_are_looked_for_within_one_series():
    # DuckDB numbers the series (every key column alike, a missing key alike too): rows of
    # another kind or source do not add up to a total, rows missing the same key do
    rows = [_aid(901, "1234万元", "12340000"), _aid(902, "1000万元", "10000000", population="registered_poor"),
            _aid(903, "200万元", "2000000", population="disabled"), _aid(904, "34万元", "340000", population="rural")]
    assert [f[0] for f in curation.unlinked_parts(frame("subsidies", rows))] == [0]
    rows[3]["kind"] = "target"
    assert curation.unlinked_parts(frame("subsidies", rows)) == []
    rows[3]["kind"] = "actual"
    df = frame("subsidies", rows)
    df["programme"] = None
    assert [f[0] for f in curation.unlinked_parts(df)] == [0]
    df.loc[3, "programme"] = "other"
    assert curation.unlinked_parts(df) == []


# ---------------------------------------------------------------- the queries against the rules they select for

import re  # noqa: E402

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

from scripts.numbers import normalise  # noqa: E402
from validation import provenance  # noqa: E402


def in_database(df) -> curation.Rows:
    """The rows as validate hands them over: a table t_<name> with its quotes normalised once
    (provenance.make_normalised's n_<name>), which the checks read instead of normalising."""
    con = duckdb.connect()
    con.register("t_demo", df.reset_index(names="__row"))
    return curation.Rows(con, '"t_demo"', frozenset(df.columns), provenance.make_normalised(con, "demo", df.columns))


CUES = curation.PLAN_CUES + curation.NORM_CUES + curation.ACTUAL_CUES
PIECES = [*CUES, "计\n划", "实 际", "，", ",", "。", "：", "（", "的", "全市", "教师", "招聘", " ", "\n", "１", "2020年"]


@st.composite
def _kind_row(draw):
    printed = draw(st.sampled_from(["45人", "１２所", "110%", "3 000人", "计划"]))
    before, after = (draw(st.lists(st.sampled_from(PIECES), max_size=6)) for _ in range(2))
    quote = "".join(before) + (printed if draw(st.booleans()) else draw(st.sampled_from(["45 人", "12所"]))) + "".join(after)
    note = draw(st.one_of(st.none(), st.sampled_from(CUES), st.just("as planned")))
    return dict(printed=printed, quote=quote, kind=draw(st.sampled_from(["actual", "target", "standard", "other"])), note=note)


def _kind_rule(rows: list[dict]) -> list:
    """kind_cues' rule row by row in Python, without the query's filter: the clause of the
    normalised quote that ends with the figure."""
    out = []
    for i, r in enumerate(rows):
        q, p = normalise(r["quote"]), normalise(r["printed"])
        if p not in q:
            continue
        head = re.search(f"[^{curation.CLAUSE.pattern[1:-1]}]*$", q[:q.find(p)]).group()
        if flag := curation._kind_flag(i, r["kind"], r["note"] or "", head + p, head.endswith("的")):
            out.append(flag)
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(_kind_row(), min_size=1, max_size=10))
def test_the_kind_query_keeps_every_row_the_rule_flags(rows):
    df = pd.DataFrame(rows, dtype=object)
    expected = _kind_rule(rows)
    assert curation.kind_cues(df) == expected
    assert curation.kind_cues(in_database(df)) == expected


def test_a_cue_a_line_break_splits_is_still_a_cue():
    row = dict(ENR, id="shangrao2020-enr-901", kind="actual", value="45", printed="45人",
               quote="平均班额控\n制在国家、省规定的小学45人")
    assert [f[1] for f in curation.kind_cues(frame("enrollment", [row]))] == ["kind"]


def test_the_checks_read_the_normalised_quotes_validate_made_once():
    # validate hands over provenance's n_<name> (curation.Rows.normalised); the checks then
    # flag what they flag when they normalise the quotes themselves
    rows = [dict(r) for r in GOOD_SUBSIDIES]
    rows[1].update(printed="12751.098", value="12751.098", quote="发放资助金12751.098")   # 万元 only in the source
    rows[2].update(printed="109233", value="109233", quote="其中资助建档立卡家庭学生109233 人次，计划")
    rows.append(dict(GOOD_SUBSIDIES[0], id="shangrao2020-sub-904", kind="target", quote="实际资助学生220051人次"))
    texts = {"shangrao2020": normalise("发放资助金12751.098\n万元；其中")}
    df = frame("subsidies", rows)
    for check in (curation.kind_cues, lambda d: curation.printed_unit(d, texts)):
        assert check(df) and check(in_database(df)) == check(df)


SOURCE = normalise("发放资助金12751.098\n万元；其中建档立卡家庭学生1970个，资助45人次，新建3余所，投入１２万元，2.34亿元")
FIGURES = ["12751.098", "12751.098万元", "1970", "45人", "45", "3", "１２", "2.34", " "]


@st.composite
def _printed_row(draw):
    printed = draw(st.sampled_from(FIGURES))
    before = draw(st.lists(st.sampled_from(["发放资助金", "建档立卡家庭学生", "资助", "新建", "投入", "，", " ", "１"]), max_size=2))
    after = draw(st.lists(st.sampled_from(["万元", "万", "亿元", "人", "人次", "个", "余", "，", " ", "\n", "12751.098"]),
                          max_size=3))
    # (without anything after the figure, the quote ends with it: the source tells what follows)
    quote = "".join(before) + draw(st.sampled_from([printed, *FIGURES])) + "".join(after)
    return dict(printed=printed, quote=quote, unit=draw(st.sampled_from([None, "person", "person_time", "yuan", "item"])),
                repair_rule=None, source_id=draw(st.sampled_from(["s1", "s2", None])))


def _printed_rule(rows: list[dict], texts: dict) -> list:
    """printed_unit's rule row by row in Python: the unit and multiplier after the figure's
    first place in the normalised quote, or, when the quote ends with it, in the source."""
    out = []
    for i, r in enumerate(rows):
        q, p = normalise(r["quote"]), normalise(r["printed"])
        at = q.find(p)
        if at < 0:
            continue
        s = q
        if at + len(p) == len(q):
            text = texts.get(r["source_id"])
            where = text.find(q) if text else -1
            s, at = (text, where + at) if where >= 0 else (q, at)
        if tail := curation._UNIT_AFTER.match(s, at + len(p)).group():
            out += curation._printed_flags([dict(r, __row=i, rule=r["repair_rule"], p=p)], [tail])
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(_printed_row(), min_size=1, max_size=10))
def test_the_printed_query_keeps_every_row_the_rule_flags(rows):
    df = pd.DataFrame(rows, dtype=object)
    expected = _printed_rule(rows, {"s1": SOURCE})
    assert curation.printed_unit(df, {"s1": SOURCE}) == expected
    assert curation.printed_unit(in_database(df), {"s1": SOURCE}) == expected


@st.composite
def _part_row(draw):
    pick = lambda *values: draw(st.sampled_from(values))
    return dict(id=pick("a", "b", "c", None), parent_id=pick(None, "a", "b", "x"), region_code=pick("361100", "361104", None),
                year=pick(2019, 2020, None), period=pick("year", "first_half", None), value=pick(None, 1.0),
                note=pick(None, "Region differs from its total: a district", "year of the total", "period differs"))


def _parts_rule(rows: list[dict]) -> list[tuple]:
    """part_dimensions' rule row by row: each part against the first row with its parent's id."""
    first = {}
    for r in rows:
        first.setdefault(r["id"], r)
    out = []
    for dim in curation.PART_DIMENSIONS:
        for i, r in enumerate(rows):
            total = first.get(r["parent_id"]) if r["parent_id"] is not None else None
            if total is None or None in (r[dim], total[dim]) or r[dim] == total[dim]:
                continue
            note = (r["note"] or "").lower()
            if (dim == "region_code" and r["value"] is None) or (dim.split("_")[0] in note and ("total" in note or "differ" in note)):
                continue
            out.append((i, dim))
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(_part_row(), min_size=1, max_size=10))
def test_the_parts_query_flags_every_part_the_rule_flags(rows):
    df = pd.DataFrame(rows).astype({"year": "Int64"})
    assert [f[:2] for f in curation.part_dimensions(df)] == _parts_rule(rows)


def test_a_span_a_line_break_splits_is_still_a_span():
    row = dict(FIN, period="year", quote="十三五\n期间，全县教育支出239.96亿元")
    assert [f[1] for f in curation.multi_year(frame("finance", [row]))] == ["period"]
    assert [f[1] for f in curation.multi_year(in_database(frame("finance", [row])))] == ["period"]
