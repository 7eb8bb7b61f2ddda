"""The worker processes of one validate run: one per core, forked once, right after loading.

Forked, so that they inherit what the parent has read (the rows of each source as Arrow
buffers, the distinct printed figures) without pickling or copying it: a check shares its
inputs (`share`) before the fork and reads them in the worker with `shared`. Jobs run in the
order they are submitted, while the parent goes on with the table-wide checks; a job's result
is collected where the check that needs it runs (`Later.get`). Without a pool (one core, no
fork, or nothing worth a process) the same functions run in the parent when their result is
asked for. Workers never touch DuckDB: the parent's connection is not fork-safe.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable

_SHARED: dict[str, object] = {}   # what the workers read; set in the parent before the fork


def shared(key: str):
    """An input a check shared before the fork (in a worker, its inherited copy)."""
    return _SHARED[key]


class Later:
    """The results of fn over chunks, concatenated: from the pool, or computed on first `get`."""

    def __init__(self, fn: Callable[[object], list], chunks: list, pool=None):
        self.fn, self.chunks = fn, chunks
        self.async_result = pool.map_async(fn, chunks) if pool is not None and chunks else None
        self.result: list | None = None

    def get(self) -> list:
        if self.result is None:
            parts = self.async_result.get() if self.async_result is not None else map(self.fn, self.chunks)
            self.result = [x for part in parts for x in part]
        return self.result


class Workers:
    """The pool of one run (a context manager: leaving it closes the pool and forgets what was shared)."""

    def __init__(self):
        self.pool = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def share(self, key: str, value) -> None:
        _SHARED[key] = value

    def start(self, wanted: bool) -> None:
        """Fork the pool if some check has enough work for it and the machine has cores to spare."""
        cores = min(os.cpu_count() or 1, 8)
        if wanted and cores >= 2 and "fork" in multiprocessing.get_all_start_methods():
            self.pool = multiprocessing.get_context("fork").Pool(cores)

    def map(self, fn: Callable[[object], list], chunks: list, parallel: bool = True) -> Later:
        """fn (a module-level function reading `shared` inputs) over chunks: in the pool when
        there is one and `parallel`, else in the parent at `get`."""
        return Later(fn, chunks, self.pool if parallel else None)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        _SHARED.clear()
