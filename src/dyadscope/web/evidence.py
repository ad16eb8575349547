"""The evidence spans of one article (actor mentions, quotes, events), from their query functions.

Each provider turns the rows of one view's query function, filtered to the
article, into spans with offsets into the article's `text`; the article page
highlights them and `/api/articles/{id}` returns them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ..query.actors import ActorFilters, list_mentions
from ..query.common import Page
from ..query.events import EventFilters, list_events
from ..query.quotes import QuoteFilters, list_quotes
from ..store import Store

#: Spans of one kind fetched for one article; a long report has a few hundred mentions at most.
MAX_SPANS = 5000


class SpanOut(BaseModel):
    """One highlighted range of an article's text."""

    start: int
    end: int
    kind: str
    label: str
    text: str


Provider = Callable[[Store, dict[str, Any]], list[dict[str, Any]]]


def mention_spans(store: Store, article: dict[str, Any]) -> list[dict[str, Any]]:
    rows = list_mentions(store, ActorFilters(article_id=article["id"]), Page(limit=MAX_SPANS))
    return [{"start": r["start"], "end": r["end"], "kind": "actor",
             "label": " ".join(str(x) for x in (r["code"] or "unlinked", r["name"], r["role"]) if x)}
            for r in rows if r["article_id"] == article["id"]]


def quote_spans(store: Store, article: dict[str, Any]) -> list[dict[str, Any]]:
    rows = list_quotes(store, QuoteFilters(article_id=article["id"]), Page(limit=MAX_SPANS))
    return [{"start": r["start"], "end": r["end"], "kind": "quote",
             "label": f"{r['kind']} quote by {r['speaker'] or 'unknown'}"
                      + (f" ({r['speaker_code']})" if r["speaker_code"] else "")
                      + (f", cue “{r['cue']}”" if r["cue"] else "")}
            for r in rows if r["article_id"] == article["id"]]


def event_spans(store: Store, article: dict[str, Any]) -> list[dict[str, Any]]:
    rows = list_events(store, EventFilters(article_id=article["id"]), Page(limit=MAX_SPANS))
    out = []
    for r in rows:
        if r["article_id"] != article["id"]:
            continue
        flags = [name for name in ("negated", "hypothetical") if r[name]]
        label = f"{r['actor1'] or '?'} {r['plover']} {r['actor2'] or '—'}, {r['date'] or 'undated'}"
        out.append({"start": r["start"], "end": r["end"], "kind": "event",
                    "label": label + (f" ({', '.join(flags)})" if flags else "")})
    return out


#: One provider per view that carries offsets into article text.
PROVIDERS: list[Provider] = [event_spans, quote_spans, mention_spans]


def article_spans(store: Store, article: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span the providers find for `article`, in text order; offsets are checked."""
    text: str = article["text"]
    spans = [s for provider in PROVIDERS for s in provider(store, article)]
    valid = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    for s in valid:
        s["text"] = text[s["start"]:s["end"]]
    return sorted(valid, key=lambda s: (s["start"], -s["end"], s["kind"]))
