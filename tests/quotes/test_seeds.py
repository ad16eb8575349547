"""What issue #4 must show on ../shared/seeds 000 and 001 (skipped when ../shared is absent).

Seed sentences are not repeated here: quotes are matched by speaker names and cue words only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from dyadscope.pipeline import ingest
from dyadscope.query.quotes import QuoteFilters, list_quotes
from dyadscope.store import Store

SPEAKERS = ["Nigel Gould-Davies", "Bobo Lo", "Alexander Gabuev", "Einar Tangen", "Danil Bochkov",
            "Jens Stoltenberg"]
#: Speakers quoted in both seeds with at least one quote attributed only by 'he <cue>'.
BY_PRONOUN = ["Nigel Gould-Davies", "Bobo Lo", "Alexander Gabuev", "Danil Bochkov", "Jens Stoltenberg"]
CUES = r"(?:said|mentioned|told|added)"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not root.is_dir():
        pytest.skip("../shared/seeds is not present")
    db = tmp_path_factory.mktemp("seeds") / "s.duckdb"
    with Store(db) as store:
        ingest([str(p) for p in sorted(root.glob("00[01]_*.txt"))], store)
        yield store


def _quotes(store: Store, seed: str) -> list[dict[str, Any]]:
    ids = [r["id"] for r in store.query("SELECT id FROM articles WHERE path LIKE ?", [f"%/{seed}_%"])]
    assert len(ids) == 1
    return list_quotes(store, QuoteFilters(article_id=ids[0], kind="direct"))


def _after(store: Store, quote: dict[str, Any]) -> str:
    text = store.scalar("SELECT text FROM articles WHERE id = ?", [quote["article_id"]])
    return str(text[quote["end"]:quote["end"] + 30])


@pytest.mark.parametrize("seed", ["000", "001"])
def test_named_speakers_are_attributed(seed_store: Store, seed: str) -> None:
    speakers = {q["speaker"] for q in _quotes(seed_store, seed)}
    for name in SPEAKERS:
        assert name in speakers, (seed, name)


@pytest.mark.parametrize("seed", ["000", "001"])
def test_pronoun_and_surname_attributions(seed_store: Store, seed: str) -> None:
    quotes = _quotes(seed_store, seed)
    for name in BY_PRONOUN:
        mine = [q for q in quotes if q["speaker"] == name]
        assert any(re.match(rf"\W*\s*he {CUES}\b", _after(seed_store, q)) for q in mine), (seed, name)
    lo = [q for q in quotes if q["speaker"] == "Bobo Lo"]
    assert any(re.match(rf"\W*\s*Lo {CUES}\b", _after(seed_store, q)) for q in lo), seed


def test_chinese_language_resolves_to_china(seed_store: Store) -> None:
    rows = seed_store.query(
        "SELECT m.code FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.path LIKE ? AND m.text = 'Chinese language'", ["%/000_%"])
    assert rows and {r["code"] for r in rows} == {"CHN"}


def test_every_offset_indexes_the_text(seed_store: Store) -> None:
    for table in ("mentions", "quotes"):
        bad = seed_store.scalar(
            f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id "
            "WHERE substring(a.text, t.start_char + 1, t.end_char - t.start_char) <> t.text")
        assert bad == 0, table


def test_spun_copy_borrows_what_its_original_resolved(seed_store: Store) -> None:
    """000 (a spun copy of 001) loses the words that place Alexander Gabuev; 001 keeps them."""
    borrowed = seed_store.query(
        "SELECT m.name, m.code FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.path LIKE ? AND m.method LIKE '%+borrowed'", ["%/000_%"])
    assert ("Alexander Gabuev", "RUS") in {(r["name"], r["code"]) for r in borrowed}
    codes = {q["speaker_code"] for q in _quotes(seed_store, "000") if q["speaker"] == "Alexander Gabuev"}
    assert codes == {"RUS"}
