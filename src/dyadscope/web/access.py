"""Read-only store access for the web app: one connection per request.

A DuckDB connection must not be used by two threads at once, and FastAPI runs
sync endpoints on a thread pool. Opening the store per request would cost
~14 ms (the file is re-read) — but while one root connection stays open, DuckDB
hands further connections to the same file the cached database, and a
per-request `Store(..., read_only=True)` costs ~0.5 ms (measured on the demo
store). So the app holds a root connection for its lifetime and each request
opens and closes its own: no lock, no shared cursor, and every connection is
read-only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..store import Store
from ..store.migrations import MIGRATIONS


class StoreAccess:
    """Opens read-only connections to one store file for as long as the app lives."""

    def __init__(self, db: str | Path) -> None:
        self.db = str(db)
        # Opened now so that a missing or busy store fails at start, with its code.
        self._root: Store | None = Store(self.db, read_only=True)
        #: A read-only connection cannot migrate: a store written by an older dyadscope
        #: lacks the newer tables, and the pages that read them answer 503 saying so.
        self.schema_version = self._root.schema_version()
        self.expected_version = max(m.version for m in MIGRATIONS)

    @property
    def outdated(self) -> bool:
        return self.schema_version < self.expected_version

    @contextmanager
    def open(self) -> Iterator[Store]:
        store = Store(self.db, read_only=True)
        try:
            yield store
        finally:
            store.close()

    def close(self) -> None:
        if self._root is not None:
            self._root.close()
            self._root = None
