"""End-to-end ingest against the spaCy parse floor, and engine speed-ups.

1. The same texts through bare `nlp.pipe` and through `dyadscope ingest` (read,
   clean, every configured stage, store, corpus steps), in the same run; the
   ratio says how far the pipeline is from the parse floor (aim: ≤ 1.5×).
2. The local engine with 1 and 2 workers and a Dask LocalCluster with 2 workers
   on the same corpus.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from dyadscope import nlp
from dyadscope.config import PipelineConfig
from dyadscope.store import Store

from .corpus import write_corpus

ARTICLES = 300


def _bare_parse(texts: list[str]) -> float:
    model = nlp.load()
    t0 = time.perf_counter()
    for _doc in model.pipe(texts, batch_size=nlp.PIPE_BATCH):
        pass
    return time.perf_counter() - t0


def _ingest(corpus: Path, db: Path, engine_name: str, workers: int) -> tuple[float, int]:
    """One `dyadscope ingest` in a fresh process, so no run inherits another's caches
    (the figure includes starting Python and loading spaCy: ~2 s)."""
    cmd = [sys.executable, "-m", "dyadscope", "ingest", "--db", str(db), "--quiet",
           "--engine", engine_name, "--workers", str(workers), str(corpus)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    elapsed = time.perf_counter() - t0
    with Store(db, read_only=True) as store:
        stored = int(store.scalar("SELECT count(*) FROM articles"))
    return elapsed, stored


def run(out: TextIO) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        texts = write_corpus(corpus, ARTICLES, mixed=True)
        tokens = sum(len(t.split()) for t in texts)
        out.write(f"\n## Ingest vs parse floor ({ARTICLES} articles, ~{tokens // ARTICLES} words each, "
                  "paragraphs drawn from the demo corpus)\n\n")
        out.write(f"stages: {', '.join(PipelineConfig().stages) or '(none)'}; "
                  f"corpus steps: {', '.join(PipelineConfig().corpus_steps) or '(none)'}\n\n")
        nlp.load()  # model load is not part of either figure
        parse = _bare_parse(texts)
        whole, stored = _ingest(corpus, Path(tmp) / "w1.duckdb", "local", 1)
        out.write("| what | seconds | docs/s |\n|---|---|---|\n")
        out.write(f"| bare nlp.pipe, 1 process | {parse:.1f} | {ARTICLES / parse:.1f} |\n")
        out.write(f"| dyadscope ingest, local engine, 1 worker | {whole:.1f} | {stored / whole:.1f} |\n")
        out.write(f"\nratio ingest / bare parse, 1 worker: **{whole / parse:.2f}×**\n")
        out.write("\n## Engines on the same corpus\n\n| engine | workers | seconds | docs/s | speed-up "
                  "| ingest / bare parse |\n|---|---|---|---|---|---|\n")
        out.write(f"| local | 1 | {whole:.1f} | {stored / whole:.1f} | 1.00× | {whole / parse:.2f}× |\n")
        for name, workers in (("local", 2), ("dask", 2)):
            try:
                secs, n = _ingest(corpus, Path(tmp) / f"{name}{workers}.duckdb", name, workers)
            except Exception as exc:  # e.g. dask not installed: say so, keep the other figures
                out.write(f"| {name} | {workers} | failed: {exc} | | | |\n")
                continue
            out.write(f"| {name} | {workers} | {secs:.1f} | {n / secs:.1f} | {whole / secs:.2f}× "
                      f"| {secs / parse:.2f}× |\n")
        out.write("\nThe bare parse uses one core; the 2-worker rows use both (the default on this "
                  "machine is a worker per core). Every ingest figure includes starting Python and "
                  "loading the models (~2 s; the Dask rows also start a LocalCluster).\n")
        out.flush()
