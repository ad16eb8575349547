"""`dyadscope serve` (dashboard + JSON API) and `dyadscope report` (a brief to send)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from .common import DbOption

#: Hosts that only this machine can reach.
LOCAL_HOSTS = {"localhost"}


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.command("report")(report_command)


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
