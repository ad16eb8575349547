"""Linking one parsed Doc to actor mentions.

Order of evidence, most trusted first: dictionary aliases (phrase matcher,
longest match wins), names the NER tags as PERSON (dictionary people by fuzzy
match, everyone else as a new person actor), later surname-only mentions of a
person already named, role nouns with a country ("Japan's defence minister",
resolved by the article's date), country + sector nouns ("Chinese warships"),
and fuzzy matches of other entity strings. Every mention keeps its exact span.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..article import Mention
from .dictionary import ROLE_NAMES, Actor, Dictionary, sector_of
from .match import RANKS, SPUN_SUFFIX, Matchers
from .people import HONORIFICS, SPEECH_LEMMAS, Context, apposition_range, country_signals, title_start

#: After 'Chinese language', a word that shows the phrase really is about the language.
LANGUAGE_NOUNS = frozenset({
    "school", "schools", "course", "courses", "class", "classes", "teacher", "teachers", "teaching",
    "skills", "skill", "learning", "learner", "learners", "proficiency", "education", "instruction",
    "test", "tests", "exam", "exams", "version", "versions", "edition", "editions", "speaker", "speakers",
    "media", "newspaper", "newspapers", "press", "service", "services", "program", "programme",
    "programs", "programmes", "textbook", "textbooks", "app", "apps", "is", "was", "has",
})
#: Name parts that are particles, not surnames ('de' in 'Pieter de Vries').
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da", "di", "la",
                            "le", "du", "dos", "das", "del", "the", "jr", "jr.", "sr", "iii"})


@dataclass
class Found:
    """A mention being built, in token offsets."""

    start: int
    end: int
    code: str | None
    kind: str
    method: str
    name: str | None = None
    country: str | None = None
    role: str | None = None
    confidence: float = 1.0
    title: str | None = None
    entity: int | None = None
    actor: Actor | None = None


@dataclass
class Entities:
    """People named in one article: one id per person, shared by all their mentions."""

    keys: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    context: dict[int, Context] = field(default_factory=dict)

    def get(self, key: str, name: str) -> int:
        if key not in self.keys:
            self.keys[key] = len(self.names)
            self.names.append(name)
        return self.keys[key]


def _day(published: str | None) -> str:
    return published or date.today().isoformat()


def _overlaps(found: list[Found], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


def _spun_language(doc: Any, span: Any, adjectives: dict[str, str]) -> bool:
    """'Chinese language' stands for 'Chinese' (a spinner's rewording) unless a language noun follows.

    'the Chinese language and Russian militaries' is spun too: what is coordinated with it is
    another nationality, not another subject of study.
    """
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in ("and", ",", "-") and span.end + 1 < len(doc):
        return doc[span.end + 1].text in adjectives
    if nxt is None or nxt.is_punct:
        return False
    return nxt.lower_ not in LANGUAGE_NOUNS and nxt.pos_ not in ("VERB", "AUX", "ADP", "CCONJ")


def _titled(alias: str, m: Matchers) -> bool:
    """'Premier Li', 'Foreign Minister Wang': a title + surname alias, weaker than a full name."""
    first = alias.split(" ", 1)[0].lower()
    return " " in alias and (first in m.title_words)


def _overlaps_any(span: Any, others: list[Any]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def _dictionary_hits(doc: Any, m: Matchers, day: str) -> list[Found]:
    from spacy.util import filter_spans

    spans = m.aliases(doc, as_spans=True)
    plain = [s for s in spans if not _titled(s.label_, m)]
    spans = filter_spans([s for s in spans if s in plain or not _overlaps_any(s, plain)])
    found: list[Found] = []
    persons = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    for span in spans:
        alias = span.label_
        if any(e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in persons) and \
                not any(a.kind == "person" for a in m.dictionary.aliases.get(alias, ())):
            continue  # 'Sofia' in 'Sofia Lind' is a given name, not Bulgaria's capital
        method = "dictionary"
        if alias.endswith(SPUN_SUFFIX) and alias not in m.dictionary.aliases:
            if not _spun_language(doc, span, m.dictionary.adjectives):
                continue
            alias, method = alias[: -len(SPUN_SUFFIX)], "spun"
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based":
            continue  # "Moscow-based": a place, read by the apposition, not an actor
        actor = m.dictionary.resolve(alias, day)
        if actor is None:
            continue
        found.append(Found(span.start, span.end, actor.code, actor.kind, method, name=actor.name,
                           country=actor.country, role=actor.role, actor=actor))
    return found


def _strip_person(doc: Any, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in HONORIFICS or doc[start].lower_ in RANKS
                           or not doc[start].text[:1].isupper()):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _ner_people(doc: Any, m: Matchers, day: str, found: list[Found]) -> list[Found]:
    people: list[Found] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = _strip_person(doc, ent.start, ent.end)
        if start >= end or _overlaps(found, start, end) or "/" in doc[start:end].text:
            continue
        text = doc[start:end].text
        hit = m.fuzzy(text) if " " in text else None
        actor = m.dictionary.resolve(hit[0], day) if hit else None
        if actor is not None and actor.kind == "person":
            assert hit is not None
            people.append(Found(start, end, actor.code, "person", "fuzzy", name=actor.name,
                                country=actor.country, role=actor.role, confidence=hit[1] / 100,
                                actor=actor))
        else:
            people.append(Found(start, end, None, "person", "ner", name=text, confidence=0.8))
    return people


def _subject_names(doc: Any, found: list[Found], people: list[Found]) -> list[Found]:
    """Names the NER missed but the parse shows acting as speakers: a capitalised PROPN chain that is
    the subject of a verb of saying, the source of 'according to', or a subject with an apposition
    ('Pieter de Vries, an analyst …, said')."""
    out: list[Found] = []
    taken = found + people
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        speaks = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in SPEECH_LEMMAS
        source = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 and \
            doc[tok.head.i - 1].lower_ == "according"
        if not (speaks or source or (tok.dep_ in ("nsubj", "nsubjpass")
                                     and any(c.dep_ == "appos" for c in tok.children))):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and (
                doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in NAME_PARTICLES):
            start -= 1
        if tok.i - start < 1 or not doc[start].text[:1].isupper() or _overlaps(taken, start, tok.i + 1):
            continue
        out.append(Found(start, tok.i + 1, None, "person", "subject", name=doc[start:tok.i + 1].text,
                         confidence=0.7))
        taken.append(out[-1])
    return out


def _name_parts(doc: Any, people: list[Found]) -> dict[str, list[tuple[int, Found]]]:
    parts: dict[str, list[tuple[int, Found]]] = {}
    for p in people:
        words = doc[p.start:p.end].text.split()
        if len(words) < 2:
            continue
        for w in {words[0], words[-1]}:
            if len(w) >= 2 and w[0].isupper() and w.lower() not in NAME_PARTICLES:
                parts.setdefault(w, []).append((p.start, p))
    return parts


def _surnames(doc: Any, people: list[Found], found: list[Found]) -> list[Found]:
    """Later 'Gould-Davies said' / 'Lo mentioned' / 'Wang struck': the person named in full earlier."""
    parts = _name_parts(doc, people)
    if not parts:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, parts), key=len, reverse=True))
                         + r")(?![\w-])")
    taken = found + people
    out: list[Found] = []
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is None or _overlaps(taken, span.start, span.end):
            continue
        before = [p for s, p in parts[match.group(1)] if s < span.start]
        target = before[-1] if before else parts[match.group(1)][0][1]
        out.append(Found(span.start, span.end, target.code, "person", "surname", name=target.name,
                         country=target.country, role=target.role, confidence=target.confidence,
                         actor=target.actor))
        taken.append(out[-1])
    return out


def _token_codes(found: list[Found]) -> dict[int, tuple[str, str | None, str]]:
    codes: dict[int, tuple[str, str | None, str]] = {}
    for f in found:
        if f.code and f.kind != "person":
            for i in range(f.start, f.end):
                codes[i] = (f.code, f.country, f.kind)
    return codes


def _context(doc: Any, p: Found, found: list[Found], m: Matchers, lower_hits: dict[int, str]) -> Context:
    """Title (before) and apposition (after) of one named person, with what they say."""
    d = m.dictionary
    t0 = title_start(doc, p.start, lambda i: i in lower_hits)
    a0, a1 = apposition_range(doc, p.start, p.end)
    ctx = Context(title=doc[t0:p.start].text, apposition=doc[a0:a1].text.strip(" ,"))
    codes = _token_codes(found)
    for i in range(t0, p.start):
        hit = codes.get(i)
        if hit and ctx.country is None and ctx.igo is None:
            if hit[2] == "igo":
                ctx.igo = hit[0]
            else:
                ctx.country = hit[1]
                ctx.sector = hit[0][len(hit[1]):] if hit[1] and hit[0] != hit[1] else None
    title_words = {lower_hits[i] for i in range(t0, p.start) if i in lower_hits}
    if title_words & RANKS:
        ctx.sector = "MIL"
    elif ctx.sector is None and title_words:
        sectors = [d.sectors[w] for w in title_words if w in d.sectors]
        ctx.sector = "MIL" if "MIL" in sectors else ("GOV" if sectors or title_words & set(d.roles) else None)
    if ctx.country is None and ctx.igo is None and a1 > a0:
        signals = country_signals(doc, a0, a1, codes, d)
        if signals:
            ctx.country = signals[0][1]
        else:
            igos = [codes[i][0] for i in range(a0, a1) if i in codes and codes[i][2] == "igo"]
            ctx.igo = igos[0] if igos else None
    return ctx


def _lower_hits(doc: Any, m: Matchers) -> dict[int, str]:
    """Token index -> the role/sector/rank phrase (lower case) covering it."""
    hits: dict[int, str] = {}
    for _, start, end in m.lower(doc):
        phrase = doc[start:end].text.lower()
        for i in range(start, end):
            if len(hits.get(i, "")) < len(phrase):
                hits[i] = phrase
    return hits


def _role_for(d: Dictionary, phrase: str, country: str) -> str | None:
    rows = d.roles.get(phrase, [])
    for role, countries in rows:
        if country in countries:
            return role
    for role, countries in rows:
        if not countries:
            return role
    return None


def _lower_spans(doc: Any, m: Matchers, ids: frozenset[int]) -> list[tuple[int, int]]:
    from spacy.util import filter_spans

    spans = [doc[s:e] for mid, s, e in m.lower(doc) if mid in ids]
    return [(s.start, s.end) for s in filter_spans(spans)]


def _owner_before(doc: Any, start: int, found: list[Found]) -> Found | None:
    """The state or IGO mention right before token `start` ('Japan's', 'Russian', 'NATO')."""
    j = start
    if j > 0 and doc[j - 1].text in ("'s", "’s"):
        j -= 1
    for f in found:
        if f.end == j and f.kind in ("state", "igo") and f.code in (f.country, f.code) and f.method != "role":
            return f
    return None


def _roles(doc: Any, m: Matchers, day: str, found: list[Found], ents: Entities) -> None:
    """'Japan's defence minister', 'the Russian President' -> the officeholder on the article's date."""
    d = m.dictionary
    for start, end in _lower_spans(doc, m, m.role_ids):
        if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            continue  # a title before a name: the name's mention carries it
        inside = [f for f in found if f.start < end and start < f.end]
        owner = inside[0] if len(inside) == 1 and inside[0].kind == "igo" else None
        if inside and owner is None:
            continue
        owner = owner or _owner_before(doc, start, found)
        if owner is None or not owner.code:
            continue
        country = owner.country or owner.code
        role = _role_for(d, doc[start:end].text.lower(), country)
        holder = d.holder(country, role, day) if role else None
        if holder is None:
            continue
        found.remove(owner)
        found.append(Found(min(owner.start, start), max(end, owner.end), holder.code, "person", "role",
                           name=holder.name, country=holder.country, role=holder.role, confidence=0.9,
                           title=doc[min(owner.start, start):end].text, actor=holder,
                           entity=ents.get("dict:" + holder.name, holder.name)))


def _sectors(doc: Any, m: Matchers, found: list[Found]) -> None:
    """'Chinese warships' -> CHNMIL, 'the Russian government' -> RUSGOV."""
    d = m.dictionary
    starts = {s: e for s, e in _lower_spans(doc, m, m.sector_ids)}
    for f in found:
        if f.kind != "state" or f.code != f.country or f.country is None:
            continue
        j = f.end
        if j < len(doc) and doc[j].text in ("'s", "’s"):
            j += 1
        if j not in starts and j < len(doc) and doc[j].pos_ == "ADJ" and j + 1 in starts:
            j += 1
        end = starts.get(j)
        if end is None or _overlaps([g for g in found if g is not f], f.start, end):
            continue
        if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            continue
        sector = d.sectors.get(doc[j:end].text.lower())
        if sector:
            f.end, f.code, f.method = end, f.country + sector, f.method + "+sector"


def _fuzzy_entities(doc: Any, m: Matchers, day: str, found: list[Found]) -> list[Found]:
    """Entity strings the matcher missed that are one letter or so off an alias ('Phillipines')."""
    new: list[Found] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP", "ORG", "LOC") or _overlaps(found, ent.start, ent.end):
            continue
        if ent.text in m.dictionary.aliases:
            continue
        hit = m.fuzzy(ent.text)
        actor = m.dictionary.resolve(hit[0], day) if hit else None
        if hit and actor is not None and actor.kind != "person":
            new.append(Found(ent.start, ent.end, actor.code, actor.kind, "fuzzy", name=actor.name,
                             country=actor.country, confidence=hit[1] / 100, actor=actor))
    return new


def _fallback_country(doc: Any, people: list[Found], before: int, sector: str) -> str | None:
    """Country of the latest officeholder named before, subjects first: 'Foreign Ministry spokeswoman
    Maria Zakharova' after 'Lavrov told journalists' is Russian. Used only when a title gives a
    sector but no country."""
    earlier = [p for p in sorted(people, key=lambda f: f.start, reverse=True)
               if p.start < before and p.code and p.country and p.code == p.country + sector]
    subjects = [p for p in earlier if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[p.start:p.end])]
    best = (subjects or earlier)[:1]
    return best[0].country if best else None


def _people(doc: Any, m: Matchers, day: str, found: list[Found], ents: Entities) -> list[Found]:
    """Every person mention, with entity ids, codes and the title/apposition context."""
    named = [f for f in found if f.kind == "person"]
    ner = _ner_people(doc, m, day, found)
    parts = _name_parts(doc, named + ner)
    ner = [p for p in ner if p.end - p.start > 1 or doc[p.start].text not in parts]
    ner += _subject_names(doc, found, named + ner)
    people = sorted(named + ner, key=lambda f: f.start)
    others = [f for f in found if f.kind != "person"]
    people += _surnames(doc, people, others)
    people.sort(key=lambda f: f.start)
    lower_hits = _lower_hits(doc, m)
    for p in people:
        key = ("dict:" + p.actor.name) if p.actor else ("ner:" + (p.name or ""))
        p.entity = ents.get(key, p.name or "")
        if p.method == "surname":
            continue
        ctx = _context(doc, p, others, m, lower_hits)
        t0 = title_start(doc, p.start, lambda i: i in lower_hits)
        others = [f for f in others if not (t0 <= f.start and f.end <= p.start)]
        if p.entity not in ents.context or not ents.context[p.entity].code():
            ents.context[p.entity] = ctx
        p.title = ctx.describe()
    for p in people:
        ctx = ents.context.get(-1 if p.entity is None else p.entity, Context())
        if p.actor is None:
            code = ctx.code()
            if code is None and ctx.sector and not ctx.igo:
                country = _fallback_country(doc, people, p.start, ctx.sector)
                code = country + ctx.sector if country else None
            p.code = code
            p.country = ctx.igo if ctx.igo and not ctx.country else (code[:3] if code else None)
        p.title = p.title or ctx.describe()
    found[:] = others
    return people


def _fullest(doc: Any, people: list[Found]) -> dict[int, str]:
    """Entity id -> the longest way the article writes the person's name."""
    best: dict[int, str] = {}
    for p in people:
        text = doc[p.start:p.end].text
        if p.entity is not None and len(text) > len(best.get(p.entity, "")):
            best[p.entity] = text
    return best


def link_doc(doc: Any, published: str | None, m: Matchers) -> list[Mention]:
    """All actor mentions in one parsed article, in text order."""
    day = _day(published)
    ents = Entities()
    found = _dictionary_hits(doc, m, day)
    people = _people(doc, m, day, found, ents)
    _roles(doc, m, day, found, ents)
    _sectors(doc, m, found)
    found += _fuzzy_entities(doc, m, day, found + people)
    fullest = _fullest(doc, people)
    starts = [sent.start for sent in doc.sents]
    mentions: list[Mention] = []
    for f in sorted(found + people, key=lambda f: (f.start, -f.end)):
        span = doc[f.start:f.end]
        name = f.name
        if f.kind == "person" and f.actor is None and f.entity is not None:
            name = fullest.get(f.entity, name)
        sent = bisect.bisect_right(starts, f.start) - 1 if starts else None
        mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text, code=f.code,
                                kind=f.kind, method=f.method, confidence=round(f.confidence, 3),
                                name=name, country=f.country, role=f.role, title=f.title,
                                sentence=sent, entity=f.entity))
    return mentions


def role_label(role: str | None) -> str | None:
    """'defence_minister' -> 'defence minister' for display."""
    return ROLE_NAMES.get(role or "", role)


__all__ = ["Found", "link_doc", "role_label", "sector_of"]
