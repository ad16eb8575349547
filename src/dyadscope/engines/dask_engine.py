"""The Dask engine: batches run on a dask.distributed cluster.

Without a scheduler address a LocalCluster is started with one single-threaded
worker process per requested worker (spaCy is not thread-parallel, processes
are). Workers write their parts to the parts folder, which must be on storage
that the workers and this process share; only the part's path travels back.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import Code, UsageError
from . import default_workers

IN_FLIGHT_PER_WORKER = 2


class DaskEngine:
    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise UsageError(
                Code.USAGE, reason="the dask engine needs `pip install dyadscope[dask]`"
            ) from exc
        self._cluster = None
        # distributed logs every connection at INFO; the CLI's --verbose turns ours on, not its.
        if not logging.getLogger("dyadscope").isEnabledFor(logging.DEBUG):
            logging.getLogger("distributed").setLevel(logging.WARNING)
        if scheduler:
            self._client = Client(scheduler)
            info = self._client.scheduler_info()
            self.workers = max(1, len(info.get("workers", {})))
        else:
            self.workers = max(1, workers or default_workers())
            self._cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True,
                dashboard_address=":0", silence_logs=logging.ERROR,  # never collide on 8787
            )
            self._client = Client(self._cluster)

    def map(self, fn: Callable[[Any], Any], jobs: Iterator[Any]) -> Iterator[Any]:
        pending: deque[Any] = deque()
        for job in jobs:
            pending.append(self._client.submit(fn, job, pure=False))
            if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def run(self, fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        return list(self._client.gather(self._client.map(fn, items, pure=False)))

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
