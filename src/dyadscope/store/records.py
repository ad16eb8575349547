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
    """`columns[0]` must be `article_id`: records are kept only for new articles."""

    table: str
    columns: tuple[str, ...]
    rows: Callable[[Article], Iterable[tuple[Any, ...]]]

    def __post_init__(self) -> None:
        if not self.columns or self.columns[0] != "article_id":
            raise ValueError(f"record table {self.table}: first column must be article_id")


@dataclass(frozen=True)
class InputMark:
    """An input file whose articles are all stored: a resumed run may skip it."""

    path: str
    size: int
    mtime_ns: int
    config_hash: str
    articles: int
