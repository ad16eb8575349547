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
from ..query import ArticleFilters, list_articles
from ..query.common import Page
from ..query.events import EventFilters, list_events
from ..query.overview import Overview, list_copies, list_sources, overview
from ..query.quotes import QuoteFilters, list_quotes
from ..query.relations import list_relation
from ..relations.index import Freq, Relation, trend
from ..store import Store

#: Actor codes in a dyad: ISO alpha-3 states, or IGO / group codes such as NATO, EU, QUAD.
DYAD = re.compile(r"^([A-Z][A-Z0-9]{1,7})-([A-Z][A-Z0-9]{1,7})$")
#: Outlets listed in a brief; the rest are summed up in one line.
TOP_SOURCES = 15
#: Key events (event groups) and quotes a brief shows.
TOP_EVENTS = 12
TOP_QUOTES = 8
#: Events read to rank the key ones; a dyad with more is ranked on its first this many by date.
MAX_EVENTS_READ = 20_000
#: Copies listed in a brief of the whole store (a dyad's brief lists every copy of what it cites).
MAX_COPIES = 50
#: Periods of the trend: months, unless the events span more than this many of them.
MAX_MONTHS = 48


@dataclass
class Brief:
    """Everything one brief shows; rendering adds nothing but layout."""

    title: str
    generated: str
    store: str
    dyad: tuple[str, str] | None
    counts: Overview
    sources: list[dict[str, Any]]
    freq: Freq = "month"
    trend: list[dict[str, Any]] = field(default_factory=list)
    trend_text: str | None = None
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
    brief = Brief(
        title=f"dyadscope brief: {name}",
        generated=date.today().isoformat(),
        store=Path(store.path).name,
        dyad=dyad,
        counts=overview(store),
        sources=list_sources(store, Page(limit=TOP_SOURCES)),
    )
    events = list_events(store, EventFilters(dyad="-".join(dyad) if dyad else None, include_flagged=False),
                         Page(limit=MAX_EVENTS_READ))
    brief.events = key_events(events)
    if dyad:
        _add_trend(store, brief, dyad)
        brief.quotes = top_quotes(store, dyad, {e["article_id"] for e in events})
        copied = citations(store, [q["article_id"] for q in brief.quotes])
        # A copy repeats its original's quotes; the original is the one to cite.
        kept = [q for q in brief.quotes if not copied.get(q["article_id"], {}).get("copy_of")]
        brief.quotes = kept[:TOP_QUOTES]
    cited = [a for e in brief.events for a in e["articles"]] + [q["article_id"] for q in brief.quotes]
    brief.citations = citations(store, cited)
    brief.copies = copies_found(store, brief.citations, whole_store=dyad is None)
    more = [i for c in brief.copies for i in (c["id"], c["copy_of"]) if i not in brief.citations]
    brief.citations.update(citations(store, more))
    if dyad:
        brief.sources = cited_sources(brief)
    if not events:
        brief.notes.append("No events were found" + (f" between {dyad[0]} and {dyad[1]}" if dyad else "")
                           + " in this store.")
    return brief


def _add_trend(store: Store, brief: Brief, dyad: tuple[str, str]) -> None:
    rows = list_relation(store, dyad[0], dyad[1], "month")
    if len(rows) > 1 and _months(rows[0]["period"], rows[-1]["period"]) > MAX_MONTHS:
        brief.freq = "year"
        rows = list_relation(store, dyad[0], dyad[1], "year")
    brief.trend = rows
    brief.trend_text = trend(Relation(dyad[0], dyad[1], brief.freq, False, rows)).describe() if rows else None


def _months(first: str, last: str) -> int:
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    return (b.year - a.year) * 12 + b.month - a.month


def key_events(events: list[dict[str, Any]], top: int = TOP_EVENTS) -> list[dict[str, Any]]:
    """One line per event group: most independent sources first, then the strongest Goldstein score.

    The group is shown by its most confident report; every article that reported it is cited.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        groups.setdefault(e["event_group"] or e["id"], []).append(e)
    ranked = sorted(groups.values(), key=lambda g: (-(g[0]["sources"] or 1), -abs(g[0]["goldstein"]),
                                                    g[0]["date"] or "9999"))
    out = []
    for members in ranked[:top]:
        best = max(members, key=lambda e: (e["confidence"], -e["start"]))
        out.append({**best, "articles": list(dict.fromkeys(e["article_id"] for e in members)),
                    "reports": len(members)})
    return sorted(out, key=lambda e: (e["date"] or "9999", e["id"]))


def top_quotes(store: Store, dyad: tuple[str, str], articles: set[str],
               top: int = 3 * TOP_QUOTES) -> list[dict[str, Any]]:
    """Quotes by either side's speakers, those in articles reporting the dyad's events first."""
    quotes = [q for code in dyad for q in list_quotes(store, QuoteFilters(actor=code), Page(limit=2000))]
    unique = {q["id"]: q for q in quotes}.values()
    ranked = sorted(unique, key=lambda q: (q["article_id"] not in articles, q["kind"] != "direct",
                                           -q["confidence"], -len(q["text"])))
    return ranked[:top]


def citations(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """article id → what a citation names (title, outlet, date) and its copy status."""
    out: dict[str, dict[str, Any]] = {}
    for article_id in dict.fromkeys(ids):
        for row in list_articles(store, ArticleFilters(id=article_id), Page(limit=2)):
            if row["id"] == article_id:
                out[article_id] = {k: row.get(k) for k in ("title", "outlet", "published", "copy_of",
                                                            "copy_kind", "copy_score")}
    return out


def copies_found(store: Store, cited: dict[str, dict[str, Any]], *,
                 whole_store: bool) -> list[dict[str, Any]]:
    """Copies of the cited articles' originals (a dyad brief), or the store's first copies (whole store)."""
    if whole_store:
        return list_copies(store, None, Page(limit=MAX_COPIES))
    originals = dict.fromkeys(c.get("copy_of") or i for i, c in cited.items())
    found = {c["id"]: c for o in originals for c in list_copies(store, o, Page(limit=MAX_COPIES))}
    return sorted(found.values(), key=lambda c: (c["published"] or "9999", c["id"]))


def cited_sources(brief: Brief) -> list[dict[str, Any]]:
    """The outlets of the cited articles: how many articles, and how many of them are copies."""
    by_outlet: dict[str | None, dict[str, Any]] = {}
    for c in brief.citations.values():
        row = by_outlet.setdefault(c["outlet"], {"outlet": c["outlet"], "articles": 0, "copies": 0,
                                                 "first": None, "last": None})
        row["articles"] += 1
        row["copies"] += bool(c.get("copy_of"))
        if c["published"]:
            row["first"] = min(filter(None, [row["first"], c["published"]]))
            row["last"] = max(filter(None, [row["last"], c["published"]]))
    return sorted(by_outlet.values(), key=lambda r: (-r["articles"], r["outlet"] or ""))


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
