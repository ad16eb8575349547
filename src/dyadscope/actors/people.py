"""What the words around a person's name say about them: title before, apposition after.

"Japan's Defence Minister Minoru Kihara" carries its country and office in the
title; "Bobo Lo, a former Australian diplomat" and "an analyst at the
Moscow-based Russian International Affairs Council" carry a country in the
apposition. These functions read both from the parsed Doc and the mentions
already linked around the name; they never guess a country the text does not give.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .dictionary import Dictionary

#: Words that may stand in a title before a name besides capitalised words and role/sector nouns.
TITLE_GLUE = frozenset({"'s", "’s", "-", "of", "for", "and", "&"})
#: Tokens that end a title walking left (determiners and possessive pronouns keep the title apart
#: from what precedes: "his Singaporean counterpart Vivian Balakrishnan" -> "Singaporean counterpart").
TITLE_STOP_TAGS = frozenset({"DT", "PRP$", "PRP", "IN", "CC", "VBD", "VBZ", "VBP", "VB", "VBG", "VBN",
                             "WDT", "WP", ",", ".", ":", "``", "''", "-LRB-", "-RRB-"})
#: Longest title read before a name, in tokens.
MAX_TITLE = 9
#: Prepositions that introduce a topic or destination rather than an affiliation: "a fellow for
#: Russia and Eurasia", "ambassador to Berlin" say nothing about where the person belongs.
TOPIC_PREPS = frozenset({"for", "on", "to", "about", "with", "toward", "towards", "into", "over",
                         "against", "between", "among"})
#: Prepositions that attach an affiliation straight to a name ("Alexander Gabuev of the Carnegie Moscow
#: Center", "an analyst at ...").
AFFILIATION_PREPS = frozenset({"of", "at", "from", "with"})
#: Verbs whose subject is a speaker: a capitalised subject of one is a person even when the NER
#: missed the name (the quotes stage has the full list of cues).
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "note", "warn", "argue", "stress", "insist", "claim",
                           "deny", "mention", "explain", "write", "announce", "agree"})
#: Honorifics and words stripped from the front of an NER PERSON span.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam",
                        "prof", "prof.", "professor", "lord", "lady", "sheikh", "gen.", "col.", "adm."})


@dataclass
class Context:
    """What a person's title and apposition give: text, and the country/sector/IGO read from them."""

    title: str = ""
    apposition: str = ""
    country: str | None = None
    sector: str | None = None
    igo: str | None = None

    def code(self) -> str | None:
        if self.igo and not self.country:
            return self.igo
        if self.country:
            return self.country + (self.sector or "")
        return None

    def describe(self) -> str | None:
        parts = [p for p in (self.title, self.apposition) if p]
        return "; ".join(parts) or None


def title_start(doc: Any, start: int, is_title_word: Any) -> int:
    """Token index where the title before `start` begins (== start when there is none)."""
    i = start
    while i > 0 and start - i < MAX_TITLE:
        tok = doc[i - 1]
        if tok.text in TITLE_GLUE and i - 1 > 0 and i < start:
            i -= 1
            continue
        if tok.tag_ in TITLE_STOP_TAGS or tok.is_punct or (tok.like_num and not tok.text[:1].isupper()):
            break
        if not (tok.text[:1].isupper() or is_title_word(i - 1)):
            break
        i -= 1
    while i < start and doc[i].text in TITLE_GLUE:
        i += 1
    return i


def apposition_range(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token range of the apposition after a name: ", a fellow at X, an independent group," -> both.

    Read from the parse (appos/prep/acl children of the name's head to its right); when the
    parser attached nothing there, the comma-delimited segment after the name.
    """
    span = doc[start:end]
    head = span.root
    right = [c for c in head.children if c.i >= end and (
        c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPS))]
    if right:
        last = max(c.right_edge.i for c in right)
        return end, last + 1
    if end < len(doc) and doc[end].text == ",":
        j = end + 1
        sent_end = head.sent.end
        while j < sent_end and doc[j].text != "," and doc[j].tag_ not in ("VBD", "VBZ", "VBP"):
            j += 1
        if j > end + 1 and doc[end + 1].tag_ in ("DT", "JJ", "VBN", "NN", "NNP"):
            return end, j
    return end, end


def country_signals(doc: Any, lo: int, hi: int, codes: dict[int, tuple[str, str | None, str]],
                    d: Dictionary) -> list[tuple[int, str]]:
    """(token, country) for each place signal in tokens [lo, hi): linked states, cities, '-based'.

    `codes` maps a token index to (code, country, kind) of the mention covering it. A signal
    right after a topic preposition is skipped unless it is possessive or an adjective
    ('a spokesman for Russia's Pacific Fleet' still counts).
    """
    found: list[tuple[int, str]] = []
    i = lo
    while i < hi:
        tok = doc[i]
        hit = codes.get(i)
        place = None
        width = 1
        if hit is not None and hit[1]:
            place = hit[1]
        else:
            for n in (3, 2, 1):
                if i + n <= hi:
                    place = _place(doc[i:i + n].text, d)
                    if place:
                        width = n
                        break
        if place:
            prev = doc[i - 1].lower_ if i > 0 else ""
            nxt = doc[i + width].text if i + width < len(doc) else ""
            owned = nxt in ("'s", "’s") or tok.text in d.adjectives or tok.pos_ == "ADJ"
            if prev not in TOPIC_PREPS or owned:
                found.append((i, place))
        i += width
    return found


def _place(words: str, d: Dictionary) -> str | None:
    """State a city or capital belongs to ('Hamburg' -> DEU, 'Kyiv' -> UKR), for affiliations."""
    if words in d.cities:
        return d.cities[words]
    states = [a.country for a in d.aliases.get(words, ()) if a.kind == "state"]
    return states[0] if states else None
