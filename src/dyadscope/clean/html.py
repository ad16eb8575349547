"""HTML pages to article text and page metadata, with trafilatura.

trafilatura finds the main text and reads title, site name and date from the
page's metadata (its date comes from htmldate). We keep paragraphs as blank-line
separated blocks so later stages can cite paragraph structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Code, InputError

#: Script and style bodies can be megabytes; lxml parses them for nothing.
_SCRIPT = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


@dataclass
class Page:
    text: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None


def extract_page(html: str, url: str | None = None) -> Page:
    import trafilatura

    # JSON-LD carries publication dates; keep it, drop every other script.
    slim = _SCRIPT.sub(
        lambda m: m.group(0) if "ld+json" in m.group(0)[:200].lower() else "", html
    )
    try:
        doc = trafilatura.bare_extraction(
            slim,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError) as exc:  # lxml gives up on some inputs
        raise InputError(Code.HTML_EXTRACT, reason=str(exc)) from exc
    body: str | None = getattr(doc, "text", None)
    if doc is None or not body:
        raise InputError(Code.NO_TEXT, detail="no main text found in the HTML page")
    text = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    return Page(
        text=text,
        title=getattr(doc, "title", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        date=getattr(doc, "date", None) or None,
        url=getattr(doc, "url", None) or url,
    )
