"""Find every numeric expression in a source text, so that none is silently left out.

The coverage check keys on (source, offset, text), so what counts as a candidate is fixed here.
Offsets are Python str indices (0-based, characters not bytes) into the ORIGINAL text, `end`
is one past the last character, and `text == original[offset:end]` verbatim (it may contain a
space or a line break). Candidates are sorted by offset and never overlap.

What is a candidate (tried in this order at each position; the leftmost match wins):

1. damaged decimal (hint 'figure'): the scrape of the Shuangfeng report prints a decimal point
   as 、 after an inserted line break, either inside the integer part (`9⏎8、86%`, offset at the
   `9`) or just before the number (`…投入⏎1、14亿元`, offset at the `1`, the line break is not part
   of the text; the line before must end in a letter, not in punctuation). Digits、digits must be
   followed by a multiplier or a unit (`1、2021职业…`, `5、4g` are list numbers). The whole
   expression is ONE candidate; `parsed` is None, `repair` is 'dunhao_decimal' and `error`
   gives the reading after that repair. The value is never taken silently: a curated row must
   name the rule (docs/repair-rules.md).
   Letter for digit (hint 'figure'): a figure in which a Latin letter stands for the digit it
   looks like (`1.4l亿元`, `l00亿元`, `1O％`: l or I for 1, O or o for 0), starting with a digit or
   with l/I before a digit, not touching other Latin letters (`O2O`, `PM2.5` are not damaged), and
   followed by a multiplier or unit (`405O”人员` is a name, not a figure). ONE candidate, `parsed`
   None, `repair` 'latin_letter_digit', `error` gives the reading after that repair.
   Stray space before or after a decimal point (`12 .2％`, hint 'figure'): one candidate,
   parsed with the space ignored (the whitespace rule; no repair rule needed).
2. document numbers ('document_number'): `014437529/2021-00807` (索引号), `〔2020〕11 号`.
3. dates ('date'): `2021-05-10`, `2018-08-02 16:35`, year ranges `2018-2022年`, `2017-2019`,
   `2020年`, `2020年11月13日`, `9 月 29日`, `7月6日至8日`, `6月份`, `13日`, `16:35`.
4. `5+2`, `1+X` programme names ('plan_name').
5. `第3届` ('ordinal'), `1.` `1、` at the start of a line or after 。；：] (`1.全力…`,
   `[bookmark: _GoBack]3.扩充…`) and `(1)` ('list_number').
6. any other run of Arabic or full-width digits ('figure'), with what belongs to it: a prefix
   qualifier (近 约 将近 大约 超过 逾 未超 未超过 不超过 不足), decimal part, thousands separators
   (ASCII comma only: the full-width ， is a clause comma), a range partner (`5-8个`, `6-14岁`),
   余/多, multiplier (千 万 亿 …), unit (numbers.UNIT_CODES, longest first) and a suffix qualifier
   (以上 以下 以内 左右 上下, and 内 before punctuation). Spaces and tabs (not line breaks) may
   separate the parts (`72 所`, `2500 元`). Per-unit tails such as `/人` are not included.
   A bare integer 1900-2099 with nothing attached is hinted 'date' (`2021职业教育`).
7. Chinese numerals (零〇一二两三四五六七八九十百千万亿 and 壹贰叁…):
   `(一)` and `一、` at a line start or after 。；：, and `一是` ('list_number'); `第一`, `第三十五届`,
   `十九届`, `四年级`, `一等(奖)`, `十二次(全会)` ('ordinal'); `十三五` `十四五` `八五` `九五` `十一五`
   before a closing quote or 规划/期间/时期/计划 ('plan_name'); otherwise a numeral followed by a
   measure word (`七所`, `两年`, `一百个`, `三级`, … see CN_MEASURES; the measure word is part of the
   text), or preceded by 近/约/将近/大约 (`近三年`), or ending in 万/亿/千/百 (`两万`, `三百`)
   ('figure'); a numeral before 大 (`十大工程`, `十七大`) is a candidate without the 大.
   Stop list (not candidates, see STOP_WORDS): 统一 唯一 同一 进一步 一体化 一流 一些 一定 一直 一起
   一切 一样 一般 一致 一律 一线 一方面 一次性 万一 之一 三位一体 千方百计 十分 百分比 百分点 百分百 …
   A numeral that starts with a bare 百/千 (`百名`, `百门`) is a candidate whose parse fails.

Every Arabic digit of a text lies inside some candidate (tested on the five sources).
`parsed` is `numbers.parse()` of the candidate's core (the text without 第, list markers and
parentheses); it is None when that parse fails, and `error` then says why.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .numbers import (CN_DIGITS, MULTIPLIERS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, UNIT_CODES,
                      NumberParseError, Parsed, normalise, parse, repair)

HINTS = ("figure", "date", "document_number", "list_number", "ordinal", "plan_name")
CONTEXT_CHARS = 30


@dataclass(frozen=True)
class Candidate:
    """One numeric expression in a source; see the module docstring for what counts."""
    offset: int
    end: int
    text: str
    parsed: Parsed | None
    error: str | None
    hint: str
    context: str
    repair: str | None = None   # repair rule the damaged expression needs ('dunhao_decimal')


# ---------------------------------------------------------------- patterns

def _alt(words) -> str:
    """Regex alternation, longest first, so 人次 wins over 人 and 台件套 over 台."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


D = "[0-9０-９]"
H = r"[ \t\u3000\u00a0]*"                       # spaces that may separate the parts
YEAR = f"(?:[1１][9９]|[2２][0０]){D}{D}"
NUM = f"(?:{D}{{1,3}}(?:,{D}{{3}})+(?!{D})|{D}+)(?:[.．]{D}+)?"
CN = f"[{CN_DIGITS}]"
SMALL_CN = "[一二三四五六七八九十]"
UNIT = _alt(list(UNIT_CODES) + ["％"])
MULT = _alt(MULTIPLIERS)
PREFIX = _alt(PREFIX_QUALIFIERS)
POST = _alt(w for w in SUFFIX_QUALIFIERS if w != "内") + r"|内(?=[，,。；;、）)\s]|$)"
DASH = "[-－—–~～至到]"                          # range separators
LIST_START = r"(?<![^\n。；;！!？?：:\]】 \u3000])"  # start of text, of a line, or after a sentence
AFTER_LETTER = r"(?:(?<=[^\W\d_]\n)|(?<=[^\W\d_]\r\n))"
DAMAGED_TAIL = f"(?:{H}(?:{MULT})(?:{H}(?:{UNIT}))?|{H}(?:{UNIT}))(?:{POST})?"
TAIL = f"(?:余|多)?(?:{H}(?:{MULT}))?(?:余|多)?(?:{H}(?:{UNIT}))?(?:{POST})?"
CN_MEASURES = list(UNIT_CODES) + ["成"]          # measure words after a Chinese numeral
CN_MEASURE = _alt(m for m in CN_MEASURES if m not in ("%", "日", "月份", "个百分点", "百分点"))
DAY = f"{D}{{1,2}}{H}[日号]"
LOOK_ALIKE = "lIoO"                             # letters printed for 1 and 0 (numbers.LOOK_ALIKE_LETTERS)
LETTER_RUN = (f"(?<![A-Za-z])(?=[0-9０-９.．{LOOK_ALIKE}]*[{LOOK_ALIKE}])(?:[lI](?={D})|{D})[0-9０-９{LOOK_ALIKE}]*"
              f"(?:[.．][0-9０-９{LOOK_ALIKE}]+)?(?![A-Za-z])")
DAMAGE_RULES = {"damaged_inside": "dunhao_decimal", "damaged_before": "dunhao_decimal",
                "damaged_letter": "latin_letter_digit"}
"""The repair rule each kind of damaged candidate needs (docs/repair-rules.md)."""
DAMAGE_WHY = {"dunhao_decimal": "damaged decimal (、 printed for '.' after a line break)",
              "latin_letter_digit": "a Latin letter printed for a digit (l/I for 1, O/o for 0)"}

# (name, hint, pattern); a group named core_<name> is what gets parsed (else the whole text)
_PATTERNS: list[tuple[str, str, str]] = [
    ("damaged_inside", "figure", f"{D}+\\r?\\n{D}+、{D}+{DAMAGED_TAIL}"),
    ("damaged_before", "figure", f"{AFTER_LETTER}{D}+、{D}+{DAMAGED_TAIL}"),
    ("damaged_letter", "figure", f"{LETTER_RUN}{DAMAGED_TAIL}"),
    ("figure_spaced", "figure", f"{D}+(?:[ \\t\u3000]+[.．]{H}|[.．][ \\t\u3000]+){D}+{TAIL}"),
    ("index_number", "document_number", f"{D}{{6,}}/{YEAR}-{D}+"),
    ("doc_number", "document_number", f"[〔［\\[(（]{H}{YEAR}{H}[〕］\\])）]{H}{D}+{H}号"),
    ("iso_date", "date", f"{YEAR}-{D}{{1,2}}-{D}{{1,2}}(?:{H}{D}{{1,2}}:{D}{{2}}(?::{D}{{2}})?)?(?!{D})"),
    ("year_range", "date", f"{YEAR}{H}{DASH}{H}{YEAR}(?:{H}年度?)?(?!{D})"),
    ("year_date", "date", f"{YEAR}{H}年(?:{H}{D}{{1,2}}{H}月(?:{H}{DAY})?)?"),
    ("month_date", "date", f"{D}{{1,2}}{H}月份?(?:{H}{DAY})?(?:{H}{DASH}{H}(?:{D}{{1,2}}{H}月{H})?{DAY})?"),
    ("day_date", "date", DAY.replace("[日号]", "日")),
    ("clock", "date", f"{D}{{1,2}}:{D}{{2}}(?!{D})"),
    ("plan_arabic", "plan_name", f"{D}+{H}[+＋]{H}(?:{D}+|[XxＸｘ])(?![A-Za-z])"),
    ("ordinal_arabic", "ordinal", f"第{H}(?P<core_ordinal_arabic>{D}+(?:{H}(?:{UNIT}))?)"),
    ("list_arabic", "list_number", f"{LIST_START}(?P<core_list_arabic>{D}{{1,2}})(?:[.．](?!{D})|、)"),
    ("list_arabic_paren", "list_number", f"[(（]{H}(?P<core_list_arabic_paren>{D}{{1,2}}){H}[)）]"),
    ("figure", "figure", f"(?:{PREFIX})?{NUM}(?:{H}{DASH}{H}{NUM})?{TAIL}"),
    ("list_cn_paren", "list_number", f"[(（]{H}(?P<core_list_cn_paren>{SMALL_CN}{{1,3}}){H}[)）]"),
    ("list_cn", "list_number", f"{LIST_START}(?P<core_list_cn>{SMALL_CN}{{1,3}})、"),
    ("list_cn_shi", "list_number", f"(?P<core_list_cn_shi>{SMALL_CN}{{1,3}})是"),
    ("ordinal_cn", "ordinal", f"第{H}(?P<core_ordinal_cn>{CN}+(?:{H}(?:{CN_MEASURE}))?)"),
    ("grade_cn", "ordinal", f"(?P<core_grade_cn>{CN}+)年级"),
    ("prize_cn", "ordinal", f"(?P<core_prize_cn>{CN}+)等(?=奖)"),
    ("plan_cn", "plan_name", f"(?:十[一二三四五]|[六七八九])五(?=[”\"’」]|规划|期间|时期|计划)"),
    ("figure_cn", "figure", f"(?:{PREFIX})?{CN}+(?:{DASH}{CN}+)?(?:余|多)?{H}(?:{CN_MEASURE})(?:{POST})?"),
    ("figure_cn_big", "figure", f"(?P<core_figure_cn_big>{CN}+)(?=大)"),
    ("figure_cn_near", "figure", f"(?:近|约|将近|大约){CN}+"),
    ("figure_cn_power", "figure", f"{CN}+[万亿千百](?!{CN})"),
]
_MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, _, pat in _PATTERNS))
_HINT = {name: hint for name, hint, _ in _PATTERNS}
_CHINESE_KINDS = {name for name, _, _ in _PATTERNS if "cn" in name}
_YEAR = re.compile(YEAR)

STOP_WORDS = (
    "统一", "唯一", "同一", "单一", "划一", "专一", "万一", "之一", "进一步", "一体化", "一体", "一流",
    "一些", "一定", "一直", "一起", "一切", "一样", "一般", "一致", "一律", "一线", "一方面", "一次性",
    "一把手", "一成不变", "三位一体", "千方百计", "千百年", "十分", "百分比", "百分点", "百分百", "百姓",
    "队伍", "陆续", "大陆", "着陆", "收拾",      # financial numerals 伍 陆 拾 inside ordinary words
)
"""Words whose numeral is not a number; a Chinese-numeral match that overlaps one is dropped."""


# ---------------------------------------------------------------- scanning

_STOP_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _word in STOP_WORDS:
    _STOP_BY_FIRST[_word[0]] = _STOP_BY_FIRST.get(_word[0], ()) + (_word,)
_STOP_LONGEST = max(len(w) for w in STOP_WORDS)


def _stopped(text: str, m: re.Match) -> bool:
    """Whether the Chinese numeral of match m belongs to a stop word (统一, 一体化, 十分 …): some
    stop word starts k characters before the numeral's first digit and covers it. The words are
    looked up by the character they start with, not all tried at every k."""
    start = m.start() + next(i for i, ch in enumerate(m.group()) if ch in CN_DIGITS)
    for k in range(min(_STOP_LONGEST, start + 1)):
        p = start - k
        for word in _STOP_BY_FIRST.get(text[p], ()):
            if len(word) > k and text.startswith(word, p):
                return True
    return False


def _context(text: str, start: int, end: int) -> str:
    """~30 characters either side, the candidate marked ⟦…⟧, line breaks shown as ⏎."""
    show = lambda s: s.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("\t", " ")
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    return f"{show(before)}⟦{show(text[start:end])}⟧{show(after)}"


def _hint(kind: str, m: re.Match, text: str) -> str:
    """The suggested classification; a few figures are refined by what follows them."""
    hint = _HINT[kind]
    found = m.group()
    if kind == "figure" and _YEAR.fullmatch(found):
        return "date"          # a bare year with nothing attached (2021职业教育)
    if kind == "figure_cn" and (found.endswith("届") or
                                (found.endswith("次") and text.startswith(("全会", "中全会"), m.end()))):
        return "ordinal"       # 十九届, 十二次全会
    return hint


def _parse_candidate(kind: str, m: re.Match, hint: str) -> tuple[Parsed | None, str | None, str | None]:
    """(parsed, error, repair rule) for one match; damaged figures are never parsed silently."""
    if kind in DAMAGE_RULES:
        rule = DAMAGE_RULES[kind]
        why = DAMAGE_WHY[rule]
        try:
            fixed = parse(repair(rule, normalise(m.group())))
        except NumberParseError as exc:
            return None, f"{why}; even repaired: {exc}", rule
        return None, (f"reads {fixed.value} {fixed.canonical_unit or ''} only with repair_rule "
                      f"{rule} ({fixed.text}): {why}"), rule
    core = m.group(f"core_{kind}") if f"core_{kind}" in m.re.groupindex else m.group()
    try:
        return parse(core), None, None
    except NumberParseError as exc:
        if hint in ("date", "document_number", "plan_name"):
            return None, f"{hint.replace('_', ' ')}: not a single quantity", None
        return None, str(exc), None


class Found:
    """A candidate as the coverage check needs it: offset, end, text and hint, computed while
    scanning. Its parse, error, repair rule and context, which only the `candidates` listing and
    an unaccounted-expression message show, are worked out when first asked for: `validate`
    meets ~70 candidates per report and, with a complete ledger, shows none of them."""
    __slots__ = ("offset", "end", "text", "hint", "_kind", "_match", "_details")

    def __init__(self, m: re.Match, kind: str, hint: str):
        self.offset, self.end, self.text, self.hint = m.start(), m.end(), m.group(), hint
        self._kind, self._match, self._details = kind, m, None

    def _parsed(self) -> tuple[Parsed | None, str | None, str | None]:
        if self._details is None:
            self._details = _parse_candidate(self._kind, self._match, self.hint)
        return self._details

    parsed = property(lambda self: self._parsed()[0])
    error = property(lambda self: self._parsed()[1])
    repair = property(lambda self: self._parsed()[2])
    context = property(lambda self: _context(self._match.string, self.offset, self.end))

    def candidate(self) -> Candidate:
        parsed, error, rule = self._parsed()
        return Candidate(offset=self.offset, end=self.end, text=self.text, parsed=parsed, error=error,
                         hint=self.hint, context=self.context, repair=rule)


# Every pattern above starts with a digit, l or I (a damaged figure), a Chinese numeral, 第, an opening bracket or the
# first character of a prefix qualifier (近 约 将近 大约 超过 …); the lookbehinds only look back.
# Jumping to the next such character with one charset search and trying the master pattern
# there finds what _MASTER.finditer finds, ~5 times faster (finditer tries all 26 alternatives
# at every character of the text).
_FIRST = re.compile("[0-9０-９lI" + re.escape(CN_DIGITS) + "第〔［\\[(（"
                    + re.escape("".join(sorted({w[0] for w in PREFIX_QUALIFIERS} | set("近约将大")))) + "]")


def _matches(text: str):
    """The matches of _MASTER.finditer(text), found by jumping between possible first characters."""
    search, match, pos = _FIRST.search, _MASTER.match, 0
    while (f := search(text, pos)) is not None:
        m = match(text, f.start())
        if m is None:
            pos = f.start() + 1
        else:
            yield m
            pos = max(m.end(), f.start() + 1)


def scan(text: str) -> list[Found]:
    """The candidates of `text` (the same as find_candidates), parsed only on demand."""
    found = []
    for m in _matches(text):
        kind = m.lastgroup
        if kind in _CHINESE_KINDS and _stopped(text, m):
            continue
        found.append(Found(m, kind, _hint(kind, m, text)))
    return found


def find_candidates(text: str) -> list[Candidate]:
    """Every numeric expression of `text`, sorted by offset, non-overlapping (module docstring)."""
    return [f.candidate() for f in scan(text)]


# ---------------------------------------------------------------- command line

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the `candidates` subcommand (mounted by scripts/cli.py)."""
    parser.add_argument("source", help="archived source file or source id (decoded in its declared encoding), e.g. "
                        "sources/000_db9a4433567e169a.txt or hailar2016; any other file is read as UTF-8")
    parser.add_argument("--root", type=Path, default=None, help="package root whose data/sources.csv declares "
                        "the encoding of archived files (default: this repository)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="aligned table (default), CSV or JSON (one candidate per line)")
    parser.add_argument("--hint", choices=HINTS, action="append",
                        help="only candidates with this hint (repeatable), e.g. --hint figure")


def _row(c: Candidate) -> dict[str, str]:
    """One candidate as printable strings; line breaks in the text shown as ⏎."""
    p = c.parsed
    value = "" if p is None else (f"{p.value}" if p.value_max is None else f"{p.value}-{p.value_max}")
    return {
        "offset": str(c.offset), "end": str(c.end), "text": c.text.replace("\r", "").replace("\n", "⏎"),
        "value": value, "unit": (p.canonical_unit or "") if p else "",
        "printed_unit": (p.unit or "") if p else "", "multiplier": str(p.multiplier) if p else "",
        "qualifier": p.qualifier if p else "", "hint": c.hint, "error": c.error or "",
        "repair": c.repair or "", "context": c.context,
    }


def _width(s: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _clip(s: str, width: int = 44) -> str:
    """Shorten a long error for the table (CSV and JSON keep it whole)."""
    out = ""
    for ch in s:
        if _width(out + ch) > width - 1:
            return out + "…"
        out += ch
    return out


def _table(rows: list[dict[str, str]]) -> str:
    """Aligned columns; an unparsed candidate shows `! error` in the value column."""
    cols = ["offset", "text", "value", "unit", "qualifier", "hint", "context"]
    shown = [{**r, "value": r["value"] or _clip(("? " if r["repair"] else "! ") + r["error"])} for r in rows]
    widths = {c: max([_width(c)] + [_width(r[c]) for r in shown]) for c in cols[:-1]}
    pad = lambda s, c: s + " " * (widths[c] - _width(s)) if c in widths else s
    lines = ["  ".join(pad(c, c) for c in cols).rstrip()]
    lines += ["  ".join(pad(r[c], c) for c in cols).rstrip() for r in shown]
    return "\n".join(lines)


def _json(candidates: list[Candidate]) -> str:
    """JSON array, one object per line; text is exact (line breaks kept), numbers as strings."""
    items = []
    for c in candidates:
        p = c.parsed
        items.append(json.dumps({
            "offset": c.offset, "end": c.end, "text": c.text,
            "value": None if p is None else str(p.value),
            "value_max": None if p is None or p.value_max is None else str(p.value_max),
            "unit": p.canonical_unit if p else None, "printed_unit": p.unit if p else None,
            "multiplier": p.multiplier if p else None, "qualifier": p.qualifier if p else None,
            "hint": c.hint, "error": c.error, "repair": c.repair, "context": c.context,
        }, ensure_ascii=False))
    return "[\n" + ",\n".join(items) + "\n]" if items else "[]"


class SourceError(Exception):
    """A source file that cannot be read; the message is the one-line error to print."""


def _read(source: str, root: Path | None = None) -> str:
    """The source text, or SourceError (never a traceback) for a missing or unreadable file.
    `source` is an archived file or a source id: read through read_source_text, in the encoding
    declared in data/sources.csv; any other file (a report not yet archived) is read as UTF-8."""
    from .metadata import ROOT
    from .source_text import SourceTextError, decode_source, read_source_text, source_row_for_path, source_rows
    root = ROOT if root is None else root
    path = Path(source)
    try:
        if not path.exists() and source in (rows := source_rows(root)):
            return read_source_text(rows[source], root)
        if not path.exists():
            raise SourceError(f"error: {source}: no such file")
        if path.is_dir():
            raise SourceError(f"error: {source}: is a directory")
        row = source_row_for_path(path, root)
        return read_source_text(row, root) if row is not None else decode_source(path.read_bytes(), "utf-8", source)
    except SourceTextError as exc:
        raise SourceError(f"error: {exc}") from None
    except OSError as exc:
        raise SourceError(f"error: {source}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    """Print the candidates of args.source; exit 0, or 2 with a one-line error."""
    try:
        text = _read(args.source, getattr(args, "root", None))
    except SourceError as exc:
        print(exc, file=sys.stderr)
        return 2
    found = [c for c in find_candidates(text) if not args.hint or c.hint in args.hint]
    if args.format == "json":
        out = _json(found)
    elif args.format == "csv":
        out = _csv([_row(c) for c in found])
    else:
        out = _table([_row(c) for c in found])
    try:
        print(out)
        sys.stdout.flush()
    except BrokenPipeError:          # `… | head` closed the pipe early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _csv(rows: list[dict[str, str]]) -> str:
    """CSV with a header; one line per candidate (line breaks in text shown as ⏎)."""
    import io
    buf = io.StringIO()
    fields = ["offset", "end", "text", "value", "unit", "printed_unit", "multiplier", "qualifier",
              "hint", "error", "repair", "context"]
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().rstrip("\n")


def main(argv: list[str] | None = None) -> int:
    """`python -m scripts.candidates SOURCE [--format …] [--hint …]`."""
    parser = argparse.ArgumentParser(prog="candidates", description="List every numeric expression in a source text.")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
