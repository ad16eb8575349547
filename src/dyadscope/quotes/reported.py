"""Reported speech: the content clause of "X said (that) …", "according to X, …" and "…, X added".

Spans follow tests/labelled/quotes/README.md: the content clause only, from the first
character after 'that' (or after the cue phrase) to before the sentence-final
punctuation; for content first ("…, she insisted.") from the sentence start to
before the comma that precedes the attribution; a clause coordinated with another
cue ("noted that A and said B") ends before the ' and'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .cues import is_cue, subject_of
from .marks import QUOTE_CHARS

_FINAL = frozenset({".", "!", "?"})


@dataclass
class Reported:
    start: int
    end: int
    cue: Any  # the cue token ('according' for 'according to')
    cue_text: str
    subject: Any | None


def _sentence_end(sent: Any) -> int:
    """Character end of a sentence without its final punctuation and whitespace."""
    toks = [t for t in sent if not t.is_space]
    while toks and toks[-1].text in _FINAL:
        toks.pop()
    return toks[-1].idx + len(toks[-1].text) if toks else sent.start_char


def _first(sent: Any) -> Any | None:
    return next((t for t in sent if not t.is_space), None)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,;\n":
        end -= 1
    if text[start:end].endswith(" and"):
        end -= 4
    while end > start and text[end - 1] in " ,;":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _forward(cue: Any, clause: Any, text: str) -> tuple[int, int] | None:
    doc = cue.doc
    first = clause.left_edge
    if first.i <= cue.i:
        return None
    if first.lower_ == "that" and first.i + 1 < len(doc):
        first = doc[first.i + 1]
    end = _sentence_end(cue.sent)
    for tok in doc[first.i:cue.sent.end]:
        if tok.i != cue.i and is_cue(tok) and _coordinated(tok, cue):
            end = tok.idx
            prev = doc[tok.i - 1]
            if prev.text == "," or prev.dep_ == "cc":
                end = prev.idx
            break
    start, end = _trim(text, first.idx, end)
    return (start, end) if end > start else None


def _coordinated(tok: Any, cue: Any) -> bool:
    """'noted that A and said B', 'argued that A, and claimed that B', '…, adding that B'."""
    if tok.dep_ not in ("conj", "advcl") or not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    prev = tok.doc[tok.i - 1]
    return tok.head.i == cue.i or prev.lower_ == "and" or prev.text == ","


def _content_first(cue: Any, clause: Any, subject: Any | None, text: str) -> tuple[int, int] | None:
    if subject is None or subject.i < clause.i:
        return None
    lead = min(subject.left_edge.i, cue.i)
    comma = cue.doc[lead - 1] if lead > 0 else None
    first = _first(cue.sent)
    if comma is None or comma.text != "," or first is None or first.i >= lead - 1:
        return None
    if text[first.idx] in QUOTE_CHARS:
        return None  # '“…,” he said' is a direct quote, not reported speech
    start, end = _trim(text, first.idx, comma.idx)
    return (start, end) if end > start else None


def _according(tok: Any, text: str) -> Reported | None:
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    source = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    first = _first(tok.sent)
    if source is None or first is None:
        return None
    if first.i == tok.i:
        k = source.right_edge.i + 1
        if k >= len(doc) or doc[k].text != ",":
            return None
        start, end = _trim(text, doc[k + 1].idx, _sentence_end(tok.sent))
    else:
        if doc[tok.i - 1].text != ",":
            return None
        start, end = _trim(text, first.idx, doc[tok.i - 1].idx)
    if end <= start:
        return None
    return Reported(start, end, tok, text[tok.idx:doc[tok.i + 1].idx + len(doc[tok.i + 1].text)], source)


def find_reported(doc: Any, text: str, quoted: Callable[[int], bool]) -> list[Reported]:
    """Every reported-speech clause in a parsed doc; `quoted(char)` says if a char is in a quote."""
    found: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    last_subject: dict[int, Any] = {}
    for tok in doc:
        if quoted(tok.idx):
            continue
        hit: Reported | None = None
        if tok.lower_ == "according":
            hit = _according(tok, text)
        elif is_cue(tok):
            clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if clause is None:
                continue
            subject = subject_of(tok)
            own = any(c.dep_ in ("nsubj", "nsubjpass") and c.is_alpha for c in tok.children)
            if tok.dep_ == "conj" and not own and tok.sent.start in last_subject:
                subject = last_subject[tok.sent.start]  # 'noted that A and said B': the same speaker
            if subject is not None:
                last_subject[tok.sent.start] = subject
            span = (_forward(tok, clause, text) if clause.i > tok.i
                    else _content_first(tok, clause, subject, text))
            if span is not None:
                hit = Reported(span[0], span[1], tok, tok.text, subject)
        if hit is None or (hit.start, hit.end) in seen or quoted(hit.start) and quoted(hit.end - 1):
            continue
        if text[hit.start] in QUOTE_CHARS or (hit.start > tok.idx and quoted(hit.start)):
            continue  # the clause is a direct quote: '…, said: “…”
        seen.add((hit.start, hit.end))
        found.append(hit)
    return found
