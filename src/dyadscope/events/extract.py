"""Find event triggers in a parsed sentence and read off who did it to whom.

A trigger is a verb ("condemned"), a noun ("sanctions on Russia", "joint patrols")
or a noun governed by a support verb ("held talks", "imposed sanctions") whose
lemma and arguments match a row of the pattern dictionary. Actors come from the
actors stage's mentions through `ActorIndex`; coordination gives one event per
actor, reciprocal actions ("China and Russia met") one per ordered pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .arguments import Arg, Token
from .patterns import Pattern, PatternBook

#: Kinds of content verb whose object noun is what was demanded/threatened/agreed, not an event.
_CONTENT_OBJECT_TYPES = frozenset({"REQUEST", "AGREE", "THREATEN", "REJECT"})
#: "took part in"; "half" is how synonym-spinning sites reword "part" (kept so spun copies code alike).
_PART = frozenset({"part", "half"})
_PARTICLES = frozenset({"off", "out", "down", "up", "back", "over", "in", "away"})


@dataclass
class Trigger:
    tok: Token
    pattern: Pattern
    light: Token | None = None  # the support verb of a nominal trigger ("held" in "held talks")


@dataclass
class Candidate:
    """One coded event of a sentence, before dates."""

    trigger: Trigger
    actor1: Arg
    actor2: Arg | None
    negated: bool
    hypothetical: bool
    reported: bool
    confidence: float


def _pos(tok: Token) -> str | None:
    if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if tok.pos_ == "ADJ":
        return "ADJ"
    return None


def _lemmas(tok: Token, pos: str) -> list[str]:
    lemma = tok.lemma_.lower()
    out = [lemma]
    text = tok.lower_
    if pos == "VERB" or (pos == "ADJ" and text.endswith("ed")):
        if text.endswith("ied"):
            out.append(text[:-3] + "y")
        if text.endswith("ed"):
            out += [text[:-1], text[:-2], text[:-3] if text[-3:-2] == text[-4:-3] else text[:-2]]
    return list(dict.fromkeys(out))


def _child_lemmas(tok: Token, deps: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in deps:
            out.add(c.lemma_.lower())
            out.add(c.lower_)
            out.update(x.lemma_.lower() for x in c.conjuncts)
    return out


def _objects(tok: Token) -> set[str]:
    out = _child_lemmas(tok, ("dobj", "nsubjpass", "attr", "oprd", "dative"))
    for c in tok.children:
        if c.dep_ in ("prep", "agent"):
            out |= _child_lemmas(c, ("pobj",))
        if c.dep_ == "prt":
            for p in c.children:
                out |= _child_lemmas(p, ("pobj",))
    if tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN":
        out.add(tok.head.lemma_.lower())
    return out


def _mods(tok: Token) -> set[str]:
    out = _child_lemmas(tok, ("amod", "compound", "advmod", "npadvmod", "nmod", "nummod"))
    doc = tok.doc
    for i in (tok.i - 1, tok.i - 2):  # "live-fire drill", "war games" split oddly by the tokenizer
        if i >= 0 and doc[i].sent == tok.sent:
            out.add(doc[i].lower_)
            out.add(doc[i].lemma_.lower())
    return out


def satisfies(tok: Token, pattern: Pattern) -> bool:
    for key, values in pattern.requires:
        if key == "prt":
            found = {c.lower_ for c in tok.children if c.dep_ == "prt"
                     or (c.dep_ in ("advmod", "prep") and c.lower_ in _PARTICLES)}
        elif key == "obj":
            found = _objects(tok)
        elif key == "mod":
            found = _mods(tok)
        elif key == "prep":
            found = {c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "dative")}
        else:
            found = _child_lemmas(tok, ("xcomp", "ccomp"))
        if not found & values:
            return False
    return True


def match(tok: Token, book: PatternBook) -> Pattern | None:
    pos = _pos(tok)
    if pos is None:
        return None
    for lemma in _lemmas(tok, pos):
        for pattern in book.candidates(lemma, pos):
            if satisfies(tok, pattern):
                return pattern
    return None


def _light_of(noun: Token, lights: set[int]) -> Token | None:
    """The support verb whose object (or in-phrase) the noun is: 'held talks', 'took part in drills'."""
    cur = noun
    while cur.dep_ == "conj" and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head
    if cur.dep_ in ("dobj", "nsubjpass", "attr") and cur.head.i in lights:
        return cur.head
    if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
        verb = cur.head.head
        if verb.i in lights or (verb.dep_ in ("dobj",) and verb.head.i in lights and verb.lemma_ in _PART):
            return verb if verb.i in lights else verb.head
    return None


def find_triggers(sent: Any, book: PatternBook) -> list[Trigger]:
    matched: list[tuple[Token, Pattern]] = [(t, p) for t in sent if (p := match(t, book)) is not None]
    lights = {t.i for t, p in matched if p.light}
    out: list[Trigger] = []
    for tok, pattern in matched:
        if pattern.light:
            continue
        light = _light_of(tok, lights) if _pos(tok) == "NOUN" else None
        out.append(Trigger(tok, pattern, light))
    by_tok = {tr.tok.i: tr for tr in out}
    return [tr for tr in out if not _suppressed(tr, by_tok, book)]


def _suppressed(tr: Trigger, by_tok: dict[int, Trigger], book: PatternBook) -> bool:
    """Content of a demand/threat/agreement, or a noun restating its verb ('signed an agreement')."""
    cur = tr.light or tr.tok
    plover = book.code(tr.pattern.cameo).plover
    steps = 0
    while cur.head is not cur and steps < 6:
        conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children)
        dep, cur = cur.dep_, cur.head
        steps += 1
        gov = by_tok.get(cur.i)
        if gov is not None:
            gov_type = book.code(gov.pattern.cameo).plover
            if dep in ("xcomp", "ccomp") and "content" in gov.pattern.flags:
                return True
            content_object = "content" in gov.pattern.flags and gov_type in _CONTENT_OBJECT_TYPES
            if dep == "advcl":  # the condition of a threat or demand ("… if the US blocked …")
                return content_object
            return dep in ("dobj", "pobj", "prep", "attr") and (gov_type == plover or content_object)
        if dep not in ("dobj", "pobj", "prep", "xcomp", "ccomp", "pcomp", "conj", "attr", "acl", "advcl"):
            return False
        if dep in ("conj", "advcl", "acl") and cur.pos_ in ("VERB", "AUX") and not (
                dep == "advcl" and conditional):
            return False
    return False
