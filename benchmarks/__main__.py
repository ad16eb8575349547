"""Run every benchmark and print its figures."""

from __future__ import annotations

import platform
import sys

from . import bench_ingest


def main() -> None:
    print(f"# dyadscope benchmarks — Python {platform.python_version()} on {platform.machine()}, "
          f"{_cores()} cores")
    bench_ingest.run(sys.stdout)


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
