"""The passage ledger: whole ranges left out with one reason, education figures still reported."""
import hashlib
import subprocess
import sys

from conftest import ROOT, col
from scripts.scope import EDUCATION_KEYWORDS, education_keyword
from validation.passages import expected_start_text

P = "data/coverage_passages.csv"
TEXT = "全市生产总值306.2亿元，增长8.1%。\n新建校舍1.2万平方米。\n粮食产量50万吨。\n"
SRC = dict(id="passagetest2015", title="政府工作报告", title_en="Test report", issuer="驻马店市人民政府",
           issuer_en="Zhumadian Municipal People's Government", region_code="411700", report_year="2014",
           kind="government_work_report", path="sources/passagetest_2015.txt", encoding="utf-8",
           delivery_year="2015", quality_note="test file")
ECONOMY = dict(source_id=SRC["id"], char_start="0", char_end=str(len(TEXT)), start_text=TEXT[:12],
               reason="out_of_scope", note="economy")
EDU = TEXT.index("1.2万平方米")


def setup(package, passages: list[dict]) -> None:
    """Archive TEXT as a new source whose only ledger is `passages` (appended to the real ones)."""
    data = TEXT.encode("utf-8")
    (package.root / SRC["path"]).write_bytes(data)
    package.write_rows("sources", package.read_rows("sources") + [dict(SRC, sha256=hashlib.sha256(data).hexdigest())])
    package.write_rows("coverage_passages", package.read_rows("coverage_passages") + passages)


def line_of_last(package) -> int:
    return len(package.read_rows("coverage_passages")) + 1


def test_figures_inside_an_excluded_passage_are_excluded_by_range_but_not_an_education_figure(package):
    setup(package, [ECONOMY])
    assert package.problems(keep_ledger=True) == [
        f"sources/passagetest_2015.txt:2:5: unaccounted numeric expression '1.2万平方米' (offset {EDU}, hint figure) "
        f"inside excluded passage 0-{len(TEXT)} (out_of_scope), not excluded by it because it looks like an "
        "education figure ('校舍' in its sentence): curate it as a row or list it in data/coverage_exclusions.csv with a reason"]


def test_an_education_figure_inside_a_passage_is_accounted_for_once_excluded_on_its_own(package):
    setup(package, [ECONOMY])
    ledger = package.read_rows("coverage_exclusions")
    package.write_rows("coverage_exclusions", ledger + [dict(source_id=SRC["id"], char_offset=str(EDU), text="1.2万平方米",
                                                             reason="vague", note="test")])
    assert package.problems(keep_ledger=True) == []


def test_coverage_counts_by_range_and_per_figure(package):
    from validation.run import coverage_report
    setup(package, [ECONOMY])
    results, _ = coverage_report(package.root)
    cov = next(c for c in results if c.source_id == SRC["id"])
    assert cov.counts() == {"source": SRC["id"], "found": 4, "curated": 0, "excluded": 0, "by_range": 3,
                            "pending": 0, "unaccounted": 1}
    assert cov.passage_counts() == [{"source": SRC["id"], "start": 0, "end": len(TEXT), "reason": "out_of_scope",
                                     "by_range": 3, "pending": 0, "education_inside": 1, "note": "economy"}]


def test_coverage_command_prints_the_passages(package):
    setup(package, [ECONOMY])
    proc = subprocess.run([sys.executable, "-m", "scripts", "coverage", "--root", str(package.root)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1          # one expression is unaccounted
    assert "by_range" in proc.stdout and "education_inside" in proc.stdout
    line = next(ln for ln in proc.stdout.splitlines() if ln.split()[:4] == [SRC["id"], "0", str(len(TEXT)), "out_of_scope"])
    assert line.split()[4:8] == ["3", "0", "1", "economy"]


def test_a_figure_crossing_the_passage_end_is_not_excluded_by_it(package):
    end = TEXT.index("50万") + 2          # the passage ends inside the candidate 50万
    setup(package, [dict(ECONOMY, char_end=str(end))])
    problems = package.problems(keep_ledger=True)
    assert [p.split(" (offset")[0].rsplit(" ", 1)[-1] for p in problems] == ["'1.2万平方米'", "'50万'"]


def test_wrong_start_text_is_an_error_at_its_cell(package):
    setup(package, [dict(ECONOMY, char_start="1", start_text=TEXT[:12])])
    line = line_of_last(package)
    problems = package.problems(keep_ledger=True)
    assert f"{P}:{line}:{col('coverage_passages', 'start_text')}: start_text {TEXT[:12]!r} is not the text at offset 1 " \
           f"of {SRC['id']}, which reads {TEXT[1:13]!r}: correct the offset or the start_text" in problems
    # the passage is not applied: its figures are unaccounted
    assert sum("unaccounted" in p for p in problems) == 4


def test_start_text_stops_before_a_line_break_and_at_the_passage_end():
    assert expected_start_text(TEXT, 0, len(TEXT)) == TEXT[:12]
    start = TEXT.index("新建")
    assert expected_start_text(TEXT, start, len(TEXT)) == "新建校舍1.2万平方米。"
    assert expected_start_text(TEXT, 0, 3) == "全市生"
    assert expected_start_text("ab\r\ncd", 0, 6) == "ab"


def test_passage_past_the_end_overlapping_or_empty_is_an_error(package):
    n = len(TEXT)
    setup(package, [dict(ECONOMY, char_end=str(n + 1)),
                    dict(ECONOMY, char_start="2", char_end="2", start_text=TEXT[2:14]),
                    dict(ECONOMY, char_start="3", char_end="10", start_text=TEXT[3:10])])
    problems = package.problems(keep_ledger=True)
    line = line_of_last(package)
    assert f"{P}:{line - 2}:{col('coverage_passages', 'char_end')}: char_end {n + 1} is past the end of {SRC['id']} ({n} characters)" in problems
    assert f"{P}:{line - 1}:{col('coverage_passages', 'char_end')}: char_end 2 is not after char_start 2" in problems
    setup(package, [dict(ECONOMY, char_start="5", char_end="12", start_text=TEXT[5:12])])
    assert f"{P}:{line + 1}:{col('coverage_passages', 'char_start')}: passage 5-12 of {SRC['id']} overlaps passage 3-10" \
        in package.problems(keep_ledger=True)


def test_a_not_yet_curated_passage_holds_its_figures_pending_and_validate_says_so(package):
    setup(package, [dict(ECONOMY, reason="not_yet_curated", note="whole report")])
    assert package.problems(keep_ledger=True) == []
    proc = subprocess.run([sys.executable, "-m", "scripts", "validate", "--root", str(package.root)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and "not yet curated" in proc.stdout
    strict = subprocess.run([sys.executable, "-m", "scripts", "validate", "--strict", "--root", str(package.root)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert strict.returncode == 1


def test_education_keyword_looks_in_the_sentence_only():
    text = "粮食产量50万吨，学校建设顺利。工业增加值8亿元。"
    assert education_keyword(text, 4, 8) == "学校"
    at = text.index("8亿元")
    assert education_keyword(text, at, at + 3) is None


def test_the_keywords_include_the_programmes_the_issue_names():
    for word in ("教育", "学校", "学生", "教师", "幼儿园", "校舍", "两免一补", "助学", "招生", "在校", "改薄"):
        assert word in EDUCATION_KEYWORDS


def test_a_keyword_inside_a_phrase_that_is_not_about_education_is_ignored():
    text = "深入学习十八大精神，入园企业达到7家。招生1200人。"
    at = text.index("7家")
    assert education_keyword(text, at, at + 2) is None          # 深入学习, 入园企业
    at = text.index("1200人")
    assert education_keyword(text, at, at + 5) == "招生"


def test_puji_alone_does_not_make_an_education_sentence_but_puji_of_schooling_does():
    text = "改造户厕1.1万户，自来水普及率96%；实施高中普及攻坚计划，高中阶段毛入学率达到93%。基本实现普九，完成投资3亿元。"
    at = text.index("96%")
    assert education_keyword(text, at, at + 3) is None             # 自来水普及率: tap water
    at = text.index("93%")
    assert education_keyword(text, at, at + 3) is not None         # 普及 of senior secondary schooling
    at = text.index("3亿元")
    assert education_keyword(text, at, at + 3) == "普九"
