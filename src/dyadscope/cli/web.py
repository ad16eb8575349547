"""`dyadscope serve` (dashboard + JSON API), `dyadscope report` (a brief to send), and the
listings of the dashboard's own views: `dyadscope search` and `dyadscope dyads`."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from .common import DbOption, FormatOption, LimitOption
from .output import Format, emit

#: Hosts that only this machine can reach.
LOCAL_HOSTS = {"localhost"}


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.command("report")(report_command)
    app.command("search")(search_command)
    app.command("dyads")(dyads_command)


def is_local(host: str) -> bool:
    """True when `host` is a loopback name or address (reachable from this machine only)."""
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_command(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind; 127.0.0.1 keeps it local"),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port"),
) -> None:
    """Serve the dashboard and JSON API over the store, read-only."""
    import uvicorn

    from ..web import create_app

    app = create_app(db)  # a missing or busy store fails here, with its code
    console = Console(stderr=True)
    url = f"http://{host}:{port}"
    if is_local(host):
        console.print(f"serving on {escape(url)} (local only; use --host 0.0.0.0 to expose)", highlight=False)
    else:
        console.print(f"serving on {escape(url)} [bold]reachable from other machines[/bold]: the dashboard "
                      "has no login; anyone who can reach this port can read the store", highlight=False)
    console.print(f"store {escape(db)} (read-only) · API docs at {escape(url)}/api/docs · Ctrl+C stops",
                  highlight=False)
    access = app.state.access
    if access.outdated:
        console.print(f"[yellow]warning:[/yellow] the store has schema version {access.schema_version}, "
                      f"older than this dyadscope's {access.expected_version}; views of newer stages will "
                      "say so until a writing command (ingest) upgrades it", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def report_command(
    out: Path = typer.Option(..., "--out", help="brief.html or brief.md (the suffix picks the format)"),
    db: str = DbOption,
    dyad: str | None = typer.Option(None, "--dyad", help="two actor codes, e.g. CHN-RUS (default: all)"),
) -> None:
    """Write a self-contained brief (charts inline, articles cited) to send to a colleague."""
    from ..report import build_brief, write_brief
    from ..report.brief import parse_dyad
    from ..store import Store

    pair = parse_dyad(dyad)
    if out.suffix.lower() not in (".html", ".htm", ".md"):
        raise typer.BadParameter(f"{out.name!r}: write the brief to a .html or .md file", param_hint="--out")
    with Store(db, read_only=True) as store:
        brief = build_brief(store, pair)
    write_brief(brief, out)
    Console(stderr=True).print(
        f"wrote {escape(str(out))}: {len(brief.events)} key events, {len(brief.quotes)} quotes, "
        f"{len(brief.copies)} copies cited", highlight=False)


def search_command(
    phrase: str = typer.Argument(..., help="text to find in titles and article text (case-insensitive)"),
    db: str = DbOption,
    fmt: Format = FormatOption,
    limit: int | None = LimitOption,
) -> None:
    """Articles whose title or text contains PHRASE, title matches first (the dashboard's search)."""
    from ..query.common import Page
    from ..query.search import search_articles
    from ..schema import SearchRow, field_names
    from ..store import Store

    with Store(db, read_only=True) as store:
        rows = search_articles(store, phrase, Page(limit=limit))
    emit(rows, fmt, columns=field_names(SearchRow), title=f"search: {phrase}", limited=limit is not None,
         table_columns=["id", "published", "outlet", "title", "snippet"])


def dyads_command(
    db: str = DbOption,
    fmt: Format = FormatOption,
    limit: int | None = LimitOption,
) -> None:
    """Pairs of actors by number of real-world events between them (the dashboard's dyad picker)."""
    from ..query.common import Page
    from ..query.network import list_dyads
    from ..schema import DyadRow, field_names
    from ..store import Store

    with Store(db, read_only=True) as store:
        rows = list_dyads(store, Page(limit=limit))
    emit(rows, fmt, columns=field_names(DyadRow), title="dyads", limited=limit is not None,
         table_columns=["dyad", "groups", "cooperation", "conflict", "index", "sources", "first", "last"])
