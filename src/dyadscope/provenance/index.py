"""The provenance index and its answers, in the store (tables of migration 200).

New articles are added to the index and looked up against everything stored
(including each other) with three joins, so a batch is compared with the
corpus without rebuilding anything. Values always travel as parameters or
through registered Arrow tables, never inside SQL text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa

from ..store import Store
from .cluster import Decision, LinkRow, Member
from .features import IndexEntry

#: Candidates found through rare terms need this many shared terms (of 24)
#: to be compared as possible copies whenever they were published: spun and
#: translated copies share most names and numbers (the demo's: 16-24).
COPY_TERMS = 6
#: ... and this many when published within the story window (or undated).
STORY_TERMS = 3
#: Story candidates are looked for within this many days (see relate.STORY_WINDOW_DAYS).
WINDOW_DAYS = 3
#: At most this many rare-term candidates per new article, best first: a
#: bound on work when one topic dominates a corpus.
MAX_TERM_CANDIDATES = 40
#: A term already indexed for more articles than this is too common in this
#: corpus to find anything by (rare in general English, frequent in the news:
#: a leader's name, a war's place names). Without the bound every new article
#: is joined with every stored article sharing one of its terms, a share of the
#: whole corpus that grows with it; with it, at most 24 × 2,000 rows. Copies and
#: same-story reports still share their rarer terms; in a corpus under this
#: size nothing changes. Like MAX_TERM_CANDIDATES, it makes what is found
#: depend a little on what was already stored.
MAX_TERM_ARTICLES = 2000


def _table(con: Any, name: str, columns: dict[str, list[Any]], types: dict[str, pa.DataType]) -> None:
    con.register(name, pa.table({c: pa.array(v, type=types.get(c)) for c, v in columns.items()}))


def add_to_index(store: Store, feats: Sequence[IndexEntry]) -> None:
    """(Re)index articles: an article indexed twice leaves the same rows."""
    ids = [f.article_id for f in feats]
    con = store.con
    for table in ("provenance_index", "provenance_bands", "provenance_terms"):
        con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [ids])
    store.insert_rows("provenance_index", [(f.article_id, f.body_hash, f.sentences) for f in feats],
                      ["article_id", "body_hash", "sentences"])
    store.insert_rows("provenance_bands", [(k, f.article_id) for f in feats for k in f.bands],
                      ["key", "article_id"])
    store.insert_rows("provenance_terms", [(t, f.article_id) for f in feats for t in f.terms],
                      ["term", "article_id"])


def candidates(store: Store, ids: list[str]) -> set[tuple[str, str]]:
    """Pairs (a < b) with at least one new article that any of the three keys brings together."""
    con = store.con
    pairs: set[tuple[str, str]] = set()
    rows = con.execute(
        "SELECT n.article_id, o.article_id FROM provenance_index n JOIN provenance_index o "
        "ON n.body_hash = o.body_hash AND n.article_id <> o.article_id "
        "WHERE list_contains(?, n.article_id)", [ids]).fetchall()
    rows += con.execute(
        "SELECT DISTINCT n.article_id, o.article_id FROM provenance_bands n JOIN provenance_bands o "
        "ON n.key = o.key AND n.article_id <> o.article_id WHERE list_contains(?, n.article_id)",
        [ids]).fetchall()
    rows += con.execute(
        """
        WITH mine AS (
            SELECT term, article_id FROM provenance_terms WHERE list_contains(?, article_id)
        ), usable AS (
            SELECT t.term FROM provenance_terms t WHERE t.term IN (SELECT term FROM mine)
            GROUP BY t.term HAVING count(*) <= ?
        ), shared AS (
            SELECT n.article_id AS x, o.article_id AS y, count(*) AS k
            FROM mine n JOIN usable u ON u.term = n.term JOIN provenance_terms o
              ON n.term = o.term AND n.article_id <> o.article_id
            GROUP BY ALL HAVING count(*) >= ?
        ), dated AS (
            SELECT s.x, s.y, s.k, ax.published AS px, ay.published AS py
            FROM shared s JOIN articles ax ON ax.id = s.x JOIN articles ay ON ay.id = s.y
        ), kept AS (
            SELECT x, y, k FROM dated
            WHERE k >= ? OR px IS NULL OR py IS NULL OR abs(date_diff('day', px, py)) <= ?
        )
        SELECT x, y FROM kept
        QUALIFY row_number() OVER (PARTITION BY x ORDER BY k DESC, y) <= ?
        """, [ids, MAX_TERM_ARTICLES, STORY_TERMS, COPY_TERMS, WINDOW_DAYS,
              MAX_TERM_CANDIDATES]).fetchall()
    for x, y in rows:
        pairs.add((x, y) if x < y else (y, x))
    return pairs


def load_articles(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = store.query(
        "SELECT id, path, record, title, outlet, published, language, text, run_id "
        "FROM articles WHERE list_contains(?, id)", [wanted])
    return {r["id"]: r for r in rows}


def members(store: Store, ids: Iterable[str]) -> dict[str, Member]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = store.con.execute(
        "SELECT id, published, run_id, path, record, title, outlet FROM articles "
        "WHERE list_contains(?, id)", [wanted]).fetchall()
    return {r[0]: Member(id=r[0], published=r[1], run_id=r[2], path=r[3], record=r[4], title=r[5],
                         outlet=r[6]) for r in rows}


def replace_links(store: Store, ids: list[str], pairs: set[tuple[str, str]],
                  links: list[LinkRow]) -> None:
    """Forget what was known about the examined pairs and store what was found now."""
    con = store.con
    examined = sorted(pairs)
    if examined:
        _table(con, "_pairs", {"a": [p[0] for p in examined], "b": [p[1] for p in examined]}, {})
        con.execute("DELETE FROM provenance_links l USING _pairs p WHERE l.a = p.a AND l.b = p.b")
        con.unregister("_pairs")
    if links:
        _table(con, "_plinks", {
            "a": [x.a for x in links], "b": [x.b for x in links],
            "relation": [x.relation for x in links], "kind": [x.kind for x in links],
            "score": [float(x.score) for x in links],
            "evidence": [json.dumps(x.evidence, ensure_ascii=False, sort_keys=True) for x in links],
        }, {"kind": pa.string()})
        con.execute("INSERT OR REPLACE INTO provenance_links SELECT a, b, relation, kind, score, "
                    "evidence::JSON FROM _plinks")
        con.unregister("_plinks")


def links_touching(store: Store, ids: Iterable[str]) -> list[LinkRow]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = store.con.execute(
        "SELECT a, b, relation, kind, score, evidence FROM provenance_links "
        "WHERE list_contains(?, a) OR list_contains(?, b)", [wanted, wanted]).fetchall()
    return [LinkRow(a, b, rel, kind, score, json.loads(ev) if ev else {})
            for a, b, rel, kind, score, ev in rows]


def current_stories(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """article id → story id, for articles that have one now."""
    wanted = sorted(set(ids))
    rows = store.con.execute(
        "SELECT article_id, story FROM provenance WHERE story IS NOT NULL AND "
        "list_contains(?, article_id)", [wanted]).fetchall() if wanted else []
    return dict(rows)


def story_members(store: Store, stories: Iterable[str]) -> list[str]:
    wanted = sorted(set(stories))
    if not wanted:
        return []
    rows = store.con.execute("SELECT article_id FROM provenance WHERE list_contains(?, story)",
                             [wanted]).fetchall()
    return [r[0] for r in rows]


def write_decisions(store: Store, decisions: dict[str, Decision], old_stories: Iterable[str],
                    stories: list[tuple[str, list[str]]], members_: dict[str, Member]) -> None:
    con = store.con
    ids = sorted(decisions)
    con.execute("DELETE FROM provenance WHERE list_contains(?, article_id)", [ids])
    _table(con, "_prov", {
        "article_id": ids,
        "copy_of": [decisions[i].copy_of for i in ids],
        "copy_kind": [decisions[i].copy_kind for i in ids],
        "copy_score": [decisions[i].copy_score for i in ids],
        "original_reason": [decisions[i].original_reason for i in ids],
        "evidence": [json.dumps(decisions[i].evidence, ensure_ascii=False, sort_keys=True)
                     for i in ids],
        "story": [decisions[i].story for i in ids],
    }, {"copy_of": pa.string(), "copy_kind": pa.string(), "copy_score": pa.float64(),
        "original_reason": pa.string(), "story": pa.string()})
    con.execute("INSERT INTO provenance SELECT article_id, copy_of, copy_kind, copy_score, "
                "original_reason, evidence::JSON, story FROM _prov")
    con.unregister("_prov")
    gone = sorted(set(old_stories) | {s for s, _ in stories})
    if gone:
        con.execute("DELETE FROM stories WHERE list_contains(?, story)", [gone])
    if stories:
        _insert_stories(store, stories, members_)


def _insert_stories(store: Store, stories: list[tuple[str, list[str]]],
                    members_: dict[str, Member]) -> None:
    """One row per story (title and span from its members), in one statement."""
    rows = []
    for story, articles in stories:
        ms = [members_[a] for a in articles]
        dates: list[date] = [m.published for m in ms if m.published]
        first = min(ms, key=lambda m: (m.published or date.max, m.id))
        rows.append((story, first.title, first.id, min(dates) if dates else None,
                     max(dates) if dates else None, len(articles),
                     len({m.outlet for m in ms if m.outlet})))
    store.insert_rows("stories", rows, ["story", "title", "first_article", "first", "last",
                                        "articles", "outlets"])


def load_vectors(store: Store, ids: Iterable[str]) -> dict[str, np.ndarray]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = store.con.execute("SELECT article_id, vector FROM provenance_vectors "
                             "WHERE list_contains(?, article_id)", [wanted]).fetchall()
    return {a: np.frombuffer(v, dtype=np.float32) for a, v in rows}


def save_vectors(store: Store, vectors: dict[str, np.ndarray]) -> None:
    if not vectors:
        return
    store.insert_rows("provenance_vectors", [(i, vectors[i].astype(np.float32).tobytes())
                                             for i in sorted(vectors)],
                      ["article_id", "vector"], replace=True)
