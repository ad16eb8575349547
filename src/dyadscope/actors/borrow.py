"""Corpus step `dyadscope.actor_borrow.v1`: a copy borrows what its original resolved.

A spun or machine-translated copy often loses the words that placed an actor
("an analyst at the Carnegie Moscow Center" becomes "... on the Carnegie Moscow
Middle"), while the original still has them. After the provenance step has
linked copies to originals, a mention in a copy that the actors stage left
without a code takes the code of the mention with the same text (for people:
the same name) in the original, and so do the copy's quotes whose speaker has
no code. Nothing already resolved is overwritten, so running the step twice, or
again when a late original arrives, changes nothing more.
"""

from __future__ import annotations

from ..config import PipelineConfig
from ..engines import Engine
from ..store import Store

#: Marks a borrowed mention in `mentions.method`, so the evidence stays visible.
BORROWED = "+borrowed"


def _pairs(store: Store, ids: list[str]) -> list[tuple[str, str]]:
    """(copy, original) for every copy among `ids` and every stored copy of one of `ids`."""
    rows = store.query(
        "SELECT article_id, copy_of FROM provenance WHERE copy_of IS NOT NULL "
        "AND (list_contains(?, article_id) OR list_contains(?, copy_of))", [ids, ids])
    return [(r["article_id"], r["copy_of"]) for r in rows]


def borrow_step(store: Store, new_ids: list[str], config: PipelineConfig, *,
                engine: Engine | None = None) -> None:
    """Fill unresolved codes of copies' mentions and quotes from their originals.

    Runs in the store (a few UPDATE joins per copy): nothing worth sending to `engine`.
    """
    if not new_ids or not store.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'provenance'"):
        return
    for copy, original in _pairs(store, sorted(set(new_ids))):
        store.con.execute(
            "UPDATE mentions AS c SET code = o.code, country = o.country, method = c.method || ? "
            "FROM (SELECT text, kind, min(code) AS code, min(country) AS country FROM mentions "
            "      WHERE article_id = ? AND code IS NOT NULL GROUP BY text, kind) AS o "
            "WHERE c.article_id = ? AND c.code IS NULL AND c.text = o.text AND c.kind = o.kind",
            [BORROWED, original, copy])
        store.con.execute(
            "UPDATE mentions AS c SET code = o.code, country = o.country, method = c.method || ? "
            "FROM (SELECT name, min(code) AS code, min(country) AS country FROM mentions "
            "      WHERE article_id = ? AND kind = 'person' AND code IS NOT NULL GROUP BY name) AS o "
            "WHERE c.article_id = ? AND c.code IS NULL AND c.kind = 'person' AND c.name = o.name",
            [BORROWED, original, copy])
        store.con.execute(
            "UPDATE quotes AS q SET speaker_code = m.code "
            "FROM (SELECT name, min(code) AS code FROM mentions "
            "      WHERE article_id = ? AND kind = 'person' AND code IS NOT NULL GROUP BY name) AS m "
            "WHERE q.article_id = ? AND q.speaker_code IS NULL AND q.speaker = m.name",
            [copy, copy])
