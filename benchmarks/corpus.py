"""Synthetic corpora for benchmarks, made from the bundled demo articles.

`synthetic_text` rotates one demo article's paragraphs: every text is distinct
but most are near copies of each other, which is the worst case for provenance.
`mixed_text` draws paragraphs from all the demo articles, so texts share a
paragraph now and then, as independent reports of one story do: the ordinary case.
"""

from __future__ import annotations

import random
from pathlib import Path

from dyadscope.cli.demo import demo_corpus


def demo_bodies() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.txt"))]


def synthetic_text(i: int, bodies: list[str]) -> str:
    paras = bodies[i % len(bodies)].split("\n\n")
    k = (i // len(bodies)) % max(len(paras) - 1, 1) + 1
    return "\n\n".join([paras[0], f"Dispatch number {i} of the benchmark corpus.",
                        *paras[k:], *paras[1:k]])


def mixed_text(i: int, bodies: list[str], paragraphs: int = 6) -> str:
    rng = random.Random(i)
    pool = [p for body in bodies for p in body.split("\n\n")[1:] if len(p) > 120]
    return "\n\n".join([f"Dispatch number {i} of the benchmark corpus.",
                         *rng.sample(pool, paragraphs)])


def write_corpus(root: Path, n: int, *, mixed: bool = False) -> list[str]:
    """Write n articles as .txt files under root; returns their texts."""
    bodies = demo_bodies()
    texts = []
    for i in range(n):
        text = mixed_text(i, bodies) if mixed else synthetic_text(i, bodies)
        (root / f"{i:07d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts
