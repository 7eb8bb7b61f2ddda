"""The Zhumadian series chart (scripts/charts.py): where it marks a break in definition, and that
it draws every one-year outcome and target it is given, from the views (fixture rows)."""
import re

import duckdb

from scripts import charts, ddl
from scripts.metadata import ROOT


def outcome(year, level, note=None):
    return (year, level, 10.0, "new_or_expansion", note, "src")


def test_a_break_is_marked_where_a_level_stops_being_reported_on_its_own():
    got = charts._breaks([outcome(2019, "preschool"), outcome(2020, "preschool"), outcome(2020, "primary_secondary"),
                          outcome(2021, "primary_secondary_preschool"), outcome(2023, "primary_secondary_preschool")])
    # 2020 adds a level (no break); 2021 gives kindergartens and schools as one figure; 2023 as 2021
    assert [y for y, _ in got] == [2021]
    assert "schools and kindergartens, one figure instead of kindergartens, primary and secondary schools" in got[0][1]


def test_a_break_is_marked_where_the_composition_changes():
    note = "composition changes: two_exemptions_one_subsidy/financially_disadvantaged -> two_exemptions_one_subsidy/rural"
    got = charts._breaks([outcome(2005, "compulsory"), outcome(2007, "compulsory", note + "; printed as at_least")])
    assert got == [(2007, note)]


def test_the_chart_draws_each_outcome_and_target_of_the_views(package, monkeypatch, tmp_path):
    base = dict(region_code="411700", period="year", indicator="schools", status="not_applicable", population="all",
                unit="school", qualifier="exact", quote="q", school_level="preschool", project_kind="new_or_expansion")
    package.write_rows("construction_projects", [
        dict(base, id="zhumadian2019-con-001", source_id="zhumadian2019", kind="target", year="2019", value="23",
             printed="23所", project_kind="new_build"),
        dict(base, id="zhumadian2019-con-002", source_id="zhumadian2019", kind="target", year="2019", value="84",
             printed="84所", project_kind="rebuild_or_expansion"),
        dict(base, id="zhumadian2020-con-001", source_id="zhumadian2020", kind="actual", year="2019", value="106",
             printed="106所"),
        dict(base, id="zhumadian2023-con-001", source_id="zhumadian2023", kind="actual", year="2022", value="2345",
             printed="2345所", period="multi_year", first_year="2018", school_level="primary_secondary_preschool"),
    ])
    monkeypatch.chdir(package.root)
    con = duckdb.connect()
    con.execute(ddl.render(package.root))
    con.execute((ROOT / "sql" / "views.sql").read_text(encoding="utf-8"))
    svg = charts.zhumadian_series(con, tmp_path).read_text(encoding="utf-8")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "106" in texts                                  # the outcome, from the next report
    assert "107" in texts and "23" not in texts            # the target split by kind of work, summed by level
    assert any(t.startswith("2018-2022: 2,345 schools") for t in texts)   # a five-year figure, as a span
    assert "zhumadian2020" in svg and "zhumadian2023" in svg               # sources in the caption
