"""Store: one DuckDB file, SQL-queryable by users.

Writes are idempotent: article ids derive from content, rows are inserted or
ignored in batches, one transaction per batch, so a re-run or a resumed run adds
nothing that is already there and loses nothing that was.
"""

from .db import DEFAULT_DB, Store, open_store

__all__ = ["DEFAULT_DB", "Store", "open_store"]
