"""scripts/draft.py: every candidate placed once, agreement with the curated rows, the structures
it reads (其中, 分别为, a total and its listed parts), cues, the command line and --merge.

The agreement test compares the draft of each archived source with the rows curated by hand:
a curated figure agrees when the draft row at the same place in the text has the same table,
value, unit and qualifier. It prints the figure per source and requires 90% on the five seed
reports (issue 11); other sources are measured and printed, not held to it.
"""
from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from scripts import draft as D
from scripts.candidates import scan
from scripts.metadata import ROOT, table, topic_tables
from validation.coverage import figure_span, normalised_map

SEEDS = ("shangrao2020", "jingjiang2020", "suizhou2018", "nanchang2020", "shuangfeng2017")
AGREEMENT = 0.90


def _sources() -> list[dict]:
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


SOURCES = _sources()


def _draft(src: dict) -> tuple[str, D.Draft]:
    text = D.source_text(src, ROOT)
    return text, D.draft(text, src["id"], src["region_code"], int(src["report_year"]), src["kind"])


def _curated(source_id: str) -> list[tuple[str, dict]]:
    out = []
    for t in topic_tables():
        with open(ROOT / t.path, encoding="utf-8", newline="") as fh:
            out += [(t.name, r) for r in csv.DictReader(fh) if r["source_id"] == source_id and r["printed"]]
    return out


def agreement(src: dict) -> tuple[int, int]:
    """(curated figures the draft agrees with, curated figures) for one source."""
    text, d = _draft(src)
    norm, origin = normalised_map(text)
    drafted = [(figure_span(norm, origin, r["quote"], r["printed"]), name, r) for name, rows in d.rows.items() for r in rows]
    same_value = lambda a, b: (Decimal(a) == Decimal(b)) if a and b else a == b
    good = total = 0
    for name, r in _curated(src["id"]):
        span = figure_span(norm, origin, r["quote"], r["printed"])
        total += 1
        good += any(s and span and s[0] < span[1] and span[0] < s[1] and dn == name and same_value(dr["value"], r["value"])
                    and dr["unit"] == r["unit"] and dr["qualifier"] == r["qualifier"] for s, dn, dr in drafted)
    return good, total


@pytest.mark.parametrize("src", SOURCES, ids=[s["id"] for s in SOURCES])
def test_every_candidate_lands_in_exactly_one_row_or_exclusion(src):
    text, d = _draft(src)
    offsets = [c.offset for c in scan(text)]
    rows = [r for rows in d.rows.values() for r in rows]
    assert len(rows) + len(d.exclusions) == len(offsets)
    assert sorted(d.placed) == offsets
    assert sorted(int(e["char_offset"]) for e in d.exclusions) == sorted(o for o, where in d.placed.items() if where == D.LEDGER)
    by_offset = {c.offset: c.text for c in scan(text)}
    assert all(by_offset[int(e["char_offset"])] == e["text"] for e in d.exclusions)
    assert all(r["note"].startswith(D.DRAFT_MARK) for r in rows + d.exclusions)


@pytest.mark.parametrize("src", SOURCES, ids=[s["id"] for s in SOURCES])
def test_drafted_rows_agree_with_the_curated_rows(src):
    good, total = agreement(src)
    if not total:
        print(f"\n{src['id']}: no curated figures yet")
        return
    share = good / total
    print(f"\n{src['id']}: draft agrees with {good} of {total} curated figures ({share:.1%}) on table, value, unit and qualifier")
    if src["id"] in SEEDS:
        assert share >= AGREEMENT, f"{src['id']}: {good}/{total} = {share:.1%} < {AGREEMENT:.0%}"


def _one(text: str, **kw) -> D.Draft:
    return D.draft(text, kw.get("source_id", "testcounty2021"), kw.get("region", "431321"), kw.get("year", 2021))


def _rows(d: D.Draft) -> list[dict]:
    return [r for rows in d.rows.values() for r in rows]


TWELVE = ("全县共发放各类学生资助资金1234万元，其中学前教育资助100万元、义务教育生活补助200万元、普通高中国家助学金150万元、"
          "免学费80万元、中职国家助学金90万元、营养改善计划资金300万元、寄宿生补助50万元、雨露计划40万元、"
          "生源地信用助学贷款120万元、大学新生入学资助60万元、社会捐资助学24万元、县级奖学金20万元。")


def test_a_total_with_twelve_listed_programmes_gets_twelve_linked_parts():
    d = _one(TWELVE)
    rows = d.rows["subsidies"]
    total = next(r for r in rows if r["printed"] == "1234万元")
    parts = [r for r in rows if r["parent_id"] == total["id"]]
    assert len(parts) == 12
    assert total["breakdown_complete"] == "true"
    assert all(p["unit"] == "yuan" and p["period"] == total["period"] and p["year"] == total["year"] for p in parts)


def test_parts_that_do_not_add_up_are_linked_but_not_declared_complete():
    d = _one("全市共有各级各类学校105所，其中幼儿园55所、小学22所。")
    rows = d.rows["enrollment"]
    total = next(r for r in rows if r["printed"] == "105所")
    assert [r["printed"] for r in rows if r["parent_id"] == total["id"]] == ["55所", "22所"]
    assert total["breakdown_complete"] == "" and "not declared complete" in total["note"]


def test_bracketed_parts_and_a_list_closed_by_its_total():
    d = _one("接收安置公费师范生45人（部属19人，省属26人）。共有在园幼儿23429人、小学生56370人、初中生26577人，总计106376人。")
    hiring = d.rows["teacher_hiring"]
    t45 = next(r for r in hiring if r["printed"] == "45人")
    assert t45["breakdown_complete"] == "true"
    assert sorted(r["printed"] for r in hiring if r["parent_id"] == t45["id"]) == ["19人", "26人"]
    enr = d.rows["enrollment"]
    total = next(r for r in enr if r["printed"] == "106376人")
    assert total["breakdown_complete"] == "true" and len([r for r in enr if r["parent_id"] == total["id"]]) == 3


def test_qizhong_opening_a_sentence_links_to_the_figures_before():
    d = _one("上半年全市共资助学生220051人次，发放资助金12751.098万元；其中资助建档立卡家庭学生109233人次，发放资助金5412.5583万元。")
    rows = {r["printed"]: r for r in d.rows["subsidies"]}
    assert rows["109233人次"]["parent_id"] == rows["220051人次"]["id"]
    assert rows["5412.5583万元"]["parent_id"] == rows["12751.098万元"]["id"]
    assert rows["109233人次"]["population"] == "registered_poor"
    assert rows["109233人次"]["period"] == "first_half"   # the part keeps its total's period


def test_fenbiewei_list_shares_table_and_indicator():
    d = _one("生均一般公共预算教育支出分别为2.81万元、2.65万元、2.33万元。")
    rows = d.rows["finance"]
    assert [r["printed"] for r in rows] == ["2.81万元", "2.65万元", "2.33万元"]
    assert {r["indicator"] for r in rows} == {"per_student_expenditure"}
    assert all(not r["parent_id"] for r in rows)


@pytest.mark.parametrize("text,printed,kind", [
    ("计划招聘特岗教师300人。", "300人", "target"),
    ("力争新增学位2000个。", "2000个", "target"),
    ("按每生每年6000元的标准拨付公用经费。", "6000元", "standard"),
    ("起始年级班额不超过45人。", "不超过45人", "standard"),
    ("特岗教师计划1338人，实际招聘1293人。", "1293人", "actual"),
    ("全年招聘教师52名。", "52名", "actual"),
])
def test_kind_from_cues(text, printed, kind):
    row = next(r for r in _rows(_one(text)) if r["printed"] == printed)
    assert row["kind"] == kind


@pytest.mark.parametrize("text,printed,period,first_year,year", [
    ("十三五期间，全县教育支出239.96亿元。", "239.96亿元", "multi_year", "2016", "2020"),
    ("近三年新建校舍9万多平方米。", "9万多平方米", "multi_year", "2019", "2021"),
    ("全县已累计投入资金8.56亿元。", "8.56亿元", "cumulative", "", "2021"),
    ("上半年资助学生220051人次。", "220051人次", "first_half", "", "2021"),
])
def test_period_from_cues(text, printed, period, first_year, year):
    row = next(r for r in _rows(_one(text)) if r["printed"] == printed)
    assert (row["period"], row["first_year"], row["year"]) == (period, first_year, year)


def test_dates_document_numbers_list_numbers_urls_and_names_are_exclusions():
    text = ("来源：http://www.sf.gov.cn/art/2017/5/10/art_123_4567.html\n"
            "一、基本情况\n2020年11月13日，根据赣府发〔2020〕11号文件，实施“5+2”行动，新增学位775个。\n")
    d = _one(text)
    reasons = {e["text"]: e["reason"] for e in d.exclusions}
    url = [e for e in d.exclusions if int(e["char_offset"]) < text.index("\n")]
    assert len(url) >= 4 and {e["reason"] for e in url} == {"page_noise"}
    assert reasons["一、"] == "list_number"
    assert reasons["2020年11月13日"] == "date"
    assert reasons["〔2020〕11号"] == "document_number"
    assert reasons["5+2"] == "name_or_slogan"
    assert [r["printed"] for r in _rows(d)] == ["775个"]
    assert d.rows["construction_projects"][0]["unit"] == "place"


def test_quote_is_unique_and_its_first_occurrence_of_printed_is_the_figure():
    text = "定向培养教师已与198人(初中起点189名、高中起点9名)签订了培养合同。另招聘教师9名。"
    row = next(r for r in _rows(_one(text)) if r["printed"] == "9名" and "高中" in r["quote"])
    norm, origin = normalised_map(text)
    start, _ = figure_span(norm, origin, row["quote"], row["printed"])
    assert text[start:start + 2] == "9名" and text[start - 1] == "点"
    assert text.count(row["quote"]) == 1


def test_damaged_figure_is_proposed_with_its_repair_rule():
    d = _one("补助资金\n673、5875万元,全部发放。")
    row = next(r for r in _rows(d))
    assert (row["value"], row["unit"], row["repair_rule"]) == ("6735875", "yuan", "dunhao_decimal")


def test_draft_files_have_the_package_headers(tmp_path):
    D.write(_one(TWELVE), tmp_path)
    for t in topic_tables() + [table(D.LEDGER)]:
        with open(tmp_path / f"{t.name}.csv", encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == t.field_names


# ---------------------------------------------------------------- command line and merge

def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "scripts", "draft", *args], cwd=cwd, capture_output=True, text=True)


def test_registered_source_needs_no_flags(tmp_path):
    src = SOURCES[0]
    proc = run(src["path"], "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    with open(tmp_path / "coverage_exclusions.csv", encoding="utf-8", newline="") as fh:
        assert {r["source_id"] for r in csv.DictReader(fh)} == {src["id"]}


def test_unregistered_source_takes_region_and_year_from_the_flags(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(TWELVE, encoding="utf-8")
    proc = run(str(report), "--out", str(tmp_path / "d"))
    assert proc.returncode == 2 and "not registered" in proc.stderr and "--source-id" in proc.stderr
    proc = run(str(report), "--source-id", "testcounty2021", "--region", "431321", "--year", "2021", "--out", str(tmp_path / "d"))
    assert proc.returncode == 0, proc.stderr
    with open(tmp_path / "d" / "subsidies.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 13 and {(r["region_code"], r["year"]) for r in rows} == {("431321", "2021")}
    assert "Traceback" not in proc.stderr


def test_bad_flags_are_one_line_errors(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(TWELVE, encoding="utf-8")
    proc = run(str(report), "--source-id", "Test", "--region", "431321", "--year", "2021")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--source-id" in proc.stderr
    proc = run(str(tmp_path / "missing.txt"))
    assert proc.returncode == 2 and "no such file" in proc.stderr


def _accept(folder: Path) -> None:
    """What a reviewer does after checking every row: remove the draft mark."""
    for path in folder.glob("*.csv"):
        path.write_text(path.read_text(encoding="utf-8").replace(D.DRAFT_MARK + " ", "reviewed: "), encoding="utf-8")


def test_merge_refuses_unreviewed_drafts(real_package, tmp_path):
    D.write(_one(TWELVE, source_id="shangrao2020", region="361100", year=2020), tmp_path / "d")
    before = (real_package.root / "data" / "subsidies.csv").read_text(encoding="utf-8")
    with pytest.raises(D.MergeError, match=r"subsidies\.csv:2:\d+: still marked \[draft\]"):
        D.merge(tmp_path / "d", real_package.root)
    assert (real_package.root / "data" / "subsidies.csv").read_text(encoding="utf-8") == before


def test_merge_gives_fresh_ids_and_follows_parent_links(real_package, tmp_path):
    sid = "shangrao2020"
    existing = [r["id"] for r in real_package.read_rows("subsidies") if r["source_id"] == sid]
    last = max(int(i.rsplit("-", 1)[1]) for i in existing)
    d = _one(TWELVE, source_id=sid, region="361100", year=2020)
    d.exclusions = []
    D.write(d, tmp_path / "d")
    _accept(tmp_path / "d")
    assert D.merge(tmp_path / "d", real_package.root)["subsidies"] == 13
    rows = [r for r in real_package.read_rows("subsidies") if r["source_id"] == sid][len(existing):]
    assert [r["id"] for r in rows] == [f"{sid}-sub-{n:03d}" for n in range(last + 1, last + 14)]
    assert {r["parent_id"] for r in rows[1:]} == {rows[0]["id"]}


def test_merge_refuses_an_exclusion_already_in_the_ledger(real_package, tmp_path):
    ledger = real_package.read_rows("coverage_exclusions")
    d = D.Draft(rows={}, exclusions=[dict(ledger[0], note="reviewed")])
    D.write(d, tmp_path / "d")
    with pytest.raises(D.MergeError, match="already in data/coverage_exclusions.csv"):
        D.merge(tmp_path / "d", real_package.root)


def test_an_accepted_draft_of_a_source_validates(real_package, tmp_path):
    """The whole loop on a real report: its rows removed, drafted, accepted as drafted, merged:
    validation finds no error (the review is what makes the rows right; the draft must at least
    be well-formed, traceable and cover every candidate)."""
    from validation.run import validate
    src = SOURCES[0]
    for t in topic_tables() + [table(D.LEDGER)]:
        real_package.write_rows(t.name, [r for r in real_package.read_rows(t.name) if r["source_id"] != src["id"]])
    text = D.source_text(src, real_package.root)
    D.write(D.draft(text, src["id"], src["region_code"], int(src["report_year"]), src["kind"]), tmp_path / "d")
    _accept(tmp_path / "d")
    D.merge(tmp_path / "d", real_package.root)
    # the files the draft wrote and the source they cover; rules elsewhere (the indicator
    # catalogue's rules expect the curated rows' codes) are not the draft's to satisfy
    mine = {t.path for t in topic_tables() + [table(D.LEDGER)]} | {src["path"]}
    errors = [p.plain() for p in validate(real_package.root) if p.severity == "error" and p.path in mine]
    assert errors == []


def test_a_plan_section_makes_targets_of_its_year_and_ends_at_the_next_heading():
    text = ("一、2005年工作回顾\n全年新建学校10所。\n"
            "二、2006年政府工作的主要目标和任务今年是开局之年。\n新建学校12所。\n"
            "三、关于规划的说明\n五年来，我市社会事业全面进步。完成中小学危房改造756所。\n")
    rows = {r["printed"]: r for r in _rows(D.draft(text, "testcity2005", "411700", 2005))}
    assert (rows["10所"]["kind"], rows["10所"]["year"]) == ("actual", "2005")
    assert (rows["12所"]["kind"], rows["12所"]["year"]) == ("target", "2006")
    r = rows["756所"]
    assert (r["kind"], r["period"], r["first_year"], r["year"]) == ("actual", "multi_year", "2001", "2005")


def test_merge_can_exclude_what_review_rejected(real_package, tmp_path):
    """Rows deleted in review leave their candidates unaccounted; --rest-reason excludes them."""
    from validation.run import validate
    src = SOURCES[0]
    for t in topic_tables() + [table(D.LEDGER)]:
        real_package.write_rows(t.name, [r for r in real_package.read_rows(t.name) if r["source_id"] != src["id"]])
    text = D.source_text(src, real_package.root)
    d = D.draft(text, src["id"], src["region_code"], int(src["report_year"]), src["kind"])
    rejected = d.rows["construction_projects"]
    d.rows["construction_projects"] = []
    kept = {r["id"] for rows in d.rows.values() for r in rows}
    for rows in d.rows.values():   # a parent rejected in review: its parts lose the link
        for r in rows:
            r["parent_id"] = r["parent_id"] if r["parent_id"] in kept else ""
    D.write(d, tmp_path / "d")
    _accept(tmp_path / "d")
    with pytest.raises(D.MergeError, match="not a ledger reason"):
        D.merge(tmp_path / "d", real_package.root, rest_reason="rejected")
    counts = D.merge(tmp_path / "d", real_package.root, rest_reason="out_of_scope")
    assert counts["rest"] >= len(rejected)
    ledger = [r for r in real_package.read_rows("coverage_exclusions") if r["note"].startswith("not curated")]
    assert len(ledger) == counts["rest"] and {r["reason"] for r in ledger} == {"out_of_scope"}
    assert not [p for p in validate(real_package.root) if "unaccounted" in p.message]
