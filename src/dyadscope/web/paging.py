"""Page parameters and the page envelope every listing endpoint returns.

Pages are capped (`MAX_LIMIT`) so no request can ask the server to render or
serialise a whole corpus. Whether a next page exists is found by fetching one
row more than asked, which costs nothing extra, where a total count would
double the cost of every filtered listing on a large store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

from ..query.common import Page

#: Rows per page unless the request says otherwise.
DEFAULT_LIMIT = 50
#: The most rows one request may ask for; larger pages are refused with 422.
MAX_LIMIT = 500
#: Offsets past this are refused: no store we serve has that many rows in one listing.
MAX_OFFSET = 10_000_000

T = TypeVar("T")


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int

    def probe(self) -> Page:
        """The page to ask a query function for: one extra row tells if there is a next page."""
        return Page(limit=self.limit + 1, offset=self.offset)


def paging(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"rows per page (at most {MAX_LIMIT})"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="rows to skip"),
) -> Paging:
    return Paging(limit=limit, offset=offset)


class Paged(BaseModel, Generic[T]):
    """One page of a listing."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


def paged(fetch: Callable[[Page], list[dict[str, Any]]], p: Paging) -> dict[str, Any]:
    """Call a query function for one page; returns the envelope as a dict."""
    rows = fetch(p.probe())
    more = len(rows) > p.limit
    return {"items": rows[: p.limit], "limit": p.limit, "offset": p.offset,
            "next_offset": p.offset + p.limit if more else None}
