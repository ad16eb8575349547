"""Charts as small, self-contained SVG written in Python.

The dashboard and the brief draw the same charts from the same rows, and an SVG
string needs no JavaScript library, no network and no image toolchain: the brief
embeds it inline and stays one file. Every label that comes from the data
(periods, actor codes) is escaped here; the result is markup we built, so
callers may mark it safe.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from markupsafe import escape

#: Quad class colours (1 verbal cooperation … 4 material conflict): blues for
#: cooperation, oranges for conflict, distinguishable in greyscale and for
#: red-green colour blindness (ColorBrewer Blues/Oranges).
QUAD_COLOURS = {1: "#6baed6", 2: "#2171b5", 3: "#fdae6b", 4: "#d94801"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}
INDEX_COLOUR = "#1d2330"
SOURCES_COLOUR = "#6a51a3"
MUTED = "#5d6677"
GRID = "#e6e9ef"
FONT = 'font-family="system-ui, sans-serif" font-size="11"'
#: Most x-axis labels drawn; with more periods every k-th one is labelled.
MAX_X_LABELS = 16
#: Pixels one x-axis label (a YYYY-MM-DD date) needs so that labels never overlap.
LABEL_WIDTH = 76
#: Most periods drawn with the empty ones filled in (ten years of weeks); past that only
#: the periods with events are drawn, side by side.
MAX_FILLED_PERIODS = 520


@dataclass(frozen=True)
class Box:
    """The plotting area inside an SVG of `width` × `height`."""

    width: int
    height: int
    left: int = 48
    right: int = 52
    top: int = 34
    bottom: int = 40

    @property
    def x0(self) -> int:
        return self.left

    @property
    def x1(self) -> int:
        return self.width - self.right

    @property
    def y0(self) -> int:
        return self.height - self.bottom

    @property
    def y1(self) -> int:
        return self.top


def nice_max(value: float) -> float:
    """The smallest 1, 2 or 5 × 10^k at or above `value` (axis tops that read well)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _num(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _open(width: int, height: int, title: str, css_class: str) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" {FONT}>',
            f"<title>{escape(title)}</title>",
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']


def next_period(day: date, freq: str) -> date:
    """The first day of the period after the one starting on `day`."""
    if freq == "week":
        return day + timedelta(days=7)
    if freq == "year":
        return day.replace(year=day.year + 1)
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def fill_periods(rows: Sequence[dict[str, Any]], freq: str) -> list[dict[str, Any]]:
    """`rows` with the periods between them that had no events added as empty ones.

    A gap of two years must look like one on a time axis; an empty period has
    no index (the line skips it) and zero counts.
    """
    if len(rows) < 2 or freq not in ("week", "month", "year"):
        return list(rows)
    try:
        have = {date.fromisoformat(str(r["period"])): r for r in rows}
    except ValueError:
        return list(rows)
    day, last = min(have), max(have)
    out: list[dict[str, Any]] = []
    while day <= last:
        out.append(have.get(day) or {"period": day.isoformat(), "events": 0, "quad1": 0, "quad2": 0,
                                     "quad3": 0, "quad4": 0, "index": None, "sources": 0})
        if len(out) > MAX_FILLED_PERIODS:
            return list(rows)
        day = next_period(day, freq)
    return out


def relation_chart(rows: Sequence[dict[str, Any]], *, title: str = "relation over time",
                   freq: str | None = None, width: int = 860, height: int = 300) -> str:
    """Stacked quad-class bars per period, the cooperation/conflict index as a line, sources dashed.

    `rows` are relation listing rows (period, quad1…quad4, index, sources), oldest first;
    with `freq` the periods without events are drawn too, so the x axis is time.
    """
    box = Box(width, height)
    if freq:
        rows = fill_periods(rows, freq)
    out = _open(width, height, title, "relation")
    if not rows:
        out.append(f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" fill="{MUTED}">'
                   "no events for this dyad</text></svg>")
        return "".join(out)
    totals = [sum(int(r.get(f"quad{q}") or 0) for q in QUAD_COLOURS) for r in rows]
    highest = max([*totals, *(int(r.get("sources") or 0) for r in rows), 1])
    step = max(1.0, nice_max(highest / 5))  # counts are whole: whole-number ticks
    top = step * math.ceil(highest / step)
    span = nice_max(max([abs(float(r["index"])) for r in rows if r.get("index") is not None] or [1.0]))
    band = (box.x1 - box.x0) / len(rows)

    def y_count(v: float) -> float:
        return box.y0 - (box.y0 - box.y1) * v / top

    def y_index(v: float) -> float:
        return (box.y0 + box.y1) / 2 - (box.y0 - box.y1) / 2 * v / span

    out += _axes(box, top, step, span, y_count, y_index)
    out += _bars(rows, box, band, y_count)
    out += _lines(rows, box, band, y_count, y_index)
    out += _x_labels(rows, box, band)
    out += _legend(box)
    out.append("</svg>")
    return "".join(out)


def _axes(box: Box, top: float, step: float, span: float, y_count: Any, y_index: Any) -> list[str]:
    out = []
    for i in range(round(top / step) + 1):
        v = step * i
        y = y_count(v)
        out.append(f'<line x1="{box.x0}" x2="{box.x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        out.append(f'<text x="{box.x0 - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">'
                   f"{_num(v)}</text>")
    for v in (-span, 0.0, span):
        y = y_index(v)
        out.append(f'<text x="{box.x1 + 6}" y="{y + 4:.1f}" fill="{INDEX_COLOUR}">{_num(v)}</text>')
    mid = y_index(0.0)
    out.append(f'<line x1="{box.x0}" x2="{box.x1}" y1="{mid:.1f}" y2="{mid:.1f}" stroke="{INDEX_COLOUR}" '
               'stroke-opacity="0.25" stroke-dasharray="2 3"/>')
    out.append(f'<line x1="{box.x0}" x2="{box.x1}" y1="{box.y0}" y2="{box.y0}" stroke="#9aa3b2"/>')
    out.append(f'<text x="12" y="{(box.y0 + box.y1) / 2:.0f}" fill="{MUTED}" text-anchor="middle" '
               f'transform="rotate(-90 12 {(box.y0 + box.y1) / 2:.0f})">events</text>')
    out.append(f'<text x="{box.width - 10}" y="{(box.y0 + box.y1) / 2:.0f}" fill="{INDEX_COLOUR}" '
               f'text-anchor="middle" transform="rotate(90 {box.width - 10} {(box.y0 + box.y1) / 2:.0f})">'
               "index</text>")
    return out


def _bars(rows: Sequence[dict[str, Any]], box: Box, band: float, y_count: Any) -> list[str]:
    out = []
    bar = max(band * 0.7, 1.0)
    for i, row in enumerate(rows):
        x = box.x0 + i * band + (band - bar) / 2
        base = 0
        for q, colour in QUAD_COLOURS.items():
            n = int(row.get(f"quad{q}") or 0)
            if n <= 0:
                continue
            y_hi, y_lo = y_count(base + n), y_count(base)
            out.append(f'<rect class="q{q}" x="{x:.1f}" y="{y_hi:.1f}" width="{bar:.1f}" '
                       f'height="{y_lo - y_hi:.1f}" fill="{colour}"><title>{escape(str(row["period"]))}: '
                       f"{n} {QUAD_NAMES[q]}</title></rect>")
            base += n
    return out


def _lines(rows: Sequence[dict[str, Any]], box: Box, band: float, y_count: Any, y_index: Any) -> list[str]:
    centre = [box.x0 + (i + 0.5) * band for i in range(len(rows))]
    sources = [(x, y_count(int(r.get("sources") or 0))) for x, r in zip(centre, rows, strict=True)]
    indexed = [(x, r) for x, r in zip(centre, rows, strict=True) if r.get("index") is not None]
    index = [(x, y_index(float(r["index"]))) for x, r in indexed]
    out = [_polyline(sources, SOURCES_COLOUR, dashed=True, css="sources"),
           _polyline(index, INDEX_COLOUR, dashed=False, css="index")]
    for (x, y), (_, row) in zip(index, indexed, strict=True):
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{INDEX_COLOUR}"><title>'
                   f'{escape(str(row["period"]))}: index {float(row["index"]):.2f}, '
                   f'{int(row.get("sources") or 0)} independent sources</title></circle>')
    return out


def _polyline(points: list[tuple[float, float]], colour: str, *, dashed: bool, css: str) -> str:
    if not points:
        return ""
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    return (f'<polyline class="{css}" points="{coords}" fill="none" stroke="{colour}" '
            f'stroke-width="2"{dash}/>')


def _x_labels(rows: Sequence[dict[str, Any]], box: Box, band: float) -> list[str]:
    room = max(1, int((box.x1 - box.x0) // LABEL_WIDTH))
    every = max(1, math.ceil(len(rows) / min(MAX_X_LABELS, room)))
    out = []
    for i, row in enumerate(rows):
        if i % every:
            continue
        x = box.x0 + (i + 0.5) * band
        out.append(f'<text x="{x:.1f}" y="{box.y0 + 16}" text-anchor="middle" fill="{MUTED}">'
                   f'{escape(str(row["period"]))}</text>')
    return out


def _legend(box: Box) -> list[str]:
    out, x = [], box.x0
    for q, colour in QUAD_COLOURS.items():
        out.append(f'<rect x="{x}" y="10" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{x + 14}" y="19" fill="{MUTED}">{QUAD_NAMES[q]}</text>')
        x += 14 + 7 * len(QUAD_NAMES[q]) + 14
    out.append(f'<line x1="{x}" x2="{x + 18}" y1="15" y2="15" stroke="{INDEX_COLOUR}" stroke-width="2"/>'
               f'<text x="{x + 22}" y="19" fill="{MUTED}">index</text>')
    x += 22 + 40
    out.append(f'<line x1="{x}" x2="{x + 18}" y1="15" y2="15" stroke="{SOURCES_COLOUR}" stroke-width="2" '
               f'stroke-dasharray="5 4"/><text x="{x + 22}" y="19" fill="{MUTED}">independent sources</text>')
    return out
