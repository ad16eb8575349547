"""Pairwise evidence between two article bodies.

Each measure answers one question a reader would ask when holding two texts
side by side: do they share word sequences (shingles)? do the same names and
numbers come in the same order (anchors)? can the sentences of one be matched,
in order, to sentences of the other, by content words (lexical) or by meaning
(sentence embeddings)? do matched sentences keep the same word skeleton
(spinning swaps words in place; translation rebuilds sentences)?
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from typing import Any

import numpy as np

from .text import STOPWORDS, Body, is_content

#: Content-stem Dice at which two sentences are taken as versions of one another.
#: Calibrated on the demo's spun and translated copies (matched sentences
#: 0.35-0.9) against same-story articles (unrelated sentences below 0.3).
LEXICAL_ALIGN = 0.35
#: Sentence-embedding cosine for the same question across wording and language
#: (USE multilingual v3; on the seeds the 000/001 pair's matched sentences sit
#: at 0.8 and above, unrelated ones below 0.6).
EMBED_ALIGN = 0.7


@dataclass(slots=True)
class Alignment:
    """Sentences of A matched one-to-one to sentences of B."""

    pairs: list[tuple[int, int, float]]
    n_a: int
    n_b: int

    def coverage(self) -> tuple[float, float]:
        """(share of the shorter body matched, share of the longer body matched)."""
        short, long_ = sorted((self.n_a, self.n_b))
        k = len(self.pairs)
        return (k / short if short else 0.0, k / long_ if long_ else 0.0)

    def in_order(self) -> float:
        """Share of matched sentences in the same relative order (longest increasing run)."""
        if not self.pairs:
            return 0.0
        seq = [j for _, j, _ in sorted(self.pairs)]
        return _lis(seq) / len(seq)


@dataclass(slots=True)
class Evidence:
    """What matched between two bodies; stored as JSON with each link."""

    jaccard: float = 0.0
    containment: float = 0.0
    anchors: float = 0.0
    coverage: float = 0.0
    coverage_long: float = 0.0
    in_order: float = 0.0
    lexical: float = 0.0
    skeleton: float = 0.0
    replace_share: float = 0.0
    function_share: float = 0.0
    substitution: float = 0.0
    zipf_a: float | None = None
    zipf_b: float | None = None
    substituted: int = 0
    embed_coverage: float | None = None
    embed_coverage_long: float | None = None
    n_a: int = 0
    n_b: int = 0

    def as_json(self) -> dict[str, Any]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in asdict(self).items()
                if v is not None}


def shingle_overlap(a: Body, b: Body) -> tuple[float, float]:
    """(Jaccard, containment in the smaller set) of word shingles."""
    sa, sb = a.shingle_hashes(), b.shingle_hashes()
    if not sa.size or not sb.size:
        return 0.0, 0.0
    inter = int(np.intersect1d(sa, sb, assume_unique=True).size)
    return inter / (sa.size + sb.size - inter), inter / min(sa.size, sb.size)


def anchor_similarity(a: list[str], b: list[str]) -> float:
    """How much of the name/number sequence the two share, in order (difflib ratio)."""
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def lexical_matrix(a: Body, b: Body) -> np.ndarray:
    """Dice similarity of content stems (plus anchors) for every sentence pair."""
    rows_a, keys_a = a.sentence_keys()
    rows_b, keys_b = b.sentence_keys()
    vocab, cols = np.unique(np.concatenate([keys_a, keys_b]), return_inverse=True)
    ma = np.zeros((len(a.sentences), max(len(vocab), 1)), dtype=np.float32)
    mb = np.zeros((len(b.sentences), max(len(vocab), 1)), dtype=np.float32)
    ma[rows_a, cols[:len(keys_a)]] = 1.0
    mb[rows_b, cols[len(keys_a):]] = 1.0
    inter = ma @ mb.T
    sizes = ma.sum(axis=1)[:, None] + mb.sum(axis=1)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        sim = np.where(sizes > 0, 2 * inter / sizes, 0.0)
    return sim


def align(sim: np.ndarray, threshold: float) -> Alignment:
    """One-to-one matching of sentences whose similarity reaches `threshold`.

    Greedy by similarity rather than monotone: a copy whose paragraphs were
    reordered still matches sentence for sentence; `in_order` then says how
    much of the order survived.
    """
    n_a, n_b = sim.shape
    if sim.size == 0:
        return Alignment([], n_a, n_b)
    idx = np.argwhere(sim >= threshold)
    order = np.argsort(-sim[idx[:, 0], idx[:, 1]], kind="stable")
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for i, j in idx[order]:
        if i in used_a or j in used_b:
            continue
        used_a.add(int(i))
        used_b.add(int(j))
        pairs.append((int(i), int(j), float(sim[i, j])))
    return Alignment(pairs, n_a, n_b)


def skeleton_similarity(a: Body, b: Body, alignment: Alignment) -> float:
    """Mean word-sequence similarity of matched sentences, function words included.

    A spinner swaps words in place and keeps everything around them; a
    translation round trip rebuilds the sentence. Measured on matched sentences only.
    """
    if not alignment.pairs:
        return 0.0
    ratios = [SequenceMatcher(None, a.sentences[i].tokens, b.sentences[j].tokens,
                              autojunk=False).ratio() for i, j, _ in alignment.pairs]
    return float(np.mean(ratios))


def overlap(a: Body, b: Body) -> tuple[Evidence, Alignment]:
    """The measures every pair needs: shingles, anchors, the lexical sentence alignment.

    How matched sentences differ (`differences`) is only worth its cost for the
    few pairs that may be copies; `relate` asks for it then.
    """
    ev = Evidence()
    ev.jaccard, ev.containment = shingle_overlap(a, b)
    ev.anchors = anchor_similarity(a.anchors, b.anchors)
    ev.n_a, ev.n_b = len(a.sentences), len(b.sentences)
    al = align(lexical_matrix(a, b), LEXICAL_ALIGN) if a.sentences and b.sentences \
        else Alignment([], ev.n_a, ev.n_b)
    if al.pairs:
        ev.coverage, ev.coverage_long = al.coverage()
        ev.in_order = al.in_order()
        ev.lexical = float(np.mean([p[2] for p in al.pairs]))
    return ev, al


def differences(a: Body, b: Body, al: Alignment, ev: Evidence) -> None:
    """Skeleton and edit statistics of the lexically matched sentences, into `ev`."""
    if a.sentences and b.sentences:
        ev.skeleton = skeleton_similarity(a, b, al)
        diff_stats(a, b, al, ev)


def skeleton_bound(a: Body, b: Body, matched: int) -> float:
    """An upper bound on `skeleton_similarity` for any alignment of at least `matched` pairs.

    A matched pair's ratio (2·M/T, M words in matching blocks) never exceeds
    the Dice of the two sentences' word multisets (M ≤ shared words), and the
    mean over k pairs never exceeds the mean of the k best such values of A's
    sentences. Lets `relate` skip sentence embeddings that could not make a
    same-language pair a copy, without changing any answer.
    """
    if not a.sentences or not b.sentences or matched <= 0:
        return 0.0
    vocab: dict[str, int] = {}
    rows_a = [[vocab.setdefault(t, len(vocab)) for t in s.tokens] for s in a.sentences]
    rows_b = [[vocab.setdefault(t, len(vocab)) for t in s.tokens] for s in b.sentences]
    ca, cb = _counts(rows_a, len(vocab)), _counts(rows_b, len(vocab))
    sizes_b = cb.sum(axis=1)
    best = np.zeros(len(rows_a))
    for i in range(len(rows_a)):  # one row at a time bounds memory for long bodies
        shared = np.minimum(ca[i][None, :], cb).sum(axis=1)
        best[i] = float(np.max(2.0 * shared / (ca[i].sum() + sizes_b)))
    top = np.sort(best)[::-1][:matched]
    return float(top.mean()) if len(top) >= matched else 0.0


def _counts(rows: list[list[int]], width: int) -> np.ndarray:
    m = np.zeros((len(rows), max(width, 1)), dtype=np.float64)
    for i, ids in enumerate(rows):
        np.add.at(m[i], ids, 1.0)
    return m


def diff_stats(a: Body, b: Body, alignment: Alignment, ev: Evidence) -> None:
    """How matched sentences differ: in-place word swaps (spinning) or rebuilt syntax.

    `replace_share`: share of edit operations that replace words in place
    rather than insert or delete them; `function_share`: share of changed words
    that are function words (translation changes articles, auxiliaries and
    prepositions; a spinner leaves them); `substitution`: replaced content words
    per content word; `zipf_a`/`zipf_b`: mean general-English frequency of
    the content words each side has where the other has different ones. The
    side with the rarer words is the one a thesaurus went through.
    """
    from wordfreq import zipf_frequency

    replaced = inserted = changed = functional = content = 0
    za: list[float] = []
    zb: list[float] = []
    for i, j, _ in alignment.pairs:
        ta, tb = a.sentences[i].tokens, b.sentences[j].tokens
        content += sum(1 for t in ta if is_content(t))
        for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            seg = ta[i1:i2] + tb[j1:j2]
            changed += len(seg)
            functional += sum(1 for t in seg if t in STOPWORDS)
            if op != "replace":
                inserted += 1
                continue
            replaced += 1
            za += [zipf_frequency(t, "en") for t in ta[i1:i2] if is_content(t)]
            zb += [zipf_frequency(t, "en") for t in tb[j1:j2] if is_content(t)]
    ev.replace_share = replaced / (replaced + inserted) if replaced + inserted else 1.0
    ev.function_share = functional / changed if changed else 0.0
    ev.substitution = min(len(za), len(zb)) / content if content else 0.0
    ev.substituted = min(len(za), len(zb))
    ev.zipf_a = float(np.mean(za)) if za else None
    ev.zipf_b = float(np.mean(zb)) if zb else None


def embedding_alignment(ea: np.ndarray, eb: np.ndarray) -> Alignment:
    """Sentence matching by meaning, from L2-normalised sentence embeddings."""
    if not len(ea) or not len(eb):
        return Alignment([], len(ea), len(eb))
    return align(ea @ eb.T, EMBED_ALIGN)


def _lis(seq: list[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    for x in seq:
        k = bisect.bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)
