"""The DuckDB store: connection, migrations, batch writes, runs and failures."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from ..article import Article
from ..errors import Code, Failure, StoreError
from .migrations import MIGRATIONS, Migration
from .records import InputMark

log = logging.getLogger(__name__)

DEFAULT_DB = "dyadscope.duckdb"


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
        # DuckDB draws its own progress bar on long queries; progress is the CLI's job.
        self.con.execute("SET enable_progress_bar = false")
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

    def write_batch(self, articles: Sequence[Article], failures: Sequence[Failure],
                    run_id: int | None) -> tuple[list[str], int]:
        """Insert new articles (with their records) and failures in one transaction.

        Returns (ids of the articles that were new, number already present).
        """
        from ..parts import to_tables

        return self.merge(to_tables(list(articles), list(failures)), run_id)

    def merge(self, tables: dict[str, pa.Table], run_id: int | None,
              done_inputs: Sequence[InputMark] = ()) -> tuple[list[str], int]:
        """Merge one processed batch (see parts.py) in one transaction.

        Articles already stored are left alone and so are their records; an
        article seen twice in the batch is written once. `done_inputs` marks input
        files whose every article is in this batch, so a resumed run can skip them.
        Returns (ids of the new articles, number of articles already present).
        """
        articles = tables["articles"]
        ids = articles.column("id").to_pylist()
        now = datetime.now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            present = self._existing(ids)
            fresh: list[str] = []
            keep: list[int] = []
            seen = set(present)
            for i, article_id in enumerate(ids):
                if article_id not in seen:
                    seen.add(article_id)
                    fresh.append(article_id)
                    keep.append(i)
            new_articles = (articles.take(pa.array(keep, pa.int64()))
                            .append_column("run_id", pa.array([run_id] * len(keep), pa.int32()))
                            .append_column("ingested_at", pa.array([now] * len(keep))))
            self._insert_table("articles", new_articles, verb="INSERT OR IGNORE")
            # Corpus steps run after this commit; until they finish, the ids wait here
            # so that a run killed in between catches up when it is resumed.
            self._insert_table("pending_steps", pa.table({
                "article_id": pa.array(fresh, pa.string()),
                "run_id": pa.array([run_id] * len(fresh), pa.int32())}))
            fresh_set = pa.array(fresh, pa.string())
            for name, table in tables.items():
                if name in ("articles", "failures") or table.num_rows == 0:
                    continue
                mask = pc.is_in(table.column("article_id"), value_set=fresh_set)
                self._insert_table(name, table.filter(mask))
            failures = tables["failures"]
            failures = (failures.append_column("run_id", pa.array([run_id] * failures.num_rows,
                                                                  pa.int32()))
                        .append_column("failed_at", pa.array([now] * failures.num_rows)))
            self._insert_table("failures", failures)
            if done_inputs:
                marks = pa.table({
                    "path": [m.path for m in done_inputs], "size": [m.size for m in done_inputs],
                    "mtime_ns": [m.mtime_ns for m in done_inputs],
                    "config_hash": [m.config_hash for m in done_inputs],
                    "articles": [m.articles for m in done_inputs],
                    "run_id": pa.array([run_id] * len(done_inputs), pa.int32()),
                    "stored_at": [now] * len(done_inputs),
                })
                self._insert_table("inputs", marks, verb="INSERT OR REPLACE")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return fresh, len(ids) - len(fresh)

    def insert_rows(self, table: str, rows: Sequence[Sequence[Any]],
                    columns: Sequence[str] | None = None, *, replace: bool = False) -> None:
        """Many rows in one statement (through Arrow); DuckDB's executemany runs one
        statement per row. Without `columns`, rows follow the table's column order;
        `replace` overwrites rows with the same primary key."""
        if not rows:
            return
        names = list(columns) if columns is not None else [
            d[0] for d in self.con.execute(f"SELECT * FROM {table} LIMIT 0").description or []]
        self._insert_table(table, pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)}),
                           verb="INSERT OR REPLACE" if replace else "INSERT")

    def _insert_table(self, table: str, data: pa.Table, *, verb: str = "INSERT") -> None:
        """Bulk insert through Arrow: one statement per table and batch, not one per row."""
        if data.num_rows == 0:
            return
        self.con.register("_incoming", data)
        cols = ", ".join(data.column_names)
        self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _incoming")
        self.con.unregister("_incoming")

    def pending_steps(self) -> list[str]:
        """Ids of stored articles whose corpus steps have not completed, oldest first."""
        rows = self.con.execute(
            "SELECT p.article_id FROM pending_steps p JOIN articles a ON a.id = p.article_id "
            "ORDER BY a.ingested_at, a.id"
        ).fetchall()
        return [r[0] for r in rows]

    def steps_done(self, ids: Sequence[str]) -> None:
        self.con.execute("DELETE FROM pending_steps WHERE list_contains(?, article_id)", [list(ids)])

    def done_inputs(self, config_hash: str) -> dict[tuple[str, int, int], int]:
        """(path, size, mtime_ns) → article count, for inputs fully stored under this config."""
        rows = self.con.execute(
            "SELECT path, size, mtime_ns, articles FROM inputs WHERE config_hash = ?", [config_hash]
        ).fetchall()
        return {(r[0], r[1], r[2]): r[3] for r in rows}

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


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)

