"""The events stage: who did what to whom and when, coded to PLOVER/CAMEO.

Stage `dyadscope.events.v1` runs after nlp, actors and quotes: it reads
`article.doc` (never parses) and `article.mentions`, matches the pattern
dictionary (`data/events/patterns.tsv`, extendable with
`PipelineConfig.event_patterns_file`) and fills `article.events`. Event groups
and source counts are corpus-wide: see `dyadscope.events.groups` (corpus step
`dyadscope.event_groups.v1`).

Python use:

    from dyadscope.events import code_article, load_book
    events = code_article(article, load_book())   # article.doc and article.mentions set
"""

from __future__ import annotations

from ..article import Article
from ..config import PipelineConfig
from ..errors import Failure
from .build import code_article
from .patterns import load_book

__all__ = ["code_article", "extract_batch", "load_book"]


def extract_batch(articles: list[Article], config: PipelineConfig) -> tuple[list[Article], list[Failure]]:
    """Stage `dyadscope.events.v1`: fill `article.events` for every parsed article."""
    book = load_book(config.event_patterns_file)
    for article in articles:
        article.events = code_article(article, book)
    return articles, []
