"""The public record shapes of every listing (`--format json|jsonl|csv`, the API).

These dataclasses are the contract that scripts rely on: docs/schema.md is
generated from them (`make schema`) and a test fails when it is stale. Change a
field only with a migration note in docs/schema.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def doc(text: str) -> Any:
    return field(metadata={"doc": text})


@dataclass
class ArticleRow:
    """One stored article (`dyadscope articles`)."""

    id: str = doc("content-derived id (16 hex characters); stable across re-ingests")
    path: str = doc("input file the article came from, relative to the working directory when inside it")
    record: str | None = doc("JSONL `id` or line number, or WARC record id; null for single-article files")
    title: str | None = doc("headline, from input metadata, the page, or the text's header")
    outlet: str | None = doc("publishing outlet: input metadata, page site name, a 'Source:' line, a 'Title | Site' suffix, or the URL's host")
    url: str | None = doc("source URL when the input gave one")
    published: str | None = doc("publication date, YYYY-MM-DD")
    published_basis: str | None = doc("where `published` came from: input, text, html, filename (in that order of trust); null when unknown")
    language: str | None = doc("ISO 639-1 code from py3langid; null when the text is too short to tell")
    text: str = doc("clean article text; every `start`/`end` offset elsewhere indexes into it")
    text_hash: str = doc("hash of the case- and whitespace-folded text; equal for exact copies")
    chars: int = doc("length of `text` in characters")
    warnings: list[str] = doc("what cleaning noticed but did not refuse (e.g. 'not valid UTF-8; decoded as cp1252')")


@dataclass
class FailureRow:
    """One input that could not be used (`failures` table)."""

    run_id: int = doc("the run that met it (`runs.id`)")
    path: str = doc("input file")
    record: str | None = doc("line number / record id inside the file, when the failure is one record")
    stage: str = doc("stage that refused it: read, clean, …")
    code: str = doc("stable error code, see `dyadscope.errors.Code`")
    message: str = doc("what was wrong with this input")


@dataclass
class SourceRow:
    """One outlet and how many stored articles it has (dashboard overview, `/api/sources`)."""

    outlet: str | None = doc("outlet name; null groups the articles whose outlet is unknown")
    articles: int = doc("stored articles from this outlet, copies included")
    first: str | None = doc("earliest publication date, YYYY-MM-DD")
    last: str | None = doc("latest publication date, YYYY-MM-DD")


@dataclass
class SearchRow:
    """One article whose title or text contains the searched phrase (`/api/search`)."""

    id: str = doc("article id")
    title: str | None = doc("headline")
    outlet: str | None = doc("publishing outlet")
    published: str | None = doc("publication date, YYYY-MM-DD")
    language: str | None = doc("ISO 639-1 code")
    in_title: bool = doc("true when the phrase is in the title (these rank first)")
    snippet: str = doc("the text around the first match in the article text")
    snippet_start: int = doc("offset of the snippet's first character in the article's `text`")
    match_start: int | None = doc("offset of the first match in `text`; null when only the title matches")
    match_end: int | None = doc("end offset of the first match in `text`")


#: listing name → row dataclass, in the order docs/schema.md shows them.
LISTINGS: dict[str, type] = {
    "articles": ArticleRow,
    "failures": FailureRow,
    "sources": SourceRow,
    "search": SearchRow,
}


def field_names(row: type) -> list[str]:
    return [f.name for f in fields(row)]
