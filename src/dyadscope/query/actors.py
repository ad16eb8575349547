"""The actors view (mention counts per actor) and the mentions view (one row per linked span)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Store
from .common import Page, page_sql, rows_out


@dataclass
class ActorFilters:
    code: str | None = None  # a 3-letter state code also matches its sectors (CHN -> CHNGOV, CHNMIL)
    kind: str | None = None
    name: str | None = None  # substring, case-insensitive
    article_id: str | None = None


def _code_clause(code: str) -> tuple[str, list[Any]]:
    code = code.upper()
    if len(code) == 3:
        return "(code = ? OR (code LIKE ? AND length(code) = 6))", [code, code + "%"]
    return "code = ?", [code]


def _where(f: ActorFilters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.code:
        clause, more = _code_clause(f.code)
        where.append(clause)
        params += more
    if f.kind:
        where.append("kind = ?")
        params.append(f.kind)
    if f.name:
        where.append("(name ILIKE ? OR text ILIKE ?)")
        params += [f"%{f.name}%"] * 2
    if f.article_id:
        where.append("article_id LIKE ?")
        params.append(f.article_id + "%")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_actors(store: Store, filters: ActorFilters | None = None,
                page: Page | None = None) -> list[dict[str, Any]]:
    """One row per actor (code, name, kind), most mentioned first."""
    where, params = _where(filters or ActorFilters())
    sql = ("SELECT code, name, kind, any_value(country) AS country, any_value(role) AS role, "
           "count(*) AS mentions, count(DISTINCT article_id) AS articles "
           f"FROM mentions{where} GROUP BY code, name, kind "
           "ORDER BY mentions DESC, code NULLS LAST, name")
    sql, params = page_sql(sql, params, page)
    return rows_out(store.query(sql, params))


def list_mentions(store: Store, filters: ActorFilters | None = None,
                  page: Page | None = None) -> list[dict[str, Any]]:
    """Mentions in text order, article by article."""
    where, params = _where(filters or ActorFilters())
    sql = ("SELECT article_id, start_char AS start, end_char AS \"end\", text, code, kind, method, "
           "confidence, name, country, role, title, sentence, entity "
           f"FROM mentions{where} ORDER BY article_id, start_char, end_char")
    sql, params = page_sql(sql, params, page)
    return rows_out(store.query(sql, params))
