"""Scoring candidate pairs, in this process or spread over the engine's workers.

Deciding what two articles are to each other (`relate`) is the costly part
of provenance: lexical alignment, and sentence embeddings for the pairs words
leave open. It is a pure function of the two texts, so the pairs a batch
brings up can be cut into tasks and scored wherever the engine runs batches
(a local process pool, Dask workers on other machines); the driver then
stores the links and decides copy groups and stories from them, which is
cheap. Tasks carry the texts they need (article ids are content hashes, so a
worker may keep a body it built for a later task) and the stored article
vectors, and bring back any vector they computed, so nothing is encoded twice
and the answer does not depend on where a pair was scored.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from . import embed
from .cluster import LinkRow
from .features import IndexEntry, features_of
from .relate import Subject, relate
from .text import body_hash, body_of

#: Fewer candidate pairs than this are scored in the driver: shipping them
#: costs more than scoring them.
MIN_DISTRIBUTED_PAIRS = 400
#: Fewer new articles than this are indexed in the driver.
MIN_DISTRIBUTED_ENTRIES = 200
#: Tasks per worker for one batch: a few, so a slow task does not hold the rest.
TASKS_PER_WORKER = 2
#: Characters of article text whose bodies a process keeps between tasks. A
#: body with its derived sentences, keys and vectors takes about 40 bytes per
#: character of text (96 KiB for a 2,500-character article), so about 200 MiB.
CACHE_CHARS = 5_000_000


@dataclass(slots=True)
class ArticleText:
    """What a pair decision needs from the store about one article."""

    text: str
    title: str | None
    language: str | None
    published: date | None


@dataclass(slots=True)
class PairTask:
    pairs: list[tuple[str, str]]
    articles: dict[str, ArticleText]
    #: Stored whole-article vectors of these articles.
    vectors: dict[str, np.ndarray] = field(default_factory=dict)


#: run(fn, tasks) -> results in task order: `Engine.run`, or a plain loop.
Runner = Callable[[Callable[[Any], Any], list[Any]], list[Any]]

_lock = threading.Lock()
#: (id, language, date) → (body, characters of its text), least recently used first.
_subjects: OrderedDict[tuple[str, str | None, date | None], tuple[Subject, int]] = OrderedDict()
_cached_chars = 0


def subject(article_id: str, row: ArticleText) -> Subject:
    """The comparable body of an article, built once per process (ids are content hashes;
    language and date are in the key too, as metadata a store may hold differently)."""
    global _cached_chars
    key = (article_id, row.language, row.published)
    with _lock:
        hit = _subjects.get(key)
        if hit is not None:
            _subjects.move_to_end(key)
            return hit[0]
    body = body_of(row.text, row.title)
    made = Subject(id=article_id, body=body, body_hash=body_hash(body),
                   language=row.language or None, published=row.published)
    with _lock:
        if key not in _subjects:
            _subjects[key] = (made, len(row.text))
            _cached_chars += len(row.text)
        while _cached_chars > CACHE_CHARS and len(_subjects) > 1:
            _, (_, size) = _subjects.popitem(last=False)
            _cached_chars -= size
    return made


def entries(articles: list[tuple[str, ArticleText]]) -> list[IndexEntry]:
    """Worker side: index entries (body hash, band keys, rare terms) of these articles."""
    return [features_of(i, subject(i, row).body).entry() for i, row in articles]


def index_entries(ids: list[str], articles: dict[str, ArticleText], *, run: Runner | None = None,
                  workers: int = 1) -> list[IndexEntry]:
    """Index entries of the new articles, spread over the workers for large batches.

    Building a body and its MinHash signature is the other per-article cost of
    provenance (about 2.5 ms an article); it is a pure function of the text too.
    """
    todo = [(i, articles[i]) for i in ids if i in articles]
    if run is None or workers <= 1 or len(todo) < MIN_DISTRIBUTED_ENTRIES:
        return entries(todo)
    size = -(-len(todo) // (workers * TASKS_PER_WORKER))
    return [e for part in run(entries, [todo[k:k + size] for k in range(0, len(todo), size)])
            for e in part]


def score(task: PairTask) -> tuple[list[LinkRow], dict[str, np.ndarray]]:
    """Worker side: the links among the task's pairs, and the vectors computed for them."""
    embed.preload(task.vectors)
    subjects = {i: subject(i, row) for i, row in task.articles.items()}
    links = []
    for a, b in task.pairs:
        link = relate(subjects[a], subjects[b])
        if link is not None:
            links.append(LinkRow(link.a, link.b, link.relation, link.kind, link.score, link.evidence))
    return links, embed.take_new()


def score_pairs(pairs: Iterable[tuple[str, str]], articles: dict[str, ArticleText],
                vectors: dict[str, np.ndarray], *, run: Runner | None = None,
                workers: int = 1) -> tuple[list[LinkRow], dict[str, np.ndarray]]:
    """Links among `pairs` (sorted), and the article vectors computed on the way.

    With a runner and more than one worker, pairs are cut into tasks grouped by
    their first article (its candidates share it) and scored through the runner;
    otherwise here. Same links either way.
    """
    todo = sorted(p for p in pairs if p[0] in articles and p[1] in articles)
    if run is None or workers <= 1 or len(todo) < MIN_DISTRIBUTED_PAIRS:
        return score(PairTask(todo, articles, vectors))
    tasks = [_task(chunk, articles, vectors) for chunk in _chunks(todo, workers * TASKS_PER_WORKER)]
    links: list[LinkRow] = []
    computed: dict[str, np.ndarray] = {}
    for found, new in run(score, tasks):
        links.extend(found)
        computed.update(new)
    return sorted(links, key=lambda x: (x.a, x.b)), computed


def _chunks(pairs: list[tuple[str, str]], n: int) -> list[list[tuple[str, str]]]:
    """About n runs of consecutive pairs, never splitting one first article's pairs."""
    size = max(1, -(-len(pairs) // n))
    out: list[list[tuple[str, str]]] = [[]]
    for pair in pairs:
        if len(out[-1]) >= size and pair[0] != out[-1][-1][0]:
            out.append([])
        out[-1].append(pair)
    return out


def _task(chunk: list[tuple[str, str]], articles: dict[str, ArticleText],
          vectors: dict[str, np.ndarray]) -> PairTask:
    ids = {x for pair in chunk for x in pair}
    return PairTask(chunk, {i: articles[i] for i in ids},
                    {i: vectors[i] for i in ids if i in vectors})
