"""API latency under 50 concurrent clients, over loopback, on a store of 100,000 events.

The store is the web benchmark's synthetic one (bench_web.fill: 100,000 articles,
300,000 events). `dyadscope serve` runs as a separate process on a free port of
127.0.0.1; 50 client threads each send a fixed number of requests from a mix of
API endpoints. Bounded in count (CLIENTS × REQUESTS) and in time (DEADLINE_S);
it stops by itself and reports p50/p95/max and throughput.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TextIO

import httpx

from dyadscope.store import Store

from .bench_web import fill

ARTICLES = 34_000  # 3 events each: ~100,000 events
CLIENTS = 50
REQUESTS = 10
DEADLINE_S = 300
ENDPOINTS = [
    "/api/overview",
    "/api/events?dyad=CHN-RUS&limit=50",
    "/api/relation?dyad=CHN-RUS&freq=month",
    "/api/articles?limit=50",
    "/api/quotes?limit=50",
    "/api/dyad-list?limit=20",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(base + "/api/overview", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("dyadscope serve did not come up")


def _client(base: str, k: int, out: list[float], errors: list[str], stop_at: float) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        for j in range(REQUESTS):
            if time.monotonic() > stop_at:
                return
            path = ENDPOINTS[(k + j) % len(ENDPOINTS)]
            t0 = time.perf_counter()
            try:
                status = client.get(path).status_code
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {exc}")
                continue
            out.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(f"{path}: HTTP {status}")


def run(out: TextIO) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.duckdb"
        fill(db, ARTICLES)
        with Store(db, read_only=True) as store:
            n_events = int(store.scalar("SELECT count(*) FROM events"))
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "dyadscope", "serve", "--db", str(db), "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            _wait_ready(base, proc)
            latencies: list[float] = []
            errors: list[str] = []
            stop_at = time.monotonic() + DEADLINE_S
            threads = [threading.Thread(target=_client, args=(base, k, latencies, errors, stop_at))
                       for k in range(CLIENTS)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    lat = sorted(latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else [float("nan")] * 99
    out.write(f"\n## API under {CLIENTS} concurrent clients (loopback, {n_events:,} events)\n\n")
    out.write(f"Command: `python -m benchmarks api`. {len(lat)} requests ({CLIENTS} clients × "
              f"{REQUESTS}) over {', '.join(ENDPOINTS)}.\n\n")
    out.write("| p50 | p95 | max | requests/s | errors |\n|---|---|---|---|---|\n")
    out.write(f"| {q[49] * 1000:.0f} ms | {q[94] * 1000:.0f} ms | {lat[-1] * 1000:.0f} ms | "
              f"{len(lat) / wall:.1f} | {len(errors)} |\n")
    out.flush()
