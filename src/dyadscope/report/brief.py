"""What a brief says, gathered from the same query functions the dashboard and CLI use.

`build_brief` collects the data (counts, trend, key events with their articles,
quotes, sources, copies); `render.py` turns it into HTML or Markdown. Every
event, quote and copy in a brief cites the article it came from (title,
outlet, date, id), so a reader can check it in the store.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import Code, UsageError
from ..query.common import Page
from ..query.overview import Overview, list_sources, overview
from ..store import Store

#: Actor codes in a dyad: ISO alpha-3 states, or IGO / group codes such as NATO, EU, QUAD.
DYAD = re.compile(r"^([A-Z][A-Z0-9]{1,7})-([A-Z][A-Z0-9]{1,7})$")
#: Outlets listed in a brief; the rest are summed up in one line.
TOP_SOURCES = 15


@dataclass
class Brief:
    """Everything one brief shows; rendering adds nothing but layout."""

    title: str
    generated: str
    store: str
    dyad: tuple[str, str] | None
    counts: Overview
    sources: list[dict[str, Any]]
    trend: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)
    #: article id → {title, outlet, published}: every article the brief cites.
    citations: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_dyad(text: str | None) -> tuple[str, str] | None:
    """`"CHN-RUS"` → ("CHN", "RUS"); a malformed dyad is a usage error that says the format."""
    if text is None:
        return None
    found = DYAD.match(text.strip().upper())
    if not found:
        raise UsageError(Code.USAGE, reason=f"--dyad {text!r} is not two actor codes joined by '-', "
                                            "e.g. CHN-RUS")
    return found.group(1), found.group(2)


def build_brief(store: Store, dyad: tuple[str, str] | None = None) -> Brief:
    """The brief for one dyad (or the whole store) from the store's query functions."""
    name = "–".join(dyad) if dyad else "the whole store"
    return Brief(
        title=f"dyadscope brief: {name}",
        generated=date.today().isoformat(),
        store=Path(store.path).name,
        dyad=dyad,
        counts=overview(store),
        sources=list_sources(store, Page(limit=TOP_SOURCES)),
    )


def write_brief(brief: Brief, out: Path) -> Path:
    """Write `brief` as HTML (.html/.htm) or Markdown (.md), chosen by the file's suffix."""
    from .render import render_html, render_markdown

    suffix = out.suffix.lower()
    if suffix in (".html", ".htm"):
        text = render_html(brief)
    elif suffix == ".md":
        text = render_markdown(brief)
    else:
        raise UsageError(Code.USAGE, reason=f"--out {out.name!r}: write the brief to a .html or .md file")
    out.write_text(text, encoding="utf-8")
    return out
