"""The run's worker processes: jobs read what was shared before the fork, and a job's result
is the same from the pool as from the parent."""
import os

import pytest

from validation import workers


def _squares(bounds):
    lo, hi = bounds
    return [(x * x, os.getpid()) for x in workers.shared("numbers")[lo:hi]]


def _run(parallel: bool):
    work = workers.Workers()
    try:
        work.share("numbers", list(range(100)))
        work.start(parallel)
        later = work.map(_squares, [(i, i + 7) for i in range(0, 100, 7)])
        return later.get(), work.pool is not None
    finally:
        work.close()


def test_pool_and_parent_give_the_same_results_in_order():
    here, pooled_here = _run(False)
    assert not pooled_here and [v for v, _ in here] == [x * x for x in range(100)]
    assert {pid for _, pid in here} == {os.getpid()}
    there, pooled = _run(True)
    if not pooled:
        pytest.skip("one core or no fork on this machine: the pool is not started")
    assert [v for v, _ in there] == [v for v, _ in here]
    assert os.getpid() not in {pid for _, pid in there}   # computed by the workers, from the shared list


def test_close_forgets_what_was_shared():
    _run(False)
    with pytest.raises(KeyError):
        workers.shared("numbers")
