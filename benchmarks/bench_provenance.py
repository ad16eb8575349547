"""Provenance at scale: index 100,000 synthetic articles, then check single new ones.

The synthetic corpus is built to look like news to the index: articles are
written about events (each with its own invented names, numbers and date; one
to three independent articles per event, so story candidates exist), common
English words drawn by frequency, and one article in twenty is a copy of an
earlier one (half lightly edited, half spun at 30 %). Articles go straight
into the store (no read/clean/parse: that is bench_ingest's job) and the
provenance step runs after each batch of 1,000, as `dyadscope ingest` runs it.

`DYADSCOPE_BENCH_PROVENANCE_N` sets the corpus size (default 100,000).
"""

from __future__ import annotations

import itertools
import os
import random
import resource
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from dyadscope.article import Article, article_id, text_hash
from dyadscope.config import PipelineConfig
from dyadscope.provenance import provenance_step
from dyadscope.store import Store

ARTICLES = int(os.environ.get("DYADSCOPE_BENCH_PROVENANCE_N", "100000"))
BATCH = 1000
#: Single new articles checked against the full index at the end.
PROBES = 20
_SYLLABLES = ["ka", "ro", "vin", "tel", "mar", "os", "el", "dri", "sha", "nu", "pek", "zor", "ian",
              "lu", "ter", "gav", "ol", "mi", "sen", "dar"]


class Corpus:
    def __init__(self, seed: int = 1) -> None:
        from wordfreq import top_n_list

        self.rng = random.Random(seed)
        self.words = [w for w in top_n_list("en", 12_000) if w.isalpha()]
        # Zipf-like weights: news text is mostly common words.
        self.cum = list(itertools.accumulate(1.0 / (i + 10) for i in range(len(self.words))))
        self.start = date(2022, 1, 1)

    def name(self) -> str:
        n = self.rng.randint(2, 4)
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(n)).capitalize()

    def event(self) -> dict[str, object]:
        return {"names": [self.name() for _ in range(4)],
                "numbers": [str(self.rng.randint(100, 99_999)) for _ in range(3)],
                "day": self.start + timedelta(days=self.rng.randint(0, 730))}

    def sentence(self, event: dict[str, object]) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cum, k=self.rng.randint(12, 24))
        names: list[str] = event["names"]  # type: ignore[assignment]
        numbers: list[str] = event["numbers"]  # type: ignore[assignment]
        words.insert(self.rng.randrange(1, len(words)), self.rng.choice(names))
        if self.rng.random() < 0.4:
            words.insert(self.rng.randrange(1, len(words)), self.rng.choice(numbers))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def article(self, event: dict[str, object]) -> str:
        paras = [" ".join(self.sentence(event) for _ in range(self.rng.randint(2, 4)))
                 for _ in range(self.rng.randint(4, 7))]
        return "\n\n".join(paras)

    def copy(self, text: str) -> str:
        tokens = text.split(" ")
        rate = 0.03 if self.rng.random() < 0.5 else 0.3
        for i in range(len(tokens)):
            if tokens[i].isalpha() and tokens[i].islower() and self.rng.random() < rate:
                tokens[i] = self.rng.choice(self.words[2000:8000])
        return " ".join(tokens)


def _article(text: str, day: date, n: int) -> Article:
    title = f"Synthetic report {n}"
    published = day.isoformat()
    aid = article_id(text, title, f"Outlet {n % 97}", published, None)
    return Article(id=aid, path=f"synthetic/{n:06d}.txt", record=None, title=title,
                   outlet=f"Outlet {n % 97}", url=None, published=published, published_basis="input",
                   language="en", text=text, text_hash=text_hash(text))


def _generate(corpus: Corpus, n: int) -> list[Article]:
    out: list[Article] = []
    event = corpus.event()
    for i in range(n):
        if out and corpus.rng.random() < 0.05:
            src = corpus.rng.choice(out[-5000:])
            day = date.fromisoformat(src.published or "2022-01-01") + timedelta(days=corpus.rng.randint(0, 9))
            out.append(_article(corpus.copy(src.text), day, i))
            continue
        if corpus.rng.random() < 0.5:  # the next article reports a new event
            event = corpus.event()
        day: date = event["day"]  # type: ignore[no-redef, assignment]
        out.append(_article(corpus.article(event), day + timedelta(days=corpus.rng.randint(0, 2)), i))
    return out


def run(out: TextIO) -> None:
    corpus = Corpus()
    t0 = time.perf_counter()
    articles = _generate(corpus, ARTICLES + PROBES)
    probes, articles = articles[-PROBES:], articles[:-PROBES]
    gen = time.perf_counter() - t0
    config = PipelineConfig()
    step_time = 0.0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.duckdb") as store:
        run_id = store.start_run(command="bench", paths=[], config=config.to_json())
        for start in range(0, len(articles), BATCH):
            fresh, _ = store.write_batch(articles[start:start + BATCH], [], run_id)
            t1 = time.perf_counter()
            provenance_step(store, fresh, config)
            step_time += time.perf_counter() - t1
        checks = []
        for probe in probes:
            fresh, _ = store.write_batch([probe], [], run_id)
            t1 = time.perf_counter()
            provenance_step(store, fresh, config)
            checks.append(time.perf_counter() - t1)
        copies = store.scalar("SELECT count(*) FROM provenance WHERE copy_of IS NOT NULL")
        stories = store.scalar("SELECT count(*) FROM stories")
        size = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write(f"\n## provenance index, {len(articles):,} synthetic articles "
              f"(~{sum(len(a.text) for a in articles) // len(articles):,} characters each)\n\n")
    out.write(f"- indexing and linking (provenance step, batches of {BATCH}): {step_time:.0f} s, "
              f"{len(articles) / step_time:.0f} articles/s, {1000 * step_time / len(articles):.1f} ms "
              f"per article\n")
    out.write(f"- check one new article against the full index: median "
              f"{1000 * statistics.median(checks):.0f} ms, max {1000 * max(checks):.0f} ms "
              f"({PROBES} probes)\n")
    out.write(f"- peak memory (process RSS): {peak:.0f} MiB; store on disk: {size:.0f} MiB\n")
    out.write(f"- found: {copies:,} copies linked, {stories:,} story groups "
              f"(corpus generated in {gen:.0f} s, not counted)\n")
