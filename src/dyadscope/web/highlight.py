"""Article text with highlighted spans, escaped piece by piece.

The text is cut at every span boundary and each piece is escaped on its own;
the only markup added is ours (`<span class=…>`, with class names from a fixed
vocabulary). Nothing that came from an article is ever marked safe, so a
`<script>` in an article is shown as text. Spans may overlap (a mention inside
a quote inside an event): a piece carries the classes of every span covering it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

#: Span kinds the dashboard draws, in the order their labels are listed.
KINDS = ("focus", "match", "event", "quote", "actor")


@dataclass(frozen=True)
class Span:
    """A highlighted range of `text`: `kind` is one of KINDS; `label` is shown on hover."""

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str | None = None


def clip(spans: Iterable[Span], length: int) -> list[Span]:
    """Spans inside [0, length) with a known kind; anything else is dropped, not trusted."""
    out = []
    for s in spans:
        start, end = max(0, s.start), min(length, s.end)
        if start < end and s.kind in KINDS:
            out.append(Span(start, end, s.kind, s.label, s.anchor))
    return out


def segments(text: str, spans: Iterable[Span]) -> list[tuple[int, str, list[Span]]]:
    """`text` cut at every span boundary: (offset, piece, spans covering it), in order."""
    kept = clip(spans, len(text))
    cuts = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    out: list[tuple[int, str, list[Span]]] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in kept if s.start <= lo and s.end >= hi]
        out.append((lo, text[lo:hi], covering))
    return out


def render(text: str, spans: Iterable[Span]) -> Markup:
    """HTML for `text` with `spans` wrapped in `<span class="hl hl-KIND">`; all text escaped.

    A span with an `anchor` gets an empty element with that id where it starts,
    so a link can jump to it (`#anchor`) even when spans overlap.
    """
    parts: list[str] = []
    for lo, piece, covering in segments(text, spans):
        for s in covering:
            if s.anchor and s.start == lo:
                parts.append(f'<span class="anchor" id="{escape(s.anchor)}"></span>')
        if not covering:
            parts.append(str(escape(piece)))
            continue
        kinds = sorted({s.kind for s in covering}, key=KINDS.index)
        classes = " ".join(["hl", *(f"hl-{k}" for k in kinds)])
        labels = "; ".join(dict.fromkeys(s.label for s in covering if s.label))
        parts.append(f'<span class="{classes}" title="{escape(labels)}">{escape(piece)}</span>')
    return Markup("".join(parts))
