"""For every row, the median of its series' values in the other years, without a loop per row.

The plausibility check compares a value with the median of the same series in every year but
its own. Filtering the series once per row is quadratic and was 78% of `validate`; here the
medians of all rows come from one sort:

- sort the rows by (series, value): a row's rank is its position in its series;
- the rows of one (series, year) cell are removed together; with their ranks j_0 < j_1 < …,
  the t-th remaining value (0-based) is at rank t + c, where c = #{s : j_s - s <= t} (j_s - s
  is how many kept values lie below the s-th removed one, so it never decreases);
- the median of m remaining values is the value at (m - 1) // 2 for odd m, and the mean of the
  values at (m - 1) // 2 and m // 2 for even m, as numpy and pandas compute it: (a + b) / 2.

A series with a single year has nothing to compare with: its medians are NaN.
"""
from __future__ import annotations

import numpy as np


def median_without_year(series: np.ndarray, year: np.ndarray, value: np.ndarray) -> np.ndarray:
    """median(value[series == series[i] & year != year[i]]) for every i; NaN where empty."""
    n = len(value)
    out = np.full(n, np.nan)
    if n == 0:
        return out
    by_value = np.lexsort((value, series))                 # rows in (series, value) order
    s_sorted, v_sorted = series[by_value], value[by_value]
    starts = np.flatnonzero(np.r_[True, s_sorted[1:] != s_sorted[:-1]])
    size = np.diff(np.r_[starts, n])
    group_of = np.repeat(np.arange(len(starts)), size)   # series number of each sorted position
    rank = np.arange(n) - starts[group_of]
    # the cells (series, year), each with its removed ranks in increasing order
    by_cell = np.lexsort((rank, year[by_value], group_of))
    g, y, r = group_of[by_cell], year[by_value][by_cell], rank[by_cell]
    cell_start = np.flatnonzero(np.r_[True, (g[1:] != g[:-1]) | (y[1:] != y[:-1])])
    k = np.diff(np.r_[cell_start, n])
    cell = np.repeat(np.arange(len(cell_start)), k)
    below = r - (np.arange(n) - cell_start[cell])         # j_s - s, non-decreasing in each cell
    m = size[g[cell_start]] - k                          # values left in each cell's series
    keep = m > 0
    # a global key that increases through the cells, so one searchsorted counts within a cell
    span = n + 1
    key = cell * span + below
    def nth(t: np.ndarray) -> np.ndarray:
        c = np.searchsorted(key, np.arange(len(cell_start)) * span + t, side="right") - cell_start
        return v_sorted[np.minimum(starts[g[cell_start]] + t + c, n - 1)]   # (clipped where m == 0)
    lo_t, hi_t = np.where(keep, (m - 1) // 2, 0), np.where(keep, m // 2, 0)
    lo, hi = nth(lo_t), nth(hi_t)
    median = np.where(m % 2 == 1, lo, (lo + hi) / 2)
    median[~keep] = np.nan
    # back from cells to rows: each row of a cell gets its cell's median
    out[by_value[by_cell]] = median[cell]
    return out
