"""The local engine: this process, or a pool of worker processes.

Workers are started with "spawn": forking a process that holds a DuckDB
connection (and its threads) is not safe. Each worker loads spaCy once, on its
first batch, and keeps it. At most two batches per worker are in flight, so
memory stays bounded whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from . import default_workers

#: Batches queued per worker: enough to keep workers busy while the driver merges.
IN_FLIGHT_PER_WORKER = 2


#: Environment that keeps numerical libraries to one thread (read when numpy loads).
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def single_threaded_blas() -> None:
    """Worker start-up: one BLAS thread per worker process.

    There is already a worker per core; OpenBLAS's default of a thread per core
    in every worker spins those threads against each other (scoring provenance
    pairs on two workers ran ten times slower than on one). Runs before the
    worker imports numpy, which reads these variables once.
    """
    for name, value in ONE_THREAD.items():
        os.environ.setdefault(name, value)


class LocalEngine:
    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or default_workers())
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=single_threaded_blas,
            )

    def map(self, fn: Callable[[Any], Any], jobs: Iterator[Any]) -> Iterator[Any]:
        if self._pool is None:
            for job in jobs:
                yield fn(job)
            return
        pending: deque[Future[Any]] = deque()
        for job in jobs:
            pending.append(self._pool.submit(fn, job))
            if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def run(self, fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        if self._pool is None:
            return [fn(item) for item in items]
        return [f.result() for f in [self._pool.submit(fn, item) for item in items]]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
