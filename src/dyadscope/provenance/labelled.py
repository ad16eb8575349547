"""The team's labelled provenance set: copies made by rule from our own articles.

Each source article (the demo corpus's originals and the texts under
tests/labelled, all written by this team) is republished by rule: as is, with
boilerplate around it, lightly edited, with paragraphs reordered or deleted,
and spun at 10-50 % of its content words, alone or combined with reordering,
deletion and boilerplate. Hand-written same-story articles (independent
reporting of one event) and a same-actors hard negative come from
tests/labelled/provenance/stories.jsonl.

Keeping it honest: the spinner's synonyms come from a thesaurus file the
detector never reads (dyadscope has no synonym list), and when the thesaurus
runs out, words are swapped for random English words of similar frequency,
which no synonym list could anticipate. Detector thresholds were calibrated on
the demo copies, the seeds and the SemEval sample, not on this set.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from .text import STOPWORDS

_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*")
#: Content farms that republish; invented names.
FARM_OUTLETS = ("NewsPulse Hub", "WorldBeat Digest", "Daily Aggregate", "Headline Mirror",
                "Global Wire Review", "Trending Now 24", "InfoStream Press", "Panorama Feed")
_BOILER_TOP = ("Share this:", "Follow us on Twitter", "Skip to content", "Advertisement")
_BOILER_BOTTOM = ("Subscribe to our newsletter", "Related posts:", "Leave a Reply",
                  "All rights reserved.", "Read more: the latest from our newsroom", "Like this:")
_ADDED_SENTENCES = ("Markets showed little reaction to the news.",
                    "Further details were not immediately available.",
                    "The ministry did not respond to a request for comment.",
                    "Analysts said more talks were likely in the coming weeks.",
                    "Local media carried the announcement on their front pages.")


@dataclass(frozen=True, slots=True)
class Source:
    """An original article to make copies of."""

    key: str
    title: str
    text: str
    published: date | None
    outlet: str | None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One article of the labelled set, with its gold labels."""

    key: str
    title: str
    text: str
    published: date | None
    outlet: str | None
    group: str                  # gold copy group: the source's key
    kind: str | None            # gold copy kind; None for the source itself
    transform: str              # how it was made ("original" for sources)
    story: str | None = None    # gold story of the source (copies share it)
    rate: float | None = None   # share of content words actually substituted


def load_thesaurus(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, alts = line.partition("\t")
        choices = [a.strip() for a in alts.split("|") if a.strip() and a.strip() != word]
        if choices:
            out[word.strip()] = choices
    return out


@lru_cache(maxsize=1)
def _vocabulary() -> dict[int, list[str]]:
    """Common English content words bucketed by frequency (half Zipf steps)."""
    from wordfreq import top_n_list, zipf_frequency

    buckets: dict[int, list[str]] = {}
    for w in top_n_list("en", 30_000):
        if w.isalpha() and len(w) > 3 and w not in STOPWORDS:
            buckets.setdefault(round(zipf_frequency(w, "en") * 2), []).append(w)
    return buckets


def spin(text: str, rate: float, rng: random.Random, thesaurus: dict[str, list[str]]) -> tuple[str, float]:
    """Replace `rate` of the content words; returns the text and the share actually replaced."""
    from wordfreq import zipf_frequency

    matches = [m for m in _WORD.finditer(text) if m.group().casefold() not in STOPWORDS]
    if not matches:
        return text, 0.0
    covered = [m for m in matches if m.group() in thesaurus or m.group().casefold() in thesaurus]
    others = [m for m in matches if m not in covered and m.group()[0].islower()]
    rng.shuffle(covered)
    rng.shuffle(others)
    want = round(rate * len(matches))
    chosen = (covered + others)[:want]
    vocab = _vocabulary()
    new: dict[int, str] = {}
    for m in chosen:
        word = m.group()
        alts = thesaurus.get(word) or thesaurus.get(word.casefold())
        if alts:
            rep = rng.choice(alts)
        else:
            bucket = vocab.get(round(zipf_frequency(word.casefold(), "en") * 2)) or vocab[8]
            rep = rng.choice(bucket)
        if word[0].isupper() and rep[0].islower():
            rep = rep[0].upper() + rep[1:]
        new[m.start()] = rep
    out, last = [], 0
    for m in sorted(chosen, key=lambda x: x.start()):
        out += [text[last:m.start()], new[m.start()]]
        last = m.end()
    out.append(text[last:])
    return "".join(out), len(chosen) / len(matches)


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def reorder_paragraphs(text: str, rng: random.Random) -> str:
    paras = _paragraphs(text)
    if len(paras) > 2:
        head, rest = paras[0], paras[1:]
        rng.shuffle(rest)
        paras = [head, *rest]
    return "\n\n".join(paras)


def reorder_sentences(text: str, rng: random.Random) -> str:
    """Shuffle the sentences inside each paragraph (keeps the paragraph order)."""
    out = []
    for para in _paragraphs(text):
        sents = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para)
        rng.shuffle(sents)
        out.append(" ".join(sents))
    return "\n\n".join(out)


def delete_paragraphs(text: str, rng: random.Random, share: float = 0.25) -> str:
    paras = _paragraphs(text)
    drop = max(1, round(share * len(paras))) if len(paras) > 3 else 0
    gone = set(rng.sample(range(1, len(paras)), drop)) if drop else set()
    return "\n\n".join(p for i, p in enumerate(paras) if i not in gone)


def light_edit(text: str, rng: random.Random, thesaurus: dict[str, list[str]]) -> str:
    """Three words swapped and one sentence added at the end: what an editor's pass leaves."""
    edited = text
    words = [m for m in _WORD.finditer(edited) if m.group() in thesaurus]
    for m in sorted(rng.sample(words, min(3, len(words))), key=lambda x: -x.start()):
        edited = edited[:m.start()] + rng.choice(thesaurus[m.group()]) + edited[m.end():]
    return edited.rstrip() + " " + rng.choice(_ADDED_SENTENCES)


def add_boilerplate(text: str, rng: random.Random) -> str:
    top = rng.sample(_BOILER_TOP, 2)
    bottom = rng.sample(_BOILER_BOTTOM, 3)
    return "\n\n".join([*top, text, *bottom])


Transform = Callable[[str, random.Random, dict[str, list[str]]], tuple[str, float | None]]


def _spin_then(rate: float, *then: Callable[[str, random.Random], str]) -> Transform:
    def run(text: str, rng: random.Random, th: dict[str, list[str]]) -> tuple[str, float | None]:
        out, achieved = spin(text, rate, rng, th)
        for fn in then:
            out = fn(out, rng)
        return out, achieved
    return run


#: name → (gold kind, transform). Every source gets every transform.
TRANSFORMS: dict[str, tuple[str, Transform]] = {
    "republished": ("exact", lambda t, r, th: (t, None)),
    "boilerplate": ("exact", lambda t, r, th: (add_boilerplate(t, r), None)),
    "light-edit": ("near", lambda t, r, th: (light_edit(t, r, th), None)),
    "paragraphs-reordered": ("near", lambda t, r, th: (reorder_paragraphs(t, r), None)),
    "paragraph-deleted": ("near", lambda t, r, th: (delete_paragraphs(t, r), None)),
    "edit+boilerplate": ("near", lambda t, r, th: (add_boilerplate(light_edit(t, r, th), r), None)),
    "spun-10": ("spun", _spin_then(0.1)),
    "spun-20": ("spun", _spin_then(0.2)),
    "spun-30": ("spun", _spin_then(0.3)),
    "spun-40": ("spun", _spin_then(0.4)),
    "spun-50": ("spun", _spin_then(0.5)),
    "spun-30+sentences-reordered": ("spun", _spin_then(0.3, reorder_sentences)),
    "spun-30+deleted+boilerplate": ("spun", _spin_then(0.3, delete_paragraphs, add_boilerplate)),
}


def build(sources: list[Source], thesaurus: dict[str, list[str]], seed: int = 7) -> list[Item]:
    """Sources plus every transform of each, with dates: later, the same day, or none."""
    rng = random.Random(seed)
    items: list[Item] = []
    for i, src in enumerate(sources):
        published = src.published or date(2022, 1, 1) + timedelta(days=9 * i)
        base = Item(key=src.key, title=src.title, text=src.text, published=published,
                    outlet=src.outlet, group=src.key, kind=None, transform="original", story=src.story)
        items.append(base)
        for name, (kind, fn) in TRANSFORMS.items():
            text, rate = fn(src.text, rng, thesaurus)
            roll = rng.random()
            when = None if roll < 0.15 else published if roll < 0.3 else \
                published + timedelta(days=rng.randint(1, 20))
            if text == src.text:
                kind = "exact"  # e.g. paragraphs "reordered" in a two-paragraph text
            items.append(replace(base, key=f"{src.key}~{name}", text=text, published=when,
                                 title=src.title if rng.random() < 0.5 else f"{src.title} (update)",
                                 outlet=rng.choice(FARM_OUTLETS), kind=kind, transform=name, rate=rate))
    return items
