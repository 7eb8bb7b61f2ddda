"""validation/series_median.py gives, for every row, exactly the median the plain definition
gives: pandas' median of the same series' values in the other years."""
import numpy as np
import pandas as pd
import pytest

from validation.series_median import median_without_year


def plain(series, year, value):
    df = pd.DataFrame({"s": series, "y": year, "v": value})
    return np.array([df[(df["s"] == r.s) & (df["y"] != r.y)]["v"].median() for r in df.itertuples()])


@pytest.mark.parametrize("seed", range(6))
def test_same_medians_as_the_plain_definition(seed):
    rng = np.random.default_rng(seed)
    n = 400
    series = rng.integers(0, 25, n)
    year = rng.integers(2000, 2000 + [1, 2, 3, 6, 20, 40][seed], n)   # one year only, up to many
    value = np.round(rng.lognormal(8, 3, n), int(rng.integers(0, 3)))   # ties, wide range
    value[rng.integers(0, n, 30)] = 7.0
    expected, got = plain(series, year, value), median_without_year(series, year, value)
    assert np.array_equal(np.isnan(expected), np.isnan(got))
    assert np.array_equal(expected[~np.isnan(expected)], got[~np.isnan(got)])   # bit for bit


def test_small_cases_by_hand():
    series = np.array([0, 0, 0, 0, 1, 1, 2])
    year = np.array([2014, 2015, 2015, 2016, 2020, 2020, 2021])
    value = np.array([10.0, 1.0, 3.0, 20.0, 5.0, 6.0, 9.0])
    got = median_without_year(series, year, value)
    # 2014: median(1, 3, 20) = 3; 2015: median(10, 20) = 15; 2016: median(10, 1, 3) = 3;
    # series 1 and 2 have one year only: nothing to compare with
    assert got[:4].tolist() == [3.0, 15.0, 15.0, 3.0]
    assert np.isnan(got[4:]).all()


def test_empty():
    assert median_without_year(np.array([], int), np.array([], int), np.array([], float)).size == 0
