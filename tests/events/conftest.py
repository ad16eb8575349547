"""Helpers for event tests: parsed articles with hand-made actor mentions (no actor dictionary)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadscope.article import Article, Mention
from dyadscope.events import code_article, load_book
from dyadscope.events.evaluate import make_article
from dyadscope.nlp import load

Coder = Callable[..., Article]


def mentions_for(text: str, actors: dict[str, str]) -> list[Mention]:
    """A mention for every occurrence of each phrase, coded as given."""
    out = []
    for phrase, code in actors.items():
        start = text.find(phrase)
        while start >= 0:
            out.append(Mention(start, start + len(phrase), phrase, code))
            start = text.find(phrase, start + 1)
    return sorted(out, key=lambda m: m.start)


@pytest.fixture(scope="session")
def code() -> Coder:
    """code(text, {"phrase": "CODE"}, published="2021-11-25") → the article with its events."""
    nlp = load()
    book = load_book()

    def run(text: str, actors: dict[str, str], published: str | None = "2021-11-25") -> Article:
        article = make_article(text, published, "t")
        article.doc = nlp(text)
        article.mentions = mentions_for(text, actors)
        article.events = code_article(article, book)
        return article

    return run
