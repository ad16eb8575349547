"""The events view: coded events with their group and independent-source count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..schema import EventRow, field_names
from ..store import Store
from .common import Page, page_sql, rows_out


@dataclass
class EventFilters:
    dyad: str | None = None  # "CHN-RUS": either direction; a 3-letter code matches every sector
    actor: str | None = None  # actor1 or actor2
    since: str | None = None
    until: str | None = None
    type: str | None = None  # PLOVER type
    article_id: str | None = None
    include_flagged: bool = True  # negated and hypothetical events are listed unless False


def code_clause(column: str, code: str) -> tuple[str, list[Any]]:
    """A 3-letter state code matches its sectors (CHN → CHN, CHNGOV, CHNMIL); longer codes match exactly."""
    code = code.upper()
    if len(code) == 3:
        return f"({column} = ? OR ({column} LIKE ? AND length({column}) = 6))", [code, code + "%"]
    return f"{column} = ?", [code]


def event_where(f: EventFilters, alias: str = "e") -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.dyad:
        a, _, b = f.dyad.partition("-")
        fwd1, p1 = code_clause(f"{alias}.actor1", a)
        fwd2, p2 = code_clause(f"{alias}.actor2", b)
        back1, p3 = code_clause(f"{alias}.actor1", b)
        back2, p4 = code_clause(f"{alias}.actor2", a)
        where.append(f"(({fwd1} AND {fwd2}) OR ({back1} AND {back2}))")
        params += p1 + p2 + p3 + p4
    if f.actor:
        c1, q1 = code_clause(f"{alias}.actor1", f.actor)
        c2, q2 = code_clause(f"{alias}.actor2", f.actor)
        where.append(f"({c1} OR {c2})")
        params += q1 + q2
    if f.since:
        where.append(f"{alias}.date >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        where.append(f"{alias}.date <= CAST(? AS DATE)")
        params.append(f.until)
    if f.type:
        where.append(f"{alias}.plover = ?")
        params.append(f.type.upper())
    if f.article_id:
        where.append(f"{alias}.article_id LIKE ?")
        params.append(f.article_id + "%")
    if not f.include_flagged:
        where.append(f"NOT {alias}.negated AND NOT {alias}.hypothetical")
    return where, params


def list_events(store: Store, filters: EventFilters | None = None,
                page: Page | None = None) -> list[dict[str, Any]]:
    """Events matching `filters`, by date then article and position."""
    where, params = event_where(filters or EventFilters())
    renames = {"start": "e.start_char AS start", "end": 'e.end_char AS "end"',
               "event_group": "m.group_id AS event_group", "sources": "g.sources"}
    cols = ", ".join(renames.get(c, f"e.{c}") for c in field_names(EventRow))
    sql = (f"SELECT {cols} FROM events e LEFT JOIN event_group_members m ON m.event_id = e.id "
           "LEFT JOIN event_groups g ON g.id = m.group_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.date NULLS LAST, e.article_id, e.start_char, e.id"
    sql, params = page_sql(sql, params, page)
    return rows_out(store.query(sql, params))
