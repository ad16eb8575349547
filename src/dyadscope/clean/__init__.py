"""Clean stage: a `RawDoc` becomes an `Article` with clean text and metadata.

Order of trust for the publication date (recorded as `published_basis`):
a date given with the input (JSONL `date`) → `input`; a date line in the text
→ `text`; the page's metadata → `html`; a date in the file name → `filename`.
The clean text is a fixed point: cleaning it again changes nothing, which the
tests check with hypothesis.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..article import Article, DateBasis, RawDoc, article_id, text_hash
from ..config import PipelineConfig
from ..errors import Code, DyadscopeError, Failure, InputError
from ..read.decode import normalise
from .boilerplate import strip_boilerplate
from .dates import date_from_filename, normalise_date
from .header import split_head, split_site_suffix
from .language import detect_language

log = logging.getLogger(__name__)

_SPACES = re.compile(r"[ \t\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass
class CleanText:
    text: str
    title: str | None
    outlet: str | None
    date: str | None


def clean_text(text: str) -> CleanText:
    """Plain text → clean body plus what its header and footer say."""
    lines = [_SPACES.sub(" ", line).strip() for line in normalise(text).split("\n")]
    lines = strip_boilerplate([line for line in lines if line])
    head = split_head(lines)
    body = "\n\n".join(line for line in head.lines if line.strip())
    return CleanText(text=body, title=head.title, outlet=head.outlet, date=head.date)


def clean(raw: RawDoc, config: PipelineConfig) -> Article:
    """Raises InputError when nothing usable is left."""
    warnings = list(raw.warnings)
    page_date: str | None = None
    page_title = page_outlet = None
    url = raw.url
    if raw.kind == "html":
        from .html import extract_page

        page = extract_page(raw.content, raw.url)
        source_text = page.text
        page_title, page_outlet, url = page.title, page.outlet, page.url or raw.url
        page_date = normalise_date(page.date)
    else:
        source_text = raw.content
    cleaned = clean_text(source_text)
    if len(cleaned.text) < config.min_text_chars:
        raise InputError(
            Code.NO_TEXT, detail=f"{len(cleaned.text)} characters, fewer than {config.min_text_chars}"
        )
    title, outlet = _title_outlet(raw, cleaned, page_title, page_outlet, url)
    published, basis = _published(raw, cleaned.date, page_date)
    language = detect_language(cleaned.text) if config.detect_language else None
    return Article(
        id=article_id(cleaned.text, title, outlet, published, url),
        path=raw.path,
        record=raw.record,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        published_basis=basis,
        language=language,
        text=cleaned.text,
        text_hash=text_hash(cleaned.text),
        warnings=warnings,
    )


def _title_outlet(
    raw: RawDoc, cleaned: CleanText, page_title: str | None, page_outlet: str | None,
    url: str | None,
) -> tuple[str | None, str | None]:
    site_from_title = None
    title = raw.title or page_title
    if title:
        title, site_from_title = split_site_suffix(title)
    title = title or cleaned.title
    outlet = raw.outlet or page_outlet or cleaned.outlet or site_from_title
    if outlet is None and url:
        host = urlsplit(url).hostname or ""
        outlet = host.removeprefix("www.") or None
    return title, outlet


def _published(
    raw: RawDoc, text_date: str | None, page_date: str | None
) -> tuple[str | None, DateBasis | None]:
    given = normalise_date(raw.date)
    if given:
        return given, "input"
    if text_date:
        return text_date, "text"
    if page_date:
        return page_date, "html"
    from_name = date_from_filename(raw.path)
    if from_name:
        return from_name, "filename"
    return None, None


def clean_batch(
    raws: list[RawDoc], config: PipelineConfig
) -> tuple[list[Article], list[Failure]]:
    """Clean each document; a failure for one never stops the others."""
    articles: list[Article] = []
    failures: list[Failure] = []
    for raw in raws:
        try:
            articles.append(clean(raw, config))
        except DyadscopeError as err:
            if config.strict:
                raise
            failures.append(Failure.from_error(err, path=raw.path, record=raw.record,
                                               stage="clean"))
        except Exception as exc:  # a library bug on odd input must not sink the batch
            if config.strict:
                raise
            log.exception("clean failed on %s", raw.path)
            bug = InputError(Code.INTERNAL, stage="clean", reason=f"{type(exc).__name__}: {exc}")
            failures.append(Failure.from_error(bug, path=raw.path, record=raw.record,
                                               stage="clean"))
    return articles, failures
