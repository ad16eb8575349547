"""Is an action asserted? Negation, modality (hypothetical) and reported speech, from the parse.

Flagged events are kept (an analyst may want "did not sign") but not counted by
default. Refusal verbs ("refused to", "rejected") are events of their own type
(REJECT), never negation: this module only looks at grammatical negation.
"""

from __future__ import annotations

from typing import Any

Token = Any

MODALS = frozenset({"could", "might", "may", "would", "will", "shall", "should", "can", "must",
                    "'ll", "wo", "ca"})
#: Governing words that leave their complement unrealised ("plans to visit", "is expected to sign").
HYPOTHETICAL_CONTROL = frozenset({
    "plan", "expect", "intend", "hope", "aim", "seek", "want", "wish", "prepare", "consider",
    "propose", "set", "likely", "poised", "due", "schedule", "ready", "try", "attempt", "going",
    "need", "mull", "weigh", "contemplate", "eager", "keen", "able", "unlikely", "possible",
    "threaten", "vow", "pledge", "promise", "offer", "agree", "refuse", "decline", "urge", "ask",
    "call", "demand", "warn",
})
#: Noun modifiers that make a nominal event unrealised ("planned visit", "possible sanctions").
HYPOTHETICAL_MODIFIERS = frozenset({"planned", "proposed", "possible", "potential", "future",
                                    "prospective", "expected", "upcoming", "threatened"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
SAY_VERBS = frozenset({"say", "report", "tell", "claim", "announce", "state", "add", "confirm",
                       "allege", "write", "insist", "note", "believe", "think", "argue", "suggest",
                       "predict", "warn", "estimate", "assess", "reckon", "contend"})
_CLAUSE_UP = ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "dobj", "pobj", "prep", "pcomp",
              "attr", "oprd", "acomp", "nsubj", "nsubjpass", "appos")


def _neg_child(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def governors(tok: Token, limit: int = 4) -> list[Token]:
    """The words that take `tok` as their complement or object, nearest first."""
    out: list[Token] = []
    cur = tok
    while len(out) < limit and cur.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acomp",
                                             "attr", "oprd") and cur.head is not cur:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "ADJ"):
            out.append(cur)
    return out


def negated(trigger: Token, light: Token | None) -> bool:
    """'did not sign', 'no protests took place', 'failed to reach', 'did not hold talks'."""
    if _neg_child(trigger) or (light is not None and _neg_child(light)):
        return True
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("no",) for c in trigger.children):
        return True
    for gov in governors(light or trigger, limit=2):
        if gov.lemma_ in ("fail", "refrain", "avoid", "stop") and gov.dep_ != "xcomp":
            return True
        if gov.lemma_ not in HYPOTHETICAL_CONTROL and _neg_child(gov) and (light or trigger).dep_ == "xcomp":
            return True
    return trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and _neg_child(trigger.head)


def _modal(tok: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in tok.children)


def _in_conditional(tok: Token) -> bool:
    cur = tok
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in cur.children):
            return True
        if cur.dep_ not in _CLAUSE_UP or cur.head is cur:
            return False
        if cur.dep_ in ("conj",) and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head
            continue
        if cur.dep_ in ("advcl", "relcl"):
            return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in cur.children)
        cur = cur.head
    return False


def hypothetical(trigger: Token, light: Token | None, sentence: Any) -> bool:
    """Modals, plans and expectations, conditionals and questions."""
    anchor = light or trigger
    if _modal(trigger) or _modal(anchor):
        return True
    if trigger.pos_ == "NOUN" and any(c.lower_ in HYPOTHETICAL_MODIFIERS for c in trigger.children
                                      if c.dep_ in ("amod", "compound")):
        return True
    for gov in governors(anchor):
        if gov.lemma_ in HYPOTHETICAL_CONTROL or gov.lower_ in HYPOTHETICAL_CONTROL or _modal(gov):
            return True
    if anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX") and _modal(anchor.head):
        return True
    if _in_conditional(anchor):
        return True
    text = sentence.text.rstrip(" \"'”’)\n")
    return text.endswith("?") and _main_clause(anchor)


def _main_clause(tok: Token) -> bool:
    cur = tok
    while cur.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "ccomp") and cur.head is not cur:
        cur = cur.head
    return cur.dep_ == "ROOT"


def reporter(trigger: Token) -> Token | None:
    """The verb of saying that reports this action ('…, officials said'), if any."""
    cur = trigger
    for _ in range(6):
        if cur.head is cur:
            return None
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_ in SAY_VERBS:
            return cur.head
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "dobj", "pobj", "prep", "relcl", "acl"):
            return None
        cur = cur.head
    return None


def reported_by_source(sentence: Any) -> bool:
    """'according to …' anywhere in the sentence also marks a report."""
    return "according to" in sentence.text.lower()
