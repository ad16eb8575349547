"""Articles: the paged listing and one article with its evidence highlighted."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from ...query import ArticleFilters, list_articles
from ...query.common import Page
from ...query.overview import list_copies
from ...query.stories import StoryFilters, list_stories
from ...schema import ArticleRow, StoryRow
from ...store import Store
from ..deps import ArticleId, PagingDep, StoreDep, not_found
from ..evidence import SpanOut, article_spans
from ..highlight import Span, render
from ..pages import page
from ..paging import Paged, paged
from .overview import CopyOut
from .stories import ArticleBrief, article_briefs

router = APIRouter(tags=["articles"])

#: Longest free-text filter accepted; longer values are refused with 422.
MAX_FILTER_CHARS = 200
#: Characters an offset may reach; article text is capped well below this.
MAX_OFFSET_CHARS = 50_000_000
#: Copies of one article listed on its page (a syndicated wire story can have hundreds).
MAX_COPIES = 100


def article_query(
    outlet: str | None = Query(None, max_length=MAX_FILTER_CHARS, description="outlet (case-insensitive)"),
    language: str | None = Query(None, pattern=r"^[a-z]{2,3}$", description="ISO 639-1 code, e.g. en"),
    since: date | None = Query(None, description="published on or after (YYYY-MM-DD)"),
    until: date | None = Query(None, description="published on or before (YYYY-MM-DD)"),
    path: str | None = Query(None, max_length=MAX_FILTER_CHARS, description="input path contains"),
) -> ArticleFilters:
    return ArticleFilters(outlet=outlet, language=language, path=path,
                          since=since.isoformat() if since else None,
                          until=until.isoformat() if until else None)


FiltersDep = Annotated[ArticleFilters, Depends(article_query)]


class ProvenanceOut(BaseModel):
    """Where the article stands among copies and stories."""

    original: ArticleBrief | None
    copies: list[CopyOut]
    story: StoryRow | None
    siblings: list[ArticleBrief]


class ArticleDetail(BaseModel):
    article: ArticleRow
    spans: list[SpanOut]
    provenance: ProvenanceOut


def find_article(store: Store, article_id: str) -> dict[str, Any]:
    """The article with exactly this id, or 404."""
    rows = list_articles(store, ArticleFilters(id=article_id), Page(limit=2))
    for row in rows:
        if row["id"] == article_id:
            return row
    raise not_found(f"article with id {article_id}")


def provenance_data(store: Store, row: dict[str, Any]) -> dict[str, Any]:
    """The original this article copies, its own copies, and the other articles of its story."""
    original = article_briefs(store, [row["copy_of"]]) if row.get("copy_of") else []
    story = None
    siblings: list[dict[str, Any]] = []
    if row.get("story"):
        found = [s for s in list_stories(store, StoryFilters(story=row["story"]), Page(limit=2))
                 if s["story"] == row["story"]]
        if found:
            story = found[0]
            siblings = article_briefs(store, [i for i in story["articles"] if i != row["id"]])
    copies = list_copies(store, row["id"], Page(limit=MAX_COPIES))
    return {"original": original[0] if original else None, "copies": copies, "story": story,
            "siblings": siblings}


def article_data(store: Store, article_id: str) -> dict[str, Any]:
    row = find_article(store, article_id)
    return {"article": row, "spans": article_spans(store, row), "provenance": provenance_data(store, row)}


@router.get("/api/articles", response_model=Paged[ArticleRow], summary="Articles, oldest first")
def api_articles(store: StoreDep, paging: PagingDep, filters: FiltersDep) -> dict[str, Any]:
    return paged(lambda p: list_articles(store, filters, p), paging)


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, store: StoreDep, paging: PagingDep, filters: FiltersDep) -> HTMLResponse:
    data = paged(lambda p: list_articles(store, filters, p), paging)
    return page(request, "articles.html", {**data, "filters": filters})


@router.get("/api/articles/{article_id}", response_model=ArticleDetail,
            summary="One article with its evidence spans (offsets into `text`)")
def api_article(article_id: ArticleId, store: StoreDep) -> dict[str, Any]:
    return article_data(store, article_id)


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(
    request: Request, article_id: ArticleId, store: StoreDep,
    focus_start: int | None = Query(None, ge=0, le=MAX_OFFSET_CHARS, description="start of a passage"),
    focus_end: int | None = Query(None, ge=0, le=MAX_OFFSET_CHARS, description="end of that span"),
) -> HTMLResponse:
    data = article_data(store, article_id)
    text: str = data["article"]["text"]
    spans = [Span(s["start"], s["end"], s["kind"], s["label"]) for s in data["spans"]]
    if focus_start is not None or focus_end is not None:
        spans.append(_focus(focus_start, focus_end, len(text)))
    return page(request, "article.html", {**data, "body": render(text, spans),
                                          "focused": focus_start is not None})


def _focus(start: int | None, end: int | None, length: int) -> Span:
    if start is None or end is None or not 0 <= start < end <= length:
        raise HTTPException(status_code=400, detail=(
            f"focus_start and focus_end must both be given, with "
            f"0 ≤ focus_start < focus_end ≤ {length} (the article's length)"))
    return Span(start, end, "focus", "the passage you followed here", anchor="focus")
