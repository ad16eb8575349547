"""From a trigger to coded events: actor1 and actor2 for each trigger, with its flags.

GDELT's convention: actor1 acts on actor2. Active verbs take their subject as
actor1 and their object or prepositional target as actor2; passives take the
by-agent as actor1; nominal events take the support verb's subject, a possessive
("Japan's sanctions"), a by-phrase or an adjective as actor1 and an on/against/of/
with/to phrase as actor2.
"""

from __future__ import annotations

from typing import Any

from . import modality
from .arguments import (
    ActorIndex,
    Arg,
    Token,
    agent_token,
    is_passive,
    patient_token,
    prep_objects,
    root_code,
    subject_token,
)
from .extract import Candidate, Trigger
from .patterns import Pattern

#: Where a verb's target may stand after a preposition when its pattern names none.
VERB_PREPS = ("with", "on", "against", "to", "at", "into", "toward", "towards", "upon")
#: The same for a noun trigger ("sanctions on", "talks with", "the invasion of").
NOUN_PREPS = ("on", "against", "of", "with", "to", "into", "at", "toward", "towards", "upon",
              "targeting")
#: Words that make an action mutual even when its pattern is not ("joint drills", "jointly").
JOINT_WORDS = frozenset({"joint", "jointly", "together", "mutual", "mutually", "bilateral",
                         "combined"})

#: Confidence of a verb with both actors from the parse; each weaker signal subtracts.
BASE_CONFIDENCE = 0.9


def _place(args: list[Arg], place: bool) -> list[Arg]:
    """A visit's target is the host state: 'arrived in Seoul' → KOR, not KORGOV."""
    if not place:
        return args
    return [Arg(root_code(a.code), a.start, a.end, a.inferred) for a in args]


def _dobj_targets(tok: Token, index: ActorIndex, place: bool) -> list[Arg]:
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "iobj") and c.lower_ != "part":
            found = index.actors(c, place=place)
            if found:
                return found
    return []


def _prep_targets(tok: Token, preps: tuple[str, ...], index: ActorIndex, place: bool) -> list[Arg]:
    for _, pobj in sorted(prep_objects(tok, preps), key=lambda x: preps.index(x[0])):
        found = index.actors(pobj, place=place)
        if found:
            return found
    return []


def _content_target(tok: Token, index: ActorIndex, exclude: set[str]) -> list[Arg]:
    """'threatened to close the strait if the US…': a target named inside the content clause."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl"):
            for t in c.subtree:
                m = index.mention(t)
                if m is not None and m.code and m.code not in exclude:
                    return [Arg(m.code, m.start, m.end)]
    return []


def verb_roles(tok: Token, pattern: Pattern, index: ActorIndex) -> tuple[list[Arg], list[Arg]]:
    place = "place" in pattern.flags
    verb = tok.head if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "ccomp") else tok
    if is_passive(verb):
        a1 = index.actors(agent_token(verb))
        a2 = [] if "notarget" in pattern.flags else index.actors(patient_token(verb), place=place)
        if not a2 and "notarget" not in pattern.flags:
            a2 = _prep_targets(verb, pattern.target_preps or VERB_PREPS, index, place)
    else:
        subj = subject_token(verb)
        a1 = index.actors(subj)
        if subj is not None and subj.pos_ != "PRON" and verb.dep_ in ("ROOT", "conj", "ccomp"):
            index.remember(subj, a1)
        a2 = [] if "notarget" in pattern.flags else (
            _dobj_targets(verb, index, place)
            or _prep_targets(verb, pattern.target_preps or VERB_PREPS, index, place))
    if "invert" in pattern.flags:
        source = _prep_targets(verb, ("from", "by"), index, False)
        a1, a2 = (source, a1) if source else (a1, a2)
    if not a2 and "content" in pattern.flags:
        a2 = _content_target(verb, index, {a.code for a in a1})
    return a1, _place(a2, place)


def noun_roles(tr: Trigger, index: ActorIndex) -> tuple[list[Arg], list[Arg]]:
    tok, pattern, light = tr.tok, tr.pattern, tr.light
    place = "place" in pattern.flags
    a1: list[Arg] = []
    if light is not None:
        a1 = index.actors(agent_token(light)) if is_passive(light) else index.actors(subject_token(light))
    between = [p for _, p in prep_objects(tok, ("between", "among"))]
    if not a1 and between:
        return index.actors(between[0]), []
    if not a1:
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                a1 = index.actors(c)
                break
    if not a1:
        a1 = _prep_targets(tok, ("by", "from"), index, False)
    if not a1:
        a1 = _modifier_actors(tok, index)
    if "notarget" in pattern.flags:
        return a1, []
    preps = pattern.target_preps or NOUN_PREPS
    a2 = _prep_targets(tok, preps, index, place)
    if not a2 and light is not None:
        a2 = _prep_targets(light, preps, index, place) or _dobj_targets_other(light, tok, index, place)
    if not a2 and "content" in pattern.flags:
        a2 = _content_target(tok, index, {a.code for a in a1})
    return a1, _place(a2, place)


def _dobj_targets_other(verb: Token, noun: Token, index: ActorIndex, place: bool) -> list[Arg]:
    """'gave Ukraine aid': the verb's other object."""
    for c in verb.children:
        if c.dep_ in ("dative", "iobj") and c.i != noun.i:
            return index.actors(c, place=place)
    return []


def _modifier_actors(tok: Token, index: ActorIndex) -> list[Arg]:
    """'US sanctions', 'Chinese and Russian joint patrols': the actor as a noun or adjective modifier."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
            found = index.actors(c)
            if found:
                return found
    return []


def is_joint(tr: Trigger) -> bool:
    words = {c.lower_ for c in tr.tok.children} | {c.lower_ for c in tr.tok.subtree if c.dep_ == "advmod"}
    if tr.light is not None:
        words |= {c.lower_ for c in tr.light.children}
    return bool(words & JOINT_WORDS) or "each other" in tr.tok.sent.text


def _same_state(a: str, b: str) -> bool:
    """RUSGOV acting on RUS is the state acting on itself (a sector on another sector is not)."""
    return root_code(a) == root_code(b) and (len(a) == 3 or len(b) == 3)


def pairs(a1: list[Arg], a2: list[Arg], reciprocal: bool) -> list[tuple[Arg, Arg | None]]:
    """One event per (actor1, actor2); mutual actions of coordinated actors give every ordered pair."""
    if a2:
        return [(x, y) for x in a1 for y in a2 if x.code != y.code and not _same_state(x.code, y.code)]
    if reciprocal and len(a1) >= 2:
        return [(x, y) for x in a1 for y in a1 if x.code != y.code]
    return [(x, None) for x in a1]


def candidates(tr: Trigger, index: ActorIndex, sent: Any) -> list[Candidate]:
    """The coded events of one trigger, flagged for negation, modality and report."""
    noun = tr.tok.pos_ in ("NOUN", "PROPN")
    a1, a2 = noun_roles(tr, index) if noun else verb_roles(tr.tok, tr.pattern, index)
    joint = is_joint(tr)
    inferred = False
    if not a1 and joint:
        a1, inferred = index.sentence_pair(sent), True
    if not a1:
        return []
    reciprocal = "reciprocal" in tr.pattern.flags or joint
    anchor = tr.light or tr.tok
    neg = modality.negated(tr.tok, tr.light)
    hyp = modality.hypothetical(tr.tok, tr.light, sent)
    rep = modality.reporter(anchor)
    reported = rep is not None or modality.reported_by_source(sent)
    if hyp and rep is not None and not index.actors(subject_token(rep)):
        return []  # an analyst's forecast is no event
    conf = BASE_CONFIDENCE - (0.1 if noun and tr.light is None else 0.0) - (0.2 if inferred else 0.0)
    out = []
    for x, y in pairs(a1, a2, reciprocal):
        c = conf - (0.1 if y is None else 0.0) - (0.2 if x.inferred else 0.0)
        out.append(Candidate(tr, x, y, neg, hyp, reported, round(max(c, 0.1), 2)))
    return out
