"""scripts/numbers.py: every expression form of the five reports, repairs, failures, properties.

Expected values are typed from reading the source texts, never produced by running the code.
"""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import numbers  # noqa: E402
from scripts.numbers import (COMPATIBLE_UNITS, REPAIR_RULES, ROW_UNITS, UNIT_CODES,  # noqa: E402
                             NumberParseError, is_compatible, normalise, parse, repair)

W, Y = 10**4, 10**8

# (printed, number, multiplier, value, value_max, unit, canonical_unit, qualifier)
FORMS = [
    # Arabic digits, decimals, thousands separators, stray spaces
    ("1,897.41525万元", "1897.41525", W, "18974152.5", None, "元", "yuan", "exact"),
    ("239.96 亿元", "239.96", Y, "23996000000", None, "元", "yuan", "exact"),
    ("12751.098万元", "12751.098", W, "127510980", None, "元", "yuan", "exact"),
    ("5412.5583万元", "5412.5583", W, "54125583", None, "元", "yuan", "exact"),
    ("0.56万元", "0.56", W, "5600", None, "元", "yuan", "exact"),
    ("1608.23元", "1608.23", 1, "1608.23", None, "元", "yuan", "exact"),
    ("12.67亿元", "12.67", Y, "1267000000", None, "元", "yuan", "exact"),
    ("135.52亿元", "135.52", Y, "13552000000", None, "元", "yuan", "exact"),
    ("1.8亿元", "1.8", Y, "180000000", None, "元", "yuan", "exact"),
    ("61902万元", "61902", W, "619020000", None, "元", "yuan", "exact"),
    ("2.66万个", "2.66", W, "26600", None, "个", "item", "exact"),
    ("11242人", "11242", 1, "11242", None, "人", "person", "exact"),
    ("220051人次", "220051", 1, "220051", None, "人次", "person_time", "exact"),
    ("53675名", "53675", 1, "53675", None, "名", "person", "exact"),
    ("79.25%", "79.25", 1, "79.25", None, "%", "percent", "exact"),
    ("104%", "104", 1, "104", None, "%", "percent", "exact"),
    ("337492平方米", "337492", 1, "337492", None, "平方米", "square_metre", "exact"),
    ("55641平方", "55641", 1, "55641", None, "平方", "square_metre", "exact"),
    ("7845米", "7845", 1, "7845", None, "米", "metre", "exact"),
    ("4913立方米", "4913", 1, "4913", None, "立方米", "cubic_metre", "exact"),
    ("1877台件套", "1877", 1, "1877", None, "台件套", "set", "exact"),
    ("127300册", "127300", 1, "127300", None, "册", "volume", "exact"),
    ("16874套", "16874", 1, "16874", None, "套", "set", "exact"),
    ("72 所", "72", 1, "72", None, "所", "school", "exact"),
    ("2500 元", "2500", 1, "2500", None, "元", "yuan", "exact"),
    ("234个班级", "234", 1, "234", None, "个班级", "class", "exact"),
    ("113个班", "113", 1, "113", None, "个班", "class", "exact"),
    ("3个项目", "3", 1, "3", None, "个项目", "project", "exact"),
    ("1235份", "1235", 1, "1235", None, "份", "item", "exact"),
    ("16户", "16", 1, "16", None, "户", "household", "exact"),
    ("131幅", "131", 1, "131", None, "幅", "item", "exact"),
    ("616家", "616", 1, "616", None, "家", "item", "exact"),
    ("300条", "300", 1, "300", None, "条", "item", "exact"),
    ("2期", "2", 1, "2", None, "期", "item", "exact"),
    ("96.5分", "96.5", 1, "96.5", None, "分", "point", "exact"),
    ("8倍", "8", 1, "8", None, "倍", "number", "exact"),
    ("11年", "11", 1, "11", None, "年", "year", "exact"),
    ("6周岁", "6", 1, "6", None, "周岁", "year", "exact"),
    ("100周年", "100", 1, "100", None, "周年", "year", "exact"),
    ("22天", "22", 1, "22", None, "天", "day", "exact"),
    ("6轮", "6", 1, "6", None, "轮", "time", "exact"),
    ("1.39", "1.39", 1, "1.39", None, None, None, "exact"),
    ("68.46万", "68.46", W, "684600", None, None, None, "exact"),
    ("665平方公里", "665", 1, "665", None, "平方公里", "square_kilometre", "exact"),
    ("0.5个百分点", "0.5", 1, "0.5", None, "个百分点", "percentage_point", "exact"),
    # full-width digits and punctuation
    ("１２３４", "1234", 1, "1234", None, None, None, "exact"),
    ("５０％", "50", 1, "50", None, "%", "percent", "exact"),
    ("１，８９７．４１５２５万元", "1897.41525", W, "18974152.5", None, "元", "yuan", "exact"),
    # Chinese numerals (cn2an)
    ("一千二百", "1200", 1, "1200", None, None, None, "exact"),
    ("两万", "2", W, "20000", None, None, None, "exact"),
    ("三", "3", 1, "3", None, None, None, "exact"),
    ("七所", "7", 1, "7", None, "所", "school", "exact"),
    ("十九", "19", 1, "19", None, None, None, "exact"),
    ("三十五", "35", 1, "35", None, None, None, "exact"),
    ("三十五届", "35", 1, "35", None, "届", "item", "exact"),
    ("两年", "2", 1, "2", None, "年", "year", "exact"),
    ("一百个", "100", 1, "100", None, "个", "item", "exact"),
    ("贰拾", "20", 1, "20", None, None, None, "exact"),
    ("一亿二千万", "120000000", 1, "120000000", None, None, None, "exact"),
    # qualifiers, wherever they sit
    ("1266万余元", "1266", W, "12660000", None, "元", "yuan", "at_least"),
    ("9万多平方米", "9", W, "90000", None, "平方米", "square_metre", "at_least"),
    ("近94万", "94", W, "940000", None, None, None, "approximately"),
    ("300余场次", "300", 1, "300", None, "场次", "time", "at_least"),
    ("2000多万", "2000", W, "20000000", None, None, None, "at_least"),
    ("500多万元", "500", W, "5000000", None, "元", "yuan", "at_least"),
    ("5万余人次", "5", W, "50000", None, "人次", "person_time", "at_least"),
    ("200余万人次", "200", W, "2000000", None, "人次", "person_time", "at_least"),
    ("9000余个", "9000", 1, "9000", None, "个", "item", "at_least"),
    ("近5亿元", "5", Y, "500000000", None, "元", "yuan", "approximately"),
    ("1.1万余名", "1.1", W, "11000", None, "名", "person", "at_least"),
    ("1名以上", "1", 1, "1", None, "名", "person", "at_least"),
    ("70%以上", "70", 1, "70", None, "%", "percent", "at_least"),
    ("1%以上", "1", 1, "1", None, "%", "percent", "at_least"),
    ("近三年", "3", 1, "3", None, "年", "year", "approximately"),
    ("近4.6万", "4.6", W, "46000", None, None, None, "approximately"),
    ("近30万人", "30", W, "300000", None, "人", "person", "approximately"),
    ("近10万人次", "10", W, "100000", None, "人次", "person_time", "approximately"),
    ("近60%", "60", 1, "60", None, "%", "percent", "approximately"),
    ("超过1000人", "1000", 1, "1000", None, "人", "person", "at_least"),
    ("逾300所", "300", 1, "300", None, "所", "school", "at_least"),
    ("约5万元", "5", W, "50000", None, "元", "yuan", "approximately"),
    ("10个左右", "10", 1, "10", None, "个", "item", "approximately"),
    ("90%以上", "90", 1, "90", None, "%", "percent", "at_least"),
    ("0.5个百分点以上", "0.5", 1, "0.5", None, "个百分点", "percentage_point", "at_least"),
    ("1小时以上", "1", 1, "1", None, "小时", "hour", "at_least"),
    ("55人以内", "55", 1, "55", None, "人", "person", "at_most"),
    ("50人内", "50", 1, "50", None, "人", "person", "at_most"),
    ("2000人以下", "2000", 1, "2000", None, "人", "person", "at_most"),
    ("未超55人", "55", 1, "55", None, "人", "person", "at_most"),
    ("不足300人", "300", 1, "300", None, "人", "person", "at_most"),
    ("不超过50人", "50", 1, "50", None, "人", "person", "at_most"),
    # ranges
    ("5-8个", "5", 1, "5", "8", "个", "item", "range"),
    ("2-3所", "2", 1, "2", "3", "所", "school", "range"),
    ("1-2个", "1", 1, "1", "2", "个", "item", "range"),
    ("6-14岁", "6", 1, "6", "14", "岁", "year", "range"),
    ("2—3所", "2", 1, "2", "3", "所", "school", "range"),
    ("2–3所", "2", 1, "2", "3", "所", "school", "range"),
    ("2~3所", "2", 1, "2", "3", "所", "school", "range"),
    ("2至3所", "2", 1, "2", "3", "所", "school", "range"),
    ("2－3所", "2", 1, "2", "3", "所", "school", "range"),
    ("两到三所", "2", 1, "2", "3", "所", "school", "range"),
    ("2-3万元", "2", W, "20000", "30000", "元", "yuan", "range"),
]


@pytest.mark.parametrize("printed, number, multiplier, value, value_max, unit, canonical, qualifier", FORMS,
                         ids=[f[0] for f in FORMS])
def test_parse_forms(printed, number, multiplier, value, value_max, unit, canonical, qualifier):
    p = parse(printed)
    assert p.text == printed
    assert p.number == Decimal(number)
    assert p.multiplier == multiplier
    assert p.value == Decimal(value)
    assert p.value_max == (Decimal(value_max) if value_max is not None else None)
    assert p.unit == unit
    assert p.canonical_unit == canonical
    assert p.qualifier == qualifier


def test_values_are_exact_decimals_not_floats():
    p = parse("12751.098万元")
    assert isinstance(p.value, Decimal) and str(p.value) == "127510980"
    assert str(parse("1,897.41525万元").value) == "18974152.5"


# ---------------------------------------------------------------- failures

BAD = [
    ("", 'cannot parse "": empty expression'),
    (" \n\u3000", 'cannot parse " \n\u3000": empty expression'),
    ("abc万元", 'cannot parse "abc万元": no digits'),
    ("1.2.3", 'cannot parse "1.2.3": two decimal points'),
    ("百", 'cannot parse "百": bare 百 without a leading digit (write 一百)'),
    ("百名", 'cannot parse "百名": bare 百 without a leading digit (write 一百)'),
    ("万元", 'cannot parse "万元": bare 万 without a leading digit (write 一万)'),
    ("一二", 'cannot parse "一二": "一二" is not a valid Chinese numeral'),
    ("8、86%", "cannot parse \"8、86%\": 、 between digits is an enumeration comma, not a decimal point "
               "(a damaged scrape needs repair('dunhao_decimal', ...))"),
    ("1.39、1.52", "cannot parse \"1.39、1.52\": 、 between digits is an enumeration comma, not a decimal "
                   "point (a damaged scrape needs repair('dunhao_decimal', ...))"),
    ("1,23万", 'cannot parse "1,23万": misplaced thousands separator (groups of three digits expected)'),
    ("近300余人", 'cannot parse "近300余人": conflicting qualifiers (approximately, at_least)'),
    ("5-3个", 'cannot parse "5-3个": range upper end 3 is below its lower end 5'),
    ("2500元/人", 'cannot parse "2500元/人": unexpected text "/人" after "2500元"'),
    ("约3-5所", 'cannot parse "约3-5所": conflicting qualifiers (approximately, range)'),
    ("12xyz", 'cannot parse "12xyz": unexpected text "xyz" after "12"'),
]


@pytest.mark.parametrize("text, message", BAD, ids=[repr(b[0]) for b in BAD])
def test_parse_refuses_with_exact_message(text, message):
    with pytest.raises(NumberParseError) as info:
        parse(text)
    assert str(info.value) == message


def test_number_parse_error_is_a_value_error():
    assert issubclass(NumberParseError, ValueError)


# ---------------------------------------------------------------- repairs

DAMAGED = [  # as printed in 004_5bf3f2414820f15a.txt, value typed from reading it
    ("67\n3、5875万元", "6735875"),
    ("9\n8、86%", "98.86"),
    ("9\n8、81%", "98.81"),
    ("9\n8、89%", "98.89"),
    ("18、49%", "18.49"),
    ("9\n9、4%", "99.4"),
    ("47\n2、34万元", "4723400"),
    ("50\n6、8万元", "5068000"),
    ("5\n9、9万元", "599000"),
    ("32\n3、5万元", "3235000"),
    ("35\n2、5万元", "3525000"),
    ("53\n8、7万元", "5387000"),
    ("60\n9、45万元", "6094500"),
    ("1、14亿元", "114000000"),
    ("2、134亿元", "213400000"),
]


@pytest.mark.parametrize("printed, value", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_dunhao_decimal_repair(printed, value):
    assert parse(repair("dunhao_decimal", normalise(printed))).value == Decimal(value)


def test_damaged_form_is_not_parsed_without_repair():
    with pytest.raises(NumberParseError):
        parse(normalise("67\n3、5875万元"))


def test_repair_example_from_the_brief():
    assert parse(repair("dunhao_decimal", normalise("67\n3、5875万元"))).value == Decimal("6735875")
    assert repair("dunhao_decimal", normalise("67\n3、5875万元")) == "673.5875万元"


def test_repair_leaves_undamaged_text_alone_and_never_hides_an_enumeration():
    assert repair("dunhao_decimal", "79.25%") == "79.25%"
    assert repair("dunhao_decimal", "小学98个、初中136个") == "小学98个、初中136个"
    with pytest.raises(NumberParseError, match="two decimal points"):
        parse(repair("dunhao_decimal", "1.39、1.52"))


def test_unknown_repair_rule():
    with pytest.raises(NumberParseError) as info:
        repair("no_such_rule", "1、5万元")
    assert str(info.value) == f'unknown repair rule "no_such_rule" (known: {", ".join(sorted(REPAIR_RULES))})'


def test_repair_rules_are_documented():
    assert REPAIR_RULES["dunhao_decimal"].startswith("the enumeration comma 、 printed in place of a decimal point")
    doc = ROOT / "docs" / "repair-rules.md"
    if doc.exists():
        for rule in REPAIR_RULES:
            assert f"`{rule}`" in doc.read_text(encoding="utf-8")


# ---------------------------------------------------------------- normalise

def test_normalise_removes_all_whitespace_and_folds_full_width():
    assert normalise(" 1\t2\r\n3\u3000４\u00a0５％ ") == "12345%"
    assert normalise("１，８９７．４１５２５万元") == "1,897.41525万元"
    assert normalise("２－３所") == "2-3所"
    assert normalise("67\n3、5875万元") == "673、5875万元"
    assert normalise("9 月 29日") == "9月29日"


@given(st.text())
def test_normalise_is_idempotent(s):
    once = normalise(s)
    assert normalise(once) == once
    assert not any(ch.isspace() for ch in once)


# ---------------------------------------------------------------- units

def test_persons_and_person_times_never_mix():
    assert "person_time" not in COMPATIBLE_UNITS["person"]
    assert "person" not in COMPATIBLE_UNITS["person_time"]
    assert not is_compatible("person", "person_time")
    assert not is_compatible("person_time", "person")
    assert UNIT_CODES["人"] == UNIT_CODES["名"] == "person"
    assert UNIT_CODES["人次"] == "person_time"


def test_compatible_units():
    assert COMPATIBLE_UNITS["item"] == frozenset({"item", "place", "project", "class", "school"})
    assert COMPATIBLE_UNITS["yuan"] == frozenset({"yuan"})
    assert COMPATIBLE_UNITS["square_kilometre"] == frozenset()
    assert all(is_compatible(None, unit) for unit in ROW_UNITS)     # no printed unit: fits all
    assert not is_compatible("square_metre", "metre")
    for code in set(UNIT_CODES.values()):
        assert code in COMPATIBLE_UNITS, code
    for allowed in COMPATIBLE_UNITS.values():
        assert allowed <= ROW_UNITS


def test_row_units_are_the_datapackage_unit_enum():
    descriptor = ROOT / "datapackage.json"
    if not descriptor.exists():
        pytest.skip("datapackage.json not there yet")
    enums = {tuple(f["constraints"]["enum"])
             for r in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
             for f in r.get("schema", {}).get("fields", [])
             if f["name"] == "unit" and "enum" in f.get("constraints", {})}
    assert enums, "no unit enum found"
    for enum in enums:
        assert set(enum) == ROW_UNITS


# ---------------------------------------------------------------- round trip

MULTIPLIER_WORDS = [("", 1), ("千", 10**3), ("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]
QUALIFIER_FORMS = [("", "", "", "exact"), ("近", "", "", "approximately"), ("约", "", "", "approximately"),
                   ("超过", "", "", "at_least"), ("", "余", "", "at_least"), ("", "多", "", "at_least"),
                   ("", "", "以上", "at_least"), ("", "", "左右", "approximately"),
                   ("", "", "以内", "at_most"), ("不超过", "", "", "at_most")]
decimals = st.integers(0, 6).flatmap(lambda places: st.decimals(
    min_value=0, max_value=10**9, places=places, allow_nan=False, allow_infinity=False))


@given(number=decimals, mult=st.sampled_from(MULTIPLIER_WORDS),
       unit=st.sampled_from([None] + sorted(UNIT_CODES)), qual=st.sampled_from(QUALIFIER_FORMS),
       commas=st.booleans(), spaced=st.booleans(), wide=st.booleans())
def test_format_then_parse_round_trips(number, mult, unit, qual, commas, spaced, wide):
    word, factor = mult
    prefix, infix, suffix, qualifier = qual
    digits = format(number, ",f" if commas else "f")
    if wide:
        digits = digits.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.,"})
    gap = "\n " if spaced else ""
    text = f"{prefix}{digits}{infix}{gap}{word}{gap}{unit or ''}{suffix}"
    p = parse(text)
    assert p.number == number
    assert p.multiplier == factor
    assert p.value == number * factor
    assert p.value_max is None
    assert p.unit == unit
    assert p.canonical_unit == (UNIT_CODES[unit] if unit else None)
    assert p.qualifier == qualifier


@given(low=st.integers(0, 10**6), extra=st.integers(0, 10**6), sep=st.sampled_from(list("-—–~至到")),
       mult=st.sampled_from(MULTIPLIER_WORDS))
def test_ranges_round_trip(low, extra, sep, mult):
    word, factor = mult
    p = parse(f"{low}{sep}{low + extra}{word}所")
    assert (p.value, p.value_max, p.qualifier) == (low * factor, (low + extra) * factor, "range")


@given(st.integers(1, 99999999))
def test_chinese_numerals_round_trip(n):
    import cn2an
    text = cn2an.an2cn(n)
    assert parse(text).value == n


def test_longest_key_by_regex_is_the_longest_key_tried_one_by_one():
    from scripts import numbers

    def one_by_one(table, s, pos):
        best = None
        for key in table:
            if s.startswith(key, pos) and (best is None or len(key) > len(best)):
                best = key
        return best

    tables = [numbers.UNIT_CODES, numbers.MULTIPLIERS, numbers.PREFIX_QUALIFIERS, numbers.INFIX_QUALIFIERS,
              numbers.SUFFIX_QUALIFIERS, {}]
    texts = ["人次", "人", "个项目", "个班级", "个", "万亿元", "万元", "台件套", "平方米", "平方公里", "以上", "内", "未超过", "x"]
    for table in tables:
        for s in texts:
            for pos in range(len(s) + 1):
                assert numbers._longest(table, s, pos) == one_by_one(table, s, pos), (s, pos)


@given(st.text(alphabet="０１９５％．，－0.,-% \\t\\n\\u3000\\u00a0\\u200b\\ufeff一万元所a", max_size=30))
def test_normalise_translates_only_when_a_character_needs_it(text):
    from scripts.numbers import _FULLWIDTH, _WHITESPACE, normalise
    assert normalise(text) == _WHITESPACE.sub("", text.translate(_FULLWIDTH))


@pytest.mark.parametrize("printed,repaired,value", [
    ("1.4l亿元", "1.41亿元", "141000000"),        # Zhumadian 2006: 两免一补 funds
    ("l00亿元", "100亿元", "10000000000"),
    ("1O%", "10%", "10"),
    ("2l万", "21万", "210000"),
    ("4I.5万元", "41.5万元", "415000"),
    ("3o.5%", "30.5%", "30.5"),
])
def test_latin_letter_digit_repair(printed, repaired, value):
    assert repair("latin_letter_digit", printed) == repaired
    assert parse(repair("latin_letter_digit", printed)).value == Decimal(value)
    with pytest.raises(NumberParseError):
        parse(printed)        # never read without the named rule


@pytest.mark.parametrize("text", ["12.5万元", "元l", "Ol", "l万元"])
def test_latin_letter_digit_leaves_letters_not_touching_a_digit(text):
    assert repair("latin_letter_digit", text) == text


def test_each_repair_rule_is_in_the_code_list_of_every_topic_table():
    from scripts.metadata import topic_tables
    for t in topic_tables():
        assert set(t.field("repair_rule")["constraints"]["enum"]) == set(REPAIR_RULES), t.name


# The short cut for plain figures must agree with the general reader on every text: the same
# Parsed, or the same refusal.
_PIECES = ["0", "1", "7", "12", "305", ".", ",", "、", "5.25", "１", "万", "亿", "千", "千万", "万亿", "余", "多",
           "以上", "以下", "内", "左右", "近", "约", "将近", "超过", "不足", "-", "至", "五", "人", "人次", "元", "%", "％",
           "所", "个", "名", "万元", " ", "\u3000", "l"]


def _same_outcome(text: str) -> None:
    """parse (short cut first) and the general reader give the same Parsed, or the same refusal."""
    def outcome(f):
        try:
            return f(text)
        except numbers.NumberParseError as exc:
            return str(exc)
    assert outcome(numbers.parse.__wrapped__) == outcome(numbers._parse_general)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + sorted(numbers.UNIT_CODES)), min_size=1, max_size=5).map("".join))
def test_plain_figure_short_cut_agrees_with_the_general_reader(text):
    _same_outcome(text)


_optional = lambda table: st.sampled_from(["", *sorted(table)])


@settings(max_examples=2000, deadline=None)
@given(st.tuples(_optional(numbers.PREFIX_QUALIFIERS), st.sampled_from(["3", "12.5", "0.75", "2026", "1,000", "5-6"]),
                 _optional(numbers.INFIX_QUALIFIERS), _optional(numbers.MULTIPLIERS), _optional(numbers.INFIX_QUALIFIERS),
                 _optional(numbers.UNIT_CODES), _optional(numbers.SUFFIX_QUALIFIERS)).map("".join))
def test_short_cut_agrees_on_every_combination_of_the_readers_steps(text):
    """Texts built step by step as the reader reads them (conflicting qualifiers, two multipliers,
    a unit that swallows a qualifier's first character ...), where the short cut is most often taken."""
    _same_outcome(text)


def test_conflicting_qualifiers_are_refused_by_the_short_cut_too():
    with pytest.raises(numbers.NumberParseError, match="conflicting qualifiers"):
        numbers.parse.__wrapped__("近3000余人")


def test_plain_figure_short_cut_is_taken_for_digits_qualifiers_multipliers_and_a_unit():
    for text in ("19571人", "95.47%", "3000余人", "近3.5万人次", "1.2亿元以上", "约3万多人"):
        assert numbers._plain_figure().fullmatch(text), text
    for text in ("1,000人", "5-6所", "五千人", "3万-4万元"):   # thousands separators, ranges, Chinese numerals
        assert not numbers._plain_figure().fullmatch(text), text


# The whitespace rule as SQL (numbers.normalise_sql), which the set-based checks run over whole
# columns in DuckDB, removes and folds exactly what normalise does.

def _sql_normalise(text: str) -> str:
    import duckdb
    return duckdb.sql(f"SELECT {numbers.normalise_sql('$t')}", params={"t": text}).fetchone()[0]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1２３。％．，－\t\n\r\u3000\u00a0\u200b\ufeff\u2028\x1c\x85,.%-")), max_size=30))
def test_sql_normalise_equals_the_python_rule(text):
    assert _sql_normalise(text) == normalise(text)


def test_sql_normalise_on_every_unicode_space_and_folded_character():
    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace()) + "\u200b\u200c\u200d\ufeff"
    cells = ["１２，３４５．６％万元", "12 751.098\u3000万元", "a\tb\nc\r\n d", spaces, "发放资助金" + spaces + "12751.098",
             "－５", "x\u00a0y\u2028z", "no space"]
    assert [_sql_normalise(c) for c in cells] == [normalise(c) for c in cells]


def test_whitespace_rule_removes_nothing_above_the_scanned_range_but_the_bom():
    above = [c for c in range(numbers.WHITESPACE_BELOW, 0x110000) if numbers._WHITESPACE.fullmatch(chr(c))]
    assert above == [0xFEFF]
