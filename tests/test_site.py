"""The static explorer, checked in a real browser (headless Debian chromium, pages from file://).

Expected counts come from the CSVs (rows per source, ledger entries per source, rows per region
and year), never from the site's own code. Screenshots go to build/screenshots/, which CI keeps.
"""
from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts import numbers
from scripts.metadata import ROOT, topic_tables
from scripts.site import browser
from scripts.site.marks import Mark, place, render

SHOTS = ROOT / "build" / "screenshots"


def _csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _rows() -> list[dict]:
    return [r for t in topic_tables() for r in _csv(t.file)]


class Marks(HTMLParser):
    """<mark class="curated ..."> elements with their data-rows and text, and excluded spans."""

    def __init__(self):
        super().__init__()
        self.marks, self.excluded, self.passages, self.open, self.results = [], [], [], [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "mark" and "curated" in classes:
            self.marks.append({"rows": a.get("data-rows", "").split(), "quote": "quote" in classes, "text": ""})
            self.open.append(self.marks[-1])
        elif tag == "mark":
            self.open.append(None)
        if tag == "span" and "excluded" in classes:
            self.excluded.append(a.get("data-reason"))
        if tag == "span" and "passage-start" in classes:
            self.passages.append(a.get("data-reason"))
        if tag == "tr" and "result" in classes:
            self.results += 1
        if tag == "p" and a.get("id") == "count":
            self.count = int(a.get("data-n", -1))

    def handle_endtag(self, tag):
        if tag == "mark" and self.open:
            self.open.pop()

    def handle_data(self, data):
        for m in self.open:
            if m is not None:
                m["text"] += data


def parse(dom: str) -> Marks:
    p = Marks()
    p.feed(dom)
    return p


@pytest.fixture(scope="module")
def site(real_build) -> Path:
    if browser.executable() is None:
        pytest.skip(f"chromium not installed: {browser.INSTALL}")
    return real_build.explorer.parent


def test_every_source_page_highlights_each_curated_row_once_and_marks_each_exclusion(site):
    rows, ledger = _rows(), _csv(ROOT / "data" / "coverage_exclusions.csv")
    passages_csv = ROOT / "data" / "coverage_passages.csv"   # the passage ledger, where the package has one
    passages = _csv(passages_csv) if passages_csv.exists() else []
    sources = _csv(ROOT / "data" / "sources.csv")
    assert sources
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(2) as pool:   # one chromium per page, two at a time
        doms = list(pool.map(lambda s: browser.dom(browser.url(site / "sources" / f"{s['id']}.html")), sources))
    printed = {r["id"]: r["printed"] for r in rows}
    for s, dom in zip(sources, doms):
        page = parse(dom)
        expected = sorted(r["id"] for r in rows if r["source_id"] == s["id"])
        linked = sorted(i for m in page.marks for i in m["rows"])
        assert linked == expected, s["id"]   # every curated row highlighted, each exactly once
        for m in page.marks:   # a figure mark holds the printed figure of each of its rows
            if not m["quote"]:
                assert any(numbers.normalise(printed[i]) in numbers.normalise(m["text"]) for i in m["rows"]), m
        assert sorted(page.excluded) == sorted(x["reason"] for x in ledger if x["source_id"] == s["id"]), s["id"]
        assert sorted(page.passages) == sorted(x["reason"] for x in passages if x["source_id"] == s["id"]), s["id"]


def test_search_filters_by_region_year_and_indicator(site):
    rows = _rows()
    table_of = {r["id"]: t.name for t in topic_tables() for r in _csv(t.file)}
    r0 = rows[0]
    cases = [f"region={r0['region_code']}&year={r0['year']}",
             f"indicator={table_of[r0['id']]}:{r0['indicator']}", f"q={r0['id']}"]
    expected = [sum(1 for r in rows if r["region_code"] == r0["region_code"] and r["year"] == r0["year"]),
                sum(1 for r in rows if table_of[r["id"]] == table_of[r0["id"]] and r["indicator"] == r0["indicator"]),
                sum(1 for r in rows if r0["id"] in " ".join(r.values()))]
    for fragment, n in zip(cases, expected):
        page = parse(browser.dom(browser.url(site / "index.html", fragment)))
        assert page.count == n, fragment
        assert page.results == min(n, 500), fragment
    assert parse(browser.dom(browser.url(site / "index.html"))).count == len(rows)


def test_every_region_has_a_page_linking_to_its_rows(site):
    rows = _rows()
    for reg in _csv(ROOT / "data" / "regions.csv"):
        text = (site / "regions" / f"{reg['code']}.html").read_text(encoding="utf-8")
        assert reg["name_zh"] in text and reg["name_en"] in text
        mine = sum(1 for r in rows if r["region_code"] == reg["code"])
        assert re.findall(r"data-n='(\d+)' href='../index.html#region=(\d+)'", text) == [(str(mine), reg["code"])]


def test_screenshots(site):
    shots = [browser.screenshot(browser.url(site / "index.html"), SHOTS / "index.png"),
             browser.screenshot(browser.url(next((site / "sources").glob("*.html"))), SHOTS / "source.png", height=1400)]
    region = max((site / "regions").glob("*.html"), key=lambda p: p.read_text(encoding="utf-8").count("<figure>"))
    shots.append(browser.screenshot(browser.url(region), SHOTS / "region.png", height=1400))
    for p in shots:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 10_000, p


# ---- placing marks, without a browser ---------------------------------------------------------

def test_rows_sharing_a_figure_share_one_mark():
    text = "全市资助学生220051人次，其中"
    rows = [dict(id="a-sub-001", quote="资助学生220051人次", printed="220051人次"),
            dict(id="a-sub-002", quote="学生220051人次", printed="220051")]
    marks, lost = place(text, rows, [])
    assert not lost and len(marks) == 1 and sorted(marks[0].rows) == ["a-sub-001", "a-sub-002"]
    html, of_row = render(text, marks)
    assert html.count("<mark") == 1 and of_row == {"a-sub-001": 1, "a-sub-002": 1}


def test_a_quote_mark_holds_the_figures_it_touches_and_text_is_escaped():
    text = "<b>新建九小，投资5000万元</b>"
    rows = [dict(id="a-con-001", quote="新建九小，投资5000", printed=""),
            dict(id="a-con-002", quote="投资5000万元", printed="5000万元")]
    marks, lost = place(text, rows, [dict(char_offset=0, text="<b>", reason="page_noise")])
    assert not lost
    html, of_row = render(text, marks)
    assert "<b>" not in html and "&lt;b&gt;" in html
    quote = next(m for m in marks if m.kind == "quote")
    figure = next(m for m in marks if m.kind == "figure")
    assert quote.start <= figure.start and figure.end <= quote.end
    assert html.index('class="curated quote"') < html.index('class="curated figure"') < html.index("</a></mark></mark>")
    assert set(of_row) == {"a-con-001", "a-con-002"}


def test_a_passage_may_cut_across_a_mark():
    from scripts.site.marks import passage_inserts
    text = "甲乙丙丁戊己庚"
    marks = [Mark(2, 5, "figure", ["a-sub-001"])]
    html, _ = render(text, marks, passage_inserts([dict(char_start=0, char_end=3, reason="out_of_scope")]))
    assert html.index("passage-start") < html.index("<mark") < html.index("passage-end") < html.index("</mark>")
    assert html.replace("</span>", "").count("甲") == 1 and "己庚" in html


def test_crossing_marks_are_refused():
    with pytest.raises(ValueError, match="cross"):
        render("abcdef", [Mark(0, 3, "quote", ["x"]), Mark(2, 5, "figure", ["y"])])


def test_a_row_not_in_the_text_is_reported():
    _, lost = place("没有数字", [dict(id="a-sub-001", quote="资助学生220051人次", printed="220051人次")], [])
    assert lost == ["a-sub-001"]


def test_region_pages_chart_each_series_of_the_region(site, real_build):
    """One chart per indicator, school level and unit the series view holds for the region."""
    import duckdb
    from scripts.site.build import SERIES
    con = duckdb.connect(str(real_build.database), read_only=True)
    if not con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = ?", [SERIES]).fetchone()[0]:
        pytest.skip(f"no {SERIES} view in this package")
    expected = dict(con.execute(f"SELECT region_code, count(DISTINCT (indicator_id, school_level, unit)) FROM {SERIES} "
                                "WHERE value IS NOT NULL GROUP BY ALL").fetchall())
    assert expected
    for reg in _csv(ROOT / "data" / "regions.csv"):
        text = (site / "regions" / f"{reg['code']}.html").read_text(encoding="utf-8")
        assert text.count("<figure>") == expected.get(reg["code"], 0), reg["code"]
