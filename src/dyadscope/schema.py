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
    copy_of: str | None = doc("id of the version judged original when this article is a copy (exact, near, spun or translated); null for originals. Copies never count as independent sources")
    copy_kind: str | None = doc("exact, near, spun or translated; also set on an original whose own text shows it was translated from a source not in the store (then `copy_of` is null); null otherwise")
    copy_score: float | None = doc("0-1 strength of the copy evidence (share of text shown to match)")
    original_reason: str | None = doc("why the version judged original was chosen (earliest date, more fluent text, first seen), on the original and on each copy")
    story: str | None = doc("story group id: articles from different outlets reporting the same event (copies join their original's story); null when no other article reports it")


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


@dataclass
class StoryRow:
    """One story: articles from different outlets reporting the same event (`dyadscope stories`)."""

    story: str = doc("story id ('s' + 15 hex characters), named after its earliest article")
    title: str | None = doc("headline of the earliest article")
    articles: list[str] = doc("ids of every article in the story, copies included")
    sources: int = doc("independent articles: the story's articles that are not copies")
    outlets: list[str] = doc("outlets that published an article of the story")
    first: str | None = doc("earliest publication date, YYYY-MM-DD")
    last: str | None = doc("latest publication date, YYYY-MM-DD")


@dataclass
class EventRow:
    """One coded event: actor1 did something to actor2 (`dyadscope events`)."""

    id: str = doc("event id (16 hex characters), derived from article, trigger, actors and code")
    article_id: str = doc("the article it was read from")
    sentence: int = doc("index of the sentence in the article (0-based)")
    start: int = doc("start of the evidence (trigger and actors) in the article's `text`")
    end: int = doc("end of the evidence in `text`")
    text: str = doc("the evidence, `text[start:end]`")
    trigger: str | None = doc("the word(s) that express the action")
    actor1: str | None = doc("who acted (GDELT convention: actor1 acts on actor2): RUS, CHNGOV, NATO…")
    actor2: str | None = doc("on whom; null when the action names no target")
    plover: str = doc("PLOVER event type (AGREE … ASSAULT)")
    cameo: str = doc("CAMEO code, text with leading zeros (e.g. 057)")
    quad: int = doc("quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    goldstein: float = doc("Goldstein score of the CAMEO code, -10 (conflict) to +10 (cooperation)")
    date: str | None = doc("event date, YYYY-MM-DD (first day of the week/month/year for coarser precision)")
    date_precision: str | None = doc("day, week, month or year")
    date_basis: str | None = doc("explicit (a date in the text), relative (resolved against publication), publication (no time in the sentence)")
    negated: bool = doc("the text says it did not happen; not counted by default")
    hypothetical: bool = doc("could, plans to, if…, a question; not counted by default")
    reported: bool = doc("told by someone else ('…, officials said'); counted")
    event_group: str | None = doc("the real-world event this report belongs to (same dyad, type and compatible date)")
    sources: int | None = doc("independent articles reporting the group; copies count as their original")
    confidence: float = doc("0–1: lower for nominal events, inferred actors, missing targets")


@dataclass
class RelationRow:
    """One period of a dyad (`dyadscope relation A B`), over event groups, flagged events excluded."""

    period: str = doc("first day of the period, YYYY-MM-DD (week: Monday)")
    events: int = doc("event groups (real-world events, not articles) in the period")
    quad1: int = doc("groups of verbal cooperation")
    quad2: int = doc("groups of material cooperation")
    quad3: int = doc("groups of verbal conflict")
    quad4: int = doc("groups of material conflict")
    index: float = doc("cooperation–conflict index: mean Goldstein score of the groups, -10 to +10")
    sources: int = doc("independent sources summed over the groups")
    change: float | None = doc("index minus the previous period's index; null for the first period")


@dataclass
class ActorRow:
    """One actor and how often the stored articles mention it (`dyadscope actors`)."""

    code: str | None = doc("CAMEO-shaped code: state (CHN), state + sector (RUSGOV, CHNMIL), IGO or group (NATO, HAMAS); null for a person the text gives no affiliation")
    name: str | None = doc("actor name: the dictionary's, or for a person not in it the fullest form in the text")
    kind: str | None = doc("state, igo, org, group or person")
    country: str | None = doc("ISO alpha-3 code (or IGO code) the actor belongs to")
    role: str | None = doc("for officeholders: head_of_state, head_of_government, foreign_minister, defence_minister or secretary_general")
    mentions: int = doc("number of mentions in stored articles")
    articles: int = doc("number of stored articles mentioning it")


@dataclass
class MentionRow:
    """One span of text linked to an actor (`dyadscope mentions`, `mentions` table)."""

    article_id: str = doc("the article (`articles.id`)")
    start: int = doc("first character of the mention in the article's `text`")
    end: int = doc("character after the mention: `text[start:end]` is the mention")
    text: str = doc("the mention as written")
    code: str | None = doc("actor code, as in `actors.code`")
    kind: str | None = doc("state, igo, org, group or person")
    method: str | None = doc("how it was linked: dictionary, spun, fuzzy, ner, surname, role, subject, +sector")
    confidence: float = doc("0-1; lower for fuzzy matches and names the NER alone found")
    name: str | None = doc("actor name")
    country: str | None = doc("ISO alpha-3 code (or IGO code) the actor belongs to")
    role: str | None = doc("officeholder role (people.tsv), when known")
    title: str | None = doc("for people: title before the name and apposition after it, as written")
    sentence: int | None = doc("index of the sentence in the article")
    entity: int | None = doc("the same number for every mention of one person in the article")


@dataclass
class QuoteRow:
    """One quote: who said what, with its exact span (`dyadscope quotes`)."""

    id: str = doc("content-derived id (hash of article_id, start, end, kind)")
    article_id: str = doc("the article (`articles.id`)")
    kind: str = doc("direct (between quotation marks) or indirect (reported speech: the content clause)")
    text: str = doc("what was said, as written: `article.text[start:end]`")
    start: int = doc("first character of the quote (after the opening mark for direct quotes)")
    end: int = doc("character after the quote (the closing mark's position for direct quotes)")
    speaker: str | None = doc("the speaker's name at its fullest as written in the article; null when the text does not say, or the speaker is not named")
    speaker_code: str | None = doc("the speaker's actor code (e.g. JPNGOV, NATO, AUS for an analyst placed in Australia)")
    cue: str | None = doc("the verb or phrase that attributes it, as written (said, told, according to); null when unattributed")
    confidence: float = doc("0-1; higher for a named speaker than for one resolved through 'he' or 'the minister'")


@dataclass
class DyadRow:
    """One pair of actors with event groups between them (dashboard dyad picker, `/api/dyad-list`)."""

    dyad: str = doc("the two actor roots, sorted and joined by '-' (CHN-RUS)")
    a: str = doc("first actor of `dyad`")
    b: str = doc("second actor of `dyad`")
    groups: int = doc("event groups (real-world events) between them, negated and hypothetical left out")
    sources: int = doc("independent sources summed over the groups")
    index: float = doc("mean Goldstein score of the groups, -10 (conflict) to +10 (cooperation)")
    cooperation: int = doc("groups of quad class 1 or 2")
    conflict: int = doc("groups of quad class 3 or 4")
    first: str | None = doc("earliest event date, YYYY-MM-DD")
    last: str | None = doc("latest event date, YYYY-MM-DD")


#: listing name → row dataclass, in the order docs/schema.md shows them.
LISTINGS: dict[str, type] = {
    "articles": ArticleRow,
    "actors": ActorRow,
    "mentions": MentionRow,
    "quotes": QuoteRow,
    "stories": StoryRow,
    "failures": FailureRow,
    "sources": SourceRow,
    "search": SearchRow,
    "dyads": DyadRow,
    "events": EventRow,
    "relation": RelationRow,
}


def field_names(row: type) -> list[str]:
    return [f.name for f in fields(row)]
