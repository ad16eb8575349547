"""Events: the timeline (who did what to whom, when) with filters, and the dyad view around it."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from pydantic import BaseModel

from ...query.common import Page
from ...query.events import EventFilters, list_events
from ...query.network import list_dyads
from ...query.relations import list_relation
from ...relations.index import Relation, trend
from ...report.charts import QUAD_NAMES, next_period, relation_chart
from ...schema import DyadRow, EventRow, RelationRow
from ...store import Store
from ..deps import PagingDep, StoreDep
from ..pages import page
from ..paging import Paged, Paging, paged

router = APIRouter(tags=["events"])

#: An actor code: a state (CHN), a state sector (CHNGOV) or an IGO / group (NATO, QUAD).
CODE = r"^[A-Za-z][A-Za-z0-9]{1,7}$"
DYAD = r"^[A-Za-z][A-Za-z0-9]{1,7}-[A-Za-z][A-Za-z0-9]{1,7}$"
#: Dyads offered in the picker.
PICKER_DYADS = 60
Freq = Literal["week", "month", "year"]


def event_filters(
    dyad: str | None = Query(None, pattern=DYAD, description="A-B, either direction (CHN-RUS)"),
    actor: str | None = Query(None, pattern=CODE, description="actor code as actor1 or actor2"),
    type: str | None = Query(None, pattern=r"^[A-Za-z]{3,12}$", description="PLOVER type, e.g. CONSULT"),
    since: date | None = Query(None, description="event date on or after (YYYY-MM-DD)"),
    until: date | None = Query(None, description="event date on or before (YYYY-MM-DD)"),
    asserted: bool = Query(False, description="leave out negated and hypothetical events"),
) -> EventFilters:
    return EventFilters(dyad=dyad.upper() if dyad else None, actor=actor.upper() if actor else None,
                        type=type.upper() if type else None, since=since.isoformat() if since else None,
                        until=until.isoformat() if until else None, include_flagged=not asserted)


FiltersDep = Annotated[EventFilters, Depends(event_filters)]


class TrendOut(BaseModel):
    slope: float | None
    last_change: float | None
    periods: int
    description: str


class DyadView(BaseModel):
    dyads: list[DyadRow]
    dyad: str | None
    freq: str
    relation: list[RelationRow]
    trend: TrendOut | None
    events: Paged[EventRow]


def relation_data(store: Store, dyad: str, freq: Freq, since: str | None = None,
                  until: str | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The dyad's periods overlapping [since, until], and the trend over them."""
    a, b = dyad.upper().split("-")
    rows = [r for r in list_relation(store, a, b, freq)
            if (not since or next_period(date.fromisoformat(r["period"]), freq).isoformat() > since)
            and (not until or r["period"] <= until)]
    t = trend(Relation(a, b, freq, False, rows))
    return rows, {"slope": t.slope, "last_change": t.last_change, "periods": t.periods,
                  "description": t.describe()}


def dyad_data(store: Store, filters: EventFilters, freq: Freq, p: Paging) -> dict[str, Any]:
    dyads = list_dyads(store, Page(limit=PICKER_DYADS))
    if filters.dyad is None and dyads:
        filters.dyad = str(dyads[0]["dyad"])
    # The date filters narrow the chart as they narrow the timeline.
    rows, trend_ = (relation_data(store, filters.dyad, freq, filters.since, filters.until)
                    if filters.dyad else ([], None))
    return {"dyads": dyads, "dyad": filters.dyad, "freq": freq, "relation": rows, "trend": trend_,
            "events": paged(lambda pg: list_events(store, filters, pg), p)}


@router.get("/api/dyads", response_model=DyadView,
            summary="The dyad view: the dyads, one dyad's relation over time and its event timeline")
def api_dyads(store: StoreDep, filters: FiltersDep, p: PagingDep,
              freq: Freq = Query("month", description="week, month or year")) -> dict[str, Any]:
    return dyad_data(store, filters, freq, p)


@router.get("/dyads", response_class=HTMLResponse, include_in_schema=False)
def dyads_page(request: Request, store: StoreDep, filters: FiltersDep, p: PagingDep,
               freq: Freq = Query("month")) -> HTMLResponse:
    data = dyad_data(store, filters, freq, p)
    title = data["dyad"].replace("-", "–") if data["dyad"] else "no dyad"
    chart = Markup(relation_chart(data["relation"], title=f"{title} by {freq}", freq=freq))  # escaped there
    return page(request, "dyads.html", {**data, "chart": chart, "filters": filters,
                                        "quad_names": QUAD_NAMES})


@router.get("/api/relation", response_model=list[RelationRow], summary="One dyad's periods (relation A B)")
def api_relation(store: StoreDep, dyad: str = Query(..., pattern=DYAD, description="A-B, e.g. CHN-RUS"),
                 freq: Freq = Query("month")) -> list[dict[str, Any]]:
    return relation_data(store, dyad, freq)[0]


@router.get("/api/events", response_model=Paged[EventRow], summary="Coded events, by date")
def api_events(store: StoreDep, filters: FiltersDep, p: PagingDep) -> dict[str, Any]:
    return paged(lambda pg: list_events(store, filters, pg), p)


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request, store: StoreDep, filters: FiltersDep, p: PagingDep) -> HTMLResponse:
    data = paged(lambda pg: list_events(store, filters, pg), p)
    return page(request, "events.html", {"events": data, "filters": filters, "quad_names": QUAD_NAMES})


@router.get("/api/dyad-list", response_model=Paged[DyadRow], summary="Dyads by number of event groups")
def api_dyad_list(store: StoreDep, p: PagingDep) -> dict[str, Any]:
    return paged(lambda pg: list_dyads(store, pg), p)
