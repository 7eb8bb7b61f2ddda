"""A government work report delivered in Y reviews Y-1 (actuals) and sets the tasks of Y (targets)."""
import pytest

from conftest import col

SRC = "data/sources.csv"
GWR_ROW = dict(id="gwrtest2016-sub-001", region_code="361100", year="2015", period="year", kind="actual",
               indicator="recipients", programme="all_programmes", school_level="all", population="all",
               value="220051", unit="person_time", qualifier="exact", printed="220051人次", source_id="shangrao2020",
               quote="上半年全市共资助各学段学生220051人次")


def make_gwr(package, **changes) -> int:
    """Declare shangrao2020 a government work report delivered in 2021 (reviewing 2020); its line."""
    rows = package.read_rows("sources")
    k = next(i for i, r in enumerate(rows) if r["id"] == "shangrao2020")
    rows[k].update(dict(kind="government_work_report", report_year="2020", delivery_year="2021", published="",
                        delivered="2021-02-20"), **changes)
    package.write_rows("sources", rows)
    return k + 2


def test_a_consistent_report_is_valid(package):
    make_gwr(package)
    assert package.problems() == []


@pytest.mark.parametrize("changes, field, fragment", [
    (dict(report_year="2021"), "report_year", "report_year: 2021, but a government work report delivered in 2021 reviews 2020"),
    (dict(delivered="2020-12-30"), "delivered", "delivered: 2020-12-30 is not in delivery_year 2021"),
    (dict(review_first_year="2020"), "review_first_year", "review_first_year: 2020 must be before report_year 2020"),
    (dict(delivery_year=""), "delivery_year", "delivery_year: a government work report needs the year it was delivered"),
])
def test_inconsistent_years_of_a_report_are_errors_at_their_cell(package, changes, field, fragment):
    line = make_gwr(package, **changes)
    assert f"{SRC}:{line}:{col('sources', field)}: {fragment}" in package.problems()


def test_an_actual_of_the_delivery_year_is_an_error(package):
    make_gwr(package)
    package.edit("subsidies", 0, year="2021")
    assert package.problems() == [
        f"data/subsidies.csv:2:{col('subsidies', 'year')}: year: 2021 is after the year 2020 that shangrao2020 reviews "
        "(delivered in 2021): its figures for 2021 are tasks (kind target)"]


def test_a_target_for_the_reviewed_year_is_an_error(package):
    make_gwr(package)
    package.edit("subsidies", 0, kind="target")
    assert package.problems() == [
        f"data/subsidies.csv:2:{col('subsidies', 'year')}: year: 2020, but shangrao2020 was delivered in 2021: a task it "
        "sets is for 2021 or later (figures of 2020 are the review, kind actual)"]


def test_a_document_without_delivery_year_is_not_checked(package):
    package.edit("subsidies", 0, kind="target")     # shangrao2020 as archived: a situation report
    assert package.problems() == []


# A report whose text reviews a multi-year period needs review_first_year (check_review_periods) ----

def _sources_frame(**changes):
    import pandas as pd
    row = dict(id="gwr2021", kind="government_work_report", report_year=2020, delivery_year=2021, review_first_year=None)
    row.update(changes)
    return pd.DataFrame([row]).astype({"review_first_year": "Int64"})


@pytest.mark.parametrize("text, cue", [
    ("一、2020年工作回顾及“十三五”主要成就……五年来，我们埋头苦干", "回顾及“十三五”"),
    ("一、过去五年工作回顾", "过去五年"),
    ("一、过去六年的工作回顾", "过去六年"),
    ("一、“十四五”时期和2025年工作回顾", "“十四五”时期和2025年工作回顾"),
])
def test_a_review_of_several_years_without_review_first_year_is_an_error(text, cue):
    from validation.review_years import check_review_periods
    got = check_review_periods(_sources_frame(), {"gwr2021": text})
    assert len(got) == 1 and got[0][:2] == (0, "review_first_year")
    assert f"gwr2021 reviews a multi-year period ('{cue}' at character" in got[0][2]


@pytest.mark.parametrize("changes, text", [
    (dict(review_first_year=2016), "五年来，我们埋头苦干"),                          # declared
    (dict(), "一、2019年工作回顾……编制好“十四五”规划，谋划“十四五”时期重大项目"),   # a plan period, not reviewed
    (dict(kind="situation_report"), "五年来，我们埋头苦干"),                        # not a government work report
])
def test_a_one_year_review_or_a_declared_first_year_passes(changes, text):
    from validation.review_years import check_review_periods
    assert check_review_periods(_sources_frame(**changes), {"gwr2021": text}) == []


def test_every_archived_report_that_reviews_several_years_declares_its_first_year():
    import pandas as pd
    from scripts.metadata import ROOT
    from scripts.source_text import read_source_text, source_rows
    from validation.review_years import check_review_periods
    frame = pd.read_csv(ROOT / SRC, dtype={"review_first_year": "Int64"}, keep_default_na=True)
    texts = {sid: read_source_text(r) for sid, r in source_rows().items()}
    assert [frame.id[i] + ": " + msg for i, _, msg in check_review_periods(frame, texts)] == []


def test_validate_reports_a_multi_year_review_without_its_first_year(real_package):
    """The check runs inside validate: blank the first reviewed year of every source whose text
    reviews several years, and validate names each of them at its review_first_year cell."""
    from validation.review_years import REVIEW_CUE
    import csv
    from scripts.source_text import read_source_text
    path = real_package.root / "data" / "sources.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    blanked = [i for i, r in enumerate(rows) if r.get("review_first_year")
               and REVIEW_CUE.search(read_source_text(r, real_package.root))]
    assert blanked, "the package has no multi-year review to blank"
    for i in blanked:
        real_package.edit("sources", i, review_first_year="")
    found = [p for p in real_package.problems() if "reviews a multi-year period" in p]
    assert len(found) == len(blanked)
    assert all(p.startswith(f"data/sources.csv:") and f":{col('sources', 'review_first_year')}: " in p for p in found)
