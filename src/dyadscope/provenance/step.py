"""The provenance corpus step: index new articles, link them, and redo the decisions they touch.

Runs after each stored batch (`dyadscope.provenance.v1`). Every pair with a
new article that the index brings together is examined once and its link (or
its absence) stored; then the part of the corpus connected to the new
articles by links is decided again from the stored links alone: copy groups,
their originals, story groups. Deciding from links, not from arrival order,
is what makes the answer the same whichever batch an article came in, and a
rerun over the same ids a no-op.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from ..config import PipelineConfig
from ..engines import Engine
from ..store import Store
from . import index
from .cluster import (
    Decision,
    LinkRow,
    Member,
    components,
    copy_decisions,
    story_clusters,
    story_id,
)
from .pairs import ArticleText, index_entries, score_pairs

log = logging.getLogger(__name__)

#: New articles handled per transaction: bounds the memory of bodies held at once.
CHUNK = 2000
#: Articles re-decided at most per batch. Links reach this far only when one
#: topic chains through a very large corpus; past it the rest keeps its
#: previous decisions (logged).
MAX_DOMAIN = 20_000


def provenance_step(store: Store, new_ids: list[str], config: PipelineConfig, *,
                    engine: Engine | None = None) -> None:
    """Corpus step: find copies and stories among new and stored articles.

    New articles' index entries are built and candidate pairs scored on the
    engine's workers when it has several (`pairs`); candidate lookup, links and
    decisions stay here, in the store.
    """
    ids = sorted(set(new_ids))
    # DuckDB draws a progress bar on the terminal for long joins; the CLI has its own.
    store.con.execute("SET enable_progress_bar = false")
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        store.con.execute("BEGIN TRANSACTION")
        try:
            _link(store, chunk, engine)
            redecide(store, chunk)
            store.con.execute("COMMIT")
        except Exception:
            store.con.execute("ROLLBACK")
            raise


def _link(store: Store, ids: list[str], engine: Engine | None) -> None:
    rows = index.load_articles(store, ids)
    texts = {i: _text(row) for i, row in rows.items()}
    run = engine.run if engine is not None else None
    workers = engine.workers if engine is not None else 1
    index.add_to_index(store, index_entries(ids, texts, run=run, workers=workers))
    pairs = index.candidates(store, ids)
    others = index.load_articles(store, {x for p in pairs for x in p} - set(texts))
    texts.update({i: _text(row) for i, row in others.items()})
    links, vectors = score_pairs(pairs, texts, index.load_vectors(store, texts), run=run,
                                 workers=workers)
    index.replace_links(store, ids, pairs, links)
    index.save_vectors(store, vectors)
    log.info("provenance: %d new articles, %d candidate pairs, %d links", len(ids), len(pairs),
             len(links))


def _text(row: dict[str, object]) -> ArticleText:
    published = row.get("published")
    return ArticleText(text=str(row["text"]), title=row.get("title"),  # type: ignore[arg-type]
                       language=row.get("language") or None,  # type: ignore[arg-type]
                       published=published if isinstance(published, date) else None)


def _domain(store: Store, ids: list[str]) -> tuple[set[str], dict[tuple[str, str], LinkRow]]:
    """Everything linked to the new articles, transitively, and every story they share."""
    domain = set(ids)
    links: dict[tuple[str, str], LinkRow] = {}
    frontier = set(ids)
    while frontier:
        found = index.links_touching(store, frontier)
        stories = index.current_stories(store, frontier)
        reached = {x for link in found for x in (link.a, link.b)}
        reached |= set(index.story_members(store, stories.values()))
        for link in found:
            links[(link.a, link.b)] = link
        frontier = reached - domain
        if len(domain) + len(frontier) > MAX_DOMAIN:
            log.warning("provenance: linked part of the corpus exceeds %d articles; "
                        "deciding the first %d", MAX_DOMAIN, MAX_DOMAIN)
            frontier = set(sorted(frontier)[:max(0, MAX_DOMAIN - len(domain))])
        domain |= frontier
    return domain, {k: v for k, v in links.items() if k[0] in domain and k[1] in domain}


def redecide(store: Store, ids: list[str]) -> None:
    """Decide copy groups, originals and stories again for the part of the corpus `ids` touch."""
    domain, links = _domain(store, ids)
    members = index.members(store, domain)
    domain &= set(members)
    old_stories = set(index.current_stories(store, domain).values())
    copy_links = [x for x in links.values() if x.relation == "copy"]
    decisions: dict[str, Decision] = {}
    group_of: dict[str, list[str]] = {}
    for group in components(domain, copy_links):
        if len(group) == 1:
            decisions[group[0]] = Decision()
            group_of[group[0]] = group
            continue
        inside = set(group)
        decided = copy_decisions(group, members, [x for x in copy_links if x.a in inside])
        decisions.update(decided)
        root = next(m for m in group if decided[m].copy_of is None)
        group_of[root] = group
    stories = _stories(group_of, decisions, links.values(), members)
    index.write_decisions(store, decisions, old_stories, stories, members)


def _stories(group_of: dict[str, list[str]], decisions: dict[str, Decision],
             links: Iterable[LinkRow], members: dict[str, Member]) -> list[tuple[str, list[str]]]:
    """Story groups over originals; each copy joins its original's story."""
    root_of = {m: root for root, group in group_of.items() for m in group}
    edges: dict[tuple[str, str], float] = {}
    for link in links:
        if link.relation != "story" or link.a not in root_of or link.b not in root_of:
            continue
        ra, rb = root_of[link.a], root_of[link.b]
        if ra != rb:
            key = (min(ra, rb), max(ra, rb))
            edges[key] = max(edges.get(key, 0.0), link.score)
    nodes = {root: _group_date(group, members) for root, group in group_of.items()}
    out = []
    for cluster in story_clusters(nodes, edges):
        articles = sorted(m for root in cluster for m in group_of[root])
        sid = story_id(articles, members)
        for m in articles:
            decisions[m].story = sid
        out.append((sid, articles))
    return out


def _group_date(group: list[str], members: dict[str, Member]) -> date | None:
    dates = [members[m].published for m in group if members[m].published]
    return min(dates) if dates else None  # type: ignore[type-var]
