"""Paging and value conversion shared by every view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass
class Page:
    limit: int | None = None
    offset: int = 0


def page_sql(sql: str, params: list[Any], page: Page | None) -> tuple[str, list[Any]]:
    if page is None:
        return sql, params
    if page.limit is not None:
        sql += " LIMIT ?"
        params = [*params, int(page.limit)]
    if page.offset:
        sql += " OFFSET ?"
        params = [*params, int(page.offset)]
    return sql, params


def plain(value: Any) -> Any:
    """JSON-ready value: dates as ISO strings."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def rows_out(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in rows]
