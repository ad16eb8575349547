"""Ingest throughput (read + clean + store) on a synthetic corpus made from the demo articles.

Each synthetic article is a demo article with its paragraphs rotated and a
numbered line added, so every one is distinct and none is a trivial duplicate.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import TextIO

from dyadscope.cli.demo import demo_corpus
from dyadscope.pipeline import ingest
from dyadscope.store import Store

ARTICLES = 2000


def _corpus(root: Path, n: int) -> None:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.txt"))]
    for i in range(n):
        paras = bodies[i % len(bodies)].split("\n\n")
        k = (i // len(bodies)) % max(len(paras) - 1, 1) + 1
        text = "\n\n".join([paras[0], f"Dispatch number {i} of the benchmark corpus.",
                            *paras[k:], *paras[1:k]])
        (root / f"{i:06d}.txt").write_text(text, encoding="utf-8")


def run(out: TextIO) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        root.mkdir()
        _corpus(root, ARTICLES)
        with Store(Path(tmp) / "b.duckdb") as store:
            t0 = time.perf_counter()
            summary = ingest([str(root)], store)
            elapsed = time.perf_counter() - t0
    out.write(f"ingest (read+clean+store), {ARTICLES} articles: {elapsed:.1f} s, "
              f"{summary.stored / elapsed:.0f} docs/s, {len(summary.failures)} failures\n")
