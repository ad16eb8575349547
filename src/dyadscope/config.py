"""One validated configuration for a run.

Functions take a `PipelineConfig` rather than many keyword arguments; a misspelt
key is an error, and the resolved config is stored with each run in the `runs`
table so that a result can be traced to the settings that produced it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import Code, UsageError

#: A news article is rarely over 100 kB of text; 2 MB leaves room for long
#: reports while refusing log dumps and concatenated corpora posing as one file.
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000
#: Pages carry scripts, styles and inline images; 20 MB covers the heaviest
#: news pages seen in the peer suites (largest ~3 MB) with a wide margin.
DEFAULT_MAX_HTML_BYTES = 20_000_000


class PipelineConfig(BaseModel):
    """Settings every stage reads. Defaults are the packaged ones."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_article_bytes: int = Field(DEFAULT_MAX_ARTICLE_BYTES, gt=0)
    max_html_bytes: int = Field(DEFAULT_MAX_HTML_BYTES, gt=0)
    min_text_chars: int = Field(
        40, ge=1, description="articles with less clean text than this are refused (E201)"
    )
    batch_size: int = Field(64, gt=0, description="articles per store transaction")
    detect_language: bool = True
    strict: bool = Field(False, description="raise on the first failure instead of recording it")
    engine: Literal["local", "dask"] = Field("local", description="where batches are processed")
    workers: int | None = Field(
        None, gt=0, description="worker processes; default: the number of cores (1 for tiny inputs)"
    )
    scheduler: str | None = Field(None, description="dask scheduler address; default: a LocalCluster")
    actors_file: str | None = Field(
        None, description="extra actor aliases and people (TSV or JSON) merged over the bundled ones"
    )
    event_patterns_file: str | None = Field(
        None, description="extra event patterns (TSV like data/events/patterns.tsv) read after the bundled"
    )
    stages: tuple[str, ...] = Field(
        ("dyadscope.nlp.v1", "dyadscope.actors.v1", "dyadscope.quotes.v1", "dyadscope.events.v1"),
        description="registered article stages run after cleaning, in order",
    )
    corpus_steps: tuple[str, ...] = Field(
        ("dyadscope.provenance.v1", "dyadscope.actor_borrow.v1", "dyadscope.event_groups.v1"),
        description="registered corpus steps run after each stored batch, in order",
    )

    @classmethod
    def load(cls, path: Path | None = None, **overrides: Any) -> PipelineConfig:
        """Packaged defaults, then a JSON file, then explicit overrides."""
        data: dict[str, Any] = {}
        if path is not None:
            try:
                data.update(json.loads(Path(path).read_text(encoding="utf-8")))
            except (OSError, ValueError) as exc:
                raise UsageError(Code.CONFIG, reason=f"{path}: {exc}") from exc
        data.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**data)
        except ValidationError as exc:
            reason = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
            )
            raise UsageError(Code.CONFIG, reason=reason) from exc

    def to_json(self) -> str:
        return self.model_dump_json()
