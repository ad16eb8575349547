"""Overview: counts, sources, date range, failures and runs."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from ...query.common import Page
from ...query.overview import (
    Overview,
    copy_counts,
    failure_counts,
    list_copies,
    list_failures,
    list_runs,
    list_sources,
    overview,
)
from ...schema import FailureRow, SourceRow
from ...store import Store
from ..deps import PagingDep, StoreDep
from ..pages import page
from ..paging import Paged, paged

router = APIRouter(tags=["overview"])

#: Outlets and runs listed on the overview; the full lists are paged on their own pages.
TOP_SOURCES = 15
TOP_RUNS = 10

CodeQuery = Annotated[str | None, Query(pattern=r"^E\d{3}$", description="error code, e.g. E104")]


class FailureCount(BaseModel):
    code: str
    stage: str
    failures: int


class RunRow(BaseModel):
    id: int
    started: str | None
    finished: str | None
    status: str
    command: str | None
    files_seen: int | None
    stored: int | None
    present: int | None
    skipped: int | None


class CopyCount(BaseModel):
    kind: str | None
    copies: int


class CopyOut(BaseModel):
    """An article judged a copy, and the original it copies."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    copy_kind: str | None
    copy_score: float | None
    copy_of: str
    original_title: str | None
    original_outlet: str | None
    original_published: str | None


class OverviewOut(BaseModel):
    counts: Overview
    sources: list[SourceRow]
    failures: list[FailureCount]
    runs: list[RunRow]
    copies: list[CopyCount]


def overview_data(store: Store) -> dict[str, Any]:
    return {
        "counts": asdict(overview(store)),
        "sources": list_sources(store, Page(limit=TOP_SOURCES)),
        "failures": failure_counts(store),
        "runs": list_runs(store, Page(limit=TOP_RUNS)),
        "copies": copy_counts(store),
    }


@router.get("/api/overview", response_model=OverviewOut, summary="Counts, sources, date range, failures")
def api_overview(store: StoreDep) -> dict[str, Any]:
    return overview_data(store)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_page(request: Request, store: StoreDep) -> HTMLResponse:
    return page(request, "overview.html", overview_data(store))


@router.get("/api/sources", response_model=Paged[SourceRow], summary="Outlets by number of articles")
def api_sources(store: StoreDep, paging: PagingDep) -> dict[str, Any]:
    return paged(lambda p: list_sources(store, p), paging)


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request, store: StoreDep, paging: PagingDep) -> HTMLResponse:
    return page(request, "sources.html", paged(lambda p: list_sources(store, p), paging))


@router.get("/api/failures", response_model=Paged[FailureRow], summary="Inputs that could not be used")
def api_failures(store: StoreDep, paging: PagingDep, code: CodeQuery = None) -> dict[str, Any]:
    return paged(lambda p: list_failures(store, code, p), paging)


@router.get("/failures", response_class=HTMLResponse, include_in_schema=False)
def failures_page(request: Request, store: StoreDep, paging: PagingDep,
                  code: CodeQuery = None) -> HTMLResponse:
    data = paged(lambda p: list_failures(store, code, p), paging)
    return page(request, "failures.html", {**data, "code": code})


@router.get("/api/copies", response_model=Paged[CopyOut], summary="Copies and their originals")
def api_copies(store: StoreDep, paging: PagingDep) -> dict[str, Any]:
    return paged(lambda p: list_copies(store, None, p), paging)


@router.get("/copies", response_class=HTMLResponse, include_in_schema=False)
def copies_page(request: Request, store: StoreDep, paging: PagingDep) -> HTMLResponse:
    return page(request, "copies.html", paged(lambda p: list_copies(store, None, p), paging))
