"""Request dependencies shared by the routes: the per-request store and id checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request

from ..store import Store
from .access import StoreAccess
from .paging import Paging, paging

#: Article ids are 16 hex characters (see `dyadscope.article.article_id`).
ARTICLE_ID = r"^[0-9a-f]{16}$"


def store_dep(request: Request) -> Iterator[Store]:
    """A read-only connection for this request, closed when the response is sent."""
    access: StoreAccess = request.app.state.access
    with access.open() as store:
        yield store


#: An article id in a URL path: anything else is a 422 before any query runs.
ArticleId = Annotated[str, Path(pattern=ARTICLE_ID, description="article id (16 hex characters)")]


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what}")


#: Route parameters: the request's read-only store, and its validated page.
StoreDep = Annotated[Store, Depends(store_dep)]
PagingDep = Annotated[Paging, Depends(paging)]
