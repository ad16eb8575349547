"""The `dyadscope` command line: thin Typer commands over library functions.

Library errors carry a code and an exit code; this is the one place that turns
them into a message on stderr and a process exit status (0 ok, 1 nothing could
be done, 2 usage error).
"""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

from .. import __version__
from ..errors import DyadscopeError

app = typer.Typer(
    name="dyadscope",
    help="Auditable events, quotes, copies and dyad trends from raw news text, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True, soft_wrap=True)  # an error message is one line, never wrapped


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dyadscope {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="log what each stage does"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="print the version and exit"),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def _register() -> None:
    """Every command module adds its commands here, in one explicit place."""
    from . import demo, evaluate, ingest, listings

    ingest.register(app)
    listings.register(app)
    demo.register(app)
    evaluate.register(app)
    from . import actors_quotes

    actors_quotes.register(app)
    from . import provenance

    provenance.register(app)
    from . import events

    events.register(app)
    from . import web

    web.register(app)


_register()


def main() -> None:
    try:
        app()
    except DyadscopeError as err:
        err_console.print(f"[red]error:[/red] {err}", markup=True, highlight=False)
        sys.exit(err.exit_code)
