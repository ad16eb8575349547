"""Jinja2 templates for the HTML pages, with autoescaping on for every template.

Each HTML page renders the same data its `/api/...` twin returns as JSON; the
helpers here only format. `external_url` lets an article's own URL become a
link only when it is http(s): a `javascript:` or `data:` URL from an article is
shown as text, never as a link.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from .. import __version__

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def external_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL, else None (never a script or data URL)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def with_query(request: Request, **changes: Any) -> str:
    """The current path and query string with some parameters replaced (None removes one)."""
    params = {k: v for k, v in request.query_params.items()}
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def api_url(request: Request) -> str:
    """The JSON twin of the page being shown: the same path and query under /api."""
    path = request.url.path
    if path.startswith("/api/"):
        return "/api/openapi.json"
    api = "/api/overview" if path == "/" else "/api" + path
    return api + (f"?{request.url.query}" if request.url.query else "")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["external_url"] = external_url
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.globals["version"] = __version__
    env.globals["with_query"] = with_query
    env.globals["api_url"] = api_url
    return env


templates = Jinja2Templates(env=_environment())


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Render template `name` with `context`."""
    return templates.TemplateResponse(request, name, context, status_code=status)
