"""Quotes by speaker and actor, and the actors mentioned in the store."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from ...query.actors import ActorFilters, list_actors
from ...query.quotes import QuoteFilters, list_quotes
from ..deps import PagingDep, StoreDep
from ..pages import page
from ..paging import Paged, paged
from .events import CODE

router = APIRouter(tags=["quotes and actors"])

#: Longest free-text filter accepted; a longer one is refused with 422.
MAX_FILTER_CHARS = 200


class QuoteOut(BaseModel):
    id: str
    article_id: str
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_code: str | None
    cue: str | None
    confidence: float


class ActorOut(BaseModel):
    code: str | None
    name: str | None
    kind: str | None
    country: str | None
    role: str | None
    mentions: int
    articles: int


def quote_filters(
    speaker: str | None = Query(None, max_length=MAX_FILTER_CHARS, description="speaker name contains"),
    actor: str | None = Query(None, pattern=CODE, description="speaker's actor code (CHN matches CHNGOV…)"),
    kind: Literal["direct", "indirect"] | None = Query(None, description="direct or indirect"),
    contains: str | None = Query(None, max_length=MAX_FILTER_CHARS, description="quote text contains"),
) -> QuoteFilters:
    return QuoteFilters(speaker=speaker or None, actor=actor.upper() if actor else None, kind=kind,
                        contains=contains or None)


def actor_filters(
    code: str | None = Query(None, pattern=CODE, description="actor code (CHN matches CHNGOV…)"),
    kind: Literal["state", "igo", "person", "org", "group"] | None = Query(None, description="actor kind"),
    name: str | None = Query(None, max_length=MAX_FILTER_CHARS, description="name or mention text contains"),
) -> ActorFilters:
    return ActorFilters(code=code.upper() if code else None, kind=kind, name=name or None)


QuoteFiltersDep = Annotated[QuoteFilters, Depends(quote_filters)]
ActorFiltersDep = Annotated[ActorFilters, Depends(actor_filters)]


@router.get("/api/quotes", response_model=Paged[QuoteOut], summary="Quotes by speaker, actor, kind or text")
def api_quotes(store: StoreDep, filters: QuoteFiltersDep, p: PagingDep) -> dict[str, Any]:
    return paged(lambda pg: list_quotes(store, filters, pg), p)


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def quotes_page(request: Request, store: StoreDep, filters: QuoteFiltersDep, p: PagingDep) -> HTMLResponse:
    data = paged(lambda pg: list_quotes(store, filters, pg), p)
    return page(request, "quotes.html", {**data, "filters": filters})


@router.get("/api/actors", response_model=Paged[ActorOut], summary="Actors by number of mentions")
def api_actors(store: StoreDep, filters: ActorFiltersDep, p: PagingDep) -> dict[str, Any]:
    return paged(lambda pg: list_actors(store, filters, pg), p)


@router.get("/actors", response_class=HTMLResponse, include_in_schema=False)
def actors_page(request: Request, store: StoreDep, filters: ActorFiltersDep, p: PagingDep) -> HTMLResponse:
    data = paged(lambda pg: list_actors(store, filters, pg), p)
    return page(request, "actors.html", {**data, "filters": filters})
