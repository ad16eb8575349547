"""Stores with the provenance step only (no parse), so these tests stay quick."""

from __future__ import annotations

from pathlib import Path

from dyadscope.config import PipelineConfig
from dyadscope.pipeline import ingest
from dyadscope.store import Store

#: Read, clean, store and provenance: nothing else runs.
PROVENANCE_ONLY = PipelineConfig(stages=(), corpus_steps=("dyadscope.provenance.v1",), workers=1)


def ingest_only_provenance(paths: list[str], db: Path, **overrides: object) -> None:
    config = PROVENANCE_ONLY.model_copy(update=overrides) if overrides else PROVENANCE_ONLY
    with Store(db) as store:
        ingest(paths, store, config)


def provenance_by_name(db: Path) -> dict[str, dict]:
    """file name (#record) → the article's provenance row, ids replaced by names."""
    with Store(db, read_only=True) as store:
        rows = store.query(
            "SELECT a.id, a.path, a.record, p.copy_of, p.copy_kind, p.copy_score, p.story, "
            "p.original_reason FROM articles a LEFT JOIN provenance p ON p.article_id = a.id")
    name = {r["id"]: Path(r["path"]).name + (f"#{r['record']}" if r["record"] else "") for r in rows}
    return {name[r["id"]]: {**r, "copy_of": name.get(r["copy_of"]) if r["copy_of"] else None}
            for r in rows}
