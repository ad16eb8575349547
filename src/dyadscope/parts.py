"""A processed batch as Arrow tables, and as a Parquet part on disk.

Workers (local processes or Dask workers, possibly on other machines) turn their
batch into one table per store table and write it as a *part*: a folder of
Parquet files, renamed into place only when complete, so a killed run never
leaves a half-written part that looks whole. The driver merges parts into the
store in order, one transaction per part.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .article import Article
from .errors import Failure
from .registry import record_tables
from .store.records import InputMark, RecordTable

#: Article columns a worker fills; the driver adds run_id and ingested_at on merge.
ARTICLE_COLUMNS = (
    "id", "path", "record", "title", "outlet", "url", "published", "published_basis",
    "language", "text", "text_hash", "chars", "warnings",
)
FAILURE_COLUMNS = ("path", "record", "stage", "code", "message")

Tables = dict[str, pa.Table]


def _table(columns: tuple[str, ...], rows: list[tuple[object, ...]],
           types: dict[str, pa.DataType] | None = None) -> pa.Table:
    types = types or {}
    return pa.table({
        c: pa.array([r[i] for r in rows], type=types.get(c)) for i, c in enumerate(columns)
    })


def to_tables(articles: list[Article], failures: list[Failure]) -> Tables:
    """One Arrow table per store table for this batch."""
    tables: Tables = {
        "articles": _table(ARTICLE_COLUMNS, [
            (a.id, a.path, a.record, a.title, a.outlet, a.url, a.published, a.published_basis,
             a.language, a.text, a.text_hash, len(a.text), a.warnings) for a in articles
        ], {c: pa.string() for c in ARTICLE_COLUMNS if c not in ("chars", "warnings")}
           | {"chars": pa.int64(), "warnings": pa.list_(pa.string())}),
        "failures": _table(FAILURE_COLUMNS, [
            (f.path, f.record, f.stage, f.code, f.message) for f in failures
        ], {c: pa.string() for c in FAILURE_COLUMNS}),
    }
    # process_batch runs stages once per id; a repeat carries no records, but keep
    # the first of each id anyway so a hand-built batch cannot duplicate rows.
    unique = list({a.id: a for a in reversed(articles)}.values())
    unique.reverse()
    for name in record_tables.names():
        spec: RecordTable = record_tables.get(name)
        rows = [row for a in unique for row in spec.rows(a)]
        if rows:
            tables[spec.table] = _table(spec.columns, rows)
    return tables


def write_part(parts_dir: Path, seq: int, tables: Tables) -> Path:
    """Write `tables` as part number `seq`; atomic by rename."""
    final = parts_dir / f"part-{seq:08d}"
    tmp = parts_dir / f".part-{seq:08d}.{os.getpid()}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    for name, table in tables.items():
        pq.write_table(table, tmp / f"{name}.parquet")
    if final.exists():  # an earlier, killed run wrote the same part; ours is equivalent
        shutil.rmtree(final)
    tmp.rename(final)
    return final


def read_part(path: Path) -> Tables:
    return {p.stem: pq.read_table(p) for p in sorted(path.glob("*.parquet"))}


_MARK_COLUMNS = ("path", "size", "mtime_ns", "config_hash", "articles")


def marks_table(marks: list[InputMark]) -> pa.Table:
    return _table(_MARK_COLUMNS, [(m.path, m.size, m.mtime_ns, m.config_hash, m.articles)
                                  for m in marks],
                  {"path": pa.string(), "size": pa.int64(), "mtime_ns": pa.int64(),
                   "config_hash": pa.string(), "articles": pa.int64()})


def marks_from_table(table: pa.Table | None) -> list[InputMark]:
    return [] if table is None else [InputMark(**row) for row in table.to_pylist()]


def failures_from_table(table: pa.Table) -> list[Failure]:
    return [Failure(**row) for row in table.to_pylist()]
