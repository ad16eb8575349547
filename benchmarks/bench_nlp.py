"""docs/s of nlp + actors + quotes beside bare `nlp.pipe`, on the same texts in the same run.

The texts are the demo articles, each repeated with its paragraphs rotated so that
no two are identical (spaCy has no cache to exploit, but the text mix stays that
of real news). The parse is the floor of the pipeline; actors and quotes should
add little on top of it (target: the whole within ~1.5x of bare `nlp.pipe`).
"""

from __future__ import annotations

import time
from typing import TextIO

from dyadscope import nlp
from dyadscope.actors import link_batch
from dyadscope.actors.match import matchers_for
from dyadscope.cli.demo import demo_corpus
from dyadscope.config import PipelineConfig
from dyadscope.quotes import extract_batch
from dyadscope.quotes.evaluate import make_article

DOCS = 200


def _texts(n: int) -> list[str]:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.txt"))]
    out = []
    for i in range(n):
        paras = bodies[i % len(bodies)].split("\n\n")
        k = (i // len(bodies)) % max(len(paras), 1)
        out.append("\n\n".join(paras[k:] + paras[:k]))
    return out


def run(out: TextIO) -> None:
    texts = _texts(DOCS)
    config = PipelineConfig()
    pipeline = nlp.load()
    matchers_for(None)  # built once per process; not part of the per-document cost
    list(pipeline.pipe(texts[:8]))  # warm up
    t0 = time.perf_counter()
    for _ in pipeline.pipe(texts, batch_size=nlp.PIPE_BATCH):
        pass
    bare = time.perf_counter() - t0
    articles = [make_article(t, f"b{i}") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    articles, _ = nlp.parse_batch(articles, config)
    parsed = time.perf_counter() - t0
    articles, _ = link_batch(articles, config)
    linked = time.perf_counter() - t0
    articles, _ = extract_batch(articles, config)
    total = time.perf_counter() - t0
    chars = sum(len(t) for t in texts) / len(texts)
    out.write(f"\n## nlp + actors + quotes ({DOCS} demo-based articles, {chars:.0f} chars each)\n\n"
              f"- bare nlp.pipe: {DOCS / bare:.1f} docs/s\n"
              f"- dyadscope nlp stage: {DOCS / parsed:.1f} docs/s\n"
              f"- nlp + actors: {DOCS / linked:.1f} docs/s "
              f"(actors {1000 * (linked - parsed) / DOCS:.1f} ms/doc)\n"
              f"- nlp + actors + quotes: {DOCS / total:.1f} docs/s "
              f"(quotes {1000 * (total - linked) / DOCS:.1f} ms/doc)\n"
              f"- whole / bare nlp.pipe: {total / bare:.2f}x; "
              f"{sum(len(a.mentions) for a in articles)} mentions, "
              f"{sum(len(a.quotes) for a in articles)} quotes\n")
