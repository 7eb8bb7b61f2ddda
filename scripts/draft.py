"""`python -m scripts draft FILE`: propose a row or an exclusion for every numeric expression.

Why: curating a report by typing every row and ledger line from `candidates` output does not
scale to tens of reports. `draft` writes DIR/<table>.csv (the package's own headers, from
datapackage.json) with one proposed row per figure it can place, and DIR/coverage_exclusions.csv
with one proposed exclusion for every other candidate, so each candidate of
`scripts.candidates.scan` lands in exactly one of them. Every row and exclusion is a proposal:
its `note` starts with DRAFT_MARK, and `--merge` refuses a file that still carries the mark, so
nothing reaches data/ unreviewed.

What is filled in, and from what (keyword rules: scripts/draft_rules.py):
- value, value_max, unit, qualifier, printed: from the parse of the candidate (a damaged figure
  through its repair rule, named in repair_rule);
- quote: the clause around the figure, lengthened until it occurs once in the source;
- table and indicator: the nearest table keyword in the sentence; none -> exclusion out_of_scope;
- kind: plan cues (计划 力争 确保 将 …) -> target, norm cues (标准 不超过 每生每年 …) -> standard,
  a figure in a plan section (工作要点, 下一步) -> target;
- period, first_year, as_of: 上半年, 春季学期, 累计, 截至…日, 近三年/五年来/十三五期间 (multi_year);
- parent_id / breakdown_complete: parts after 其中 / 包括 / 分别为 / an opening bracket point to the
  preceding total of the same table, unit and indicator; a list closed by 总计/合计/共计 points
  to that total; breakdown_complete is true when the parts add up within printed rounding.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from . import numbers
from .candidates import Found, SourceError, _read, scan
from .draft_rules import RULES
from .metadata import ROOT, table, topic_tables
from .source_text import SourceTextError, read_source_text, source_row_for_path

DRAFT_MARK = "[draft]"
LEDGER = "coverage_exclusions"
SENTENCE_END = "。；;！!？?"
CLAUSE_END = SENTENCE_END + "，,："
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./?=&_%:#~+-]+")
_QUOTED = re.compile(r"《[^《》\n]{1,60}》|“[^“”\n]{1,40}”|\"[^\"\n]{1,40}\"")
_DATE = re.compile(r"(20\d\d|19\d\d)年(\d{1,2})月(?:(\d{1,2})日)?")
_YEAR = re.compile(r"(20\d\d|19\d\d)年")
PLAN_HEADINGS = ("工作要点", "下一步", "工作打算", "工作计划", "工作思路", "努力方向", "主要目标和任务", "目标任务", "主要任务",
                 "工作安排")
_TOP_HEADING = re.compile(r"\s*[一二三四五六七八九十]+、")


@dataclass
class Figure:
    """A figure candidate with what the draft needs: its parse and where it sits."""
    found: Found
    parsed: numbers.Parsed
    repair_rule: str | None
    sentence: tuple[int, int]
    table: str | None = None
    row: dict | None = None


@dataclass
class Draft:
    """Proposed rows per topic table and proposed exclusions; `placed` maps each candidate
    offset to where it went ('exclusion' or a table name)."""
    rows: dict[str, list[dict]] = field(default_factory=dict)
    exclusions: list[dict] = field(default_factory=list)
    placed: dict[int, str] = field(default_factory=dict)


# ---------------------------------------------------------------- text structure

def sentences(text: str, found: list[Found]) -> list[tuple[int, int]]:
    """[start, end) of each sentence: split after 。；！？ and at line breaks, except a line break
    inside a candidate or just before a damaged figure (the Shuangfeng scrape breaks lines
    inside sentences there)."""
    inside = {i for f in found for i in range(f.offset, f.end)}
    before_damaged = {f.offset - 1 for f in found if f.repair} | {f.offset - 2 for f in found if f.repair}
    cuts, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END or (ch == "\n" and i not in inside and i not in before_damaged):
            if i + 1 > start:
                cuts.append((start, i + 1))
            start = i + 1
    if start < len(text):
        cuts.append((start, len(text)))
    return cuts


def _clause_start(text: str, start: int, offset: int) -> int:
    """Start of the clause holding `offset`, within its sentence."""
    i = offset - 1
    while i >= start and text[i] not in CLAUSE_END:
        i -= 1
    return i + 1


def _clause_end(text: str, end: int, offset: int) -> int:
    i = offset
    while i < end and text[i] not in CLAUSE_END:
        i += 1
    return min(i + 1, end)


def quote_for(text: str, norm_text: str, f: Found, sentence: tuple[int, int]) -> str:
    """The clause around the figure (one clause more when the figure opens its clause),
    lengthened to the sentence and then its neighbours until it occurs once in the source.
    The start moves right while the printed figure would first be found earlier in the quote
    (9名 inside 189名): validation locates a row's figure at its first occurrence in the quote."""
    s, e = sentence
    start = _clause_start(text, s, f.offset)
    if f.offset - start < 6 and start > s:
        start = _clause_start(text, s, start - 1)
    end = _clause_end(text, e, f.end)
    printed = numbers.normalise(f.text)
    for a, b in ((start, end), (s, e), (max(0, s - 60), min(len(text), e + 60)), (0, len(text))):
        while a < f.offset and numbers.normalise(text[a:b]).find(printed) != len(numbers.normalise(text[a:f.offset])):
            a += 1
        q = text[a:b].strip().rstrip("，,：；;。")
        nq = numbers.normalise(q)
        if nq and norm_text.count(nq) == 1:
            return q.replace("\r", "").replace("\n", "")
    return text[s:e].strip().replace("\r", "").replace("\n", "")


def _nearest(text: str, lo: int, hi: int, at: int, end: int, words, after: int = 0):
    """(score, word) of the word nearest the figure [at, end), or None. An occurrence in
    text[lo:at] scores its distance before the figure, one in text[end:end+after] its distance
    after it plus 3 (a word before a figure describes it more often); a weak (generic) word
    adds its penalty (RULES['weak_keywords']); at equal scores the longer word wins."""
    best = None
    weak = RULES["weak_keywords"]
    before = text[lo:at]
    tail = text[end:min(end + after, hi)]
    for w in words:
        scores = []
        k = before.rfind(w)
        if k >= 0:
            scores.append(len(before) - (k + len(w)))
        k = tail.find(w) if after else -1
        if k >= 0:
            scores.append(k + 3)
        if scores:
            score = (min(scores) + weak.get(w, 0), -len(w))
            if best is None or score < best[0]:
                best = (score, w)
    return best


# ---------------------------------------------------------------- classification

def _row_unit(p: numbers.Parsed, text: str, start: int, end: int, indicator_hint: str | None = None) -> str | None:
    """The row unit for a parsed figure; 个 and unitless figures are resolved from the words
    after the figure or the indicator."""
    unit = p.canonical_unit
    if unit in numbers.ROW_UNITS and unit != "item":
        return unit
    if unit == "item":
        tail = re.split(r"[0-9０-９，,。；;、]", text[end:end + 12])[0]
        hits = [(tail.find(w), code) for w, code in RULES["units_for_item"] if w in tail]
        if hits:
            return min(hits)[1]
        if "项目" in text[max(0, start - 3):start]:
            return "project"
        return RULES["unit_by_indicator"].get(indicator_hint, "item") if indicator_hint in ("places", "projects", "schools") else "item"
    if unit is None:
        return RULES["unit_by_indicator"].get(indicator_hint)
    return "none"   # printed-only units (平方公里, 小时, 月, 个百分点) fit no row


def choose_table(text: str, f: Found, sentence: tuple[int, int]) -> tuple[str | None, int]:
    """(table, score) of the keyword nearest the figure within its sentence; (None, 0) if none."""
    s, e = sentence
    best = None
    for name, words in RULES["tables"].items():
        hit = _nearest(text, s, e, f.offset, f.end, words, after=16)
        if hit and (best is None or hit[0] < best[0]):
            best = (hit[0], name)
    return (best[1], best[0][0]) if best else (None, 0)


def choose_indicator(name: str, text: str, f: Found, sentence: tuple[int, int], unit: str | None) -> str:
    s, e = sentence
    lo = _clause_start(text, s, f.offset)
    lo = _clause_start(text, s, lo - 1) if lo > s and f.offset - lo < 6 else lo
    for words, units, indicator in RULES["indicators"].get(name, []):
        if units and unit is not None and unit not in units:
            continue
        if unit is None and not words:
            continue
        if not words or _nearest(text, lo, e, f.offset, f.end, words, after=4):
            return indicator
    return RULES["indicator_by_unit"].get(name, {}).get(unit, "other")


def _cue(text: str, lo: int, at: int, pairs) -> str | None:
    """The code of the cue nearest before `at` in text[lo:at]; at the same end, the longer cue."""
    best = None
    window = text[lo:at]
    for word, code in pairs:
        k = window.rfind(word)
        if k >= 0 and (best is None or (k + len(word), len(word)) > best[0]):
            best = ((k + len(word), len(word)), code)   # nearest end; at the same end the longer word (中小学, not 小学)
    return best[1] if best else None


def plan_sections(text: str) -> list[tuple[int, int]]:
    """[start, end) of the plan sections: from a line whose first 40 characters name 工作要点,
    下一步, 主要目标和任务 … (scraped headings often run into their paragraph) to the next top-level
    heading (三、…) that names none, or the end of the text."""
    out, pos, start = [], 0, None
    for line in text.splitlines(keepends=True):
        head = line.strip()[:40]
        if any(h in head for h in PLAN_HEADINGS):
            start = pos if start is None else start
        elif start is not None and _TOP_HEADING.match(line):
            out.append((start, pos))
            start = None
        pos += len(line)
    if start is not None:
        out.append((start, len(text)))
    return out


def choose_kind(text: str, f: Found, sentence: tuple[int, int], in_plan: bool) -> tuple[str, str]:
    """(kind, why) from cues in the clause before the figure."""
    s, _ = sentence
    lo = _clause_start(text, s, f.offset)
    lo = _clause_start(text, s, lo - 1) if lo > s and f.offset - lo < 4 else lo
    clause = text[lo:f.end] + text[f.end:f.end + 6]   # the figure itself may carry the cue (不超过45人)
    cues = RULES["kind"]
    if any(w in clause for w in cues["standard"]):
        return "standard", "norm cue (" + next(w for w in cues["standard"] if w in clause) + ")"
    if any(w in text[lo:f.offset] for w in cues["actual_cues"]):
        return "actual", ""
    if any(w in text[lo:f.offset] for w in cues["target"]):
        return "target", "plan cue (" + next(w for w in cues["target"] if w in text[lo:f.offset]) + ")"
    if in_plan:
        return "target", "in a plan section of the report"
    return RULES["defaults"]["kind"], ""


def _lead(text: str, offset: int) -> str:
    """The full sentence (ended by 。 or a line break) before the one holding `offset`, when it
    is short enough to be a topic sentence (五年来，我市社会事业全面进步。)."""
    end = max(text.rfind("。", 0, offset), text.rfind("\n", 0, offset))
    if end <= 0:
        return ""
    start = max(text.rfind("。", 0, end), text.rfind("\n", 0, end)) + 1
    return text[start:end + 1] if end + 1 - start <= 25 else ""


def choose_period(text: str, f: Found, sentence: tuple[int, int], year: int, lead: str = "") -> dict:
    """period, first_year, year and as_of from cues in the sentence before the figure, or in
    `lead`, a short topic sentence before it (五年来，我市社会事业全面进步。…756所)."""
    s, _ = sentence
    window = text[s:f.offset]
    if lead and any(lead.lstrip().startswith(w) for w in RULES["multi_year_spans"]):
        window = lead + window
    out = {"period": RULES["defaults"]["period"], "year": year, "first_year": None, "as_of": None, "why": ""}
    years = _YEAR.findall(window)
    if years:
        out["year"] = int(years[-1])
    for word, period in RULES["period"]:
        if word in window:
            out["period"], out["why"] = period, f"period cue ({word})"
            span = RULES["multi_year_spans"].get(word)
            if isinstance(span, tuple):
                out["first_year"], out["year"] = span
            elif isinstance(span, int):
                out["first_year"] = out["year"] - span + 1
            if period == "to_date":
                m = None
                for m in _DATE.finditer(window):
                    pass
                if m and m.group(3):
                    out["as_of"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            break
    return out


def exclusion_reason(text: str, f: Found, spans: dict) -> tuple[str, str] | None:
    """(reason, why) for a candidate that is not a figure to propose as a row, else None."""
    for a, b in spans["url"]:
        if a <= f.offset < b:
            return "page_noise", "digits of a URL"
    hint_reason = RULES["exclusions"].get(f.hint)
    if hint_reason:
        return hint_reason, f"hint {f.hint}"
    for a, b in spans["quoted"]:
        if a < f.offset and f.end <= b:
            return "name_or_slogan", "inside a name or slogan in quotation marks"
    if text[f.end:f.end + 1].isascii() and text[f.end:f.end + 1].isalpha():
        return "name_or_slogan", "digits of a name (followed by a letter)"
    return None


# ---------------------------------------------------------------- the draft

def _figure(f: Found) -> tuple[numbers.Parsed | None, str | None]:
    """The parse of a figure candidate; a damaged one through its repair rule."""
    if f.repair:
        try:
            return numbers.parse(numbers.repair(f.repair, numbers.normalise(f.text))), f.repair
        except numbers.NumberParseError:
            return None, None
    return f.parsed, None


def _fmt(d: Decimal | None) -> str:
    return "" if d is None else format(d, "f")


@dataclass
class Source:
    """One source text being drafted, with what every figure's proposal reads."""
    text: str
    source_id: str
    region_code: str
    year: int
    kind: str | None
    norm: str = ""
    plans: list[tuple[int, int]] = field(default_factory=list)
    urls: list[tuple[int, int]] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        self.norm = numbers.normalise(self.text)
        self.plans = plan_sections(self.text)
        self.urls = [m.span() for m in _URL.finditer(self.text)]
        self.quoted = [m.span() for m in _QUOTED.finditer(self.text)]

    def plan_section(self, offset: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.plans if a <= offset < b), None)


# row field -> the RULES list of its cues
CUE_FIELDS = {"school_level": "levels", "population": "populations", "programme": "programmes",
              "channel": "channels", "project_kind": "project_kinds", "status": "statuses"}
HIRING_INDICATORS = ("hired", "planned", "directed_training_intake")   # the others have no channel


def draft(text: str, source_id: str, region_code: str, year: int, source_kind: str | None = None,
          root: Path = ROOT) -> Draft:
    """The draft of one source text; see the module docstring."""
    src = Source(text, source_id, region_code, year, source_kind)
    found = scan(text)
    spans = sentences(text, found)
    out = Draft(rows={t.name: [] for t in topic_tables(root)})
    figures: list[Figure] = []
    k = 0
    for f in found:
        while k < len(spans) and spans[k][1] <= f.offset:
            k += 1
        sentence = spans[k] if k < len(spans) else (f.offset, f.end)
        reason = exclusion_reason(text, f, {"url": src.urls, "quoted": src.quoted})
        if reason is None:
            placed = _classify(src, f, sentence, figures[-1] if figures else None)
            if isinstance(placed, Figure):
                placed.row = _row(src, placed, len(out.rows[placed.table]) + 1, root)
                out.rows[placed.table].append(placed.row)
                out.placed[f.offset] = placed.table
                figures.append(placed)
                continue
            reason = placed
        out.exclusions.append({"source_id": source_id, "char_offset": str(f.offset), "text": f.text,
                               "reason": reason[0], "note": f"{DRAFT_MARK} {reason[1]}"})
        out.placed[f.offset] = LEDGER
    link_parts(text, figures)
    for fig in figures:
        _finish_note(fig.row)
    return out


def _classify(src: Source, f: Found, sentence: tuple[int, int], prev: Figure | None):
    """A Figure with its table, row unit and indicator (row not built yet), or (reason, why)
    for an exclusion. A figure listed right after another of the same unit (甲1200元、乙1400元)
    takes that one's table and indicator."""
    text = src.text
    parsed, rule = _figure(f)
    if parsed is None:
        return "vague", f"cannot be read as one quantity ({f.error})"
    if parsed.canonical_unit == "year":
        return "vague", "a duration in years, not a statistic"
    unit = _row_unit(parsed, text, f.offset, f.end)
    listed = prev is not None and prev.sentence == sentence and prev.row["unit"] == unit \
        and re.match(RULES["list_gap"], text[prev.found.end:f.offset]) is not None
    name, score = (prev.table, 0) if listed else choose_table(text, f, sentence)
    if name is None:
        return "out_of_scope", "no education keyword near the figure"
    if not any(ch.isdigit() for ch in f.text) and score > 3 and parsed.canonical_unit != "school":
        return "vague", "a Chinese numeral (一批, 三个, 两年) not next to an education keyword, rarely a statistic"
    if unit == "none":
        return "out_of_scope", f"printed unit {parsed.unit!r} fits no row unit"
    indicator = prev.row["indicator"] if listed else choose_indicator(name, text, f, sentence, unit)
    if unit is None:
        unit = _row_unit(parsed, text, f.offset, f.end, indicator) or RULES["unit_by_table"][name]
        indicator = choose_indicator(name, text, f, sentence, unit)
    elif unit == "item":
        unit = _row_unit(parsed, text, f.offset, f.end, indicator)
    fig = Figure(f, parsed, rule, sentence, name)
    fig.row = {"unit": unit, "indicator": indicator}
    return fig


def _row(src: Source, fig: Figure, n: int, root: Path) -> dict:
    """The proposed row of a classified figure, numbered n in its table."""
    text, f, s = src.text, fig.found, fig.sentence[0]
    t = table(fig.table, root)
    qualifier = fig.parsed.qualifier
    if qualifier == "exact":
        qualifier = _cue(text, _clause_start(text, s, f.offset), f.offset, RULES["qualifier_cues"].items()) or qualifier
    section = src.plan_section(f.offset)
    in_plan = src.kind == "work_plan" or section is not None
    kind, kind_why = choose_kind(text, f, fig.sentence, in_plan)
    when = choose_period(text, f, fig.sentence, src.year, _lead(text, f.offset))
    if in_plan and kind == "target" and not _YEAR.search(text[s:f.offset]):
        years = _YEAR.findall(text[section[0]:section[0] + 40]) if section else []
        when["year"] = int(years[0]) if years else when["year"]
    row = {name: "" for name in t.field_names}
    row.update({
        "id": f"{src.source_id}-{t.resource['tableCode']}-{n:03d}", "region_code": src.region_code,
        "year": str(when["year"]), "first_year": str(when["first_year"] or ""), "period": when["period"],
        "as_of": when["as_of"] or "", "kind": kind, "indicator": fig.row["indicator"],
        "value": _fmt(fig.parsed.value), "value_max": _fmt(fig.parsed.value_max), "unit": fig.row["unit"],
        "qualifier": qualifier, "printed": numbers.normalise(f.text), "source_id": src.source_id,
        "quote": quote_for(text, src.norm, f, fig.sentence), "repair_rule": fig.repair_rule or "",
    })
    for name, rules in CUE_FIELDS.items():
        if name in row:
            row[name] = _cue(text, s, f.offset, RULES[rules]) or RULES["defaults"][name]
    if "channel" in row and row["indicator"] not in HIRING_INDICATORS:
        row["channel"] = "not_applicable"
    why = [w for w in (kind_why, when["why"]) if w]
    if fig.repair_rule:
        why.append(f"damaged figure read with repair rule {fig.repair_rule}")
    row["note"] = "; ".join(why)
    return row


def _finish_note(row: dict) -> None:
    row["note"] = f"{DRAFT_MARK} proposed by `python -m scripts draft`" + (f": {row['note']}" if row["note"] else "") \
        + "; review every cell, then remove the mark"


# ---------------------------------------------------------------- parts and totals

def _same_series(part: Figure, total: Figure) -> bool:
    """Whether `part` can be a part of `total`: same table, unit and indicator (a part counted
    with a bare 个, unit item, fits a total in places, projects, classes or schools)."""
    if part.table != total.table or total.row["unit"] == "percent":
        return False
    if part.row["unit"] == "item" and numbers.is_compatible("item", total.row["unit"]):
        return True
    return part.row["unit"] == total.row["unit"] and part.row["indicator"] == total.row["indicator"]


def link_parts(text: str, figures: list[Figure]) -> None:
    """parent_id and breakdown_complete from the structures named in the module docstring."""
    opens, closes = RULES["parts"]["open"], RULES["parts"]["close"]
    for i, fig in enumerate(figures):
        s, e = fig.sentence
        # a list closed by its total: 甲…、乙…、丙…,总计X
        before = text[max(s, fig.found.offset - 4):fig.found.offset]
        if any(w in before for w in closes):
            parts = [g for g in figures[:i] if g.sentence == fig.sentence and _same_series(g, fig) and not g.row["parent_id"]]
            if len(parts) >= 2 and _adds_up(fig, parts):
                _link(fig, parts, complete=True)
            continue
        if fig.row["parent_id"]:
            continue
        # a total followed by its parts: X，其中甲…、乙… / X（甲…，乙…）
        nxt = next((g for g in figures[i + 1:] if g.sentence == fig.sentence), None)
        if nxt is None:
            continue
        gap = text[fig.found.end:nxt.found.offset]
        word = next((w for w in opens if w in gap), None)
        if word is None:
            continue
        stop = text.find("）" if word == "（" else ")", fig.found.end, e) if word in "（(" else e
        stop = e if stop < 0 else stop
        parts = [g for g in figures[i + 1:] if g.sentence == fig.sentence and g.found.offset < stop
                 and _same_series(g, fig) and g.parsed.value <= fig.parsed.value]
        if parts:
            _link(fig, parts, complete=_adds_up(fig, parts) if len(parts) >= 2 else False)
    # 其中 opening a sentence: parts of the same-unit figures of the sentence before
    for i, fig in enumerate(figures):
        s, _ = fig.sentence
        if fig.row["parent_id"] or not text[s:fig.found.offset].lstrip().startswith("其中"):
            continue
        total = next((g for g in reversed(figures[:i]) if g.sentence != fig.sentence and g.sentence[1] <= s
                      and g.sentence[1] >= s - 1 and _same_series(fig, g)), None)
        if total is not None and fig.parsed.value <= total.parsed.value:
            _link(total, [fig], complete=False)


def _adds_up(total: Figure, parts: list[Figure]) -> bool:
    from validation.crossrow import half_unit
    got = sum(p.parsed.value for p in parts)
    slack = half_unit(total.row["printed"], total.repair_rule) + sum(half_unit(p.row["printed"], p.repair_rule) for p in parts)
    return abs(got - total.parsed.value) <= slack


def _link(total: Figure, parts: list[Figure], complete: bool) -> None:
    for p in parts:
        p.row["parent_id"] = total.row["id"]
        for key in ("region_code", "year", "first_year", "period", "as_of"):   # a part describes its total's place and time
            p.row[key] = total.row[key]
        if p.row["unit"] != total.row["unit"]:   # 小学98个 of 234个班级: the total says what 个 counts
            p.row["unit"], p.row["indicator"] = total.row["unit"], total.row["indicator"]
        p.row["note"] = "; ".join(w for w in (p.row["note"], f"part of {total.row['printed']}") if w)
    if complete:
        total.row["breakdown_complete"] = "true"
        total.row["note"] = "; ".join(w for w in (total.row["note"], f"its {len(parts)} listed parts add up to it") if w)
    else:
        total.row["note"] = "; ".join(w for w in (total.row["note"], f"{len(parts)} part(s) point here, not declared complete "
                                                                     "(they do not add up to it: examples?)") if w)


# ---------------------------------------------------------------- files

def _write_csv(path: Path, header: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in header})


def write(d: Draft, out: Path, root: Path = ROOT) -> list[Path]:
    """DIR/<table>.csv for every topic table (header only when it has no proposal) and
    DIR/coverage_exclusions.csv."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in d.rows.items():
        _write_csv(out / f"{name}.csv", table(name, root).field_names, rows)
        written.append(out / f"{name}.csv")
    _write_csv(out / f"{LEDGER}.csv", table(LEDGER, root).field_names, d.exclusions)
    written.append(out / f"{LEDGER}.csv")
    return written


def source_text(row: dict, root: Path = ROOT) -> str:
    """The decoded text of a registered source, read where the package reads every source
    (scripts.source_text.read_source_text: in its declared encoding, e.g. GB18030)."""
    return read_source_text(row, root)


# ---------------------------------------------------------------- merge

class MergeError(Exception):
    """A draft that cannot be merged; the message names the file and line."""


def _read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def merge(src: Path, root: Path = ROOT, rest_reason: str | None = None) -> dict[str, int]:
    """Append the reviewed draft rows in `src` to data/ with fresh ids (the next free number of
    their source in each table; parent_id/base_id/plan_id that point at draft ids follow), and
    the exclusions to the ledger. With `rest_reason`, every candidate of the merged sources that
    is then in neither a row nor the ledger (rows deleted in review) is excluded with that reason
    (counted under 'rest'). Refuses, changing nothing, if any row still carries DRAFT_MARK,
    a header differs from the table's, or an exclusion is already in the ledger."""
    plans: list[tuple[Path, list[str], list[dict]]] = []
    renames: dict[str, str] = {}
    for t in topic_tables(root) + [table(LEDGER, root)]:
        path = src / f"{t.name}.csv"
        if not path.is_file():
            continue
        header, rows = _read_csv(path)
        if header != t.field_names:
            raise MergeError(f"{path}:1:1: header differs from {t.path}'s ({', '.join(t.field_names)})")
        for line, r in enumerate(rows, start=2):
            if DRAFT_MARK in (r.get("note") or ""):
                raise MergeError(f"{path}:{line}:{header.index('note') + 1}: still marked {DRAFT_MARK}: review the row, "
                                 "then remove the mark from its note (or delete the row)")
        existing_header, existing = _read_csv(root / t.path)
        if t.name == LEDGER:
            have = {(r["source_id"], r["char_offset"]) for r in existing}
            for line, r in enumerate(rows, start=2):
                if (r["source_id"], r["char_offset"]) in have:
                    raise MergeError(f"{path}:{line}:2: {r['source_id']} offset {r['char_offset']} is already in {t.path}")
        else:
            code = t.resource["tableCode"]
            used: dict[str, int] = {}
            for r in existing:
                m = re.fullmatch(rf"(.+)-{code}-(\d+)", r["id"])
                if m:
                    used[m.group(1)] = max(used.get(m.group(1), 0), int(m.group(2)))
            for r in rows:
                sid = r["source_id"]
                used[sid] = used.get(sid, 0) + 1
                renames[r["id"]] = f"{sid}-{code}-{used[sid]:03d}"
        plans.append((root / t.path, existing_header, rows))
    if rest_reason is not None:
        reasons = table(LEDGER, root).field("reason")["constraints"]["enum"]
        if rest_reason not in reasons:
            raise MergeError(f"--rest-reason {rest_reason!r} is not a ledger reason ({', '.join(reasons)})")
    counts = {}
    for path, header, rows in plans:
        for r in rows:
            if "id" in r:
                r["id"] = renames[r["id"]]
                for ref in ("parent_id", "base_id", "plan_id"):
                    if r.get(ref):
                        r[ref] = renames.get(r[ref], r[ref])
        with open(path, "a", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
            w.writerows({k: r.get(k, "") for k in header} for r in rows)
        counts[path.stem] = len(rows)
    sources = {r["source_id"] for _, _, rows in plans for r in rows}
    rest = unaccounted(root, sources)
    if rest_reason is not None and rest:
        header = table(LEDGER, root).field_names
        with open(root / table(LEDGER, root).path, "a", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
            w.writerows({"source_id": sid, "char_offset": str(c.offset), "text": c.text, "reason": rest_reason,
                         "note": "not curated: its proposed row was rejected in review"} for sid, c in rest)
        counts["rest"] = len(rest)
    elif rest:
        counts["unaccounted"] = len(rest)
    return counts


def unaccounted(root: Path, sources: set[str]) -> list[tuple[str, Found]]:
    """(source id, candidate) for the candidates of these sources in neither a row nor the ledger."""
    from validation.coverage import cover
    rows_by_source: dict[str, list[dict]] = {}
    for t in topic_tables(root):
        for r in _read_csv(root / t.path)[1]:
            rows_by_source.setdefault(r["source_id"], []).append(r)
    ledger: dict[str, list] = {}
    for i, r in enumerate(_read_csv(root / table(LEDGER, root).path)[1]):
        ledger.setdefault(r["source_id"], []).append((i, {**r, "char_offset": int(r["char_offset"])}))
    known = {r["id"]: r for r in _read_csv(root / table("sources", root).path)[1]}
    out = []
    for sid in sorted(sources & set(known)):
        text = source_text(known[sid], root)
        cov = cover(sid, known[sid]["path"], text, rows_by_source.get(sid, []), ledger.get(sid, []))
        out += [(sid, c) for c in cov.unaccounted]
    return out


# ---------------------------------------------------------------- command line

def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of the `draft` subcommand (mounted by scripts/cli.py)."""
    p.add_argument("source", nargs="?", help="source text: a registered one (in data/sources.csv) needs no other option "
                   "and is read in its declared encoding; any other must be UTF-8")
    p.add_argument("--source-id", help="source id (default: from data/sources.csv when FILE is registered)")
    p.add_argument("--region", help="region code of the report (default: from data/sources.csv)")
    p.add_argument("--year", type=int, help="year reported on (default: from data/sources.csv)")
    p.add_argument("--out", type=Path, help="folder for the draft CSVs (default: drafts/<source id>)")
    p.add_argument("--merge", type=Path, metavar="DIR",
                   help="append the reviewed draft in DIR to data/ with fresh ids instead of drafting")
    p.add_argument("--rest-reason", metavar="REASON",
                   help="with --merge: exclude, with this ledger reason, every candidate of the merged sources that "
                        "is left in neither a row nor the ledger (the rows you deleted in review), e.g. out_of_scope")
    p.add_argument("--root", type=Path, default=ROOT, help="package root (default: this repository)")


def run(args: argparse.Namespace) -> int:
    if args.merge is not None:
        try:
            counts = merge(args.merge, args.root, args.rest_reason)
        except (MergeError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        rest, left = counts.pop("rest", 0), counts.pop("unaccounted", 0)
        for name, n in counts.items():
            print(f"appended {n} row(s) to data/{name}.csv")
        if rest:
            print(f"excluded {rest} candidate(s) left in neither a row nor the ledger, reason {args.rest_reason}")
        if left:
            print(f"{left} candidate(s) are in neither a row nor the ledger (rows deleted in review?): validate lists "
                  "them; add exclusions, or merge with --rest-reason REASON")
        print("now run `python -m scripts validate`")
        return 0
    if not args.source:
        print("error: give a source FILE to draft, or --merge DIR", file=sys.stderr)
        return 2
    known = source_row_for_path(args.source, args.root) or {}
    try:
        text = source_text(known, args.root) if known else _read(args.source)
    except SourceError as exc:
        print(exc, file=sys.stderr)
        return 2
    except SourceTextError as exc:   # a one-line file:line:column message
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sid = args.source_id or known.get("id")
    region = args.region or known.get("region_code")
    year = args.year or (int(known["report_year"]) if known.get("report_year") else None)
    missing = [flag for flag, v in (("--source-id", sid), ("--region", region), ("--year", year)) if not v]
    if missing:
        print(f"error: {args.source} is not registered in data/sources.csv: give {', '.join(missing)}", file=sys.stderr)
        return 2
    if not re.fullmatch(r"[a-z]+[0-9]{4}", sid):
        print(f"error: --source-id {sid!r} must be a place and a year, e.g. yichun2021", file=sys.stderr)
        return 2
    if not re.fullmatch(r"[0-9]{6}", region):
        print(f"error: --region {region!r} must be a six-digit division code", file=sys.stderr)
        return 2
    d = draft(text, sid, region, year, known.get("kind"), args.root)
    out = args.out or args.root / "drafts" / sid
    write(d, out, args.root)
    n_rows = sum(len(r) for r in d.rows.values())
    per = ", ".join(f"{name} {len(r)}" for name, r in d.rows.items() if r)
    print(f"{len(d.placed)} candidates: {n_rows} proposed rows ({per}), {len(d.exclusions)} proposed exclusions -> {out}")
    print(f"review each file, remove {DRAFT_MARK} from the notes you accept, then "
          f"`python -m scripts draft --merge {out}` and `python -m scripts validate`")
    return 0
