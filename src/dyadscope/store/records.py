"""Per-article record tables (mentions, quotes, events…) written with their article.

Each stage that produces records registers a `RecordTable` saying which table
its records go to and how to turn an article's records into rows. The store
writes them in the same transaction as the article, and only for articles that
are new, so records are never duplicated and never orphaned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..article import Article


@dataclass(frozen=True)
class RecordTable:
    table: str
    columns: tuple[str, ...]
    rows: Callable[[Article], Iterable[tuple[Any, ...]]]
