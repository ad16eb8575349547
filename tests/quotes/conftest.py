"""Run nlp -> actors -> quotes over small texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadscope.article import Article


@pytest.fixture
def quoted() -> Callable[..., Article]:
    from dyadscope.quotes.evaluate import make_article, run_stages

    def run(text: str, published: str | None = None) -> Article:
        return run_stages([make_article(text, "t.txt", published)])[0]

    return run
