"""The search view: articles whose title or text contains a phrase.

A case-insensitive substring scan (DuckDB `ILIKE`) rather than a full-text
index: DuckDB's FTS extension is downloaded on first use, which an offline
machine cannot do, and a scan of 100,000 articles takes a fraction of a second.
The snippet is cut in Python with a regex over the original text so that its
offsets stay offsets into `text` (case folding can change a string's length).
"""

from __future__ import annotations

import re
from typing import Any

from ..store import Store
from .common import Page, page_sql, rows_out

#: Characters of context shown on each side of the first match.
SNIPPET_CONTEXT = 90


def _like_pattern(phrase: str) -> str:
    """`%phrase%` with LIKE's wildcards in the phrase taken literally."""
    escaped = phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_articles(store: Store, phrase: str, page: Page | None = None) -> list[dict[str, Any]]:
    """Articles containing `phrase` in title or text: title matches first, then newest first."""
    phrase = phrase.strip()
    if not phrase:
        return []
    pattern = _like_pattern(phrase)
    sql = (
        "SELECT id, title, outlet, published, language, text, "
        "coalesce(title ILIKE ? ESCAPE '\\', false) AS in_title FROM articles "
        "WHERE title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\' "
        "ORDER BY in_title DESC, published DESC NULLS LAST, id"
    )
    sql, params = page_sql(sql, [pattern, pattern, pattern], page)
    return [_hit(row, phrase) for row in rows_out(store.query(sql, params))]


def _hit(row: dict[str, Any], phrase: str) -> dict[str, Any]:
    text: str = row.pop("text")
    found = re.search(re.escape(phrase), text, flags=re.IGNORECASE)
    if found is None:
        row.update(snippet=text[: 2 * SNIPPET_CONTEXT], snippet_start=0, match_start=None, match_end=None)
        return row
    lo = max(found.start() - SNIPPET_CONTEXT, 0)
    hi = min(found.end() + SNIPPET_CONTEXT, len(text))
    row.update(snippet=text[lo:hi], snippet_start=lo, match_start=found.start(), match_end=found.end())
    return row
