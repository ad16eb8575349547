"""Options shared by several commands."""

from __future__ import annotations

import typer

from ..store import DEFAULT_DB

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB store file", envvar="DYADSCOPE_DB")
LimitOption = typer.Option(None, "--limit", min=1, help="at most N rows (all rows by default)")
