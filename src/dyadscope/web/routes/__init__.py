"""The dashboard's views; each module has an APIRouter with HTML pages and their `/api` twins."""

from __future__ import annotations

from fastapi import APIRouter

from . import articles, docs, events, network, overview, quotes, search, stories

#: (path, label) of the navigation bar, in order.
NAV: list[tuple[str, str]] = [
    ("/", "Overview"),
    ("/dyads", "Dyads"),
    ("/events", "Events"),
    ("/network", "Network"),
    ("/quotes", "Quotes"),
    ("/actors", "Actors"),
    ("/stories", "Stories"),
    ("/copies", "Copies"),
    ("/articles", "Articles"),
    ("/search", "Search"),
    ("/api/docs", "API"),
]

ROUTERS: list[APIRouter] = [overview.router, events.router, network.router, quotes.router, stories.router,
                            articles.router, search.router, docs.router]


def nav_items() -> list[tuple[str, str]]:
    return list(NAV)
