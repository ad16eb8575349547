"""Highlighting: every piece of the text escaped, nothing lost or reordered, overlaps allowed."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from dyadscope.web.highlight import KINDS, Span, render, segments

TAG = re.compile(r"<span[^>]*>|</span>")


def _plain(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


def test_overlapping_spans_share_pieces() -> None:
    text = "Putin said Xi agreed."
    spans = [Span(0, 5, "actor", "RUS"), Span(0, 20, "event", "CONSULT"), Span(11, 13, "actor", "CHN")]
    pieces = [(piece, sorted(s.kind for s in cover)) for _, piece, cover in segments(text, spans)]
    assert pieces == [("Putin", ["actor", "event"]), (" said ", ["event"]), ("Xi", ["actor", "event"]),
                      (" agreed", ["event"]), (".", [])]


def test_labels_are_escaped_into_attributes() -> None:
    out = render("abc", [Span(0, 3, "quote", '"><script>alert(1)</script>')])
    assert "<script>" not in out and "&#34;&gt;&lt;script&gt;" in out


def test_unknown_kinds_and_spans_outside_the_text_are_dropped() -> None:
    out = render("abc", [Span(0, 3, "onclick", "x"), Span(5, 9, "actor"), Span(2, 1, "actor")])
    assert out == "abc"


def test_anchor_marks_where_a_span_starts() -> None:
    out = render("one two", [Span(4, 7, "focus", anchor="focus")])
    assert out.startswith('one <span class="anchor" id="focus"></span><span class="hl hl-focus"')


spans = st.builds(Span, st.integers(-5, 60), st.integers(-5, 60), st.sampled_from(KINDS), st.text(max_size=8))


@given(st.text(max_size=60), st.lists(spans, max_size=8))
def test_render_keeps_the_text_and_escapes_it(text: str, some: list[Span]) -> None:
    out = str(render(text, some))
    assert _plain(out) == text
    assert "<" not in TAG.sub("", out)
