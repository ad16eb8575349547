"""Synthetic corpora for benchmarks, made from the bundled demo articles.

Each synthetic article is a demo article with its paragraphs rotated and a
numbered sentence added: distinct texts of realistic length and vocabulary, so
no stage can take a shortcut on duplicates.
"""

from __future__ import annotations

from pathlib import Path

from dyadscope.cli.demo import demo_corpus


def demo_bodies() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.txt"))]


def synthetic_text(i: int, bodies: list[str]) -> str:
    paras = bodies[i % len(bodies)].split("\n\n")
    k = (i // len(bodies)) % max(len(paras) - 1, 1) + 1
    return "\n\n".join([paras[0], f"Dispatch number {i} of the benchmark corpus.",
                        *paras[k:], *paras[1:k]])


def write_corpus(root: Path, n: int) -> list[str]:
    """Write n articles as .txt files under root; returns their texts."""
    bodies = demo_bodies()
    texts = []
    for i in range(n):
        text = synthetic_text(i, bodies)
        (root / f"{i:07d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts
