"""Search over article titles and text."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from ...query.search import search_articles
from ...schema import SearchRow
from ...store import Store
from ..deps import PagingDep, StoreDep
from ..highlight import Span, render
from ..pages import page
from ..paging import Paged, Paging, paged

router = APIRouter(tags=["search"])

#: Longest phrase accepted; a longer one is refused with 422.
MAX_PHRASE_CHARS = 200


def search_data(store: Store, q: str, paging: Paging) -> dict[str, Any]:
    return paged(lambda p: search_articles(store, q, p), paging)


@router.get("/api/search", response_model=Paged[SearchRow], summary="Articles whose title or text contains q")
def api_search(store: StoreDep, paging: PagingDep,
               q: str = Query(..., min_length=1, max_length=MAX_PHRASE_CHARS, description="phrase")
               ) -> dict[str, Any]:
    return search_data(store, q, paging)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, store: StoreDep, paging: PagingDep,
                q: str = Query("", max_length=MAX_PHRASE_CHARS)) -> HTMLResponse:
    data = search_data(store, q, paging) if q.strip() else {
        "items": [], "limit": paging.limit, "offset": paging.offset, "next_offset": None}
    for hit in data["items"]:
        hit["snippet_html"] = _snippet(hit)
    return page(request, "search.html", {**data, "q": q})


def _snippet(hit: dict[str, Any]) -> Markup:
    if hit["match_start"] is None:
        return render(hit["snippet"], [])
    lo = hit["match_start"] - hit["snippet_start"]
    hi = hit["match_end"] - hit["snippet_start"]
    return render(hit["snippet"], [Span(lo, hi, "match")])
