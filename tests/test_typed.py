"""validation/typed.py builds exactly the frame and type errors of scripts.frames.typed_frame."""
import csv
import io

import pandas as pd
import pytest

from scripts import synthetic
from scripts.frames import typed_frame
from scripts.metadata import Table, load_descriptor
from validation.typed import typed_records


def _tables(root):
    return [Table(r, root) for r in load_descriptor(root)["resources"]]


def _same(t, header, rows):
    want, want_errors = typed_frame(t, header, rows)
    got, got_errors = typed_records(t, header, rows)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert list(got.dtypes) == list(want.dtypes)
    assert got_errors == want_errors


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return synthetic.generate(tmp_path_factory.mktemp("typed") / "pkg", regions=3, years=2, seed=1, verify=0).out_dir


def test_every_table_of_a_synthetic_package(small):
    for t in _tables(small):
        with open(small / t.path, encoding="utf-8", newline="") as fh:
            header, *rows = list(csv.reader(fh))
        _same(t, header, rows)


def test_bad_cells_short_and_long_records_and_missing_columns(small):
    for t in _tables(small):
        with open(small / t.path, encoding="utf-8", newline="") as fh:
            header, *rows = list(csv.reader(fh))
        if len(rows) < 2:
            continue   # a table the synthetic package leaves empty (coverage_passages) has no rows to corrupt
        rows = [list(r) for r in rows[:6]]
        for k, r in enumerate(rows):
            if k % 3 == 0:
                r[: len(r) // 2] = ["x2", "", "1.5", "2020-13-01", "maybe", "=1", "-", " "][: len(r) // 2]
        rows += [rows[0][:3], rows[1] + ["extra"], [], [""] * len(header)]
        _same(t, header, rows)
        _same(t, header[:-2], rows)          # a header that lacks columns
        _same(t, header, [])
        _same(t, header + [header[0]], rows)  # a column named twice: typed_frame itself
