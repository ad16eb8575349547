"""What the events step needs from provenance: each article's original and story.

The provenance stage owns its tables; this module only reads them, looking for a
table with an article id and `copy_of` (and optionally `story`) columns. When no
such table exists yet every article is its own original and has no story, so
every article counts as an independent source (the documented fallback).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..store import Store

log = logging.getLogger(__name__)

#: Tables tried first, in order; any other table with the right columns is used after them.
PREFERRED_TABLES = ("provenance", "article_provenance", "copies")
_ID_COLUMNS = ("article_id", "article", "id")


@dataclass
class Family:
    """Copy links (article → the article it copies), stories, and publication dates."""

    copy_of: dict[str, str] = field(default_factory=dict)
    story: dict[str, str] = field(default_factory=dict)
    published: dict[str, str] = field(default_factory=dict)
    source: str | None = None  # the table read, or None for the fallback

    def original(self, article_id: str) -> str:
        """Follow copy_of to the end of the chain (cycles are cut)."""
        seen = {article_id}
        cur = article_id
        while cur in self.copy_of and self.copy_of[cur] not in seen:
            cur = self.copy_of[cur]
            seen.add(cur)
        return cur

    def related(self, a: str, b: str) -> bool:
        if a == b or self.original(a) == self.original(b):
            return True
        sa, sb = self.story.get(a), self.story.get(b)
        return sa is not None and sa == sb

    def copies_touching(self, ids: list[str]) -> list[str]:
        """Copies among `ids`, and copies whose original chain passes through `ids`."""
        wanted = set(ids)
        return [c for c in self.copy_of if c in wanted or self.original(c) in wanted
                or self.copy_of[c] in wanted]


def _tables(store: Store) -> list[tuple[str, set[str]]]:
    rows = store.con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
    ).fetchall()
    cols: dict[str, set[str]] = {}
    for t, c in rows:
        cols.setdefault(t, set()).add(c)
    order = [t for t in PREFERRED_TABLES if t in cols] + sorted(t for t in cols if t not in PREFERRED_TABLES)
    return [(t, cols[t]) for t in order]


def load_provenance(store: Store) -> Family:
    fam = Family()
    fam.published = {a: str(p) for a, p in store.con.execute(
        "SELECT id, published FROM articles WHERE published IS NOT NULL").fetchall()}
    for table, cols in _tables(store):
        id_col = next((c for c in _ID_COLUMNS if c in cols), None)
        if "copy_of" not in cols or id_col is None or table == "articles":
            continue
        story = "story" if "story" in cols else "NULL"
        # identifiers come from information_schema, never from user input
        for aid, copy_of, st in store.con.execute(
                f'SELECT "{id_col}", copy_of, {story} FROM "{table}"').fetchall():
            if copy_of and copy_of != aid:
                fam.copy_of[aid] = copy_of
            if st:
                fam.story[aid] = str(st)
        fam.source = table
        break
    if fam.source is None:
        log.info("no provenance table: every article counts as an independent source")
    return fam
