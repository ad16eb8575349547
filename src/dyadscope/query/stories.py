"""The stories view, and the provenance columns the articles view carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Store
from .common import Page, page_sql, rows_out


@dataclass
class StoryFilters:
    story: str | None = None
    since: str | None = None
    until: str | None = None
    contains: str | None = None
    min_sources: int | None = None


def has_provenance(store: Store) -> bool:
    """Stores written before provenance existed (opened read-only, not migrated) lack its tables."""
    return bool(store.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'provenance'"))


def articles_source(store: Store) -> str:
    """FROM-clause source for the articles view: articles with their provenance columns."""
    if not has_provenance(store):
        return ("(SELECT *, NULL::VARCHAR AS copy_of, NULL::VARCHAR AS copy_kind, "
                "NULL::DOUBLE AS copy_score, NULL::VARCHAR AS original_reason, "
                "NULL::VARCHAR AS story FROM articles) AS articles")
    return ("(SELECT a.*, p.copy_of, p.copy_kind, p.copy_score, p.original_reason, p.story "
            "FROM articles a LEFT JOIN provenance p ON p.article_id = a.id) AS articles")


def list_stories(store: Store, filters: StoryFilters | None = None,
                 page: Page | None = None) -> list[dict[str, Any]]:
    """Story groups, earliest first."""
    if not has_provenance(store):
        return []
    f = filters or StoryFilters()
    where: list[str] = []
    params: list[Any] = []
    if f.story:
        where.append("s.story LIKE ?")
        params.append(f.story + "%")
    if f.since:
        where.append("s.last >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        where.append("s.first <= CAST(? AS DATE)")
        params.append(f.until)
    if f.contains:
        where.append("s.title ILIKE ?")
        params.append(f"%{f.contains}%")
    sql = """
        SELECT s.story, s.title,
               list(a.id ORDER BY a.published NULLS LAST, a.id) AS articles,
               count(*) FILTER (WHERE p.copy_of IS NULL)::INTEGER AS sources,
               list(DISTINCT a.outlet ORDER BY a.outlet) FILTER (WHERE a.outlet IS NOT NULL) AS outlets,
               s.first, s.last
        FROM stories s
        JOIN provenance p ON p.story = s.story
        JOIN articles a ON a.id = p.article_id
    """
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY s.story, s.title, s.first, s.last"
    if f.min_sources:
        sql += " HAVING count(*) FILTER (WHERE p.copy_of IS NULL) >= ?"
        params.append(int(f.min_sources))
    sql += " ORDER BY s.first NULLS LAST, s.story"
    sql, params = page_sql(sql, params, page)
    rows = rows_out(store.query(sql, params))
    for row in rows:
        row["outlets"] = row["outlets"] or []
    return rows
