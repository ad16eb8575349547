"""Turn a parsed article with actor mentions into `Event` records (the events stage's core).

One `PatternBook` per process; per article one `ActorIndex`; per sentence the
triggers, their candidates, and a date from the sentence's time expressions
(or the publication date, basis "publication", when the sentence gives none).
"""

from __future__ import annotations

from typing import Any

from ..article import Article, Event
from .arguments import ActorIndex, Arg
from .dates import UNRESOLVED, DateMention, find_dates, publication_date
from .extract import Candidate, Trigger, find_triggers
from .patterns import PatternBook
from .roles import candidates

#: Sentence openers that put a sentence on the same occasion as the one before
#: ("As he spoke, …"), so it inherits that sentence's date; "later" does not.
SAME_OCCASION = ("as he spoke", "as she spoke", "as they spoke", "at the same time", "meanwhile",
                 "on the same day", "the same day", "that day", "during the meeting", "during the visit",
                 "during the talks", "at the meeting", "at the talks")
#: Dates with these precisions may carry to a same-occasion sentence.
_CARRY_PRECISION = ("day", "week")


def _date_tokens(doc: Any, dates: list[DateMention]) -> list[tuple[DateMention, Any]]:
    out = []
    for d in dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None:
            out.append((d, span.root))
    return out


def _anchors(tr: Trigger) -> set[int]:
    """Tokens whose time expressions date this trigger: itself, its support verb, its relative clause."""
    toks = {tr.tok.i}
    if tr.light is not None:
        toks.add(tr.light.i)
    for c in tr.tok.children:
        if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX"):
            toks.add(c.i)
    if tr.tok.dep_ == "conj" and tr.tok.head.pos_ in ("VERB", "AUX"):
        toks.add(tr.tok.head.i)
    return toks


def _attached(tok: Any, stop: set[int]) -> int | None:
    """The nearest trigger or verb above a time expression: what it dates."""
    cur = tok
    for _ in range(10):
        if cur.head is cur:
            return cur.i
        cur = cur.head
        if cur.i in stop or cur.pos_ in ("VERB", "AUX"):
            return cur.i
    return None


def date_for(tr: Trigger, dated: list[tuple[DateMention, Any]], trigger_toks: set[int]) -> DateMention | None:
    """The time expression of this trigger's clause; a lone one in the sentence dates every trigger."""
    anchors = _anchors(tr)
    attached = [(d, _attached(t, trigger_toks)) for d, t in dated]
    for d, at in attached:
        if at in anchors:
            return d
    # climb from the trigger: a date on a governing verb ("On Tuesday, X said Russia had …")
    cur = tr.light or tr.tok
    for _ in range(6):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.i in trigger_toks:
            break
        for d, at in attached:
            if at == cur.i:
                return d
    return None


def _same_occasion(sent: Any) -> bool:
    return sent.text.lstrip(" \"'“").lower().startswith(SAME_OCCASION)


class ArticleCoder:
    """Codes one article; keeps the date of the last dated sentence for same-occasion carry."""

    def __init__(self, article: Article, book: PatternBook) -> None:
        self.article = article
        self.book = book
        #: Reference date: the publication date, else the latest full date the text states (basis "article").
        self.reference, self.reference_basis = article.published, "publication"
        if not article.published:
            stated = [d.date for d in find_dates(article.text, None) if d.precision == "day"]
            if stated:
                self.reference, self.reference_basis = max(stated), "article"
        self.index = ActorIndex(article.doc, article.mentions)
        self.carry: DateMention | None = None

    def events(self) -> list[Event]:
        out: list[Event] = []
        for n, sent in enumerate(self.article.doc.sents):
            out.extend(self._sentence(n, sent))
        return out

    def _sentence(self, n: int, sent: Any) -> list[Event]:
        dates = find_dates(sent.text, self.article.published, sent.start_char, keep_unresolved=True)
        carry = self.carry if not dates and _same_occasion(sent) else None
        if dates:
            precise = [d for d in dates if d.precision in _CARRY_PRECISION or d.basis == UNRESOLVED]
            self.carry = precise[0] if precise else None
        triggers = find_triggers(sent, self.book)
        if not triggers:
            return []
        dated = _date_tokens(self.article.doc, dates)
        trigger_toks = {t.tok.i for t in triggers} | {t.light.i for t in triggers if t.light is not None}
        out: list[Event] = []
        for tr in triggers:
            when = date_for(tr, dated, trigger_toks) or carry
            for cand in candidates(tr, self.index, sent):
                out.append(self._event(n, sent, cand, when))
        return out

    def _event(self, n: int, sent: Any, cand: Candidate, when: DateMention | None) -> Event:
        code = self.book.code(cand.trigger.pattern.cameo)
        tok = cand.trigger.tok
        t_start = (cand.trigger.light or tok).idx if cand.trigger.light is not None and \
            cand.trigger.light.i < tok.i else tok.idx
        t_end = tok.idx + len(tok.text)
        spans = [(t_start, t_end)] + [(a.start, a.end) for a in (cand.actor1, cand.actor2)
                                      if isinstance(a, Arg) and sent.start_char <= a.start < sent.end_char]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        end = min(end, sent.end_char)
        date: str | None
        precision: str | None
        basis: str | None
        date_text: str | None = None
        if when is not None and when.basis == UNRESOLVED:
            date, precision, basis, date_text = None, None, None, when.text
        elif when is not None:
            date, precision, basis, date_text = when.date, when.precision, when.basis, when.text
        else:
            date, precision, basis = publication_date(self.reference)
            basis = self.reference_basis if date else None
        hypothetical = cand.hypothetical or bool(
            date and self.article.published and basis != "publication" and date > self.article.published
            and precision == "day")
        text = self.article.text
        return Event(
            sentence=n, start=start, end=end, actor1=cand.actor1.code,
            actor2=cand.actor2.code if cand.actor2 else None, plover=code.plover, cameo=code.code,
            quad=code.quad, goldstein=code.goldstein, date=date, date_precision=precision,
            date_basis=basis, negated=cand.negated, hypothetical=hypothetical,
            confidence=cand.confidence, text=text[start:end], trigger=text[t_start:t_end],
            trigger_start=t_start, trigger_end=t_end, reported=cand.reported, date_text=date_text,
        )


def code_article(article: Article, book: PatternBook) -> list[Event]:
    """Every event of one parsed article (empty when it was not parsed)."""
    if article.doc is None:
        return []
    return ArticleCoder(article, book).events()
