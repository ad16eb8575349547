"""Run every benchmark, print the figures and write them to benchmarks/RESULTS.md.

`make bench` (or `python -m benchmarks`); `python -m benchmarks ingest` runs one.
"""

from __future__ import annotations

import io
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path
from typing import TextIO

from . import bench_api_load, bench_ingest, bench_nlp, bench_provenance, bench_web

#: name → run(out). Each benchmark module adds itself here.
BENCHMARKS = {
    "ingest": bench_ingest.run,
    "nlp": bench_nlp.run,
    "provenance": bench_provenance.run,
    "web": bench_web.run,
    "api": bench_api_load.run,
}
RESULTS = Path(__file__).parent / "RESULTS.md"


class Tee(io.TextIOBase):
    def __init__(self, *outs: TextIO) -> None:
        self.outs = outs

    def write(self, text: str) -> int:
        for out in self.outs:
            out.write(text)
            out.flush()
        return len(text)


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            kb = int(fh.readline().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu)
    except OSError:
        pass
    return f"{cpu}, {cores} cores{mem}, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}"


def _load() -> str:
    try:
        return ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main(names: list[str]) -> None:
    chosen = names or list(BENCHMARKS)
    command = f"`python -m benchmarks {' '.join(names)}`" if names else \
        "`make bench` (`python -m benchmarks`)"
    buffer = io.StringIO()
    out = Tee(sys.stdout, buffer)
    out.write(f"# dyadscope benchmarks\n\nMachine: {machine()}. Date: {date.today()}.\n"
              f"Command: {command}.\n"
              f"Load average when it started: {_load()} (other work on the machine slows every figure).\n")
    started = time.perf_counter()
    for name in chosen:
        BENCHMARKS[name](out)  # type: ignore[arg-type]
    out.write(f"\nAll of the above: {(time.perf_counter() - started) / 60:.0f} minutes; "
              f"load average at the end: {_load()}.\n")
    if not names:
        RESULTS.write_text(buffer.getvalue(), encoding="utf-8")
        shown = RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS
        print(f"\nwritten to {shown}")


if __name__ == "__main__":
    main(sys.argv[1:])
