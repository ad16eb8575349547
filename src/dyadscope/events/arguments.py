"""Who the arguments of a trigger are: actor codes read off the parse and the actors stage's mentions.

The actors stage says which spans are actors (`Mention.code`); this module only
walks the dependency tree from a trigger to its subject, object, by-agent and
prepositional targets, and reads the codes of the mentions it finds there,
splitting coordinated phrases ("China and Russia", "Chinese and Russian warships")
into one actor each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..article import Mention

Token = Any  # spacy.tokens.Token; spaCy is not imported here so workers unpickle cheaply

#: CAMEO sector codes appended to a state code (RUS + MIL); used to find a code's state.
SECTORS = frozenset({"GOV", "MIL", "COP", "CVL", "OPP", "REB", "LEG", "JUD", "BUS", "MED", "REF",
                     "EDU", "SPY", "IGO", "NGO", "ELI", "LAB", "HLH", "AGR", "ENV", "CRM"})
#: Dependents that belong to a noun phrase, searched (in this order) for an actor mention.
_NP_ORDER = ("appos", "compound", "poss", "amod", "nmod", "flat")
#: Prepositions of a noun phrase that may name its actor ("the leaders of China", "cities across Ukraine").
_NP_PREPS = ("of", "from", "across", "in")
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "both"})


def root_code(code: str) -> str:
    """The state (or organisation) part of a code: RUSMIL → RUS, NATO → NATO."""
    if len(code) == 6 and code[3:] in SECTORS:
        return code[:3]
    return code


def with_sector(code: str, other: str) -> str:
    """Give a bare state code the sector of a coordinated sibling ('Chinese and Russian warships')."""
    if len(code) == 3 and len(other) == 6 and other[3:] in SECTORS:
        return code + other[3:]
    return code


@dataclass(frozen=True, slots=True)
class Arg:
    """One actor found for a role: its code and the token span that names it."""

    code: str
    start: int  # character offsets of the mention (or the token) in the article
    end: int
    inferred: bool = False  # found through a pronoun or the sentence, not the parse


class ActorIndex:
    """Token → actor mention for one parsed article, plus a short memory for pronouns."""

    def __init__(self, doc: Any, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            if not m.code:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                old = self.by_token.get(t.i)
                if old is None or old.end - old.start < m.end - m.start:
                    self.by_token[t.i] = m
        #: subjects seen so far (token index, args), for "they"/"he" in later sentences
        self.subjects: list[tuple[int, list[Arg]]] = []

    def mention(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def _arg(self, m: Mention) -> Arg:
        return Arg(m.code or "", m.start, m.end)

    def actors(self, tok: Token | None, *, place: bool = False) -> list[Arg]:
        """Actors named by the phrase headed by `tok`, one per coordinated conjunct."""
        if tok is None:
            return []
        heads = sorted([tok, *tok.conjuncts], key=lambda t: t.i) if tok.dep_ != "conj" else [tok]
        out: list[Arg] = []
        for head in heads:
            out.extend(self._phrase(head, depth=0, place=place))
        return _unique(out)

    def _phrase(self, head: Token, depth: int, place: bool) -> list[Arg]:
        m = self.mention(head)
        coordinated = self._coordinated_modifiers(head, m)
        if coordinated:
            return coordinated
        if m is not None:
            return [self._arg(m)]
        if head.pos_ == "PRON" and head.lower_ in _PRONOUNS:
            return self.pronoun(head)
        if depth >= 3:
            return []
        for dep in _NP_ORDER:
            for child in head.children:
                if child.dep_ == dep and not (dep == "poss" and child.pos_ == "PRON"):
                    found = self._phrase(child, depth + 1, place)
                    if found:
                        return found + [a for c in child.conjuncts for a in self._phrase(c, depth + 1, place)]
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _NP_PREPS and (place or child.lower_ == "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.actors(pobj, place=place)
        return []

    def _coordinated_modifiers(self, head: Token, head_mention: Mention | None) -> list[Arg]:
        """'Chinese and Russian warships': one actor per coordinated modifier, sector from the head."""
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "nmod") or not child.conjuncts:
                continue
            mods = sorted([child, *child.conjuncts], key=lambda t: t.i)
            found = [self.mention(t) for t in mods]
            codes = [m.code for m in found if m is not None and m.code]
            if len(codes) < 2:
                continue
            sector = head_mention.code if head_mention and head_mention.code else max(codes, key=len)
            return _unique([Arg(with_sector(m.code or "", sector), m.start, m.end)
                            for m in found if m is not None and m.code])
        return []

    def pronoun(self, tok: Token) -> list[Arg]:
        """'they' → the last coordinated subject; 'he', 'it' → the last single one (same paragraph)."""
        plural = tok.lower_ in ("they", "we", "both")
        for i, args in reversed(self.subjects):
            if i >= tok.i or tok.i - i > 80:
                continue
            if self.doc[i:tok.i].text.count("\n\n") > 1:
                return []  # no further back than the previous paragraph
            if plural == (len(args) > 1):
                return [Arg(a.code, a.start, a.end, inferred=True) for a in args]
        return []

    def remember(self, tok: Token, args: list[Arg]) -> None:
        if args and not any(a.inferred for a in args):
            self.subjects.append((tok.i, args))

    def sentence_pair(self, sent: Any) -> list[Arg]:
        """A coordinated pair of actors anywhere in the sentence ('Beijing and Moscow's moves')."""
        for tok in sent:
            if tok.conjuncts and tok.dep_ != "conj":
                args = self.actors(tok)
                if len(args) >= 2:
                    return [Arg(a.code, a.start, a.end, inferred=True) for a in args]
        return []


def _unique(args: Iterable[Arg]) -> list[Arg]:
    seen: set[str] = set()
    out: list[Arg] = []
    for a in args:
        if a.code and a.code not in seen:
            seen.add(a.code)
            out.append(a)
    return out


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def subject_token(verb: Token) -> Token | None:
    """The grammatical subject of a verb, through conjunction, relative and participle clauses."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return c
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_token(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and verb.head.pos_ == "NOUN":
        return subject_token(verb.head.head)  # "they issued a statement backing Russia": they back
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        for c in verb.head.children:
            if c.dep_ in ("dobj",) and verb.dep_ == "xcomp" and verb.head.lemma_ in _OBJECT_CONTROL:
                return c
        return subject_token(verb.head)
    return None


#: Verbs whose object, not subject, does what the to-infinitive says ("urged Iran to release").
_OBJECT_CONTROL = frozenset({"urge", "ask", "tell", "order", "call", "press", "pressure", "force",
                             "persuade", "invite", "allow", "encourage", "permit", "help"})


def agent_token(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def patient_token(verb: Token) -> Token | None:
    """The passive subject, or the noun a passive participle modifies ('the roadmap, signed by')."""
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            return verb.head if c.lower_ in _RELATIVE and verb.dep_ == "relcl" else c
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def prep_objects(tok: Token, preps: Iterable[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under `tok` for the given prepositions, in text order."""
    wanted = set(preps)
    out: list[tuple[str, Token]] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in wanted:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append((c.lower_, p))
                elif p.dep_ == "prep" and p.lower_ in wanted:  # "out of", "away from"
                    out.extend(prep_objects(c, wanted))
    return out
