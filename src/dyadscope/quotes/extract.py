"""Who said what in one article: direct runs and reported clauses, each tied to a speaker.

A direct run is attributed, in this order of evidence, by a cue right after it
("…,” he said / said Jaishankar), a cue right before it (he said: “…”), the
reported clause it sits in (partial quote), the attribution of the run before it
in the same paragraph ("“A,” Kihara told a press conference. “B.”") or in its
multi-paragraph chain, and finally a cue elsewhere in its sentence. A run with
none of these is kept with a null speaker. Speakers are then resolved in text
order so that "he" and "the minister" see the speakers before them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from ..article import Article, Mention, Quote
from .cues import CLAUSE_ONLY, Ref, is_cue, reference, subject_of
from .marks import Run, find_runs
from .reported import Reported, find_reported
from .speakers import Resolver, Speaker

#: Tags of finite verbs: one between a quote and a cue means a new clause, not an attribution.
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Tokens searched after a run for its cue, and before a run back from ':'/','.
TAIL_WINDOW = 25
HEAD_WINDOW = 12
#: Longest gap (tokens) between two runs that can share one attribution.
CONTINUATION_GAP = 20
#: Confidence by how the speaker was found (named > pronoun > role noun > inherited > sentence cue).
CONFIDENCE = {"named": 0.95, "pronoun": 0.85, "role": 0.8, "actor": 0.8, "anon": 0.7, "none": 0.5}
INHERITED = 0.95
FALLBACK = 0.7


@dataclass
class Attribution:
    cue: Any | None
    cue_text: str | None
    ref: Ref
    pos: int
    how: str
    speaker: Speaker | None = None


class _Doc:
    """The parsed article with quick 'is this character inside a quote' look-ups."""

    def __init__(self, article: Article, runs: list[Run]) -> None:
        self.doc = article.doc
        self.text = article.text
        self.mentions: list[Mention] = article.mentions
        self.spans = [(r.open, r.outer_end) for r in runs]
        self._starts = [s for s, _ in self.spans]

    def quoted(self, char: int) -> bool:
        k = bisect.bisect_right(self._starts, char) - 1
        return k >= 0 and char < self.spans[k][1]

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        doc = self.doc
        lo, hi = 0, len(doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if doc[mid].idx < char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def attribution(self, cue: Any, how: str, subject: Any | None = None) -> Attribution | None:
        subj = subject if subject is not None else subject_of(cue)
        if subj is None:
            return None
        ref = reference(subj, self.mentions)
        return Attribution(cue, cue.text, ref, ref.start, how)


def _tail(d: _Doc, run: Run) -> Attribution | None:
    """'…,” he said' / '…,” said Jaishankar' / '…“. Cho said at a meeting'."""
    doc, j = d.doc, d.token_at(run.outer_end)
    while j < len(doc) and doc[j].is_punct and not doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    if j >= len(doc) or doc[j].is_space or d.quoted(doc[j].idx):
        return None
    cue = None
    for tok in doc[j:min(j + TAIL_WINDOW, len(doc))]:
        if tok.is_space or d.quoted(tok.idx) or (tok.text in ".!?" and tok.i > j):
            return None
        if is_cue(tok) and tok.lemma_ not in CLAUSE_ONLY:
            cue = tok
            break
        if tok.tag_ in FINITE:
            return None
    if cue is None:
        return None
    closed = d.text[run.start:run.end].rstrip().endswith((".", "!", "?")) or \
        "." in d.text[run.outer_end:doc[j].idx]
    takes_clause = any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)
    if closed and not doc[j].text[:1].islower() and takes_clause:
        return None  # a new sentence that reports something else
    subj = subject_of(cue)
    if subj is None or subj.i < j:
        subj = next((t for t in doc[j:cue.i] if t.pos_ in ("PROPN", "PRON", "NOUN")), None) or \
            next((t for t in doc[cue.i + 1:cue.i + 4] if t.pos_ in ("PROPN", "NOUN")), None)
    return d.attribution(cue, "tail", subj) if subj is not None else None


def _head(d: _Doc, run: Run) -> Attribution | None:
    """'he said: “…' / 'Mirzoyan told journalists in Yerevan: “…'."""
    doc = d.doc
    k = d.token_at(run.open) - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or "\n" in d.text[doc[k].idx:run.open]:
        return None
    if doc[k].text in (":", ","):
        k -= 1
    elif not is_cue(doc[k]):
        return None
    for tok in reversed(doc[max(k - HEAD_WINDOW, 0):k + 1]):
        if tok.is_space or d.quoted(tok.idx) or tok.text in ".!?":
            return None
        if is_cue(tok) and tok.lemma_ not in CLAUSE_ONLY:
            return d.attribution(tok, "head")
        if tok.tag_ in FINITE:
            return None
    return None


def _containing(reported: list[tuple[Reported, Attribution]], run: Run) -> Attribution | None:
    for r, att in reported:
        if r.start <= run.open and run.outer_end <= r.end + 1:
            return att
    return None


def _continues(d: _Doc, prev: Run, att: Attribution, run: Run) -> bool:
    """May `run` share `prev`'s attribution? Only the attribution (and a word or two) between them."""
    doc = d.doc
    gap = [t for t in doc[d.token_at(prev.outer_end):d.token_at(run.open)] if not t.is_space]
    if len(gap) > CONTINUATION_GAP or any(t.is_space for t in doc[d.token_at(prev.outer_end):
                                                                  d.token_at(run.open)]):
        return False
    cues = [t for t in gap if is_cue(t)]
    if att.cue is not None and any(t.i == att.cue.i for t in gap):
        return len(cues) == 1
    words = [t for t in gap if t.is_alpha]
    return len(words) <= 3 and not cues and not any(t.tag_ in FINITE for t in gap)


def _sentence_cue(d: _Doc, run: Run) -> Attribution | None:
    """Last resort: a cue elsewhere in the run's sentence whose subject names someone."""
    doc = d.doc
    i = min(d.token_at(run.start), len(doc) - 1)
    for tok in doc[i].sent:
        if d.quoted(tok.idx) or not is_cue(tok):
            continue
        att = d.attribution(tok, "sentence")
        if att is not None and att.ref.kind in ("named", "pronoun", "role"):
            return att
    return None


def _attribute_runs(d: _Doc, runs: list[Run], reported: list[tuple[Reported, Attribution]]
                    ) -> dict[int, Attribution]:
    found: dict[int, Attribution] = {}
    for n, run in enumerate(runs):
        att = _tail(d, run) or _head(d, run) or _containing(reported, run)
        if att is not None:
            found[n] = att
    for n, run in enumerate(runs):  # multi-paragraph chains share one attribution
        if n not in found:
            mates = [found[k] for k, r in enumerate(runs) if r.chain == run.chain and k in found]
            if mates:
                found[n] = mates[-1]
    for n, run in enumerate(runs):  # "“A,” Kihara told a press conference. “B.”"
        if n in found or n == 0:
            continue
        prev = runs[n - 1]
        if prev.paragraph == run.paragraph and n - 1 in found and _continues(d, prev, found[n - 1], run):
            found[n] = found[n - 1]
    for n, run in enumerate(runs):
        if n not in found:
            att = _sentence_cue(d, run)
            if att is not None:
                att.how = "sentence"
                found[n] = att
    return found


def _quote(text: str, kind: str, start: int, end: int, att: Attribution | None,
           inherited: bool = False) -> Quote:
    if att is None or att.speaker is None:
        return Quote(kind=kind, start=start, end=end, text=text[start:end], confidence=0.5)  # type: ignore[arg-type]
    conf = CONFIDENCE.get(att.ref.kind, 0.5) * (FALLBACK if att.how == "sentence" else 1.0)
    conf *= INHERITED if inherited else 1.0
    return Quote(kind=kind, start=start, end=end, text=text[start:end],  # type: ignore[arg-type]
                 speaker=att.speaker.name, speaker_code=att.speaker.code, cue=att.cue_text,
                 confidence=round(conf, 3))


def extract_quotes(article: Article) -> list[Quote]:
    """Direct and reported quotes of one parsed article (needs `article.doc` and mentions)."""
    runs = find_runs(article.text)
    d = _Doc(article, runs)
    reported: list[tuple[Reported, Attribution]] = []
    for r in find_reported(d.doc, d.text, d.quoted):
        if r.subject is None:
            continue
        ref = reference(r.subject, d.mentions)
        reported.append((r, Attribution(r.cue, r.cue_text, ref, ref.start, "reported")))
    by_run = _attribute_runs(d, runs, reported)
    subjects = {m.start for m in d.mentions if _is_subject(d.doc, m)}
    resolver = Resolver(d.mentions, d.spans, subjects)
    pending = {id(a): a for a in [*(a for _, a in reported), *by_run.values()]}
    for att in sorted(pending.values(), key=lambda a: a.pos):
        att.speaker = resolver.resolve(att.ref, att.pos)
    quotes = [_quote(d.text, "indirect", r.start, r.end, att) for r, att in reported]
    for n, run in enumerate(runs):
        found = by_run.get(n)
        quotes.append(_quote(d.text, "direct", run.start, run.end, found,
                             inherited=found is not None and found.how == "reported"))
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _is_subject(doc: Any, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in span)
