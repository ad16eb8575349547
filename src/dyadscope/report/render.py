"""A brief as one self-contained file: HTML with inline CSS and SVG, or Markdown.

Nothing in a brief refers to another file or to the network: the HTML carries
its stylesheet and charts inline and has no script; the Markdown embeds its
chart as an SVG `data:` image. Text from articles is escaped for the format —
HTML entities in HTML; in Markdown, HTML entities for `<`, `>`, `&` (Markdown
renderers pass raw HTML through) and backslashes before Markdown punctuation.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import __version__
from .brief import Brief
from .charts import relation_chart

TEMPLATES = Path(__file__).parent / "templates"
#: Characters that start emphasis, code, links, tables or headings anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.globals["version"] = __version__
    return env


def charts(brief: Brief) -> dict[str, str]:
    """SVG markup of each chart the brief has data for."""
    out = {}
    if brief.trend:
        name = "–".join(brief.dyad) if brief.dyad else "all dyads"
        out["trend"] = relation_chart(brief.trend, title=f"{name}: events by quad class and index",
                                      freq=brief.freq)
    return out


def render_html(brief: Brief) -> str:
    svg = {name: Markup(markup) for name, markup in charts(brief).items()}  # built and escaped by charts.py
    return _environment().get_template("brief.html").render(brief=brief, charts=svg, sources=sources)


def md(text: Any) -> str:
    """Article-derived text made inert and literal in Markdown."""
    if text is None:
        return ""
    value = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return " ".join(value.split())


def _svg_image(svg: str, alt: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"![{md(alt)}](data:image/svg+xml;base64,{data})"


def cite(brief: Brief, article_id: str) -> str:
    """'Title', Outlet, 2023-03-21 (id …) — the citation line for one article."""
    a = brief.citations.get(article_id, {})
    parts = [f"“{a.get('title') or 'untitled'}”", a.get("outlet") or "unknown outlet",
             a.get("published") or "undated"]
    return ", ".join(str(p) for p in parts) + f" (article {article_id})"


def render_markdown(brief: Brief) -> str:
    c = brief.counts
    lines = [f"# {md(brief.title)}", "",
             f"Generated {brief.generated} by dyadscope {__version__} from store `{md(brief.store)}`: "
             f"{c.articles:,} articles from {c.outlets:,} outlets, "
             f"published {c.first or '?'} to {c.last or '?'}.",
             ""]
    for note in brief.notes:
        lines += [f"> {md(note)}", ""]
    svg = charts(brief)
    if "trend" in svg:
        lines += [f"## Trend (by {brief.freq})", "", _svg_image(svg["trend"], "trend"), ""]
        if brief.trend_text:
            lines += [md(brief.trend_text), ""]
        lines += _md_table(["period", "events", "quad1", "quad2", "quad3", "quad4", "index", "sources"],
                           brief.trend)
    lines += _md_events(brief) + _md_quotes(brief)
    lines += ["## Sources", ""]
    lines += _md_table(["outlet", "articles", "copies", "first", "last"] if brief.dyad
                       else ["outlet", "articles", "first", "last"], brief.sources)
    lines += _md_copies(brief)
    if brief.citations:
        lines += ["## Articles cited", ""]
        lines += [f"- {md(cite(brief, i))}" for i in brief.citations] + [""]
    return "\n".join(lines) + "\n"


def _md_events(brief: Brief) -> list[str]:
    if not brief.events:
        return []
    out = ["## Key events", "", "The real-world events with the most independent sources, in date order; "
           "negated and hypothetical statements left out.", ""]
    for e in brief.events:
        out.append(f"- **{md(e['date'] or 'undated')}** {md(e['actor1'])} {md(e['plover'])} "
                   f"{md(e['actor2'] or '—')} (CAMEO {md(e['cameo'])}, Goldstein {e['goldstein']:+.1f}, "
                   f"{sources(e['sources'])}): “{md(e['text'])}”")
        out += [f"  - {md(cite(brief, a))}" for a in e["articles"]]
    return [*out, ""]


def sources(n: int | None) -> str:
    n = n or 1
    return f"{n} independent source" + ("" if n == 1 else "s")


def _md_quotes(brief: Brief) -> list[str]:
    if not brief.quotes:
        return []
    out = ["## Top quotes", ""]
    for q in brief.quotes:
        code = f" ({md(q['speaker_code'])})" if q["speaker_code"] else ""
        who = md(q["speaker"] or "unattributed") + code
        out += [f"> {md(q['text'])}", ">", f"> — {who}, {md(cite(brief, q['article_id']))}", ""]
    return out


def _md_copies(brief: Brief) -> list[str]:
    if not brief.copies:
        return []
    out = ["## Copies found", "", "Copies never count as independent sources.", ""]
    for c in brief.copies:
        score = f", score {c['copy_score']:.2f}" if c.get("copy_score") is not None else ""
        out.append(f"- {md(cite(brief, c['id']))} is a copy ({md(c['copy_kind'])}{score}) of "
                   f"{md(cite(brief, c['copy_of']))}")
    return [*out, ""]


def _md_table(columns: list[str], rows: list[dict[str, Any]]) -> list[str]:
    if not rows:
        return ["_none_", ""]
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        out.append("| " + " | ".join(md(_fmt(row.get(c))) for c in columns) + " |")
    return [*out, ""]


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)
