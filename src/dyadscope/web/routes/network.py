"""The actor network: actors as nodes, dyads as edges weighted by event groups."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from pydantic import BaseModel

from ...query.network import MAX_NODES, NetworkFilters, actor_network
from ...report.network import network_chart
from ..deps import StoreDep
from ..pages import page

router = APIRouter(tags=["network"])



class NodeOut(BaseModel):
    code: str
    weight: int


class EdgeOut(BaseModel):
    a: str
    b: str
    weight: int
    sources: int
    tone: float
    cooperation: int
    conflict: int


class NetworkOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


def network_filters(
    since: date | None = Query(None, description="event groups dated on or after (YYYY-MM-DD)"),
    until: date | None = Query(None, description="event groups dated on or before (YYYY-MM-DD)"),
    min_groups: int = Query(1, ge=1, le=10_000, description="leave out dyads with fewer event groups"),
    max_nodes: int = Query(MAX_NODES, ge=2, le=100, description="most actors drawn (the busiest)"),
) -> NetworkFilters:
    return NetworkFilters(since=since.isoformat() if since else None,
                          until=until.isoformat() if until else None,
                          min_groups=min_groups, max_nodes=max_nodes)


FiltersDep = Annotated[NetworkFilters, Depends(network_filters)]


@router.get("/api/network", response_model=NetworkOut,
            summary="Actors and the dyads between them (tone: mean Goldstein / 10)")
def api_network(store: StoreDep, filters: FiltersDep) -> dict[str, Any]:
    return actor_network(store, filters)


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request, store: StoreDep, filters: FiltersDep) -> HTMLResponse:
    data = actor_network(store, filters)
    svg = network_chart(data["nodes"], data["edges"], href=lambda code: f"/events?actor={quote(code)}",
                        edge_href=lambda a, b: f"/dyads?dyad={quote(a)}-{quote(b)}")
    return page(request, "network.html", {**data, "chart": Markup(svg), "filters": filters})
