"""How events are stored: the `events` record table (written with each new article).

Event ids hash the article id, the trigger offset, the actors and the code, so
re-ingesting adds nothing and two events of one sentence never collide.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from ..article import Article, Event
from ..store.records import RecordTable

COLUMNS = (
    "article_id", "id", "sentence", "start_char", "end_char", "text", "trigger", "trigger_start",
    "trigger_end",
    "actor1", "actor2", "plover", "cameo", "quad", "goldstein", "date", "date_precision", "date_basis",
    "date_text", "negated", "hypothetical", "reported", "confidence",
)


def event_id(article_id: str, e: Event) -> str:
    key = "\x1f".join(str(x) for x in (article_id, e.trigger_start, e.start, e.actor1, e.actor2, e.cameo))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def rows(article: Article) -> Iterator[tuple[Any, ...]]:
    for e in article.events:
        yield (
            article.id, event_id(article.id, e), e.sentence, e.start, e.end, e.text, e.trigger,
            e.trigger_start, e.trigger_end, e.actor1, e.actor2, e.plover, e.cameo, e.quad, e.goldstein,
            e.date, e.date_precision, e.date_basis, e.date_text, e.negated, e.hypothetical, e.reported,
            e.confidence,
        )


#: `end` is an SQL keyword, so the offsets are stored as start_char/end_char and listed as start/end.
EVENTS_TABLE = RecordTable(table="events", columns=COLUMNS, rows=rows)
