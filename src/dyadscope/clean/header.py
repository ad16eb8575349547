"""The head of a plain-text article: title, outlet, date and byline lines.

Scraped text usually opens with a block of short lines (site name, kicker,
"Title | Site", a date line, a byline) before the first paragraph. We take that
block apart, keep what it tells (title, outlet, date) and start the article text
at the first paragraph. A "Source: X" line at the very end names the outlet too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_date_line, split_inline_date

#: A heading is a short line that does not end like a sentence. 28 words / 200
#: characters covers a long headline plus a "| Site Name" suffix.
MAX_HEADING_WORDS = 28
MAX_HEADING_CHARS = 200
#: Separators between a headline and the site name ("Title | Site").
_SITE_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+(?:\||–|—|::|-)\s+(?P<site>[^|–—]{2,60})$")
_SOURCE = re.compile(
    r"^(?:source|via|originally published (?:at|by|in|on))\s*:\s*(?P<outlet>.{2,80}?)\.?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written by)\s+(?P<who>[^\n]{2,100})$", re.IGNORECASE)
#: "By NewsPulse Desk": a desk or newsroom byline names the outlet.
_DESK = re.compile(r"^(?P<outlet>.+?)\s+(?:desk|newsroom|staff|news desk|editorial team)$",
                   re.IGNORECASE)


@dataclass
class Head:
    lines: list[str]
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    date_prefix: str | None = None


def split_head(lines: list[str]) -> Head:
    """Take the header block off `lines` (non-empty lines, no boilerplate)."""
    head = Head(lines=lines)
    first_body = next((i for i, line in enumerate(lines) if not _is_head_line(line)), None)
    if first_body is None:
        # Only short lines: nothing tells a title from the body, so all is body.
        first_body = 0
    block, body = lines[:first_body], lines[first_body:]
    candidates: list[str] = []
    for line in block:
        s = line.strip()
        if _take_date(head, s) or _take_meta(head, s):
            continue
        candidates.append(s)
    _choose_title(head, candidates)
    if body:
        inline = split_inline_date(body[0].strip())
        # Only when what follows is body text, or a second pass would take it as a heading.
        if inline and not _is_head_line(inline[1]):
            if head.date is None:
                head.date, head.date_prefix = inline[0], "date"
            body = [inline[1], *body[1:]]
    body = _take_tail_source(head, body)
    head.lines = body
    return head


def _is_head_line(line: str) -> bool:
    s = line.strip()
    if parse_date_line(s) or _SOURCE.match(s) or _BYLINE.match(s):
        return True
    if not s or len(s) > MAX_HEADING_CHARS or len(s.split()) > MAX_HEADING_WORDS:
        return False
    if split_inline_date(s):
        return False
    return not s.endswith((".", ",", ";", ":", "…", '"', "”"))


def _take_date(head: Head, s: str) -> bool:
    parsed = parse_date_line(s)
    if not parsed:
        return False
    iso, prefix = parsed
    # A "published" date beats a bare one, which beats an "updated" one.
    rank = {"updated": 0, "last updated": 0}.get(prefix, 2 if prefix else 1)
    current = -1 if head.date is None else {"updated": 0, "last updated": 0}.get(
        head.date_prefix or "", 2 if head.date_prefix else 1
    )
    if rank > current:
        head.date, head.date_prefix = iso, prefix
    return True


def _take_meta(head: Head, s: str) -> bool:
    source = _SOURCE.match(s)
    if source:
        head.outlet = head.outlet or source.group("outlet").strip()
        return True
    byline = _BYLINE.match(s)
    if byline:
        who = byline.group("who")
        desk = _DESK.match(who.strip())
        if "," in who:
            head.outlet = head.outlet or who.rsplit(",", 1)[1].strip() or None
        elif desk:
            head.outlet = head.outlet or desk.group("outlet")
        return True
    return False


def _choose_title(head: Head, candidates: list[str]) -> None:
    """The headline is the "Title | Site" line if there is one, else the longest
    heading: site names and kickers ("The Next Level") are shorter than headlines."""
    for s in candidates:
        match = _SITE_SUFFIX.match(s)
        if match and _looks_like_site(match.group("site")):
            title = match.group("title").strip()
            if any(c.strip() == title for c in candidates) or len(title) > len(
                match.group("site")
            ):
                head.title = title
                head.outlet = head.outlet or match.group("site").strip()
                return
    if candidates:
        head.title = max(candidates, key=len)


def _looks_like_site(site: str) -> bool:
    words = site.split()
    return len(words) <= 6 and site[:1].isupper()


def split_site_suffix(title: str) -> tuple[str, str | None]:
    """'Title | Site' → ('Title', 'Site'); other titles unchanged."""
    match = _SITE_SUFFIX.match(title.strip())
    if match and _looks_like_site(match.group("site")):
        return match.group("title").strip(), match.group("site").strip()
    return title.strip(), None


def _take_tail_source(head: Head, body: list[str]) -> list[str]:
    """Credit lines at the very end ("Source: TRT World") name the outlet."""
    while len(body) > 1 and (match := _SOURCE.match(body[-1].strip())):
        head.outlet = head.outlet or match.group("outlet").strip()
        body = body[:-1]
    return body
