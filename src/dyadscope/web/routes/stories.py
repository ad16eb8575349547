"""Stories: articles from different outlets reporting the same event."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from ...query import ArticleFilters, list_articles
from ...query.common import Page
from ...query.stories import StoryFilters, list_stories
from ...schema import StoryRow
from ...store import Store
from ..deps import PagingDep, StoreDep, not_found
from ..pages import page
from ..paging import Paged, paged

router = APIRouter(tags=["stories"])

StoryId = Annotated[str, Path(pattern=r"^s[0-9a-f]{15}$", description="story id ('s' + 15 hex characters)")]
#: Articles of one story shown on its page; a story is a handful of outlets, this is a guard.
MAX_STORY_ARTICLES = 200
#: Article fields a story page lists (not the text).
BRIEF_FIELDS = ("id", "title", "outlet", "published", "language", "copy_of", "copy_kind", "copy_score",
                "story")


class ArticleBrief(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    copy_of: str | None
    copy_kind: str | None
    copy_score: float | None
    story: str | None


class StoryDetail(BaseModel):
    story: StoryRow
    articles: list[ArticleBrief]


def story_filters(
    since: date | None = Query(None, description="stories still reported on or after (YYYY-MM-DD)"),
    until: date | None = Query(None, description="stories first reported on or before (YYYY-MM-DD)"),
    contains: str | None = Query(None, max_length=200, description="title contains"),
    min_sources: int | None = Query(None, ge=1, le=100_000, description="at least N independent sources"),
) -> StoryFilters:
    return StoryFilters(since=since.isoformat() if since else None,
                        until=until.isoformat() if until else None, contains=contains or None,
                        min_sources=min_sources)


FiltersDep = Annotated[StoryFilters, Depends(story_filters)]


def article_briefs(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """The listed fields of each article id, in the order given (ids not found are skipped)."""
    out = []
    for article_id in ids[:MAX_STORY_ARTICLES]:
        for row in list_articles(store, ArticleFilters(id=article_id), Page(limit=2)):
            if row["id"] == article_id:
                out.append({k: row.get(k) for k in BRIEF_FIELDS})
    return out


def story_data(store: Store, story: str) -> dict[str, Any]:
    rows = [r for r in list_stories(store, StoryFilters(story=story), Page(limit=2)) if r["story"] == story]
    if not rows:
        raise not_found(f"story {story}")
    return {"story": rows[0], "articles": article_briefs(store, rows[0]["articles"])}


@router.get("/api/stories", response_model=Paged[StoryRow], summary="Story groups, earliest first")
def api_stories(store: StoreDep, filters: FiltersDep, p: PagingDep) -> dict[str, Any]:
    return paged(lambda pg: list_stories(store, filters, pg), p)


@router.get("/stories", response_class=HTMLResponse, include_in_schema=False)
def stories_page(request: Request, store: StoreDep, filters: FiltersDep, p: PagingDep) -> HTMLResponse:
    data = paged(lambda pg: list_stories(store, filters, pg), p)
    return page(request, "stories.html", {**data, "filters": filters})


@router.get("/api/stories/{story}", response_model=StoryDetail, summary="One story and its articles")
def api_story(story: StoryId, store: StoreDep) -> dict[str, Any]:
    return story_data(store, story)


@router.get("/stories/{story}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, story: StoryId, store: StoreDep) -> HTMLResponse:
    return page(request, "story.html", story_data(store, story))
