"""Per-article index entries: what a new article is looked up by.

Three keys find the candidates a new article is compared with, each for a kind
of copy the others miss:

* `body_hash`: exact copies (same body, whatever header or footer).
* MinHash LSH band keys over word shingles: near copies (light edits,
  added boilerplate, reordered or deleted paragraphs).
* rare terms: the article's rarest names, numbers and content stems (rarity
  from general word frequencies, so it needs no corpus statistics and is the
  same whichever order articles arrive in). Spinning and translation keep
  names and numbers, so spun and translated copies share most of them; so do
  different articles on the same story, which is what story grouping needs.

All three are symmetric (A finds B exactly when B would find A), which is what
makes the links independent of arrival order (up to the bounds on candidates per
article and on articles per term, see index.py).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from wordfreq import zipf_frequency

from .text import Body, body_hash, body_of, is_content, shingles, stem

#: MinHash permutations and LSH banding: 42 bands of 3 rows. A pair of bodies
#: with shingle Jaccard 0.5 collides with probability 0.996, at 0.3 with 0.68,
#: at 0.1 (unrelated articles on one topic) with 0.04.
NUM_PERM = 126
BANDS = 42
ROWS = NUM_PERM // BANDS
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20240229)
_A = _rng.integers(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_MAX = np.uint64((1 << 32) - 1)

#: Rare terms kept per article. 24 keeps every name and number of a short
#: article and the distinctive ones of a long one.
RARE_TERMS = 24
#: Terms at least this frequent in general English (Zipf scale; "government"
#: is 5.2, "Shoigu" 2.4) are too common to find anything by.
RARE_MAX_ZIPF = 4.5


@dataclass(slots=True)
class IndexEntry:
    """What the index stores for one article: small enough to send between processes."""

    article_id: str
    body_hash: str
    sentences: int
    bands: list[int]
    terms: list[int]


@dataclass(slots=True)
class Features:
    article_id: str
    body: Body
    body_hash: str
    bands: list[int]
    terms: list[int]

    def entry(self) -> IndexEntry:
        return IndexEntry(self.article_id, self.body_hash, len(self.body.sentences), self.bands,
                          self.terms)


def features(article_id: str, text: str, title: str | None) -> Features:
    return features_of(article_id, body_of(text, title))


def features_of(article_id: str, body: Body) -> Features:
    sig = minhash(body.shingle_hashes())
    return Features(article_id=article_id, body=body, body_hash=body_hash(body),
                    bands=band_keys(sig) if len(body.tokens) else [], terms=rare_terms(body))


def shingle_hashes(tokens: list[str]) -> np.ndarray:
    return np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles(tokens)), dtype=np.uint64)


def minhash(hashes: np.ndarray) -> np.ndarray:
    """MinHash signature: per permutation the least (a·x + b) mod p, kept to 32 bits."""
    if hashes.size == 0:
        return np.full(NUM_PERM, _MAX, dtype=np.uint64)
    perm = (np.outer(hashes, _A) + _B) % _PRIME & _MAX
    return perm.min(axis=0)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 63-bit key per band (band number folded in), for a DuckDB BIGINT column."""
    keys = []
    for b in range(BANDS):
        chunk = sig[b * ROWS:(b + 1) * ROWS].astype("<u4").tobytes()
        digest = zlib.crc32(chunk, b * 7919) | (b << 32)
        keys.append(int(digest))
    return keys


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def rare_terms(body: Body) -> list[int]:
    """Hashes of the rarest anchors and content stems, rarest first (ties by spelling)."""
    scored: dict[str, float] = {}
    for s in body.sentences:
        for a, name in zip(s.anchors, s.names, strict=True):
            key = "#" + a
            z = _rarity_anchor(name)
            if z < scored.get(key, 99.0):
                scored[key] = z
        for t in s.tokens:
            if is_content(t):
                key = stem(t)
                z = _zipf(t)
                if z < scored.get(key, 99.0):
                    scored[key] = z
    ranked = sorted((z, k) for k, z in scored.items() if z <= RARE_MAX_ZIPF)
    return [term_hash(k) for _, k in ranked[:RARE_TERMS]]


def term_hash(term: str) -> int:
    return zlib.crc32(term.encode("utf-8"))


def _rarity_anchor(name: str) -> float:
    """Zipf-like rarity of a name or number; 99 for numbers that identify nothing."""
    if name.isdigit():
        # Days, small counts and years are in every article of their time.
        if len(name) < 3 or (len(name) == 4 and 1900 <= int(name) <= 2099):
            return 99.0
        return 3.0
    return _zipf(name)


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


