"""Options shared by several commands."""

from __future__ import annotations

import typer

from ..store import DEFAULT_DB
from .output import Format

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB store file", envvar="DYADSCOPE_DB")
LimitOption = typer.Option(None, "--limit", min=1, help="at most N rows (all rows by default)")
FormatOption = typer.Option(Format.table, "--format", "-f", help="table, json, jsonl or csv")


def check_date(name: str, value: str | None) -> None:
    """A --since/--until value must be a date: say so for that option, not deep in a query."""
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None
