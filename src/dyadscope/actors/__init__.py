"""Actors stage (`dyadscope.actors.v1`): who is mentioned, linked to actor codes.

Contract for later stages (quotes, events) and Python users:

* After this stage `article.mentions` holds every actor mention in text order. Each
  `Mention` has `start`/`end` (characters into `article.text`, so
  `article.text[m.start:m.end] == m.text`), `code` (CAMEO-shaped: a state `CHN`,
  a state + sector `RUSGOV`/`CHNMIL`, an IGO or group `NATO`/`HAMAS`; None for a
  person whose affiliation the text does not give), `kind` (state, igo, org,
  group, person), `name`, `country`, `role` (people.tsv role for officeholders),
  `title` (a person's title and apposition as written), `sentence` (index in
  `doc.sents`) and `entity` (the same number for every mention of one person in
  the article: "Nigel Gould-Davies" ... "Gould-Davies").
* `method` says how it was linked: dictionary, spun ('Chinese language'), fuzzy,
  ner (a person not in the dictionary), surname, role ('Japan's defence
  minister' resolved by the article's `published` date), `+sector` for
  'Chinese warships' -> CHNMIL.
* Look-ups by span: `mentions_in(article, start, end)` (mentions overlapping a
  character range; pass `span.start_char, span.end_char` for a spaCy span) and
  `code_at(article, start, end)` (the code of the most specific mention
  overlapping the range: people over states, longer over shorter).
* The dictionary is bundled (`dyadscope/data/actors/*.tsv`) and extended with
  `PipelineConfig.actors_file` (`--actors FILE`); see `dictionary.py`.

Mentions are stored in the `mentions` table with their article; the `actors`
listing (`dyadscope actors`) aggregates them per actor.
"""

from __future__ import annotations

import logging
from typing import Any

from ..article import Article, Mention
from ..config import PipelineConfig
from ..errors import Failure
from ..store.records import RecordTable
from .dictionary import Actor, Dictionary, load_dictionary
from .link import link_doc
from .match import matchers_for

log = logging.getLogger(__name__)

__all__ = ["Actor", "Dictionary", "MENTIONS", "code_at", "link_batch", "load_dictionary",
           "mentions_in"]


def link_batch(articles: list[Article], config: PipelineConfig) -> tuple[list[Article], list[Failure]]:
    """Stage `dyadscope.actors.v1`: fill `article.mentions` from the parsed `article.doc`."""
    m = matchers_for(config.actors_file)
    for article in articles:
        if article.doc is None:
            log.warning("article %s has no parsed doc; run dyadscope.nlp.v1 first", article.id)
            continue
        article.mentions = link_doc(article.doc, article.published, m)
    return articles, []


def mentions_in(article: Article, start: int, end: int) -> list[Mention]:
    """Mentions overlapping characters [start, end) of `article.text`, in text order."""
    return [m for m in article.mentions if m.start < end and start < m.end]


def _specificity(m: Mention) -> tuple[int, int]:
    return (1 if m.kind == "person" and m.code else 0, m.end - m.start)


def code_at(article: Article, start: int, end: int) -> str | None:
    """The actor code covering [start, end): the most specific overlapping mention's, or None."""
    coded = [m for m in mentions_in(article, start, end) if m.code]
    return max(coded, key=_specificity).code if coded else None


def _mention_rows(article: Article) -> list[tuple[Any, ...]]:
    return [(article.id, m.start, m.end, m.text, m.code, m.kind, m.method, m.confidence, m.name,
             m.country, m.role, m.title, m.sentence, m.entity) for m in article.mentions]


#: Store table for mentions (migration 300).
MENTIONS = RecordTable(
    table="mentions",
    columns=("article_id", "start_char", "end_char", "text", "code", "kind", "method", "confidence",
             "name", "country", "role", "title", "sentence", "entity"),
    rows=_mention_rows,
)
