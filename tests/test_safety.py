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
