"""Safety of what users open: formula cells, encodings and paths (the latter in test_csvfile/test_descriptor)."""
import pytest

from conftest import col

S = "data/subsidies.csv"


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)"])
def test_formula_cell_in_text_field_is_rejected(package, cell):
    package.edit("subsidies", 0, note=cell)
    assert package.problems() == [
        f"{S}:2:{col('subsidies', 'note')}: note: {cell[:20]!r} starts with {cell[0]!r}, which a spreadsheet runs as a formula; "
        "reword it (e.g. start with the text, or prefix an apostrophe-free word)"]


def test_formula_cell_in_reference_table(package):
    package.edit("regions", 0, note="=1+1")
    assert package.problems()[0].startswith("data/regions.csv:2:9: note: '=1+1' starts with '='")


def test_negative_number_in_numeric_field_is_not_a_formula(package):
    # a number field is typed, not text; -1 is only wrong here because the part/total checks say so
    package.edit("subsidies", 0, value="-1", printed="220051人次")
    assert not any("formula" in p for p in package.problems())


@pytest.mark.parametrize("cell", ["\tx", "=1", '"=1'])
def test_formula_cell_quoted_or_first_in_line_is_rejected(package, cell):
    package.edit("subsidies", 0, note=cell)
    found = [p for p in package.problems() if "formula" in p]
    assert len(found) == (0 if cell.startswith('"') else 1)


def test_files_passed_over_cannot_have_a_formula_cell():
    # the byte pre-check may say "maybe" too often, never "no" for a file that has one
    import csv
    import io

    from hypothesis import given, settings, strategies as st

    from validation.safety import FORMULA_START, may_contain_formulas

    cells = st.text(alphabet='a=+-@\t\r\n,"中 ', max_size=5)

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.lists(cells, min_size=1, max_size=4), min_size=1, max_size=4), st.sampled_from(["\n", "\r\n"]))
    def check(rows, ending):
        buf = io.StringIO()
        csv.writer(buf, lineterminator=ending).writerows(rows)
        data = buf.getvalue().encode("utf-8")
        parsed = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
        if any(c.startswith(FORMULA_START) for r in parsed for c in r):
            assert may_contain_formulas(data)

    check()
