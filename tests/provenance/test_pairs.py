"""Scoring pairs anywhere gives the same links; the shortcuts that skip work change no answer."""

import random
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadscope.cli.demo import demo_corpus
from dyadscope.provenance import embed, pairs
from dyadscope.provenance.compare import Alignment, skeleton_bound, skeleton_similarity
from dyadscope.provenance.pairs import ArticleText, _chunks, index_entries, score_pairs
from dyadscope.provenance.text import body_of

TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(demo_corpus().glob("*.txt"))}


def _articles() -> dict[str, ArticleText]:
    return {name: ArticleText(text=text, title=None, language="en", published=None)
            for name, text in TEXTS.items()}


def _tasks_run(seen: list[int]) -> Any:
    """A runner that records how many tasks it got and runs them here, in reverse order."""

    def run(fn: Any, items: list[Any]) -> list[Any]:
        seen.append(len(items))
        return [fn(item) for item in items[::-1]][::-1]

    return run


def test_pairs_scored_in_tasks_give_the_links_scored_in_one_place(
        monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    candidates = list(combinations(sorted(articles), 2))
    embed.clear_cache()  # each call computes its own vectors, as a fresh worker would
    here, vectors_here = score_pairs(candidates, articles, {})
    monkeypatch.setattr(pairs, "MIN_DISTRIBUTED_PAIRS", 1)
    embed.clear_cache()
    seen: list[int] = []
    spread, vectors_spread = score_pairs(candidates, articles, {}, run=_tasks_run(seen), workers=3)
    assert seen and seen[0] > 1
    assert here, "the demo corpus has copies and stories"
    assert spread == here
    assert vectors_here and sorted(vectors_spread) == sorted(vectors_here)
    assert all((vectors_spread[k] == vectors_here[k]).all() for k in vectors_here)


def test_index_entries_built_in_tasks_equal_entries_built_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    ids = sorted(articles)
    here = index_entries(ids, articles)
    monkeypatch.setattr(pairs, "MIN_DISTRIBUTED_ENTRIES", 1)
    seen: list[int] = []
    spread = index_entries(ids, articles, run=_tasks_run(seen), workers=2)
    assert seen == [4]
    assert [e.article_id for e in here] == ids
    assert spread == here
    assert all(e.bands and e.terms and e.sentences for e in here)


def test_chunks_keep_each_first_article_together_and_lose_nothing() -> None:
    rng = random.Random(7)
    ids = [f"a{i:02d}" for i in range(30)]
    todo = sorted({tuple(sorted(rng.sample(ids, 2))) for _ in range(200)})  # type: ignore[misc]
    chunks = _chunks(todo, 4)  # type: ignore[arg-type]
    assert [p for c in chunks for p in c] == todo
    firsts = [{p[0] for p in c} for c in chunks]
    for x, y in combinations(firsts, 2):
        assert not x & y


def _random_alignment(rng: random.Random, n_a: int, n_b: int, k: int) -> Alignment:
    left = rng.sample(range(n_a), k)
    right = rng.sample(range(n_b), k)
    return Alignment([(i, j, 1.0) for i, j in zip(left, right, strict=True)], n_a, n_b)


@given(st.sampled_from(sorted(TEXTS)), st.sampled_from(sorted(TEXTS)), st.integers(0, 10_000))
@settings(max_examples=40, deadline=None)
def test_skeleton_bound_is_never_below_any_alignment(x: str, y: str, seed: int) -> None:
    """The bound lets relate skip embeddings; it is only safe if no alignment can beat it."""
    a, b = body_of(TEXTS[x]), body_of(TEXTS[y])
    rng = random.Random(seed)
    k = rng.randint(1, min(len(a.sentences), len(b.sentences)))
    alignment = _random_alignment(rng, len(a.sentences), len(b.sentences), k)
    assert skeleton_similarity(a, b, alignment) <= skeleton_bound(a, b, k) + 1e-12


def test_skeleton_bound_is_reached_by_identical_bodies() -> None:
    a = body_of(TEXTS[sorted(TEXTS)[0]])
    n = len(a.sentences)
    same = Alignment([(i, i, 1.0) for i in range(n)], n, n)
    assert skeleton_similarity(a, a, same) == pytest.approx(1.0)
    assert skeleton_bound(a, a, n) == pytest.approx(1.0)
    # The word-multiset Dice it rests on bounds difflib's ratio pair by pair.
    s, t = a.sentences[0].tokens, a.sentences[-1].tokens
    ratio = SequenceMatcher(None, s, t, autojunk=False).ratio()
    shared = sum(min(s.count(w), t.count(w)) for w in set(s))
    assert ratio <= 2 * shared / (len(s) + len(t)) + 1e-12
