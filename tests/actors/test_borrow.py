"""A copy borrows the codes its original resolved (corpus step dyadscope.actor_borrow.v1)."""

from __future__ import annotations

from datetime import datetime

from dyadscope.actors.borrow import borrow_step
from dyadscope.config import PipelineConfig
from dyadscope.store import Store


def _article(store: Store, aid: str) -> None:
    store.con.execute("INSERT INTO articles (id, path, text, text_hash, chars, ingested_at) "
                      "VALUES (?, ?, 'x', 'h', 1, ?)", [aid, aid + ".txt", datetime.now()])


def _mention(store: Store, aid: str, text: str, code: str | None, name: str) -> None:
    store.con.execute("INSERT INTO mentions (article_id, start_char, end_char, text, code, kind, method, "
                      "name) VALUES (?, 0, ?, ?, ?, 'person', 'ner', ?)", [aid, len(text), text, code, name])


def test_copy_borrows_unresolved_codes_and_nothing_else(store: Store) -> None:
    for aid in ("orig", "copy"):
        _article(store, aid)
    _mention(store, "orig", "Mara Ellison", "AUS", "Mara Ellison")
    _mention(store, "copy", "Mara Ellison", None, "Mara Ellison")
    _mention(store, "copy", "Tomas Varga", "RUS", "Tomas Varga")
    store.con.execute("INSERT INTO provenance (article_id, copy_of, copy_kind) VALUES ('copy', 'orig', "
                      "'spun'), ('orig', NULL, NULL)")
    store.con.execute("INSERT INTO quotes (article_id, id, kind, text, start_char, end_char, speaker) "
                      "VALUES ('copy', 'q1', 'direct', 'x', 0, 1, 'Mara Ellison')")
    for _ in range(2):  # idempotent
        borrow_step(store, ["copy"], PipelineConfig())
    rows = store.query("SELECT text, code, method FROM mentions WHERE article_id = 'copy' ORDER BY text")
    assert [(r["text"], r["code"], r["method"]) for r in rows] == [
        ("Mara Ellison", "AUS", "ner+borrowed"), ("Tomas Varga", "RUS", "ner")]
    assert store.scalar("SELECT speaker_code FROM quotes WHERE id = 'q1'") == "AUS"
