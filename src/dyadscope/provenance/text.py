"""What provenance compares: the article body cut into paragraphs, sentences and signals.

Copies differ from their original in the places content farms touch: the
header (title, date line, byline), boilerplate around the body, and the words
a spinner or a translation round trip swaps. So comparison starts from the body
alone (short lines, headers and syndication footers dropped), and besides the
words it keeps the signals rewording does not touch: the sequence of names,
numbers and dates ("anchors"), and the sentence structure.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..clean.boilerplate import is_boilerplate

#: Paragraphs shorter than this many words are headings, datelines, bylines,
#: captions or widget text: they differ between copies and say nothing about the body.
MIN_PARAGRAPH_WORDS = 6
#: Sentences shorter than this are not aligned (fragments, datelines).
MIN_SENTENCE_WORDS = 4
#: Truncation stemming: English content words agree on their first 5 letters
#: across inflections ("sanction", "sanctions", "sanctioned") far more often
#: than unrelated words collide; cheap and language-agnostic enough for Latin scripts.
STEM_CHARS = 5

WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_NUMBER_RE = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])")

#: Syndication footers, picture credits and reporting credits that several
#: unrelated articles share word for word (the SemEval hard negative).
_FOOTER = re.compile(
    r"^(copyright|\(c\)|©|all rights reserved|republished with|based on reporting|"
    r"with reporting by|reporting by|editing by|additional reporting|this (article|story) "
    r"(was|has been|first)|read (the )?(full|original)|source:|photo:|image:|picture:|"
    r"file photo|\[file:)",
    re.IGNORECASE,
)
#: Widget lines a cleaner may leave because they carry a few words of their own.
_WIDGET = re.compile(r"^(read more|related|more from|see also|recommended|trending|most read|"
                     r"subscribe|sign up|follow us)\b", re.IGNORECASE)
_CAPTION_TAIL = re.compile(r"[\[(](picture|photo|file|image|credit)[^)\]]*[)\]]\s*$", re.IGNORECASE)

#: Function words (English and the commonest of a few other languages): not content,
#: and sentence-initial capitals that are not names.
_STOPWORD_TEXT = """
a about above after again against all also although am an and another any are as at be
because been before being below between both but by can could did do does doing down during
each either even ever every few for from further had has have having he her here hers herself
him himself his how however i if in into is it its itself just least less many may me might
more most much must my myself neither no nor not now of off on once only or other our ours
ourselves out over own same shall she should since so some such than that the their theirs
them themselves then there these they this those though through thus to too under until up
upon very via was we were what when where whether which while who whom whose why will with
within without would yet you your yours yourself said says say told according also still
already last next new one two three four five six seven eight nine ten first second third
mr mrs ms dr on monday tuesday wednesday thursday friday saturday sunday
der die das und den dem des ein eine einer eines ist sind war wurde wurden mit von zu im
auf für nicht sich auch als an es bei nach aus wie er sie wir oder aber
el la los las y en un una que del por con para se es al lo como su sus
le les et des du une est pour dans par sur au aux ce qui pas plus
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(slots=True)
class Sentence:
    text: str
    tokens: list[str]          # casefolded words
    stems: frozenset[str]      # content-word stems
    anchors: list[str]         # names and numbers, in order, stemmed
    names: list[str]           # the same, casefolded but whole (for word frequencies)


#: Word shingle length. 5 words: long enough that two different articles on the
#: same story rarely share one outside quotes, short enough that a light edit
#: breaks only a few.
SHINGLE = 5


@dataclass(slots=True)
class Body:
    """The comparable part of one article."""

    paragraphs: list[str]
    sentences: list[Sentence] = field(default_factory=list)
    _shingles: np.ndarray | None = field(default=None, repr=False)
    # Derived once and reused: one body meets dozens of candidates in a batch.
    _tokens: list[str] | None = field(default=None, repr=False)
    _anchors: list[str] | None = field(default=None, repr=False)
    _keys: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False)
    _names: dict[str, str] | None = field(default=None, repr=False)

    def shingle_hashes(self) -> np.ndarray:
        """Sorted, distinct 32-bit hashes of the body's word shingles (computed once)."""
        if self._shingles is None:
            self._shingles = np.unique(np.fromiter(
                (zlib.crc32(s.encode("utf-8")) for s in shingles(self.tokens)), dtype=np.uint64))
        return self._shingles

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def tokens(self) -> list[str]:
        if self._tokens is None:
            self._tokens = [t for s in self.sentences for t in s.tokens]
        return self._tokens

    @property
    def anchors(self) -> list[str]:
        if self._anchors is None:
            self._anchors = [a for s in self.sentences for a in s.anchors]
        return self._anchors

    def name_stems(self) -> dict[str, str]:
        """Stemmed name or number → its (last) spelling in the body."""
        if self._names is None:
            self._names = {stem(n): n for s in self.sentences for n in s.names}
        return self._names

    def sentence_keys(self) -> tuple[np.ndarray, np.ndarray]:
        """(sentence index, key hash) for every distinct content stem and anchor
        (marked "#") of every sentence: what lexical matching compares."""
        if self._keys is None:
            rows: list[int] = []
            keys: list[int] = []
            for i, s in enumerate(self.sentences):
                distinct = s.stems | {"#" + x for x in s.anchors}
                rows += [i] * len(distinct)
                keys += [key_hash(k) for k in distinct]
            self._keys = (np.array(rows, dtype=np.int64), np.array(keys, dtype=np.uint64))
        return self._keys

    @property
    def stems(self) -> set[str]:
        out: set[str] = set()
        for s in self.sentences:
            out |= s.stems
        return out

    def words(self) -> int:
        return sum(len(s.tokens) for s in self.sentences)


def shingles(tokens: list[str], k: int = SHINGLE) -> set[str]:
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def body_of(text: str, title: str | None = None) -> Body:
    """Paragraphs worth comparing, split into sentences with their signals."""
    paragraphs = []
    folded_title = " ".join((title or "").casefold().split())
    for raw in re.split(r"\n\s*\n|\n", text):
        para = " ".join(raw.split())
        if len(para.split()) < MIN_PARAGRAPH_WORDS or _FOOTER.match(para) or _CAPTION_TAIL.search(para) \
                or is_boilerplate(para) or _WIDGET.match(para):
            continue
        if folded_title and para.casefold() == folded_title:
            continue
        paragraphs.append(para)
    body = Body(paragraphs)
    for para in paragraphs:
        for sent in split_sentences(para):
            s = sentence_of(sent)
            if len(s.tokens) >= MIN_SENTENCE_WORDS:
                body.sentences.append(s)
    return body


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]


def sentence_of(text: str) -> Sentence:
    words = WORD_RE.findall(text)
    tokens = [w.casefold() for w in words]
    stems = frozenset(stem(t) for t in tokens if is_content(t))
    names = anchors_of(words)
    return Sentence(text=text, tokens=tokens, stems=stems, anchors=[stem(n) for n in names],
                    names=names)


@lru_cache(maxsize=200_000)
def is_content(token: str) -> bool:
    return len(token) > 2 and token not in STOPWORDS and not _NUMBER_RE.search(token)


def stem(token: str) -> str:
    return token[:STEM_CHARS]


def anchors_of(words: list[str]) -> list[str]:
    """Names and numbers in order: what survives synonym swaps and translation.

    A capitalised word counts unless it opens the sentence (where any word is
    capitalised; acronyms still count) or is a function word; numbers lose
    their separators ("1,000" and "1000" agree). Returned casefolded; callers
    stem them like content words so "Russia" and "Russian" agree.
    """
    out: list[str] = []
    for i, w in enumerate(words):
        if w[0].isdigit():
            digits = re.sub(r"[^\d]", "", w)
            if digits:
                out.append(digits.lstrip("0") or "0")
        elif w[0].isupper() and len(w) > 1:
            low = w.casefold()
            if low in STOPWORDS or (i == 0 and not any(c.isupper() for c in w[1:])):
                continue
            out.append(low)
    return out


#: A full stop inside a sentence followed by a lower-case word ("Russia. and
#: Eurasia", "project. of dollars"): machine translation of scraped text breaks
#: sentences where the source had abbreviations or markup; people rarely do.
_STRAY_STOP = re.compile(r"(?<!\betc)(?<!\bvs)(?<!\bno)(?<=[a-z]{2})\. [a-z]")


def mt_marks(body: Body) -> float:
    """Machine-translation artefacts per 1,000 characters of body."""
    text = body.text
    return 1000 * len(_STRAY_STOP.findall(text)) / len(text) if text else 0.0


def body_hash(body: Body) -> str:
    """Hash of the folded body: equal for exact copies even when headers and footers differ."""
    norm = " ".join(" ".join(s.tokens) for s in body.sentences)
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


@lru_cache(maxsize=200_000)
def key_hash(key: str) -> int:
    """64-bit hash of a stem or anchor: stable across processes, collisions negligible."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def token_hashes(tokens: list[str]) -> np.ndarray:
    """Stable 32-bit hashes of tokens (crc32: same in every process, unlike hash())."""
    return np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64,
                       count=len(tokens))
