"""The quotes view: who said what, with exact spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Store
from .common import Page, page_sql, rows_out


@dataclass
class QuoteFilters:
    speaker: str | None = None  # substring of the speaker's name, case-insensitive
    actor: str | None = None  # speaker code; a 3-letter state code also matches its sectors
    kind: str | None = None  # direct | indirect
    article_id: str | None = None
    contains: str | None = None


def list_quotes(store: Store, filters: QuoteFilters | None = None,
                page: Page | None = None) -> list[dict[str, Any]]:
    """Quotes in text order, article by article (articles oldest first)."""
    f = filters or QuoteFilters()
    where: list[str] = []
    params: list[Any] = []
    if f.speaker:
        where.append("q.speaker ILIKE ?")
        params.append(f"%{f.speaker}%")
    if f.actor:
        code = f.actor.upper()
        if len(code) == 3:
            where.append("(q.speaker_code = ? OR (q.speaker_code LIKE ? AND length(q.speaker_code) = 6))")
            params += [code, code + "%"]
        else:
            where.append("q.speaker_code = ?")
            params.append(code)
    if f.kind:
        where.append("q.kind = ?")
        params.append(f.kind)
    if f.article_id:
        where.append("q.article_id LIKE ?")
        params.append(f.article_id + "%")
    if f.contains:
        where.append("q.text ILIKE ?")
        params.append(f"%{f.contains}%")
    sql = ("SELECT q.id, q.article_id, q.kind, q.text, q.start_char AS start, q.end_char AS \"end\", "
           "q.speaker, q.speaker_code, q.cue, q.confidence "
           "FROM quotes q JOIN articles a ON a.id = q.article_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.published NULLS LAST, a.path, q.article_id, q.start_char, q.end_char"
    sql, params = page_sql(sql, params, page)
    return rows_out(store.query(sql, params))
