"""The dashboard's views; each module has an APIRouter with an HTML page and its `/api` twin."""

from __future__ import annotations

from fastapi import APIRouter

from . import articles, docs, overview, search

#: (path, label) of the navigation bar, in order.
NAV: list[tuple[str, str]] = [
    ("/", "Overview"),
    ("/articles", "Articles"),
    ("/search", "Search"),
    ("/sources", "Sources"),
    ("/api/docs", "API"),
]

ROUTERS: list[APIRouter] = [overview.router, articles.router, search.router, docs.router]


def nav_items() -> list[tuple[str, str]]:
    return list(NAV)
