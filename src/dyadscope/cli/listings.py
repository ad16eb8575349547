"""Listing commands: `dyadscope articles` (later stages add theirs beside it)."""

from __future__ import annotations

import typer

from ..query import ArticleFilters, list_articles
from ..query.common import Page
from ..schema import ArticleRow, field_names
from ..store import Store
from .common import DbOption, FormatOption, LimitOption, check_date
from .output import Format, emit


def register(app: typer.Typer) -> None:
    app.command("articles")(articles_command)


def articles_command(
    db: str = DbOption,
    fmt: Format = FormatOption,
    limit: int | None = LimitOption,
    id: str | None = typer.Option(None, "--id", help="id or id prefix"),
    outlet: str | None = typer.Option(None, "--outlet", help="outlet name (case-insensitive)"),
    language: str | None = typer.Option(None, "--language", help="ISO 639-1 code, e.g. en"),
    since: str | None = typer.Option(None, "--since", help="published on or after YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="published on or before YYYY-MM-DD"),
    contains: str | None = typer.Option(None, "--contains", help="text or title contains"),
    path: str | None = typer.Option(None, "--path", help="input path contains"),
) -> None:
    """List stored articles."""
    for name, value in (("--since", since), ("--until", until)):
        check_date(name, value)
    filters = ArticleFilters(id=id, outlet=outlet, language=language, since=since, until=until,
                             contains=contains, path=path)
    with Store(db, read_only=True) as store:
        rows = list_articles(store, filters, Page(limit=limit))
    emit(rows, fmt, columns=field_names(ArticleRow),
         table_columns=["id", "published", "outlet", "title", "language", "copy_kind", "story"],
         title="articles", limited=limit is not None)
