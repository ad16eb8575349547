"""The articles view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..schema import ArticleRow, field_names
from ..store import Store
from .common import Page, page_sql, rows_out
from .stories import articles_source


@dataclass
class ArticleFilters:
    id: str | None = None
    outlet: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None
    contains: str | None = None
    path: str | None = None


def list_articles(store: Store, filters: ArticleFilters | None = None,
                  page: Page | None = None) -> list[dict[str, Any]]:
    """Articles matching `filters`, oldest first (undated last)."""
    f = filters or ArticleFilters()
    where: list[str] = []
    params: list[Any] = []
    if f.id:
        where.append("id LIKE ?")
        params.append(f.id + "%")
    if f.outlet:
        where.append("outlet ILIKE ?")
        params.append(f.outlet)
    if f.language:
        where.append("language = ?")
        params.append(f.language)
    if f.since:
        where.append("published >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        where.append("published <= CAST(? AS DATE)")
        params.append(f.until)
    if f.contains:
        where.append("(text ILIKE ? OR title ILIKE ?)")
        params += [f"%{f.contains}%"] * 2
    if f.path:
        where.append("path LIKE ?")
        params.append(f"%{f.path}%")
    # The page is chosen on the articles table alone, then joined to its provenance:
    # sorting every article with its text and provenance first made deep pages slow.
    order = " ORDER BY published NULLS LAST, path, record, id"
    ids = "SELECT id FROM articles" + (" WHERE " + " AND ".join(where) if where else "") + order
    ids, params = page_sql(ids, params, page)
    cols = ", ".join(field_names(ArticleRow))
    sql = f"SELECT {cols} FROM {articles_source(store)} JOIN ({ids}) AS page USING (id){order}"
    return rows_out(store.query(sql, params))
