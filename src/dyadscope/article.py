"""The record that travels through the stages.

Reading yields `RawDoc`s (bytes decoded, nothing interpreted); cleaning turns
each into an `Article`, and every later stage enriches that same record. Results
are fields on the record, never loose tuples, so one object can be stored,
pickled to a worker, or shown to a user as it is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

ContentKind = Literal["text", "html"]
DateBasis = Literal["text", "html", "input", "filename"]


@dataclass(slots=True)
class RawDoc:
    """One article as found in the input, before any interpretation."""

    path: str
    record: str | None
    kind: ContentKind
    content: str
    url: str | None = None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """An article with clean text; later stages add their findings to it.

    `id` is derived from the content (see `article_id`), so re-ingesting the same
    article yields the same id and the store can ignore it.
    """

    id: str
    path: str
    record: str | None
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    published_basis: DateBasis | None
    language: str | None
    text: str
    text_hash: str
    warnings: list[str] = field(default_factory=list)
    # Filled by later stages. Offsets in every record index into `text`.
    provenance: Provenance | None = None
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: The spaCy Doc while a batch is between the nlp stage and the store; never stored.
    doc: Any = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class Provenance:
    """Where an article stands among copies and stories (provenance stage)."""

    copy_of: str | None = None
    copy_kind: Literal["exact", "near", "spun", "translated"] | None = None
    copy_score: float | None = None
    original_reason: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    story: str | None = None


@dataclass(slots=True)
class Mention:
    """A span of text linked to an actor code (actors stage)."""

    start: int
    end: int
    text: str
    code: str | None
    kind: str | None = None
    method: str | None = None
    confidence: float = 1.0
    #: The actor's name: the dictionary's, or for people not in it the fullest form in the text.
    name: str | None = None
    #: ISO alpha-3 (or IGO code) the actor belongs to; `role` is a people.tsv role for officeholders.
    country: str | None = None
    role: str | None = None
    #: For people: the title before the name and the apposition after it, as written.
    title: str | None = None
    #: Index of the sentence in `doc.sents`; `entity` is shared by every mention of one person.
    sentence: int | None = None
    entity: int | None = None


@dataclass(slots=True)
class Quote:
    """Who said what, with the exact span of what was said (quotes stage)."""

    kind: Literal["direct", "indirect"]
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_code: str | None = None
    cue: str | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Event:
    """actor1 did something to actor2 (events stage); GDELT's direction convention."""

    sentence: int
    start: int
    end: int
    actor1: str | None
    actor2: str | None
    plover: str
    cameo: str
    quad: int
    goldstein: float
    date: str | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 1.0
    #: Evidence span `text[start:end]` (trigger and arguments) and the trigger itself.
    text: str = ""
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    #: Told by someone else ("…, officials said"); still counted.
    reported: bool = False
    #: The time expression the date was resolved from ("on Tuesday"), so copies can re-resolve it.
    date_text: str | None = None


def text_hash(text: str) -> str:
    """Hash of the text with whitespace and case folded: equal for exact copies."""
    norm = " ".join(text.casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def article_id(text: str, title: str | None, outlet: str | None, published: str | None,
               url: str | None) -> str:
    """Content-derived id.

    The body alone would merge an exact copy republished by another outlet into
    its original, losing the evidence that it was copied; adding the metadata
    keeps them apart while the same file read twice still gets the same id.
    """
    parts = [text_hash(text), title or "", outlet or "", published or "", url or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
