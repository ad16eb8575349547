"""Provenance at scale: link 100,000 synthetic articles, index 1,000,000, check single new ones.

The synthetic corpus is built to look like news to the index: articles are
written about events (each with its own invented names, numbers and date; one
to three independent articles per event, so story candidates exist), common
English words drawn by frequency, and one article in twenty is a copy of an
earlier one (half lightly edited, half spun at 30 %). Articles go straight
into the store (no read/clean/parse: that is bench_ingest's job) and the
provenance step runs after each batch of 1,000, as `dyadscope ingest` runs it.

`DYADSCOPE_BENCH_PROVENANCE_SIZES` sets the corpus sizes linked batch by batch
(default 100000), `DYADSCOPE_BENCH_PROVENANCE_INDEX_SIZES` the sizes built as an
index only and then probed with single new articles (default 1000000: linking a
million articles batch by batch takes hours on two cores); an empty value skips
either. `DYADSCOPE_BENCH_PROVENANCE_WORKERS` sets how many local workers score candidate
pairs (default 1: the driver does).
"""

from __future__ import annotations

import itertools
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from dyadscope.article import Article, article_id, text_hash
from dyadscope.config import PipelineConfig
from dyadscope.engines import default_workers, get_engine
from dyadscope.provenance import embed, index, provenance_step
from dyadscope.provenance.pairs import ArticleText, index_entries
from dyadscope.store import Store

#: Index sizes measured, one after the other (each in a fresh store).
SIZES = [int(x) for x in os.environ.get("DYADSCOPE_BENCH_PROVENANCE_SIZES", "100000").split(",")
         if x]
BATCH = 1000
#: Index-only sizes (the issue's 1M), and their batch size.
INDEX_SIZES = [int(x) for x in os.environ.get("DYADSCOPE_BENCH_PROVENANCE_INDEX_SIZES",
                                              "1000000").split(",") if x]
INDEX_BATCH = 5000
#: A progress line on stderr every this many articles (the 1M run takes hours).
PROGRESS = 10_000
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


def _generate(corpus: Corpus, n: int) -> Iterator[Article]:
    """Articles one by one; copies are made of the last 5,000 (so memory stays flat)."""
    recent: deque[Article] = deque(maxlen=5000)
    event = corpus.event()
    for i in range(n):
        if recent and corpus.rng.random() < 0.05:
            src = corpus.rng.choice(recent)
            day = date.fromisoformat(src.published or "2022-01-01") + timedelta(days=corpus.rng.randint(0, 9))
            article = _article(corpus.copy(src.text), day, i)
        else:
            if corpus.rng.random() < 0.5:  # the next article reports a new event
                event = corpus.event()
            day = event["day"]  # type: ignore[assignment]
            article = _article(corpus.article(event), day + timedelta(days=corpus.rng.randint(0, 2)), i)
        recent.append(article)
        yield article


def _workers() -> int:
    return int(os.environ.get("DYADSCOPE_BENCH_PROVENANCE_WORKERS", "1"))


def run(out: TextIO) -> None:
    for size in SIZES:
        _run_size(out, size)
    for size in INDEX_SIZES:
        _run_index(out, size)


def _run_index(out: TextIO, size: int) -> None:
    """The index alone at a size where linking every batch would take hours here.

    Articles are stored and indexed in batches (index entries computed on every
    core through the local engine, as a bulk load would); then single new
    articles go through the whole provenance step against the full index, as
    `dyadscope ingest` of one more article would run it.
    """
    corpus = Corpus()
    config = PipelineConfig()
    engine = get_engine("local", workers=default_workers())
    stream = _generate(corpus, size + PROBES)
    build = 0.0
    try:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.duckdb") as store:
            run_id = store.start_run(command="bench", paths=[], config=config.to_json())
            done = 0
            while done < size:
                batch = list(itertools.islice(stream, min(INDEX_BATCH, size - done)))
                t1 = time.perf_counter()
                store.write_batch(batch, [], run_id)
                texts = {a.id: ArticleText(a.text, a.title, a.language, date.fromisoformat(
                    a.published) if a.published else None) for a in batch}
                index.add_to_index(store, index_entries(list(texts), texts, run=engine.run,
                                                        workers=engine.workers))
                build += time.perf_counter() - t1
                done += len(batch)
                if done % (10 * INDEX_BATCH) == 0 or done == size:
                    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                    print(f"provenance index bench: {done:,} articles, {build:.0f} s, "
                          f"peak RSS {rss:.0f} MiB", file=sys.stderr, flush=True)
            embed.sentence_vectors("warm-up", ["The encoder is loaded before timing."])
            checks = []
            for probe in stream:
                store.write_batch([probe], [], run_id)
                t1 = time.perf_counter()
                provenance_step(store, [probe.id], config)
                checks.append(time.perf_counter() - t1)
            linked = store.scalar("SELECT count(*) FROM provenance_links")
            disk = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
    finally:
        engine.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write(f"\n## provenance index alone, {size:,} synthetic articles\n\n"
              f"Command: `DYADSCOPE_BENCH_PROVENANCE_INDEX_SIZES={size} python -m benchmarks "
              f"provenance` (store and index in batches of {INDEX_BATCH:,}, index entries on "
              f"{engine.workers} workers; pairs not linked while building)\n\n")
    out.write(f"- storing and indexing: {build:.0f} s, {size / build:.0f} articles/s\n")
    out.write(f"- check one new article against the full index (whole provenance step: "
              f"candidates, pair scoring, decisions): median {1000 * statistics.median(checks):.0f} ms, "
              f"max {1000 * max(checks):.0f} ms ({PROBES} probes, {linked:,} links found; the "
              f"sentence encoder loaded before)\n")
    out.write(f"- peak memory (process RSS, driver): {peak:.0f} MiB; store on disk: {disk:.0f} MiB\n")
    out.flush()


def _run_size(out: TextIO, size: int) -> None:
    corpus = Corpus()
    config = PipelineConfig()
    workers = _workers()
    engine = get_engine("local", workers=workers) if workers > 1 else None
    step_time = gen_time = 0.0
    chars = 0
    log = sys.stderr
    stream = _generate(corpus, size + PROBES)
    try:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.duckdb") as store:
            run_id = store.start_run(command="bench", paths=[], config=config.to_json())
            done = 0
            while done < size:
                t0 = time.perf_counter()
                batch = list(itertools.islice(stream, min(BATCH, size - done)))
                gen_time += time.perf_counter() - t0
                chars += sum(len(a.text) for a in batch)
                fresh, _ = store.write_batch(batch, [], run_id)
                t1 = time.perf_counter()
                provenance_step(store, fresh, config, engine=engine)
                step_time += time.perf_counter() - t1
                done += len(batch)
                if done % PROGRESS == 0 or done == size:
                    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                    print(f"provenance bench: {done:,} articles, {step_time:.0f} s in the step, "
                          f"last batch {time.perf_counter() - t1:.1f} s, peak RSS {rss:.0f} MiB",
                          file=log, flush=True)
            checks = []
            for probe in stream:
                fresh, _ = store.write_batch([probe], [], run_id)
                t1 = time.perf_counter()
                provenance_step(store, fresh, config, engine=engine)
                checks.append(time.perf_counter() - t1)
            copies = store.scalar("SELECT count(*) FROM provenance WHERE copy_of IS NOT NULL")
            stories = store.scalar("SELECT count(*) FROM stories")
            disk = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
    finally:
        if engine is not None:
            engine.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write(f"\n## provenance index, {size:,} synthetic articles "
              f"(~{chars // size:,} characters each)\n\n")
    scorer = f"the local engine, {workers} workers" if engine else "the driver"  # entries and pairs
    env = f"DYADSCOPE_BENCH_PROVENANCE_WORKERS={workers} " if engine else ""
    out.write(f"Command: `{env}DYADSCOPE_BENCH_PROVENANCE_SIZES={size} python -m benchmarks provenance`"
              f" (index entries of large batches and candidate pairs on {scorer})\n\n")
    out.write(f"- indexing and linking (provenance step, batches of {BATCH}): {step_time:.0f} s, "
              f"{size / step_time:.0f} articles/s, {1000 * step_time / size:.1f} ms "
              f"per article\n")
    out.write(f"- check one new article against the full index: median "
              f"{1000 * statistics.median(checks):.0f} ms, max {1000 * max(checks):.0f} ms "
              f"({PROBES} probes)\n")
    out.write(f"- peak memory (process RSS): {peak:.0f} MiB; store on disk: {disk:.0f} MiB\n")
    out.write(f"- found: {copies:,} copies linked, {stories:,} story groups "
              f"(corpus generated in {gen_time:.0f} s, not counted)\n")
    out.flush()
