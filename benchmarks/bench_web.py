"""Dashboard and API latency on a store of 100,000 articles.

The store is filled in SQL from the demo articles (each copy numbered, dated
across five years and spread over 400 outlets), with 10 actor mentions, 2
quotes and 3 events (each its own event group, between 20 states) per article,
which takes seconds where ingesting 100,000 files would take hours, and
exercises the same queries. The synthetic rows follow the tables' migrations
(3xx, 4xx); a change there shows up here as a failing insert. Each page is
requested in-process (FastAPI's TestClient) a few times; the median is printed.
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
STATES = ["CHN", "RUS", "USA", "UKR", "IND", "PAK", "IRN", "JPN", "KOR", "PRK", "FRA", "DEU", "GBR", "TUR",
          "ISR", "EGY", "BRA", "ZAF", "AUS", "CAN"]


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
        _records(store)


def _records(store: Store) -> None:
    """Mentions, quotes, events and event groups for every article (offsets valid in its text)."""
    con = store.con
    con.execute("CREATE TEMP TABLE numbered AS SELECT id, text, row_number() OVER (ORDER BY id) AS i, "
                "published FROM articles")
    con.execute("CREATE TEMP TABLE states AS SELECT unnest(?) AS code, generate_subscripts(?, 1) - 1 AS n",
                [STATES, STATES])
    con.execute(
        "INSERT INTO mentions SELECT a.id, k * 40, k * 40 + 6, substr(a.text, k * 40 + 1, 6), s.code, "
        "'state', 'dictionary', 1.0, s.code, s.code, NULL, NULL, k, NULL FROM numbered a, range(10) t(k) "
        "JOIN states s ON s.n = (a.i + k) % 20")
    con.execute(
        "INSERT INTO quotes SELECT a.id, substr(md5(a.id || 'q' || k), 1, 16), 'direct', "
        "substr(a.text, 500 + k * 200 + 1, 120), 500 + k * 200, 620 + k * 200, 'Speaker ' || (a.i % 500), "
        "s.code, 'said', 0.9 FROM numbered a, range(2) t(k) JOIN states s ON s.n = a.i % 20")
    con.execute(
        "INSERT INTO events (id, article_id, sentence, start_char, end_char, text, actor1, actor2, "
        "plover, cameo, quad, goldstein, date, date_precision, date_basis, negated, hypothetical, reported, "
        "confidence) "
        "SELECT substr(md5(a.id || 'e' || k), 1, 16), a.id, k, 100 + k * 60, 140 + k * 60, "
        "substr(a.text, 100 + k * 60 + 1, 40), s1.code, s2.code, 'CONSULT', '040', 1 + (a.i + k) % 4, "
        "((a.i % 21) - 10)::DOUBLE, a.published, 'day', 'publication', false, false, false, 0.9 "
        "FROM numbered a, range(3) t(k) JOIN states s1 ON s1.n = a.i % 20 "
        "JOIN states s2 ON s2.n = (a.i + k + 1) % 20")
    con.execute(
        "INSERT INTO event_groups SELECT e.id, least(left(e.actor1, 3), left(e.actor2, 3)) || '-' || "
        "greatest(left(e.actor1, 3), left(e.actor2, 3)), e.actor1, e.actor2, e.plover, e.cameo, e.quad, "
        "e.goldstein, e.date, e.date_precision, e.date_basis, false, false, 1, 1, 1, e.id FROM events e")
    con.execute("INSERT INTO event_group_members SELECT id, id, NULL FROM events")


def run(out: TextIO) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.duckdb"
        t0 = time.perf_counter()
        fill(db)
        out.write(f"\n## Dashboard pages on a store of {ARTICLES:,} articles\n\n"
                  "Command: `python -m benchmarks web` (in-process TestClient, one client; per "
                  "article 10 mentions, 2 quotes, 3 events; median of "
                  f"{REPEATS} requests per page)\n\n")
        out.write(f"- store filled in {time.perf_counter() - t0:.1f} s (SQL, not timed below)\n")
        client = TestClient(create_app(db))
        middle = client.get("/api/articles", params={"limit": 1, "offset": ARTICLES // 2}).json()
        some_id = middle["items"][0]["id"]
        urls = ["/", "/api/overview", "/articles", "/articles?offset=90000", "/articles?outlet=Outlet%207",
                "/sources", f"/articles/{some_id}", "/search?q=Kremlin", "/search?q=no+such+phrase+anywhere",
                "/api/articles?limit=500", "/dyads?dyad=CHN-RUS", "/dyads?dyad=CHN-RUS&freq=week",
                "/events?actor=USA", "/events?offset=250000", "/network", "/quotes?actor=RUS", "/actors",
                "/stories", "/copies"]
        for url in urls:
            times = []
            for _ in range(REPEATS):
                t = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - t)
                assert response.status_code == 200, (url, response.status_code)
            out.write(f"- `GET {url}`: median {statistics.median(times) * 1000:.1f} ms\n")
