"""Dashboard and API latency on a store of 100,000 articles.

The store is filled in SQL from the demo articles (each copy numbered, dated
across five years and spread over 400 outlets), which takes seconds where
ingesting 100,000 files would take many minutes, and exercises the same
queries. Each page is requested in-process (FastAPI's TestClient) a few times;
the median is printed.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import warnings
from pathlib import Path
from typing import TextIO

from dyadscope.cli.demo import demo_corpus
from dyadscope.store import Store
from dyadscope.web import create_app

ARTICLES = 100_000
REPEATS = 5


def fill(path: Path, n: int = ARTICLES) -> None:
    """A store of `n` synthetic articles built from the demo texts."""
    bodies = [p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.txt"))]
    with Store(path) as store:
        store.con.execute("CREATE TEMP TABLE bodies (k INTEGER, body VARCHAR)")
        store.con.executemany("INSERT INTO bodies VALUES (?, ?)", list(enumerate(bodies)))
        store.con.execute(
            """
            INSERT INTO articles (id, path, record, title, outlet, url, published, published_basis,
                                  language, text, text_hash, chars, warnings, run_id, ingested_at)
            SELECT substr(md5(i::VARCHAR), 1, 16), 'bench/' || i || '.txt', NULL,
                   split_part(b.body, chr(10), 1) || ' #' || i, 'Outlet ' || (i % 400), NULL,
                   DATE '2020-01-01' + (i % 1826)::INTEGER, 'text', 'en',
                   'Dispatch ' || i || '. ' || b.body, md5(b.body || i), length(b.body) + 12, [], 1, now()
            FROM range(?) t(i) JOIN bodies b ON b.k = i % ?
            """,
            [n, len(bodies)],
        )


def run(out: TextIO) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.duckdb"
        t0 = time.perf_counter()
        fill(db)
        out.write(f"web: filled a store of {ARTICLES:,} articles in {time.perf_counter() - t0:.1f} s\n")
        client = TestClient(create_app(db))
        middle = client.get("/api/articles", params={"limit": 1, "offset": ARTICLES // 2}).json()
        some_id = middle["items"][0]["id"]
        urls = ["/", "/api/overview", "/articles", "/articles?offset=90000", "/articles?outlet=Outlet%207",
                "/sources", f"/articles/{some_id}", "/search?q=Kremlin", "/search?q=no+such+phrase+anywhere",
                "/api/articles?limit=500"]
        for url in urls:
            times = []
            for _ in range(REPEATS):
                t = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - t)
                assert response.status_code == 200, (url, response.status_code)
            out.write(f"web: GET {url:<40} median {statistics.median(times) * 1000:7.1f} ms\n")
