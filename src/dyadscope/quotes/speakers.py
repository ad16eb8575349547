"""Resolving a cue's subject to a named person: the most recent compatible one.

"he said" and "the minister added" point back to someone the article named
before. Candidates are the people named outside quotation marks (a name inside
a quote is someone the speaker talks about) and the speakers already resolved;
the most recent one that fits wins: by gender for pronouns, by title words and
nationality for role nouns. People named as a clause subject are preferred over
people named in passing ("after talks with Turkish Foreign Minister Hakan
Fidan"), and when nothing fits the speaker stays null rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..article import Mention
from .cues import FEMALE, MALE, Ref

#: Role-noun words that match title words they do not contain ('the officer' -> 'Captain').
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "officer": frozenset({"colonel", "captain", "general", "admiral", "major", "lieutenant", "commander",
                          "officer", "rank", "marshal", "brigadier"}),
    "spokesman": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "spokeswoman": frozenset({"spokeswoman", "spokesperson", "spokesman"}),
    "spokesperson": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "secretary-general": frozenset({"secretary-general", "secretary", "general"}),
    "leader": frozenset({"president", "premier", "prime", "chancellor", "leader", "king"}),
    "official": frozenset({"official", "minister", "secretary", "spokesman", "spokeswoman",
                           "spokesperson", "diplomat", "ambassador", "envoy"}),
}
#: Words of a role noun phrase that say nothing about the office.
_FILLER = frozenset({"the", "this", "that", "'s", "’s", "of", "-"})
#: A title or apposition with one of these matches any role noun ('his Singaporean counterpart').
_WILDCARD = "counterpart"


@dataclass
class Person:
    """One person named in the article, as the resolver knows them."""

    entity: int
    name: str
    code: str | None
    country: str | None
    descriptor: str
    gender: str | None = None
    #: character positions where the person is named outside quotes: (pos, is_subject)
    seen: list[tuple[int, bool]] = field(default_factory=list)


@dataclass
class Speaker:
    name: str | None
    code: str | None
    entity: int | None = None


def _fullest(mentions: list[Mention]) -> str:
    names = [m.text.removesuffix("'s").removesuffix("’s") for m in mentions if m.method != "role"]
    return max(names, key=len) if names else (mentions[0].name or mentions[0].text)


class Resolver:
    """Keeps who was named or quoted where, and answers 'who is this subject?' in text order."""

    def __init__(self, mentions: list[Mention], quoted: list[tuple[int, int]],
                 subjects: set[int]) -> None:
        by_entity: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.kind == "person" and m.entity is not None:
                by_entity.setdefault(m.entity, []).append(m)
        self.people: dict[int, Person] = {}
        for entity, ms in by_entity.items():
            code = next((m.code for m in ms if m.code), None)
            descriptor = " ".join(filter(None, [ms[0].title, *(m.title or "" for m in ms[1:])]))
            words = descriptor.lower().replace(",", " ").split()
            gender = "f" if FEMALE & set(words) else ("m" if MALE & set(words) else None)
            person = Person(entity, _fullest(ms), code, next((m.country for m in ms if m.country), None),
                            descriptor.lower(), gender)
            for m in ms:
                if not any(a <= m.start < b for a, b in quoted):
                    person.seen.append((m.start, m.start in subjects))
            self.people[entity] = person

    def speaker(self, person: Person, pos: int) -> Speaker:
        person.seen.append((pos, True))
        return Speaker(person.name, person.code, person.entity)

    def _recent(self, pos: int, fits: list[Person]) -> Person | None:
        """The fitting person named (as a subject, if any was) most recently before `pos`."""
        for subjects_only in (True, False):
            best: tuple[int, Person] | None = None
            for p in fits:
                times = [t for t, subj in p.seen if t < pos and (subj or not subjects_only)]
                if times and (best is None or max(times) > best[0]):
                    best = (max(times), p)
            if best is not None:
                return best[1]
        return None

    def resolve(self, ref: Ref, pos: int) -> Speaker:
        if ref.kind == "named" and ref.mention is not None and ref.mention.entity in self.people:
            return self.speaker(self.people[ref.mention.entity], pos)
        if ref.kind == "pronoun":
            fits = [p for p in self.people.values() if p.gender in (None, ref.gender)]
            person = self._recent(pos, fits)
            if person is not None:
                person.gender = person.gender or ref.gender
                return self.speaker(person, pos)
            return Speaker(None, None)
        if ref.kind == "role":
            return self._role(ref, pos)
        if ref.kind == "actor" and ref.mention is not None:
            return Speaker(ref.mention.text, ref.mention.code)
        return Speaker(None, ref.code)

    def _role(self, ref: Ref, pos: int) -> Speaker:
        office = [w for w in ref.words if w not in _FILLER]
        fits = [p for p in self.people.values()
                if (ref.country is None or p.country == ref.country)
                and (ref.gender is None or p.gender in (None, ref.gender))]
        strong = [p for p in fits if _matches(office, p.descriptor)]
        person = self._recent(pos, strong) or self._recent(pos, [p for p in fits if not p.descriptor])
        if person is not None:
            return self.speaker(person, pos)
        if ref.mention is not None and ref.mention.name:
            return Speaker(ref.mention.name, ref.mention.code)
        return Speaker(None, ref.code)


def _matches(words: list[str], descriptor: str) -> bool:
    """Does a role phrase ('secretary of state', 'canadian minister') fit a person's title text?"""
    if not descriptor:
        return False
    if _WILDCARD in descriptor:
        return True
    have = set(descriptor.replace(",", " ").replace(";", " ").split())
    have |= {w for part in list(have) for w in part.split("-")}
    needed = [w for w in words if w not in ("of", "and")]
    return bool(needed) and all(w in have or ROLE_SYNONYMS.get(w, frozenset()) & have for w in needed)
