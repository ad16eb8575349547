"""dyadscope: who did what to whom, who said what, and which articles are copies,
from raw news text about international relations — every record traceable to
the characters it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .store import Store

__all__ = ["__version__", "open"]


def open(db: str = "dyadscope.duckdb", *, read_only: bool = True) -> Store:  # noqa: A001
    """Open a store for Python use: `ds = dyadscope.open("x.duckdb"); ds.articles()`."""
    from .store import Store

    return Store(db, read_only=read_only)
