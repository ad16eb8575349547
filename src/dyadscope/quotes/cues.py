"""Cue verbs and the references that name their speakers.

A cue is a verb of saying (`said`, `told`, `warned`, and 'mentioned', which article
spinners put in place of 'said'). Its speaker is its grammatical subject, which
the text gives as a name ("Kihara told"), a pronoun ("he said"), a role noun
("the minister added", "said the Canadian minister"), or an anonymous phrase
("officials said", "a Swiss diplomat said"). `reference` classifies the subject;
`speakers.Resolver` turns it into a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..article import Mention

#: Lemmas of verbs that introduce what someone said. 'mention' is here because spinners use
#: 'mentioned' for 'said' ("…,” he mentioned"); 'note'/'add'/'stress' are common news cues.
CUE_LEMMAS = frozenset({
    "say", "tell", "add", "note", "warn", "argue", "stress", "insist", "claim", "deny", "mention",
    "state", "explain", "acknowledge", "assert", "declare", "remark", "observe", "emphasise",
    "emphasize", "announce", "confirm", "reply", "respond", "suggest", "write", "tweet", "comment",
    "caution", "predict", "urge", "admit", "recall", "underline", "reiterate", "concede",
    "complain", "allege", "contend", "maintain", "report", "indicate", "point", "agree", "believe",
    "think", "vow", "pledge", "promise",
})
#: Cues too weak to attribute a quote on their own (they take a direct object: 'point out', 'agree',
#: 'believe'); used for reported speech with a content clause only.
CLAUSE_ONLY = frozenset({"point", "agree", "believe", "think", "maintain", "report", "indicate", "vow",
                         "pledge", "promise", "recall"})
#: Head nouns of a definite description that refers back to a named person ('the minister').
ROLE_NOUNS = frozenset({
    "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "president", "premier",
    "chancellor", "officer", "official", "diplomat", "leader", "chief", "envoy", "ambassador", "general",
    "admiral", "colonel", "commander", "analyst", "researcher", "expert", "scholar", "professor",
    "economist", "hydrologist", "specialist", "fellow", "director", "head", "chairman", "chairwoman",
    "secretary-general", "prime", "king", "queen", "emir", "prince", "senator", "governor", "mayor",
    "foreign", "defence", "defense", "counterpart", "chair",
})
FEMALE = frozenset({"she", "her", "spokeswoman", "chairwoman", "queen", "ms", "ms.", "mrs", "mrs.",
                    "madam", "businesswoman", "congresswoman", "woman", "princess", "dame", "lady"})
MALE = frozenset({"he", "his", "him", "spokesman", "chairman", "king", "mr", "mr.", "sir", "prince",
                  "businessman", "congressman", "man", "lord"})


@dataclass
class Ref:
    """A cue's subject as the text gives it, before resolution."""

    kind: str  # named | pronoun | role | anon | actor | none
    start: int  # character offsets of the subject phrase
    end: int
    gender: str | None = None
    words: list[str] = field(default_factory=list)
    country: str | None = None
    mention: Mention | None = None
    code: str | None = None


def is_cue(tok: Any) -> bool:
    return tok.lemma_ in CUE_LEMMAS and tok.pos_ in ("VERB", "AUX")


def subject_of(cue: Any) -> Any | None:
    """The subject token of a cue; climbs from 'adding'/'saying'/'and said' to the main clause."""
    tok = cue
    for _ in range(3):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.is_alpha]
        if subj:
            return subj[0]
        if tok.dep_ in ("advcl", "xcomp", "conj", "relcl", "acl") and tok.head is not tok:
            tok = tok.head
            continue
        break
    return None


def _gender(words: list[str]) -> str | None:
    lowered = {w.lower() for w in words}
    if lowered & FEMALE:
        return "f"
    if lowered & MALE:
        return "m"
    return None


def reference(subj: Any, mentions: list[Mention]) -> Ref:
    """Classify a cue's subject token by the mentions that cover it and its words."""
    phrase = [t for t in subj.subtree if t.i <= subj.i or t.dep_ in ("compound", "flat")]
    start, end = phrase[0].idx, subj.idx + len(subj.text)
    covering = [m for m in mentions if m.start < end and start < m.end]
    people = [m for m in covering if m.kind == "person" and m.method != "role"]
    if people and any(m.start <= subj.idx < m.end for m in people):
        return Ref("named", start, end, mention=people[-1])
    lower = subj.lower_
    if lower in ("he", "she"):
        return Ref("pronoun", start, end, gender="m" if lower == "he" else "f")
    if subj.pos_ == "PRON":
        return Ref("none", start, end)
    places = [m for m in covering if m.kind in ("state", "igo")]
    words = [t.lower_ for t in phrase if t.pos_ != "DET" and not (
        t.pos_ in ("ADJ", "PROPN") and any(m.start <= t.idx < m.end for m in places))]
    country = next((m.country or m.code for m in places), None)
    code = next((m.code for m in covering if m.code), None)
    definite = any(t.lower_ in ("the", "this", "that") or t.tag_ == "PRP$" for t in phrase if t.i < subj.i)
    if definite and subj.tag_ in ("NN", "NNP") and (lower in ROLE_NOUNS or subj.lemma_ in ROLE_NOUNS):
        role_mention = next((m for m in covering if m.method == "role"), None)
        return Ref("role", start, end, gender=_gender(words), words=words, country=country,
                   mention=role_mention, code=code)
    if covering and subj.pos_ == "PROPN":
        return Ref("actor", start, end, mention=covering[0], code=covering[0].code)
    return Ref("anon", start, end, words=words, code=code)
