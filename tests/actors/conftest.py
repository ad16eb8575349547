"""Run the nlp and actors stages over small texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadscope.article import Article, article_id, text_hash
from dyadscope.config import PipelineConfig


def make(text: str, published: str | None = None) -> Article:
    return Article(id=article_id(text, None, None, published, None), path="t.txt", record=None,
                   title=None, outlet=None, url=None, published=published, published_basis=None,
                   language="en", text=text, text_hash=text_hash(text))


@pytest.fixture
def linked() -> Callable[..., Article]:
    from dyadscope import nlp
    from dyadscope.actors import link_batch

    def run(text: str, published: str | None = None, config: PipelineConfig | None = None) -> Article:
        articles, _ = nlp.parse_batch([make(text, published)], PipelineConfig())
        articles, failures = link_batch(articles, config or PipelineConfig())
        assert not failures
        return articles[0]

    return run
