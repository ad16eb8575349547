"""The DuckDB store: connection, migrations, batch writes, runs and failures."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..article import Article
from ..errors import Code, Failure, StoreError
from ..registry import record_tables
from .migrations import MIGRATIONS, Migration
from .records import RecordTable

log = logging.getLogger(__name__)

DEFAULT_DB = "dyadscope.duckdb"

_ARTICLE_COLUMNS = (
    "id", "path", "record", "title", "outlet", "url", "published", "published_basis",
    "language", "text", "text_hash", "chars", "warnings", "run_id", "ingested_at",
)


_FAILURE_COLUMNS = ("run_id", "path", "record", "stage", "code", "message", "failed_at")


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "already open" in text


class Store:
    """A DuckDB connection with the dyadscope schema applied."""

    def __init__(self, path: str | Path, *, read_only: bool = False,
                 migrations: Sequence[Migration] = MIGRATIONS) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(Code.STORE_OPEN, path=self.path, reason="no such store; run ingest first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if _is_lock_error(exc):
                raise StoreError(Code.STORE_BUSY, path=self.path) from exc
            raise StoreError(Code.STORE_OPEN, path=self.path, reason=str(exc)) from exc
        except duckdb.Error as exc:
            raise StoreError(Code.STORE_OPEN, path=self.path, reason=str(exc)) from exc
        if not read_only:
            self._migrate(migrations)

    # -- schema -----------------------------------------------------------------

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        done = {row[0] for row in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        known = max((m.version for m in migrations), default=0)
        newer = [v for v in done if v > known]
        if newer:
            raise StoreError(Code.STORE_SCHEMA, path=self.path, found=max(newer), known=known)
        for migration in sorted(migrations, key=lambda m: m.version):
            if migration.version in done:
                continue
            log.info("applying migration %s %s", migration.version, migration.name)
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(migration.sql)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [migration.version, migration.name, datetime.now()],
                )
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- runs ---------------------------------------------------------------------

    def start_run(self, *, command: str, paths: list[str], config: str) -> int:
        row = self.con.execute(
            "INSERT INTO runs (started, status, command, paths, config) VALUES (?, 'running', ?, ?, ?) "
            "RETURNING id",
            [datetime.now(), command, paths, config],
        ).fetchone()
        assert row is not None
        return int(row[0])

    def finish_run(self, run_id: int, *, status: str, files_seen: int, stored: int,
                   present: int, skipped: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, status = ?, files_seen = ?, stored = ?, present = ?, "
            "skipped = ? WHERE id = ?",
            [datetime.now(), status, files_seen, stored, present, skipped, run_id],
        )

    # -- writes -------------------------------------------------------------------

    def write_batch(self, articles: Sequence[Article], failures: Iterable[Failure],
                    run_id: int | None) -> tuple[list[str], int]:
        """Insert new articles (with their records) and failures in one transaction.

        Returns (ids of the articles that were new, number already present).
        """
        unique: dict[str, Article] = {}
        for article in articles:
            unique.setdefault(article.id, article)
        now = datetime.now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            present = self._existing(list(unique))
            fresh = [a for a in unique.values() if a.id not in present]
            self._insert("articles", _ARTICLE_COLUMNS, [_article_row(a, run_id, now) for a in fresh],
                         or_ignore=True)
            for table in record_tables.names():
                spec: RecordTable = record_tables.get(table)
                self._insert(spec.table, spec.columns, [row for a in fresh for row in spec.rows(a)])
            self._insert("failures", _FAILURE_COLUMNS,
                         [(run_id, f.path, f.record, f.stage, f.code, f.message, now) for f in failures])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return [a.id for a in fresh], len(articles) - len(fresh)

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], *,
                or_ignore: bool = False) -> None:
        """Bulk insert through Arrow: one statement per table and batch, not one per row."""
        if not rows:
            return
        data = pa.table({c: pa.array([r[i] for r in rows]) for i, c in enumerate(columns)})
        self.con.register("_incoming", data)
        verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
        cols = ", ".join(columns)
        self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _incoming")
        self.con.unregister("_incoming")

    def _existing(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        return {r[0] for r in rows}

    # -- reads --------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts. `sql` must be ours; values go in `params`, never in `sql`."""
        cur = self.con.execute(sql, list(params or []))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        row = self.con.execute(sql, list(params or [])).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _article_row(a: Article, run_id: int | None, now: datetime) -> tuple[Any, ...]:
    return (
        a.id, a.path, a.record, a.title, a.outlet, a.url, a.published, a.published_basis,
        a.language, a.text, a.text_hash, len(a.text), a.warnings, run_id, now,
    )


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)

