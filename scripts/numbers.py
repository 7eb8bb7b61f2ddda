"""Parse Chinese numeric expressions into exact Decimals.

Every figure in a curated row is checked against the source by parsing its printed form
(`printed`) with `parse()`, so the parser must be exact (Decimal, never float) and must refuse
rather than guess: anything it cannot read raises `NumberParseError` naming the text and the
reason.

Grammar of one expression (after `normalise()`, which removes whitespace and folds full-width
digits and ％．，－ to ASCII):

    [prefix qualifier] number [range-sep number] [余|多] [multiplier] [余|多] [unit] [suffix qualifier]

- number: Arabic digits with an optional decimal part and optional thousands separators
  (`1,897.41525`), or a Chinese numeral read by `cn2an` in strict mode (两 is read as 二 and 〇
  as 零 first, so `两万`, `二〇` work; digit strings such as `一二` are refused, never read as 12).
  A Chinese numeral may not start with a bare 百/千/万/亿 (`百名` is refused: write 一百).
  A trailing 万/亿 of a Chinese numeral is split off as the multiplier (`两万` -> 2 x 10^4).
- range separators: - — – ~ 至 到 (`5-8个`: value 5, value_max 8, qualifier 'range').
- multipliers: 千 10^3, 万 10^4, 百万 10^6, 千万 10^7, 亿 10^8, 万亿 10^12.
- qualifiers: at_least 余 多 以上 超过 逾 多于; approximately 近 约 将近 大约 左右 上下;
  at_most 以内 以下 内 不超过 未超过 未超 不足. Two different qualifiers are an error.
- unit: the longest printed token in `UNIT_CODES`; `Parsed.unit` keeps the token without the
  multiplier (`万元` -> unit '元', multiplier 10^4).
- Negative numbers are not supported (none occur in the reports).

`、` between digits is an enumeration comma (`1.39、1.52` are two figures), so `parse('8、86%')`
fails. A damaged scrape that printed decimal points as `、` is read only through an explicit,
documented repair: `parse(repair('dunhao_decimal', printed))` (see docs/repair-rules.md); so is a
figure with a letter for a digit (`1.4l亿元`): `parse(repair('latin_letter_digit', printed))`.

Canonical units: the row unit codes of the data tables (`ROW_UNITS`, the `unit` enum of
datapackage.json) plus four printed-only codes that no row may carry as they are
(`square_kilometre`, `hour`, `month`, `percentage_point`). `COMPATIBLE_UNITS` says which row
units a curated row may use for a printed unit; a figure printed without unit (canonical None)
fits every row unit, and persons (人/名) never fit person-times (人次) or the reverse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal
from functools import lru_cache

__all__ = [
    "NumberParseError", "Parsed", "parse", "normalise", "repair", "REPAIR_RULES",
    "UNIT_CODES", "COMPATIBLE_UNITS", "ROW_UNITS", "QUALIFIERS", "MULTIPLIERS", "is_compatible",
]


class NumberParseError(ValueError):
    """A numeric expression that cannot be read exactly; the message names the text and why."""


@dataclass(frozen=True)
class Parsed:
    """One parsed expression; see the module docstring for the grammar."""
    text: str
    number: Decimal
    multiplier: int
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    canonical_unit: str | None
    qualifier: str


# ---------------------------------------------------------------- normalise

_FULLWIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９％．，－"}
_INVISIBLE = "\u200b\u200c\u200d\ufeff"
_WHITESPACE = re.compile(rf"[\s\u3000\u00a0{_INVISIBLE}]+")
_FOLDED = re.compile("[" + re.escape("".join(map(chr, _FULLWIDTH))) + "]")   # a character _FULLWIDTH changes
_FOLD_PAIRS = tuple((chr(a), chr(b)) for a, b in _FULLWIDTH.items())


def normalise(text: str) -> str:
    """The package's whitespace rule, used wherever quotes and figures are compared.

    Removes all whitespace (line breaks, spaces, tabs, U+3000, NBSP and zero-width spaces),
    because scraped sources break lines inside numbers; folds full-width digits and ％．，－ to
    ASCII so that `５０％` and `50%` compare equal. Idempotent.
    """
    return _WHITESPACE.sub("", _fold(text))


def _fold(text: str) -> str:
    """The full-width fold: one str.replace per full-width character the text has. translate
    looks a dict up per character, and most Chinese text has a ，: normalising the 5.7 million
    characters of a 320-region package's sources took 0.65 s with translate, 0.18 s so."""
    if _FOLDED.search(text) is not None:
        for wide, narrow in _FOLD_PAIRS:
            if wide in text:
                text = text.replace(wide, narrow)
    return text


WHITESPACE_BELOW = 0x3001
"""Every code point the whitespace rule removes is below this, but for U+FEFF (tested over all
of Unicode): scanning 1.1 million code points at import took a second of every run."""


def _whitespace_class() -> str:
    """_WHITESPACE as an RE2 character class, every code point listed (RE2's \\s is ASCII
    only, Python's is Unicode), runs merged."""
    points = [c for c in range(WHITESPACE_BELOW) if _WHITESPACE.fullmatch(chr(c))] + [0xFEFF]
    runs, start = [], points[0]
    for a, b in zip(points, points[1:] + [None]):
        if b != a + 1:
            runs.append((start, a))
            start = b
    return "[" + "".join(f"\\x{{{s:x}}}" if s == e else f"\\x{{{s:x}}}-\\x{{{e:x}}}" for s, e in runs) + "]+"


_FOLD_FROM = "".join(map(chr, _FULLWIDTH))
_FOLD_TO = "".join(map(chr, _FULLWIDTH.values()))
_WHITESPACE_SQL = _whitespace_class()


def normalise_sql(expr: str) -> str:
    """normalise as DuckDB SQL over the column or expression `expr` (tests/test_numbers.py
    checks them equal): for checks that normalise millions of cells at once. The fold only where
    a full-width character is, as normalise does (the test for one costs less than translate)."""
    folded = (f"CASE WHEN regexp_matches({expr}, '[{_FOLD_FROM}]') "
              f"THEN translate({expr}, '{_FOLD_FROM}', '{_FOLD_TO}') ELSE {expr} END")
    return f"regexp_replace({folded}, '{_WHITESPACE_SQL}', '', 'g')"


def normalise_with_origin(text: str) -> tuple[str, list[int]]:
    """`normalise(text)` and, for each of its characters, the offset in `text` it came from.

    normalise maps every character to itself or its ASCII fold, one to one, and removes the
    whitespace ones; so the result is the runs between whitespace, taken in one regex pass
    rather than one normalise call per character."""
    folded = _fold(text)
    parts, origin, pos = [], [], 0
    for m in _WHITESPACE.finditer(folded):
        parts.append(folded[pos:m.start()])
        origin.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(folded[pos:])
    origin.extend(range(pos, len(folded)))
    return "".join(parts), origin


# ---------------------------------------------------------------- units

ROW_UNITS: frozenset[str] = frozenset({
    "yuan", "person", "person_time", "school", "item", "project", "class", "place",
    "square_metre", "metre", "cubic_metre", "volume", "set", "percent", "number", "point",
    "year", "time", "household", "day",
})
"""The `unit` code list of the data tables (datapackage.json)."""

UNIT_CODES: dict[str, str] = {
    "元": "yuan",
    "人": "person", "名": "person", "位": "person",
    "人次": "person_time",
    "所": "school",
    # generic counts (classifiers) -> item
    "个": "item", "家": "item", "条": "item", "批": "item", "类": "item", "种": "item",
    "届": "item", "支": "item", "部": "item", "门": "item", "堂": "item", "级": "item",
    "期": "item", "件": "item", "篇": "item", "幅": "item", "份": "item", "处": "item",
    "座": "item", "块": "item", "间": "item", "栋": "item",
    "项": "project", "个项目": "project",
    "班": "class", "个班": "class", "个班级": "class",
    "平方米": "square_metre", "平米": "square_metre",
    "平方": "square_metre",          # truncated 平方米, printed so in the Shangrao report
    "米": "metre",
    "立方米": "cubic_metre",
    "册": "volume", "本": "volume",
    "套": "set", "台件套": "set", "台套": "set", "台件": "set", "台": "set",
    "%": "percent",
    "分": "point",
    "年": "year", "周年": "year", "周岁": "year", "岁": "year",
    "天": "day", "日": "day",
    "次": "time", "场次": "time", "场": "time", "轮": "time", "遍": "time",
    "户": "household",
    "倍": "number",
    # printed-only codes: no row unit fits them as printed
    "平方公里": "square_kilometre",
    "小时": "hour",
    "月": "month", "个月": "month", "月份": "month",
    "个百分点": "percentage_point", "百分点": "percentage_point",
}
"""Printed unit token (without 万/亿 multiplier) -> canonical unit code."""

COMPATIBLE_UNITS: dict[str, frozenset[str]] = {
    **{code: frozenset({code}) for code in ROW_UNITS},
    "item": frozenset({"item", "place", "project", "class", "school"}),
    "square_kilometre": frozenset(),
    "hour": frozenset(),
    "month": frozenset(),
    "percentage_point": frozenset({"percent"}),
}
"""Canonical code of a printed unit -> row units a curated row may use for it.

个 (item) may stand for school places, projects, classes or schools; every other printed unit
fits only its own code; percentage points may only be recorded as percent. A printed figure
without unit (canonical None) fits every row unit: use `is_compatible`.
"""


def is_compatible(canonical: str | None, row_unit: str) -> bool:
    """Whether a curated row with `row_unit` may carry a figure printed with `canonical`."""
    if canonical is None:
        return row_unit in ROW_UNITS
    return row_unit in COMPATIBLE_UNITS.get(canonical, frozenset())


# ---------------------------------------------------------------- qualifiers, multipliers

EXACT, AT_LEAST, APPROX, AT_MOST, RANGE = "exact", "at_least", "approximately", "at_most", "range"
QUALIFIERS = (EXACT, AT_LEAST, APPROX, AT_MOST, RANGE)

PREFIX_QUALIFIERS = {
    "将近": APPROX, "大约": APPROX, "近": APPROX, "约": APPROX,
    "超过": AT_LEAST, "逾": AT_LEAST, "多于": AT_LEAST,
    "未超过": AT_MOST, "不超过": AT_MOST, "未超": AT_MOST, "不足": AT_MOST,
}
INFIX_QUALIFIERS = {"余": AT_LEAST, "多": AT_LEAST}
SUFFIX_QUALIFIERS = {
    "以上": AT_LEAST, "以下": AT_MOST, "以内": AT_MOST, "内": AT_MOST,
    "左右": APPROX, "上下": APPROX,
}
MULTIPLIERS: dict[str, int] = {
    "万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4, "千": 10**3,
}
RANGE_SEPARATORS = "-—–~～至到"
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"

_CN_DIGIT_VALUES = "零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"   # CN_DIGITS less the bare powers
_ARABIC = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?", re.ASCII)
_CHINESE = re.compile(f"[{CN_DIGITS}]+")


def _longest(table, s: str, pos: int) -> str | None:
    """The longest key of `table` that starts at s[pos] (units and qualifiers overlap: 人/人次).

    One match of a regex alternation of the keys, longest first (so the first alternative that
    matches is the longest key), compiled once per table, instead of a startswith per key."""
    if not table:
        return None
    hit = _KEY_PATTERNS.get(id(table))
    if hit is None or hit[0] is not table or hit[1] != len(table):
        hit = table, len(table), re.compile(_alternation(table))
        _KEY_PATTERNS[id(table)] = hit
    m = hit[2].match(s, pos)
    return m.group() if m else None


_KEY_PATTERNS: dict[int, tuple[dict, int, re.Pattern]] = {}   # id(table) -> (table, size, pattern)


def _alternation(table) -> str:
    """The keys of a table as a regex alternation, longest first: the first alternative that
    matches is the longest key."""
    return "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))


_EXACT = Context(prec=60)   # wide enough for any printed figure times 10^12; its methods, not
                            # localcontext(), which cost more than the arithmetic
_ONE = Decimal(1)


def _tidy(d: Decimal) -> Decimal:
    """An exact value without exponent noise: 127510980.000 -> 127510980, 98.860 -> 98.86."""
    return _EXACT.quantize(d, _ONE) if d == d.to_integral_value() else _EXACT.normalize(d)


# ---------------------------------------------------------------- numerals

def _fail(text: str, why: str) -> NumberParseError:
    return NumberParseError(f'cannot parse "{text}": {why}')


def _read_arabic(text: str, s: str, pos: int) -> tuple[Decimal, int, int]:
    """Arabic numeral at s[pos]; refuses the look-alikes that must not be guessed."""
    m = _ARABIC.match(s, pos)
    end = m.end()
    rest = s[end:end + 2]
    if rest[:1] == "." and rest[1:2].isdigit():
        raise _fail(text, "two decimal points")
    if rest[:1] == "," and rest[1:2].isdigit():
        raise _fail(text, "misplaced thousands separator (groups of three digits expected)")
    if rest[:1] == "、" and rest[1:2].isdigit():
        raise _fail(text, "、 between digits is an enumeration comma, not a decimal point "
                          "(a damaged scrape needs repair('dunhao_decimal', ...))")
    return Decimal(m.group().replace(",", "")), 1, end


def _read_chinese(text: str, s: str, pos: int) -> tuple[Decimal, int, int]:
    """Chinese numeral at s[pos] via cn2an (strict); a trailing 万/亿 becomes the multiplier."""
    run = _CHINESE.match(s, pos).group()
    end = pos + len(run)
    core, multiplier = run, 1
    for word in ("万亿", "亿", "万"):
        head = run[:-len(word)]
        if run.endswith(word) and head and not any(c in head for c in "万亿"):
            core, multiplier = head, MULTIPLIERS[word]
            break
    if core[0] in "百千万亿佰仟":
        raise _fail(text, f"bare {core[0]} without a leading digit (write 一{core[0]})")
    import cn2an   # here, not at the top: importing it takes 0.3 s and most runs read no Chinese numeral
    try:
        number = cn2an.cn2an(core.replace("两", "二").replace("〇", "零"), "strict")
    except Exception as exc:   # cn2an signals bad input with several exception types
        raise _fail(text, f'"{core}" is not a valid Chinese numeral') from exc
    return Decimal(str(number)), multiplier, end


def _read_number(text: str, s: str, pos: int) -> tuple[Decimal, int, int]:
    """Arabic or Chinese numeral at s[pos] -> (number, multiplier from the numeral, end)."""
    if pos < len(s) and s[pos].isascii() and s[pos].isdigit():
        return _read_arabic(text, s, pos)
    if pos < len(s) and s[pos] in CN_DIGITS:
        return _read_chinese(text, s, pos)
    if not any(c.isdigit() or c in _CN_DIGIT_VALUES for c in s):
        raise _fail(text, "no digits")
    raise _fail(text, f'unexpected text "{s[:pos + 1] if pos < len(s) else s}" before the number')


# ---------------------------------------------------------------- parse

class _Reader:
    """Left-to-right reader over the normalised text that collects qualifiers."""

    def __init__(self, text: str):
        self.text, self.s, self.pos, self.qualifiers = text, normalise(text), 0, []

    def take(self, table) -> str | None:
        word = _longest(table, self.s, self.pos)
        if word is not None:
            self.pos += len(word)
        return word

    def qualifier(self, table) -> None:
        word = self.take(table)
        if word is not None:
            self.qualifiers.append(table[word])

    def number(self) -> tuple[Decimal, int]:
        number, multiplier, self.pos = _read_number(self.text, self.s, self.pos)
        return number, multiplier

    def upper_bound(self) -> tuple[Decimal, int] | None:
        """The second number of a range, if a separator followed by a numeral comes next."""
        s, p = self.s, self.pos
        if p + 1 < len(s) and s[p] in RANGE_SEPARATORS and (s[p + 1].isdigit() or s[p + 1] in CN_DIGITS):
            self.pos += 1
            return self.number()
        return None


def _qualifier(text: str, found: list[str], is_range: bool) -> str:
    """One qualifier for the expression; conflicting ones are refused, not resolved."""
    kinds = set(found) | ({RANGE} if is_range else set())
    if len(kinds) > 1:
        raise _fail(text, f"conflicting qualifiers ({', '.join(sorted(kinds))})")
    return kinds.pop() if kinds else EXACT


@lru_cache(maxsize=1 << 16)
def parse(text: str) -> Parsed:
    """Parse one numeric expression exactly; raises NumberParseError rather than guess.

    Cached: parse is a pure function of the text, and Parsed is immutable, so a figure printed
    many times (in the rows, the candidates and the breakdown tolerances) is read once. The
    commonest shapes, Arabic digits with a multiplier, a unit and qualifiers (`19571人`,
    `1.2万余元`, `95%以上`), take a short cut with the same result (tests/test_numbers.py
    compares the two on generated text)."""
    s = normalise(text)
    m = _plain_figure().fullmatch(s)
    if m is not None:
        kinds = {table[m[g]] for g, table in _QUALIFIER_GROUPS if m[g]}
        if len(kinds) <= 1:   # conflicting qualifiers: the general reader says which
            return _build(text, Decimal(m["number"]), MULTIPLIERS[m["multiplier"]] if m["multiplier"] else 1,
                          None, m["unit"], kinds.pop() if kinds else EXACT)
    return _parse_general(text)


_QUALIFIER_GROUPS = (("prefix", PREFIX_QUALIFIERS), ("infix", INFIX_QUALIFIERS), ("infix2", INFIX_QUALIFIERS),
                     ("suffix", SUFFIX_QUALIFIERS))


@lru_cache(maxsize=1)
def _plain_figure() -> re.Pattern:
    """The general reader's steps as one regular expression, for an Arabic numeral without
    thousands separators or a range: each step a possessive group (`(?:...)?+`, never given
    back) of its table's keys, longest first, so that each takes what the reader's `take` takes
    (the longest key, or nothing) and a text the reader would refuse or read otherwise does
    not match."""
    step = lambda name, table: f"(?:(?P<{name}>{_alternation(table)}))?+"
    return re.compile(step("prefix", PREFIX_QUALIFIERS) + r"(?P<number>\d++(?:\.\d++)?+)"
                      + step("infix", INFIX_QUALIFIERS) + step("multiplier", MULTIPLIERS) + step("infix2", INFIX_QUALIFIERS)
                      + step("unit", UNIT_CODES) + step("suffix", SUFFIX_QUALIFIERS), re.ASCII)


def _parse_general(text: str) -> Parsed:
    """The reader for every form parse accepts."""
    r = _Reader(text)
    if not r.s:
        raise _fail(text, "empty expression")
    r.qualifier(PREFIX_QUALIFIERS)
    number, multiplier = r.number()
    upper = r.upper_bound()
    r.qualifier(INFIX_QUALIFIERS)
    word = r.take(MULTIPLIERS)
    if word is not None:
        if multiplier != 1:
            raise _fail(text, f"two multipliers ({word} after a numeral that ends in 万/亿)")
        multiplier = MULTIPLIERS[word]
    r.qualifier(INFIX_QUALIFIERS)
    unit = r.take(UNIT_CODES)
    r.qualifier(SUFFIX_QUALIFIERS)
    if r.pos != len(r.s):
        raise _fail(text, f'unexpected text "{r.s[r.pos:]}" after "{r.s[:r.pos]}"')
    qualifier = _qualifier(text, r.qualifiers, upper is not None)
    return _build(text, number, multiplier, upper, unit, qualifier)


def _build(text, number, multiplier, upper, unit, qualifier) -> Parsed:
    """Assemble the Parsed value; a range's upper end must not be below its lower end."""
    if upper is not None and upper[1] not in (1, multiplier):
        raise _fail(text, "the two ends of the range have different multipliers")
    value = _tidy(number if multiplier == 1 else _EXACT.multiply(number, multiplier))
    value_max = _tidy(_EXACT.multiply(upper[0], multiplier)) if upper is not None else None
    if value_max is not None and value_max < value:
        raise _fail(text, f"range upper end {value_max} is below its lower end {value}")
    return Parsed(text=text, number=number, multiplier=multiplier, value=value, value_max=value_max,
                  unit=unit, canonical_unit=UNIT_CODES.get(unit) if unit else None, qualifier=qualifier)


# ---------------------------------------------------------------- repairs

REPAIR_RULES: dict[str, str] = {
    "dunhao_decimal": "the enumeration comma 、 printed in place of a decimal point in a damaged "
                      "scrape; replaced by '.'",
    "latin_letter_digit": "a Latin letter printed for the digit it looks like inside a figure (l or I "
                          "for 1, O or o for 0); replaced by that digit",
}
"""Documented repairs of damaged printed figures (rule code -> description); docs/repair-rules.md."""

_DUNHAO_BETWEEN_DIGITS = re.compile(r"(?<=[0-9０-９])、(?=[0-9０-９])")
LOOK_ALIKE_LETTERS = {"l": "1", "I": "1", "O": "0", "o": "0"}
"""Latin letters that a typist or OCR put for the digit they look like (1.4l亿元 = 1.41亿元)."""
_DIGITS_AND_LETTERS = re.compile(r"[0-9０-９.．lIoO]*[0-9０-９][0-9０-９.．lIoO]*")


def _letters_to_digits(printed: str) -> str:
    """Look-alike letters inside a run of digits and decimal points become digits; letters not
    touching a digit (元, a word) and runs without any digit are left alone."""
    return _DIGITS_AND_LETTERS.sub(
        lambda m: "".join(LOOK_ALIKE_LETTERS.get(ch, ch) for ch in m.group()), printed)


def repair(rule: str, printed: str) -> str:
    """Apply a documented repair to a damaged printed figure; unknown rules are refused.

    The result still has to go through parse(); nothing else in the text is changed, and a
    text without the damage comes back unchanged (callers can detect a pointless repair).
    """
    if rule not in REPAIR_RULES:
        raise NumberParseError(f'unknown repair rule "{rule}" (known: {", ".join(sorted(REPAIR_RULES))})')
    if rule == "latin_letter_digit":
        return _letters_to_digits(printed)
    return _DUNHAO_BETWEEN_DIGITS.sub(".", printed)
