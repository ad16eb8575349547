"""Corpus step `dyadscope.event_groups.v1`: one real-world event, however many articles report it.

Events with the same undirected dyad (state roots: CHNMIL and CHN are both CHN),
the same PLOVER type and the same flags, whose date intervals overlap, are one
group when their articles are related: the same article, copies of one original,
the same story (provenance), or — for two events that both carry a date read from
their text — any articles at all. `sources` counts independent articles: a copy
counts as its original, so copies never add a source.

Provenance (copy links and stories) is read from the provenance stage's tables
when they exist (see `load_provenance`); without them every article is taken as
independent and only same-article events with publication dates merge unrelated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from ..config import PipelineConfig
from ..engines import Engine
from ..store import Store
from .arguments import root_code
from .dates import find_dates
from .provenance import Family, load_provenance

log = logging.getLogger(__name__)

#: Days a date interval is widened by before two are compared (time zones, "overnight").
SLACK_DAYS = 1
#: An event dated only by its article's publication date happened up to this many days before it.
PUBLICATION_WINDOW_DAYS = 7
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class Member:
    id: str
    article_id: str
    actor1: str | None
    actor2: str | None
    cameo: str
    quad: int
    goldstein: float
    date: dt.date | None
    precision: str | None
    basis: str | None
    confidence: float

    def interval(self) -> tuple[dt.date, dt.date] | None:
        if self.date is None:
            return None
        d = self.date
        if self.basis == "publication":
            return d - timedelta(days=PUBLICATION_WINDOW_DAYS), d
        if self.precision == "week":
            return d, d + timedelta(days=6)
        if self.precision == "month":
            nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            return d, nxt - timedelta(days=1)
        if self.precision == "year":
            return d, dt.date(d.year, 12, 31)
        return d, d


def dyad_of(actor1: str | None, actor2: str | None) -> str:
    a = root_code(actor1 or "")
    b = root_code(actor2) if actor2 else ""
    return f"{a}-{b}" if not b else "-".join(sorted((a, b)))


def _compatible(a: Member, b: Member, fam: Family) -> bool:
    ia, ib = a.interval(), b.interval()
    if ia is None or ib is None:
        return a.article_id == b.article_id
    slack = timedelta(days=SLACK_DAYS)
    if ia[0] > ib[1] + slack or ib[0] > ia[1] + slack:
        return False
    if fam.related(a.article_id, b.article_id):
        return True
    return a.basis != "publication" and b.basis != "publication"


def cluster(members: list[Member], fam: Family) -> list[list[Member]]:
    """Single-link groups of compatible members (union-find)."""
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            if find(i) != find(j) and _compatible(members[i], members[j], fam):
                parent[find(i)] = find(j)
    groups: dict[int, list[Member]] = defaultdict(list)
    for i, m in enumerate(members):
        groups[find(i)].append(m)
    return list(groups.values())


def _group_row(key: tuple[str, str, bool, bool], members: list[Member], fam: Family) -> tuple[Any, ...]:
    dyad, plover, negated, hypothetical = key
    best = max(members, key=lambda m: (m.confidence, m.basis != "publication", m.id))
    dated = sorted((m for m in members if m.date is not None),
                   key=lambda m: (m.basis == "publication", _PRECISION_RANK.get(m.precision or "", 9),
                                  m.date))
    when = dated[0] if dated else None
    gid = hashlib.sha256(("\x1f".join((dyad, plover, str(negated), str(hypothetical)))
                          + min(m.id for m in members)).encode()).hexdigest()[:16]
    articles = {m.article_id for m in members}
    sources = {fam.original(a) for a in articles}
    return (gid, dyad, best.actor1, best.actor2, plover, best.cameo, best.quad, best.goldstein,
            when.date if when else None, when.precision if when else None, when.basis if when else None,
            negated, hypothetical, len(members), len(articles), len(sources), best.id)


def _touched_keys(store: Store, new_ids: list[str]) -> set[tuple[str, str, bool, bool]]:
    rows = store.con.execute(
        "SELECT actor1, actor2, plover, negated, hypothetical FROM events WHERE list_contains(?, article_id)",
        [new_ids]).fetchall()
    return {(dyad_of(a1, a2), p, bool(n), bool(h)) for a1, a2, p, n, h in rows}


def _members(store: Store, keys: set[tuple[str, str, bool, bool]]) -> dict[tuple[str, str, bool, bool],
                                                                           list[Member]]:
    plovers = sorted({k[1] for k in keys})
    rows = store.con.execute(
        "SELECT id, article_id, actor1, actor2, plover, negated, hypothetical, cameo, quad, goldstein, "
        "date, date_precision, date_basis, confidence FROM events WHERE list_contains(?, plover) "
        "ORDER BY id", [plovers]).fetchall()
    out: dict[tuple[str, str, bool, bool], list[Member]] = defaultdict(list)
    for r in rows:
        key = (dyad_of(r[2], r[3]), r[4], bool(r[5]), bool(r[6]))
        if key in keys:
            out[key].append(Member(r[0], r[1], r[2], r[3], r[7], r[8], r[9], r[10], r[11], r[12], r[13]))
    return out


def redate_copies(store: Store, fam: Family, new_ids: list[str]) -> int:
    """Re-resolve a copy's relative dates against its original's publication date.

    A spun copy published days later still says "on Monday"; read against its own
    date it would name the wrong Monday. A copy with no date of its own takes its
    original's (relative expressions resolved, undated sentences basis
    "publication"). Returns the number of events changed.
    """
    ids = fam.copies_touching(new_ids)
    if not ids:
        return 0
    rows = store.con.execute(
        "SELECT id, article_id, date_text, date, date_basis FROM events WHERE list_contains(?, article_id) "
        "AND (date_basis IS NULL OR date_basis IN ('relative', 'publication', 'article'))", [ids]).fetchall()
    changed = 0
    for eid, aid, text, old, basis in rows:
        ref = fam.published.get(fam.original(aid))
        if not ref:
            continue
        found = find_dates(text, ref) if text else []
        if found:
            new = (found[0].date, found[0].precision, "relative")
        elif basis in (None, "publication", "article") and not text:
            new = (ref, "day", "publication")  # undated copy: its original's publication date
        else:
            continue
        if (str(old) if old else None, basis) != (new[0], new[2]):
            store.con.execute("UPDATE events SET date = CAST(? AS DATE), date_precision = ?, date_basis = ? "
                              "WHERE id = ?", [new[0], new[1], new[2], eid])
            changed += 1
    return changed


def group_events(store: Store, new_ids: list[str], config: PipelineConfig, *,
                 engine: Engine | None = None) -> None:
    """Corpus step: regroup every event sharing a (dyad, type, flags) key with the new articles' events.

    Runs in the store: the work is joins over the events table, done by DuckDB
    in a few statements, so nothing is sent to `engine`.
    """
    fam = load_provenance(store)
    keys = _touched_keys(store, new_ids)
    if not keys:
        return
    store.con.execute("BEGIN TRANSACTION")
    try:
        redate_copies(store, fam, new_ids)
        members = _members(store, keys)
        event_ids = [m.id for ms in members.values() for m in ms]
        store.con.execute(
            "DELETE FROM event_groups WHERE id IN (SELECT group_id FROM event_group_members "
            "WHERE list_contains(?, event_id))", [event_ids])
        store.con.execute("DELETE FROM event_group_members WHERE list_contains(?, event_id)", [event_ids])
        groups: list[tuple[Any, ...]] = []
        links: list[tuple[str, str]] = []
        for key, ms in members.items():
            for group in cluster(ms, fam):
                row = _group_row(key, group, fam)
                groups.append(row)
                links.extend((m.id, row[0]) for m in group)
        if groups:
            store.insert_rows("event_groups", groups)
            store.insert_rows("event_group_members", links, columns=("event_id", "group_id"))
        store.con.execute("COMMIT")
    except Exception:
        store.con.execute("ROLLBACK")
        raise
    log.info("event groups: %d keys regrouped", len(keys))
