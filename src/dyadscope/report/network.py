"""The actor network as SVG: nodes are actors, edges dyads weighted by event groups.

The layout is a deterministic force-directed one (Fruchterman–Reingold, vectorised
with numpy, seeded from a circle ordered by weight), so the same store always
draws the same picture and a test can compare it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from markupsafe import escape

from .charts import FONT, MUTED, _open

#: Iterations of the force layout; the picture stops moving well before this on ≤ 60 nodes.
LAYOUT_STEPS = 200
#: Pull towards the centre, growing with distance; 0.3 keeps small components beside
#: the main one on the demo corpus and the seeds instead of in a far corner.
GRAVITY = 0.3
COOPERATION = (33, 113, 181)   # #2171b5
CONFLICT = (217, 72, 1)        # #d94801
NEUTRAL = (150, 155, 165)


def layout(n: int, edges: Sequence[tuple[int, int, float]], steps: int = LAYOUT_STEPS) -> np.ndarray:
    """Positions in [0, 1]² for `n` nodes; heavier edges pull harder (log weight)."""
    if n == 0:
        return np.zeros((0, 2))
    angles = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angles), np.sin(angles)]) * 0.5
    k = math.sqrt(1.0 / n)
    src = np.array([a for a, _, _ in edges], dtype=int)
    dst = np.array([b for _, b, _ in edges], dtype=int)
    pull = np.array([1 + math.log1p(w) for _, _, w in edges], dtype=float)
    temperature = 0.1
    for _ in range(steps):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        push = (delta / dist[..., None] * (k * k / dist)[..., None]).sum(axis=1)
        if len(src):
            d = pos[src] - pos[dst]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
            force = d / length[:, None] * (length * length / k * pull)[:, None]
            np.add.at(push, src, -force)
            np.add.at(push, dst, force)
        # Gravity: without it separate components drift apart and squeeze the main one.
        push -= pos * (GRAVITY * np.linalg.norm(pos, axis=1) / k)[:, None]
        size = np.maximum(np.linalg.norm(push, axis=1), 1e-9)
        pos += push / size[:, None] * np.minimum(size, temperature)[:, None]
        temperature *= 0.98
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    return (pos - lo) / np.where(hi - lo > 0, hi - lo, 1.0)


def _colour(tone: float) -> str:
    """Blue for cooperation (tone > 0), orange for conflict (< 0), grey in between."""
    tone = max(-1.0, min(1.0, tone))
    end = COOPERATION if tone >= 0 else CONFLICT
    t = abs(tone)
    rgb = (round(n + (e - n) * t) for n, e in zip(NEUTRAL, end, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def network_chart(nodes: Sequence[dict[str, Any]], edges: Sequence[dict[str, Any]], *,
                  href: Callable[[str], str] | None = None,
                  edge_href: Callable[[str, str], str] | None = None, title: str = "actor network",
                  width: int = 860, height: int = 560) -> str:
    """SVG of `nodes` (code, weight) and `edges` (a, b, weight, tone in [-1, 1])."""
    out = _open(width, height, title, "network")
    index = {str(n["code"]): i for i, n in enumerate(nodes)}
    pairs = [(index[str(e["a"])], index[str(e["b"])], float(e["weight"])) for e in edges
             if str(e["a"]) in index and str(e["b"]) in index]
    if not nodes:
        out.append(f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" fill="{MUTED}">'
                   "no events between actors yet</text></svg>")
        return "".join(out)
    pad = 50
    pos = layout(len(nodes), pairs)
    xy = [(pad + x * (width - 2 * pad), pad + y * (height - 2 * pad)) for x, y in pos]
    top_edge = max((float(e["weight"]) for e in edges), default=1.0) or 1.0
    top_node = max((float(n["weight"]) for n in nodes), default=1.0) or 1.0
    for e in sorted(edges, key=lambda e: float(e["weight"])):
        a, b = index.get(str(e["a"])), index.get(str(e["b"]))
        if a is None or b is None:
            continue
        w = 1 + 7 * math.sqrt(float(e["weight"]) / top_edge)
        line = (f'<line x1="{xy[a][0]:.1f}" y1="{xy[a][1]:.1f}" x2="{xy[b][0]:.1f}" y2="{xy[b][1]:.1f}" '
                f'stroke="{_colour(float(e["tone"]))}" stroke-width="{w:.1f}" stroke-opacity="0.75">'
                f'<title>{escape(str(e["a"]))}–{escape(str(e["b"]))}: {int(e["weight"])} event groups, '
                f'tone {float(e["tone"]):+.2f}</title></line>')
        if edge_href is not None:
            line = f'<a href="{escape(edge_href(str(e["a"]), str(e["b"])))}">{line}</a>'
        out.append(line)
    for n, (x, y) in zip(nodes, xy, strict=True):
        code = str(n["code"])
        r = 5 + 13 * math.sqrt(float(n["weight"]) / top_node)
        node = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#ffffff" stroke="#1d2330" '
                f'stroke-width="1.5"><title>{escape(str(n.get("label") or code))}: {int(n["weight"])} '
                f'event groups</title></circle><text x="{x:.1f}" y="{y - r - 4:.1f}" text-anchor="middle" '
                f'fill="#1d2330" {FONT}>{escape(code)}</text>')
        if href is not None:
            node = f'<a href="{escape(href(code))}">{node}</a>'
        out.append(node)
    out.append("</svg>")
    return "".join(out)
