"""Engines: where batches are processed. Same pure function, same results.

`local` runs batches in this process (1 worker) or in a process pool;
`dask` sends them to a dask.distributed cluster (a LocalCluster when no
scheduler address is given). Both call `pipeline.run_job` on each batch; the
job writes its result as a Parquet part (parts.py) and the driver merges parts
into the store in input order, so the store does not depend on the engine or
the number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar

from ..errors import Code, UsageError

J = TypeVar("J")
R = TypeVar("R")


class Engine(Protocol):
    name: str
    workers: int

    def map(self, fn: Callable[[J], R], jobs: Iterator[J]) -> Iterator[R]:
        """fn over jobs, results in job order, with a bounded number in flight."""
        ...

    def run(self, fn: Callable[[J], R], items: list[J]) -> list[R]:
        """fn over items on the workers, all at once, results in order.

        For corpus steps that spread their costly part over the workers
        (provenance pair scoring) while batches are in flight.
        """
        ...

    def close(self) -> None: ...


def get_engine(name: str = "local", *, workers: int | None = None,
               scheduler: str | None = None) -> Engine:
    if name == "local":
        if scheduler:
            raise UsageError(Code.USAGE, reason="--scheduler only applies to --engine dask")
        from .local import LocalEngine

        return LocalEngine(workers)
    if name == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(workers, scheduler)
    raise UsageError(Code.USAGE, reason=f"unknown engine {name!r} (local or dask)")


def default_workers() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
