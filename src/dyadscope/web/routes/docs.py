"""API documentation rendered on the server from the app's OpenAPI schema.

FastAPI's Swagger UI and ReDoc pages load their JavaScript from a CDN, which an
offline laptop cannot reach; this page shows the same endpoints, parameters and
limits as plain HTML, and `/api/openapi.json` has the machine-readable schema.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..pages import page

router = APIRouter()


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per (path, method) with its parameters and constraints, in schema order."""
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                sch = p.get("schema", {})
                limits = {k: sch[k] for k in ("minimum", "maximum", "minLength", "maxLength", "pattern",
                                               "default", "format") if k in sch}
                types = sch.get("type") or "|".join(a.get("type", "?") for a in sch.get("anyOf", []))
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "type": types, "limits": limits, "description": p.get("description", "")})
            out.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "params": params, "tag": (op.get("tags") or [""])[0]})
    return out


@router.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
def docs_page(request: Request) -> HTMLResponse:
    return page(request, "docs.html", {"endpoints": endpoints(request.app.openapi())})
