from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadscope.errors import Code, StoreError
from dyadscope.pipeline import ingest
from dyadscope.store import Store
from dyadscope.store.migrations import MIGRATIONS, Migration

from ..conftest import ARTICLES


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        first = s.query("SELECT version, name FROM schema_migrations ORDER BY version")
    with Store(path) as s:
        again = s.query("SELECT version, name FROM schema_migrations ORDER BY version")
    assert first == again
    assert [r["version"] for r in first] == sorted(m.version for m in MIGRATIONS)


def test_a_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path, migrations=[*MIGRATIONS, Migration(99_999, "future", "SELECT 1")]):
        pass
    with pytest.raises(StoreError) as info:
        Store(path)
    assert info.value.code is Code.STORE_SCHEMA


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "absent.duckdb", read_only=True)
    assert info.value.code is Code.STORE_OPEN


def test_ingest_twice_adds_nothing_and_records_runs(store: Store) -> None:
    first = ingest([str(ARTICLES)], store)
    second = ingest([str(ARTICLES)], store, rescan=True)
    third = ingest([str(ARTICLES)], store)
    assert first.stored == 7 and first.present == 0
    assert second.stored == 0 and second.present == 7
    assert third.stored == 0 and third.present == 3 and third.unchanged == 4  # wire.jsonl has bad lines
    assert store.scalar("SELECT count(*) FROM articles") == 7
    runs = store.query("SELECT status, stored, present, skipped, files_seen FROM runs ORDER BY id")
    assert runs == [
        {"status": "done", "stored": 7, "present": 0, "skipped": 3, "files_seen": 5},
        {"status": "done", "stored": 0, "present": 7, "skipped": 3, "files_seen": 5},
        {"status": "done", "stored": 0, "present": 3, "skipped": 3, "files_seen": 5},
    ]
    fails = store.query("SELECT DISTINCT record, code FROM failures ORDER BY record")
    assert fails == [{"record": "3", "code": "E110"}, {"record": "4", "code": "E112"},
                     {"record": "5", "code": "E111"}]


def test_article_metadata_bases(store: Store) -> None:
    ingest([str(ARTICLES)], store)
    rows = {r["path"].split("/")[-1] + (f"#{r['record']}" if r["record"] else ""): r
            for r in store.query("SELECT path, record, title, outlet, published::VARCHAR AS published,"
                                 " published_basis, url FROM articles")}
    assert rows["summit.html"]["published_basis"] == "html"
    assert rows["summit.html"]["published"] == "2024-04-18"
    assert rows["summit.html"]["outlet"] == "The Amberline Times"
    assert rows["summit.html"]["title"] == "Leaders pledge grid link at Baltic summit"
    assert rows["2022-09-14-border-post.txt"]["published_basis"] == "filename"
    assert rows["harbour-talks.txt"]["published_basis"] == "text"
    assert rows["wire.jsonl#w-1"]["published_basis"] == "input"
    assert rows["wire.jsonl#w-1"]["outlet"] == "Example Wire"
    assert rows["wire.jsonl#w-2"]["outlet"] is None


_bodies = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
            min_size=45, max_size=120),
    min_size=1, max_size=6,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_bodies)
def test_ingest_is_idempotent(tmp_path_factory: pytest.TempPathFactory, bodies: list[str]) -> None:
    folder = tmp_path_factory.mktemp("corpus")
    for i, body in enumerate(bodies):
        (folder / f"a{i}.txt").write_text(body, encoding="utf-8")
    with Store(folder / "s.duckdb") as s:
        first = ingest([str(folder)], s)
        count = s.scalar("SELECT count(*) FROM articles")
        second = ingest([str(folder)], s, rescan=True)
        assert s.scalar("SELECT count(*) FROM articles") == count == first.stored
        assert second.stored == 0 and second.present == first.stored + first.present
