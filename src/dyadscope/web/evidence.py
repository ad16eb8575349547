"""The evidence spans of one article (actor mentions, quotes, events), from their query functions.

Each provider turns the rows of one view's query function, filtered to the
article, into spans with offsets into the article's `text`; the article page
highlights them and `/api/articles/{id}` returns them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ..store import Store


class SpanOut(BaseModel):
    """One highlighted range of an article's text."""

    start: int
    end: int
    kind: str
    label: str
    text: str


Provider = Callable[[Store, dict[str, Any]], list[dict[str, Any]]]

#: One provider per view that carries offsets into article text.
PROVIDERS: list[Provider] = []


def article_spans(store: Store, article: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span the providers find for `article`, in text order; offsets are checked."""
    text: str = article["text"]
    spans = [s for provider in PROVIDERS for s in provider(store, article)]
    valid = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    for s in valid:
        s["text"] = text[s["start"]:s["end"]]
    return sorted(valid, key=lambda s: (s["start"], -s["end"], s["kind"]))
