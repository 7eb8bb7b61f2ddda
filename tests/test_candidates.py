"""scripts/candidates.py on the five archived reports: known figures, the damaged scrape, coverage.

Offsets are computed with text.index('<verbatim snippet>') plus a fixed delta; expected values
are typed from reading the texts.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.candidates import HINTS, STOP_WORDS, Candidate, find_candidates, main  # noqa: E402

SEEDS = ["000_db9a4433567e169a.txt", "001_3bb2fbb35436ada5.txt", "002_2ff0047ae87db9e5.txt",
         "003_2b34012c7b8c070a.txt", "004_5bf3f2414820f15a.txt"]


def _sources() -> Path:
    """The archived copies in sources/; the shared seeds until the package has archived them."""
    archived = ROOT / "sources"
    if all((archived / name).is_file() for name in SEEDS):
        return archived
    return Path("/work/shared/seeds")


_cache: dict[str, tuple[str, list[Candidate]]] = {}


def load(name: str) -> tuple[str, list[Candidate]]:
    if name not in _cache:
        text = (_sources() / name).read_text(encoding="utf-8")
        _cache[name] = text, find_candidates(text)
    return _cache[name]


def at(name: str, snippet: str, delta: int = 0) -> Candidate:
    """The candidate that starts at text.index(snippet) + delta (fails if there is none)."""
    text, found = load(name)
    offset = text.index(snippet) + delta
    hits = [c for c in found if c.offset == offset]
    assert hits, f"no candidate at {offset} ({snippet!r}+{delta}); near: " + \
        repr([(c.offset, c.text) for c in found if abs(c.offset - offset) < 20])
    return hits[0]


def check(c: Candidate, text: str, value: str | None = None, unit: str | None = None,
          qualifier: str = "exact", hint: str = "figure", value_max: str | None = None) -> None:
    assert c.text == text
    assert c.hint == hint
    if value is not None:
        assert c.parsed is not None, c.error
        assert c.parsed.value == Decimal(value)
        assert c.parsed.canonical_unit == unit
        assert c.parsed.qualifier == qualifier
        assert c.parsed.value_max == (Decimal(value_max) if value_max else None)


# ---------------------------------------------------------------- 000 Shangrao

S0 = SEEDS[0]


@pytest.mark.parametrize("snippet, delta, text, value, unit, qualifier", [
    ("12751.098万元", 0, "12751.098万元", "127510980", "yuan", "exact"),
    ("5412.5583万元", 0, "5412.5583万元", "54125583", "yuan", "exact"),
    ("134.2万元", 0, "134.2万元", "1342000", "yuan", "exact"),
    ("就业率79.25%", 3, "79.25%", "79.25", "percent", "exact"),
    ("总人数11242人", 3, "11242人", "11242", "person", "exact"),
    ("资助各学段学生220051人次", 7, "220051人次", "220051", "person_time", "exact"),
    ("可增加学位2.66万个", 5, "2.66万个", "26600", "item", "exact"),
    ("8.56亿元", 0, "8.56亿元", "856000000", "yuan", "exact"),
    ("337492平方米", 0, "337492平方米", "337492", "square_metre", "exact"),
    ("学生宿舍55641平方", 4, "55641平方", "55641", "square_metre", "exact"),
    ("围墙7845米", 2, "7845米", "7845", "metre", "exact"),
    ("4913立方米", 0, "4913立方米", "4913", "cubic_metre", "exact"),
    ("生活设施1877台件套", 4, "1877台件套", "1877", "set", "exact"),
    ("127300册", 0, "127300册", "127300", "volume", "exact"),
    ("16874套", 0, "16874套", "16874", "set", "exact"),
    ("完成率104%", 3, "104%", "104", "percent", "exact"),
    ("234个班级", 0, "234个班级", "234", "class", "exact"),
    ("均未超55人", 1, "未超55人", "55", "person", "at_most"),
    ("（55人以上", 1, "55人以上", "55", "person", "at_least"),
    ("初中50人内", 2, "50人内", "50", "person", "at_most"),
    ("2000人以下", 0, "2000人以下", "2000", "person", "at_most"),
    ("上饶四所高校", 2, "四所", "4", "school", "exact"),
    ("三江总校等七所学校", 5, "七所", "7", "school", "exact"),
    ("布局两年攻坚", 2, "两年", "2", "year", "exact"),
    ("开展五类学生", 2, "五类", "5", "item", "exact"),
    ("共承接2期192人", 3, "2期", "2", "item", "exact"),
])
def test_shangrao_figures(snippet, delta, text, value, unit, qualifier):
    check(at(S0, snippet, delta), text, value, unit, qualifier)


def test_shangrao_non_figures():
    check(at(S0, "〔2020〕11 号"), "〔2020〕11 号", hint="document_number")
    check(at(S0, "〔2020〕9 号"), "〔2020〕9 号", hint="document_number")
    check(at(S0, "（2020年11月13日）", 1), "2020年11月13日", hint="date")
    check(at(S0, "截至9月23日", 2), "9月23日", hint="date")
    check(at(S0, "1.全力做好"), "1.", "1", None, hint="list_number")
    check(at(S0, "[bookmark: _GoBack]3.", 19), "3.", "3", None, hint="list_number")
    check(at(S0, "一、抓好"), "一、", "1", None, hint="list_number")
    check(at(S0, "广信区第五幼儿园", 3), "第五", "5", None, hint="ordinal")


def test_shangrao_number_before_a_parenthesis_has_no_unit():
    check(at(S0, "3139（含新增）人"), "3139", "3139", None)


# ---------------------------------------------------------------- 001 Jingjiang

S1 = SEEDS[1]


@pytest.mark.parametrize("snippet, delta, text, value, unit, qualifier", [
    ("12.67亿元", 0, "12.67亿元", "1267000000", "yuan", "exact"),
    ("0.56万元", 0, "0.56万元", "5600", "yuan", "exact"),
    ("1608.23元", 0, "1608.23元", "1608.23", "yuan", "exact"),
    ("1266万余元", 0, "1266万余元", "12660000", "yuan", "at_least"),
    ("300余场次", 0, "300余场次", "300", "time", "at_least"),
    ("配备1名以上", 2, "1名以上", "1", "person", "at_least"),
    ("下降1%以上", 2, "1%以上", "1", "percent", "at_least"),
    ("每天1小时以上", 2, "1小时以上", "1", "hour", "at_least"),
    ("人口68.46万", 2, "68.46万", "684600", None, "exact"),
    ("665平方公里", 0, "665平方公里", "665", "square_kilometre", "exact"),
    ("不足300人", 0, "不足300人", "300", "person", "at_most"),
    ("自评得分96.5分", 4, "96.5分", "96.5", "point", "exact"),
    ("的8倍", 1, "8倍", "8", "number", "exact"),
    ("学校105所", 2, "105所", "105", "school", "exact"),
    ("在校学生73110人", 4, "73110人", "73110", "person", "exact"),
    ("学前三年入园率", 2, "三年", "3", "year", "exact"),
    ("新增靖江市三级骨干", 5, "三级", "3", "item", "exact"),
])
def test_jingjiang_figures(snippet, delta, text, value, unit, qualifier):
    check(at(S1, snippet, delta), text, value, unit, qualifier)


def test_jingjiang_enumerated_ratios_are_two_candidates():
    check(at(S1, "1.39、1.52"), "1.39", "1.39", None)
    check(at(S1, "1.39、1.52", 5), "1.52", "1.52", None)
    check(at(S1, "0.36、0.31"), "0.36", "0.36", None)
    check(at(S1, "0.36、0.31", 5), "0.31", "0.31", None)


def test_jingjiang_non_figures():
    check(at(S1, "014437529/2021-00807"), "014437529/2021-00807", hint="document_number")
    check(at(S1, "2021-05-10"), "2021-05-10", hint="date")
    check(at(S1, "“十四五”教育", 1), "十四五", hint="plan_name")
    check(at(S1, "“5+2”", 1), "5+2", hint="plan_name")
    check(at(S1, "“1+X”", 1), "1+X", hint="plan_name")
    check(at(S1, "第三届"), "第三届", "3", "item", hint="ordinal")
    check(at(S1, "(一)完善"), "(一)", "1", None, hint="list_number")
    check(at(S1, "一是切实"), "一是", "1", None, hint="list_number")
    check(at(S1, "(2020-2024)", 1), "2020-2024", hint="date")
    check(at(S1, "2021年5月"), "2021年5月", hint="date")


def test_bare_hundred_is_reported_with_its_parse_error():
    c = at(S1, "每百名学生", 1)
    assert c.text == "百名" and c.parsed is None
    assert c.error == 'cannot parse "百名": bare 百 without a leading digit (write 一百)'


# ---------------------------------------------------------------- 002 Suizhou

S2 = SEEDS[2]


def test_suizhou():
    check(at(S2, "730845566/2019-94307"), "730845566/2019-94307", hint="document_number")
    check(at(S2, "2018-08-02 16:35"), "2018-08-02 16:35", hint="date")
    check(at(S2, "70%以上"), "70%以上", "70", "percent", "at_least")
    check(at(S2, "每生每年6000元", 4), "6000元", "6000", "yuan")
    check(at(S2, "任教1年以上", 2), "1年以上", "1", "year", "at_least")
    check(at(S2, "(2017-2020年)", 1), "2017-2020年", hint="date")
    check(at(S2, "第一期"), "第一期", "1", "item", hint="ordinal")
    check(at(S2, "建成一所公办", 2), "一所", "1", "school")
    check(at(S2, "入学率100%", 3), "100%", "100", "percent")
    check(at(S2, "“十三五”规划", 1), "十三五", hint="plan_name")


# ---------------------------------------------------------------- 003 Nanchang

S3 = SEEDS[3]


@pytest.mark.parametrize("snippet, delta, text, value, unit, qualifier, value_max", [
    ("135.52亿元", 0, "135.52亿元", "13552000000", "yuan", "exact", None),
    ("近94万", 0, "近94万", "940000", None, "approximately", None),
    ("1.1万余名", 0, "1.1万余名", "11000", "person", "at_least", None),
    ("200余万人次", 0, "200余万人次", "2000000", "person_time", "at_least", None),
    ("5万余人次", 0, "5万余人次", "50000", "person_time", "at_least", None),
    ("近4.6万", 0, "近4.6万", "46000", None, "approximately", None),
    ("近30万人", 0, "近30万人", "300000", "person", "approximately", None),
    ("近10万人次", 0, "近10万人次", "100000", "person_time", "approximately", None),
    ("1.8亿元", 0, "1.8亿元", "180000000", "yuan", "exact", None),
    ("8.4万人", 0, "8.4万人", "84000", "person", "exact", None),
    ("61902万元", 0, "61902万元", "619020000", "yuan", "exact", None),
    ("4273万元", 0, "4273万元", "42730000", "yuan", "exact", None),
    ("5-8个", 0, "5-8个", "5", "item", "range", "8"),
    ("2-3所", 0, "2-3所", "2", "school", "range", "3"),
    ("1-2个", 0, "1-2个", "1", "item", "range", "2"),
    ("0.5个百分点以上", 0, "0.5个百分点以上", "0.5", "percentage_point", "at_least", None),
    ("1776所", 0, "1776所", "1776", "school", "exact", None),
    ("共414人次", 1, "414人次", "414", "person_time", "exact", None),
    ("控制数教师1128名", 5, "1128名", "1128", "person", "exact", None),
])
def test_nanchang_figures(snippet, delta, text, value, unit, qualifier, value_max):
    check(at(S3, snippet, delta), text, value, unit, qualifier, value_max=value_max)


def test_nanchang_ordinals_plans_dates():
    check(at(S3, "第三十五届"), "第三十五届", "35", "item", hint="ordinal")
    check(at(S3, "党的十九届四中", 2), "十九届", "19", "item", hint="ordinal")
    check(at(S3, "十二次全会"), "十二次", "12", "time", hint="ordinal")
    check(at(S3, "“八五”", 1), "八五", hint="plan_name")
    check(at(S3, "(2018-2022年)", 1), "2018-2022年", hint="date")
    check(at(S3, "(2016—2020年)", 1), "2016—2020年", hint="date")
    check(at(S3, "“1+x”", 1), "1+x", hint="plan_name")
    check(at(S3, "1.党对教育"), "1.", "1", None, hint="list_number")
    check(at(S3, "共获一等奖3个", 2), "一等", "1", None, hint="ordinal")


def test_nanchang_stop_words_are_not_candidates():
    text, found = load(S3)
    covered = {i for c in found for i in range(c.offset, c.end)}
    for word in ("百分百", "一体化", "统一领导"):
        start = text.index(word)
        assert not covered & set(range(start, start + len(word))), word
    text, found = load(S1)
    start = text.index("千方百计")
    assert not [c for c in found if start <= c.offset < start + 4]
    assert "统一" in STOP_WORDS and "一体化" in STOP_WORDS


# ---------------------------------------------------------------- 004 Shuangfeng (damaged scrape)

S4 = SEEDS[4]

DAMAGED = [  # (snippet, delta to the first digit, candidate text, value after the repair)
    ("分别为9\n8、86%", 3, "9\n8、86%", "98.86"),
    ("86%、9\n8、81%", 4, "9\n8、81%", "98.81"),
    ("81%、9\n8、89%", 4, "9\n8、89%", "98.89"),
    ("学生的\n18、49%", 4, "18、49%", "18.49"),
    ("入学率达9\n9、4%", 4, "9\n9、4%", "99.4"),
    ("补助资金67\n3、5875万元", 4, "67\n3、5875万元", "6735875"),
    ("拨付资金47\n2、34万元", 4, "47\n2、34万元", "4723400"),
    ("补助资金50\n6、8万元", 4, "50\n6、8万元", "5068000"),
    ("补助资金5\n9、9万元", 4, "5\n9、9万元", "599000"),
    ("贷款资金32\n3、5万元", 4, "32\n3、5万元", "3235000"),
    ("贷款资金35\n2、5万元", 4, "35\n2、5万元", "3525000"),
    ("贷款资金53\n8、7万元", 4, "53\n8、7万元", "5387000"),
    ("贷款资金60\n9、45万元", 4, "60\n9、45万元", "6094500"),
    ("投入\n1、14亿元", 3, "1、14亿元", "114000000"),
    ("贷款\n2、134亿元", 3, "2、134亿元", "213400000"),
]


@pytest.mark.parametrize("snippet, delta, text, value", DAMAGED, ids=[d[2] for d in DAMAGED])
def test_damaged_decimal_is_one_candidate_never_parsed_silently(snippet, delta, text, value):
    source, found = load(S4)
    c = at(S4, snippet, delta)
    assert c.text == text and source[c.offset:c.end] == text
    assert c.hint == "figure"
    assert c.parsed is None and c.repair == "dunhao_decimal"
    assert f"reads {value} " in c.error and "dunhao_decimal" in c.error
    assert not [o for o in found if c.offset < o.offset < c.end]   # not split into 9 and 8、86%


def test_shuangfeng_has_exactly_the_fifteen_damaged_figures():
    _, found = load(S4)
    assert sorted(c.text for c in found if c.repair) == sorted(d[2] for d in DAMAGED)


@pytest.mark.parametrize("snippet, delta, text, value, unit, qualifier, value_max", [
    ("2000多万", 0, "2000多万", "20000000", None, "at_least", None),
    ("9万多平方米", 0, "9万多平方米", "90000", "square_metre", "at_least", None),
    ("近5亿元", 0, "近5亿元", "500000000", "yuan", "approximately", None),
    ("9000余个", 0, "9000余个", "9000", "item", "at_least", None),
    ("500多万元", 0, "500多万元", "5000000", "yuan", "at_least", None),
    ("援建学校72 所", 4, "72 所", "72", "school", "exact", None),
    ("标准为2500 元/人", 3, "2500 元", "2500", "yuan", "exact", None),
    ("全县6-14岁", 2, "6-14岁", "6", "year", "range", "14"),
    ("确保辍学学生及时返学。近三年", 11, "近三年", "3", "year", "approximately", None),
    ("120.45万元", 0, "120.45万元", "1204500", "yuan", "exact", None),
    ("投入5272万元", 2, "5272万元", "52720000", "yuan", "exact", None),
    ("4300万人", 0, "4300万人", "43000000", "person", "exact", None),
    ("近60%", 0, "近60%", "60", "percent", "approximately", None),
    ("10个左右", 0, "10个左右", "10", "item", "approximately", None),
    ("930人次93万元", 0, "930人次", "930", "person_time", "exact", None),
    ("930人次93万元", 5, "93万元", "930000", "yuan", "exact", None),
    ("控制在50人和55人以内", 7, "55人以内", "55", "person", "at_most", None),
    ("113个班", 0, "113个班", "113", "class", "exact", None),
    ("共实施22天", 3, "22天", "22", "day", "exact", None),
])
def test_shuangfeng_figures(snippet, delta, text, value, unit, qualifier, value_max):
    check(at(S4, snippet, delta), text, value, unit, qualifier, value_max=value_max)


def test_shuangfeng_lists_dates_and_names():
    check(at(S4, "怎样写\n1、2021职业", 4), "1、", "1", None, hint="list_number")
    check(at(S4, "怎样写\n1、2021职业", 6), "2021", hint="date")
    check(at(S4, "5、4g"), "5、", "5", None, hint="list_number")
    check(at(S4, "5、4g", 2), "4", "4", None)
    check(at(S4, "9 月 29日"), "9 月 29日", hint="date")
    check(at(S4, "7月6日至8日"), "7月6日至8日", hint="date")
    check(at(S4, "8月26日至29日"), "8月26日至29日", hint="date")
    check(at(S4, "建设2017-2019三年", 2), "2017-2019", hint="date")
    check(at(S4, "“九五”", 1), "九五", hint="plan_name")
    check(at(S4, "“十一五”", 1), "十一五", hint="plan_name")
    check(at(S4, "小学四年级", 2), "四年级", "4", None, hint="ordinal")
    check(at(S4, "第五名"), "第五名", "5", "person", hint="ordinal")


def test_shuangfeng_ordinary_words_with_financial_numerals_are_not_candidates():
    text, found = load(S4)
    start = text.index("队伍年龄")
    assert not [c for c in found if start <= c.offset < start + 4]


# ---------------------------------------------------------------- properties of every text

@pytest.mark.parametrize("name", SEEDS)
def test_every_digit_is_inside_a_candidate(name):
    text, found = load(name)
    covered = set()
    for c in found:
        covered.update(range(c.offset, c.end))
    missed = [(i, text[max(0, i - 5):i + 5]) for i, ch in enumerate(text) if ch.isdigit() and i not in covered]
    assert not missed


@pytest.mark.parametrize("name", SEEDS)
def test_candidates_are_sorted_verbatim_and_disjoint(name):
    text, found = load(name)
    assert found
    for c in found:
        assert text[c.offset:c.end] == c.text and c.text
        assert c.hint in HINTS
        assert (c.parsed is None) == (c.error is not None)
        assert "\n" not in c.context and f"⟦{c.text.replace(chr(10), '⏎')}⟧" in c.context
    for a, b in zip(found, found[1:]):
        assert a.end <= b.offset


ALPHABET = "0123456789０５.．,、%％-—~至 \n\t\u3000年月日号万亿千元人次个所第近约余多以上下内一二两三十百是(（)）〔〕/：。；:大g+X"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_any_text_every_digit_is_covered(text):
    found = find_candidates(text)
    covered = set()
    for c in found:
        assert text[c.offset:c.end] == c.text
        assert (c.parsed is None) == (c.error is not None)
        covered.update(range(c.offset, c.end))
    for a, b in zip(found, found[1:]):
        assert a.end <= b.offset
    assert all(i in covered for i, ch in enumerate(text) if ch.isdigit())


# ---------------------------------------------------------------- command line

def test_main_table(capsys):
    assert main([str(_sources() / S0)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["offset", "text", "value", "unit", "qualifier", "hint", "context"]
    row = next(line for line in out if "12751.098万元" in line.split()[1:2])
    assert row.split()[:6] == [str(load(S0)[0].index("12751.098万元")), "12751.098万元", "127510980",
                               "yuan", "exact", "figure"]


def test_main_csv_with_hint_filter(capsys):
    assert main([str(_sources() / S4), "--format", "csv", "--hint", "figure"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {r["hint"] for r in rows} == {"figure"}
    damaged = next(r for r in rows if r["text"] == "9⏎8、86%")
    assert damaged["value"] == "" and damaged["repair"] == "dunhao_decimal"


def test_main_json_keeps_exact_text(capsys):
    assert main([str(_sources() / S4), "--format", "json"]) == 0
    out = capsys.readouterr().out
    items = json.loads(out)
    assert len(out.strip().splitlines()) == len(items) + 2      # one candidate per line
    text, found = load(S4)
    assert [(i["offset"], i["text"]) for i in items] == [(c.offset, c.text) for c in found]
    first = next(i for i in items if i["text"] == "12390人")
    assert first["value"] == "12390" and first["unit"] == "person"


def test_missing_file_is_a_one_line_error(capsys, tmp_path):
    missing = tmp_path / "nope.txt"
    assert main([str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"error: {missing}: no such file\n"
    assert captured.out == ""


def test_module_runs_as_a_script(tmp_path):
    run = subprocess.run([sys.executable, "-m", "scripts.candidates", "nope.txt"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr == "error: nope.txt: no such file\n"
    sample = tmp_path / "s.txt"
    sample.write_text("共资助学生220051人次，发放资助金12751.098万元。", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "scripts.candidates", str(sample), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0
    assert [(i["offset"], i["value"], i["unit"]) for i in json.loads(run.stdout)] == \
        [(5, "220051", "person_time"), (19, "127510980", "yuan")]


@pytest.mark.parametrize("name", SEEDS)
def test_scan_finds_what_find_candidates_finds_and_parses_the_same_on_demand(name):
    from scripts.candidates import scan
    text, found = load(name)
    lazy = scan(text)
    assert [(f.offset, f.end, f.text, f.hint) for f in lazy] == [(c.offset, c.end, c.text, c.hint) for c in found]
    assert [(f.parsed, f.error, f.repair, f.context) for f in lazy] == [(c.parsed, c.error, c.repair, c.context) for c in found]


def _stopped_by_every_word(text, m):
    """The stop-word rule as first written: every word tried at every position that covers the numeral."""
    from scripts.numbers import CN_DIGITS
    start = m.start() + next(i for i, ch in enumerate(m.group()) if ch in CN_DIGITS)
    return any(text.startswith(word, start - k) for word in STOP_WORDS for k in range(len(word)) if start - k >= 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(STOP_WORDS) + ["一", "二十", "三所", "两年", "第一", "近三年", "，", "x", "\n"]),
                max_size=12))
def test_stop_words_by_first_character_match_every_word_tried(parts):
    from scripts.candidates import _CHINESE_KINDS, _MASTER, _stopped
    text = "".join(parts)
    for m in _MASTER.finditer(text):
        if m.lastgroup in _CHINESE_KINDS:
            assert _stopped(text, m) == _stopped_by_every_word(text, m), (text, m.group())


def _every_match(text):
    from scripts.candidates import _MASTER
    return [(m.start(), m.end(), m.lastgroup) for m in _MASTER.finditer(text)]


@pytest.mark.parametrize("name", SEEDS)
def test_jumping_between_first_characters_finds_every_match(name):
    from scripts.candidates import _matches
    text, _ = load(name)
    assert [(m.start(), m.end(), m.lastgroup) for m in _matches(text)] == _every_match(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0１2.、,，-~至年月日号第〔〕[]()（）一二十百万亿两零近约将大超未不足多余以上内左右所人次元%％\n \t:：+Xa是届", max_size=40))
def test_jumping_finds_every_match_in_any_text(text):
    from scripts.candidates import _matches
    assert [(m.start(), m.end(), m.lastgroup) for m in _matches(text)] == _every_match(text)


@pytest.mark.parametrize("text, figure, value", [
    ("发放“两免一补”资金1.4l亿元，资助学生", "1.4l亿元", "141000000"),
    ("工业增加值突破了l00亿元，比", "l00亿元", "10000000000"),
    ("增长1O％，其中", "1O％", "10"),
    ("改造中低产田2l万亩。", "2l万", "210000"),
])
def test_letter_for_digit_is_one_candidate_never_parsed_silently(text, figure, value):
    found = find_candidates(text)
    c = next(c for c in found if figure in c.text)
    assert c.text == figure and c.hint == "figure"
    assert c.parsed is None and c.repair == "latin_letter_digit"
    assert f"reads {value} " in c.error
    assert not [o for o in found if c.offset < o.offset < c.end]


@pytest.mark.parametrize("text", ["加快O2O交易服务平台建设", "PM2.5平均浓度", "“405O”人员4000人", "lO个"])
def test_letters_next_to_digits_in_names_are_not_damaged_figures(text):
    assert not [c for c in find_candidates(text) if c.repair]


def test_stray_space_at_a_decimal_point_is_one_candidate_read_without_repair():
    text = "二、三产业分别增长12 .2％和9. 9％；"
    found = [c for c in find_candidates(text) if c.hint == "figure"]
    assert [(c.text, str(c.parsed.value), c.repair) for c in found] == [("12 .2％", "12.2", None), ("9. 9％", "9.9", None)]
