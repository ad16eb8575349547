"""The overview view: what a store holds at a glance (counts, sources, date range, failures).

Every figure is one aggregate over a base table, so the overview stays fast on a
store of 100,000 articles; nothing here reads article text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Store
from .common import Page, page_sql, plain, rows_out
from .stories import articles_source, has_provenance


@dataclass
class Overview:
    """Counts over the whole store."""

    articles: int
    outlets: int
    languages: int
    first: str | None
    last: str | None
    undated: int
    failures: int
    runs: int


def overview(store: Store) -> Overview:
    """Store-wide counts, date range and failures, in two aggregate queries."""
    row = store.query(
        "SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets, "
        "count(DISTINCT language) AS languages, min(published) AS first, max(published) AS last, "
        "count(*) FILTER (WHERE published IS NULL) AS undated FROM articles"
    )[0]
    failures = store.scalar("SELECT count(*) FROM failures")
    runs = store.scalar("SELECT count(*) FROM runs")
    return Overview(
        articles=int(row["articles"]), outlets=int(row["outlets"]), languages=int(row["languages"]),
        first=plain(row["first"]), last=plain(row["last"]), undated=int(row["undated"]),
        failures=int(failures or 0), runs=int(runs or 0),
    )


def list_sources(store: Store, page: Page | None = None) -> list[dict[str, Any]]:
    """Outlets by number of articles (most first); articles without an outlet count as null."""
    sql = (
        "SELECT outlet, count(*) AS articles, min(published) AS first, max(published) AS last "
        "FROM articles GROUP BY outlet ORDER BY articles DESC, outlet NULLS LAST"
    )
    sql, params = page_sql(sql, [], page)
    return rows_out(store.query(sql, params))


def failure_counts(store: Store) -> list[dict[str, Any]]:
    """Failures by error code and stage, most frequent first."""
    return rows_out(store.query(
        "SELECT code, stage, count(*) AS failures FROM failures GROUP BY code, stage "
        "ORDER BY failures DESC, code"
    ))


def list_failures(store: Store, code: str | None = None, page: Page | None = None) -> list[dict[str, Any]]:
    """Inputs that could not be used, newest run first, optionally for one error code."""
    sql = "SELECT run_id, path, record, stage, code, message FROM failures"
    params: list[Any] = []
    if code:
        sql += " WHERE code = ?"
        params.append(code)
    sql += " ORDER BY run_id DESC, path, record"
    sql, params = page_sql(sql, params, page)
    return rows_out(store.query(sql, params))


def list_runs(store: Store, page: Page | None = None) -> list[dict[str, Any]]:
    """Ingest runs, newest first."""
    sql = (
        "SELECT id, started, finished, status, command, files_seen, stored, present, skipped "
        "FROM runs ORDER BY id DESC"
    )
    sql, params = page_sql(sql, [], page)
    return rows_out(store.query(sql, params))


def copy_counts(store: Store) -> list[dict[str, Any]]:
    """Copies found, by kind (exact, near, spun, translated), most frequent first."""
    if not has_provenance(store):
        return []
    return rows_out(store.query(
        f"SELECT copy_kind AS kind, count(*) AS copies FROM {articles_source(store)} "
        "WHERE copy_of IS NOT NULL GROUP BY copy_kind ORDER BY copies DESC, kind"
    ))


def list_copies(store: Store, of: str | None = None, page: Page | None = None) -> list[dict[str, Any]]:
    """Articles judged copies (of article `of`, or of any), with their original's title and outlet.

    Reads the articles view with its provenance columns (`query.stories.articles_source`),
    the same columns `dyadscope articles` lists.
    """
    if not has_provenance(store):
        return []
    sql = (
        f"WITH arts AS (SELECT * FROM {articles_source(store)}) "
        "SELECT c.id, c.title, c.outlet, c.published, c.copy_kind, c.copy_score, c.copy_of, "
        "o.title AS original_title, o.outlet AS original_outlet, o.published AS original_published "
        "FROM arts c LEFT JOIN arts o ON o.id = c.copy_of WHERE c.copy_of IS NOT NULL"
    )
    params: list[Any] = []
    if of:
        sql += " AND c.copy_of = ?"
        params.append(of)
    sql += " ORDER BY c.published NULLS LAST, c.id"
    sql, params = page_sql(sql, params, page)
    return rows_out(store.query(sql, params))
