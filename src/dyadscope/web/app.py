"""The dashboard and JSON API: one FastAPI app over a read-only store.

Every HTML page has a JSON twin under `/api` that returns the same data from
the same query function (`dyadscope.query.*`), which the CLI listings call too.
The app only reads: it opens the store read-only and has no write endpoint.
Article text is untrusted: templates autoescape, highlighted text is escaped
piece by piece, and a Content-Security-Policy forbids inline scripts, so even a
missed escape could not run one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from .access import StoreAccess
from .pages import STATIC, page
from .routes import ROUTERS, nav_items

#: No inline script or style, nothing from another origin; images only ours or data: URLs.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: str | Path) -> FastAPI:
    """The app serving store `db` read-only; raises StoreError at once if it cannot be opened."""
    access = StoreAccess(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        title="dyadscope",
        version=__version__,
        description="Read-only JSON API over a dyadscope store. Every dashboard page has a twin here.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan,
    )
    app.state.access = access
    app.state.nav = nav_items()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.middleware("http")(_security_headers)
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(duckdb.CatalogException, _outdated_store)  # type: ignore[arg-type]
    for router in ROUTERS:
        app.include_router(router)
    return app


async def _security_headers(request: Request,
                            call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str, detail: Any = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"message": message, "detail": jsonable_encoder(detail or message)},
                            status_code=status)
    return page(request, "error.html", {"status": status, "message": message}, status=status)


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    """422 naming each bad parameter and why, e.g. `query limit: less than or equal to 500`."""
    problems = []
    for err in exc.errors():
        where = " ".join(str(part) for part in err.get("loc", ()))
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    message = "invalid request: " + "; ".join(problems)
    detail = [{"loc": e.get("loc"), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
    return _error(request, 422, message, detail)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no page at {request.url.path}"
    return _error(request, exc.status_code, message)


async def _outdated_store(request: Request, exc: duckdb.CatalogException) -> Response:
    """A table this view reads is missing: the store predates the stage that writes it."""
    access: StoreAccess = request.app.state.access
    return _error(request, 503, (
        f"this view needs a table the store does not have (schema version {access.schema_version}, "
        f"this dyadscope writes {access.expected_version}): open it once with a writing command, "
        "e.g. `dyadscope ingest --db STORE NEW_FILES`, to upgrade it"))
