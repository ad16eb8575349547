"""Quotes stage (`dyadscope.quotes.v1`): who said what, with exact spans.

Reads `article.doc` (nlp stage) and `article.mentions` (actors stage) and fills
`article.quotes`: direct quotes (any quotation marks, interrupted, multi-paragraph,
nested, damaged by machine translation) and reported speech, each with the
speaker resolved to a named actor where the text allows ("he said", "the
minister added"), the cue as written and the span conventions of
tests/labelled/quotes/README.md. Unattributed quotes keep a null speaker.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from ..article import Article
from ..config import PipelineConfig
from ..errors import Failure
from ..store.records import RecordTable
from .extract import extract_quotes

log = logging.getLogger(__name__)

__all__ = ["QUOTES", "extract_batch", "extract_quotes", "quote_id"]


def extract_batch(articles: list[Article], config: PipelineConfig) -> tuple[list[Article], list[Failure]]:
    """Stage `dyadscope.quotes.v1`."""
    for article in articles:
        if article.doc is None:
            log.warning("article %s has no parsed doc; run dyadscope.nlp.v1 first", article.id)
            continue
        article.quotes = extract_quotes(article)
    return articles, []


def quote_id(article_id: str, kind: str, start: int, end: int) -> str:
    """Content-derived: the same quote of the same article always gets the same id."""
    return hashlib.sha256(f"{article_id}:{start}:{end}:{kind}".encode()).hexdigest()[:16]


def _quote_rows(article: Article) -> list[tuple[Any, ...]]:
    return [(article.id, quote_id(article.id, q.kind, q.start, q.end), q.kind, q.text, q.start, q.end,
             q.speaker, q.speaker_code, q.cue, q.confidence) for q in article.quotes]


#: Store table for quotes (migration 301).
QUOTES = RecordTable(
    table="quotes",
    columns=("article_id", "id", "kind", "text", "start_char", "end_char", "speaker", "speaker_code",
             "cue", "confidence"),
    rows=_quote_rows,
)
