"""spaCy matchers over the actor dictionary, built once per process and dictionary.

Building a PhraseMatcher over ~6,000 aliases costs a few hundred milliseconds, so
it is cached (keyed by the user actor file) and shared by every article of every
batch in the process. Aliases match case-sensitively (ORTH): 'US', 'IS' and 'WHO'
are ordinary words in lower case. Role phrases and sector nouns match on LOWER.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from .dictionary import Dictionary, load_dictionary

#: Marker appended to spun-text aliases ('Chinese language' for 'Chinese', see `SPUN_SUFFIX`).
SPUN_SUFFIX = " language"
#: Military ranks that make a titled person a serving officer (sector MIL).
RANKS = frozenset({
    "general", "lieutenant general", "major general", "brigadier general", "colonel", "senior colonel",
    "lieutenant colonel", "major", "captain", "admiral", "vice admiral", "rear admiral", "commander",
    "lieutenant", "sergeant", "marshal", "air marshal", "field marshal", "brigadier", "captain first rank",
    "senior captain", "colonel general", "army general", "officer",
})
#: Fuzzy alias matching: only entity strings this long, and only matches this close (rapidfuzz ratio,
#: 0-100). 90 accepts one typo or transliteration letter in a 10-letter name ('Phillipines',
#: 'Zelenskiy') and rejects distinct short names (calibrated on the demo corpus and the seeds).
FUZZY_MIN_CHARS = 6
FUZZY_CUTOFF = 90.0


@dataclass
class Matchers:
    """The compiled matchers and the strings their match ids stand for."""

    aliases: Any  # spacy PhraseMatcher on ORTH
    lower: Any  # spacy PhraseMatcher on LOWER: role phrases, sector nouns, ranks
    role_ids: frozenset[int]
    sector_ids: frozenset[int]
    rank_ids: frozenset[int]
    fuzzy_choices: list[str]
    dictionary: Dictionary
    #: Lower-case first words of titles ('premier', 'foreign', 'defence', 'president', ...).
    title_words: frozenset[str] = frozenset()

    def fuzzy(self, text: str) -> tuple[str, float] | None:
        """The closest alias to an unmatched entity string, or None below `FUZZY_CUTOFF`."""
        if len(text) < FUZZY_MIN_CHARS:
            return None
        hit = process.extractOne(text, self.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return (hit[0], float(hit[1])) if hit else None


def build_matchers(nlp: Any, dictionary: Dictionary) -> Matchers:
    from spacy.matcher import PhraseMatcher

    aliases = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = list(dictionary.aliases)
    spun = [adj + SPUN_SUFFIX for adj in dictionary.adjectives]
    # 'the Kremlin' also as 'The Kremlin' at the start of a sentence; the match id stays the alias.
    variants = [(a, a) for a in names] + [(a, "The" + a[3:]) for a in names if a.startswith("the ")]
    for batch_start in range(0, len(variants), 1000):
        chunk = variants[batch_start:batch_start + 1000]
        for (alias, _), doc in zip(chunk, nlp.tokenizer.pipe(v for _, v in chunk), strict=True):
            aliases.add(alias, [doc])
    for alias, doc in zip(spun, nlp.tokenizer.pipe(spun), strict=True):
        aliases.add(alias, [doc])
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    groups = {"ROLE": list(dictionary.roles), "SECTOR": list(dictionary.sectors), "RANK": sorted(RANKS)}
    for label, phrases in groups.items():
        lower.add(label, list(nlp.tokenizer.pipe(phrases)))
    strings = nlp.vocab.strings
    choices = sorted(a for a in dictionary.aliases
                     if (len(a) >= FUZZY_MIN_CHARS and " " in a) or len(a) >= 8)
    titles = {p.split()[0] for p in dictionary.roles} | {r.split()[0] for r in RANKS}
    titles |= {t.split()[0].lower() for person in dictionary.people for t in person.title}
    return Matchers(aliases=aliases, lower=lower, role_ids=frozenset({strings["ROLE"]}),
                    sector_ids=frozenset({strings["SECTOR"]}), rank_ids=frozenset({strings["RANK"]}),
                    fuzzy_choices=choices, dictionary=dictionary, title_words=frozenset(titles))


@lru_cache(maxsize=4)
def matchers_for(user_file: str | None = None) -> Matchers:
    """Matchers over the bundled dictionary (plus `user_file`), sharing the nlp stage's vocab."""
    from .. import nlp as nlp_stage

    return build_matchers(nlp_stage.load(), load_dictionary(user_file))
