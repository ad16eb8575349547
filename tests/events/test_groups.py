"""Event groups: one real-world event, counted once; copies never add a source."""

from __future__ import annotations

from dyadscope.article import Event
from dyadscope.config import PipelineConfig
from dyadscope.events.evaluate import make_article
from dyadscope.events.groups import group_events
from dyadscope.store import Store


def _event(actor1: str, actor2: str, date: str, basis: str = "relative", cameo: str = "062") -> Event:
    return Event(sentence=0, start=0, end=5, actor1=actor1, actor2=actor2, plover="COOPERATE", cameo=cameo,
                 quad=2, goldstein=7.4, date=date, date_precision="day", date_basis=basis, text="Joint",
                 trigger="Joint", trigger_start=0, trigger_end=5)


def _store_articles(store: Store, specs: list[tuple[str, str, list[Event]]]) -> list[str]:
    arts = []
    for text, published, events in specs:
        a = make_article(text, published, text[:8])
        a.events = events
        arts.append(a)
    fresh, _ = store.write_batch(arts, [], None)
    return fresh


def _groups(store: Store) -> list[dict]:
    return store.query("SELECT dyad, events, articles, sources FROM event_groups ORDER BY dyad, events")


def test_two_outlets_same_event_is_one_group_two_sources(store: Store) -> None:
    ids = _store_articles(store, [
        ("Joint drills, China and Russia, A says.", "2021-11-25", [_event("CHNMIL", "RUSMIL", "2021-11-23")]),
        ("Joint drills, Russia and China, B reports.", "2021-11-26", [_event("RUSMIL", "CHN", "2021-11-23")]),
    ])
    group_events(store, ids, PipelineConfig())
    assert _groups(store) == [{"dyad": "CHN-RUS", "events": 2, "articles": 2, "sources": 2}]


def test_copy_counts_as_its_original(store: Store) -> None:
    ids = _store_articles(store, [
        ("Joint drills by China and Russia, original.", "2021-11-25", [_event("CHN", "RUS", "2021-11-23")]),
        ("Joint drills by China and Russia, spun copy.", "2021-11-29", [_event("CHN", "RUS", "2021-11-23")]),
    ])
    # the provenance stage's table when its migration exists, else a stand-in with the columns read
    store.con.execute("CREATE TABLE IF NOT EXISTS provenance "
                      "(article_id VARCHAR, copy_of VARCHAR, story VARCHAR)")
    store.con.execute("INSERT INTO provenance (article_id, copy_of) VALUES (?, ?)", [ids[1], ids[0]])
    group_events(store, ids, PipelineConfig())
    assert _groups(store) == [{"dyad": "CHN-RUS", "events": 2, "articles": 2, "sources": 1}]


def test_far_apart_dates_stay_apart_and_regrouping_is_idempotent(store: Store) -> None:
    ids = _store_articles(store, [
        ("Joint drills in March.", "2021-03-10", [_event("CHN", "RUS", "2021-03-09")]),
        ("Joint drills in November.", "2021-11-25", [_event("CHN", "RUS", "2021-11-23")]),
    ])
    group_events(store, ids, PipelineConfig())
    first = _groups(store)
    group_events(store, ids, PipelineConfig())
    assert _groups(store) == first and len(first) == 2


def test_publication_dated_events_of_unrelated_articles_do_not_merge(store: Store) -> None:
    ids = _store_articles(store, [
        ("Joint drills, one story.", "2021-11-25", [_event("CHN", "RUS", "2021-11-25", "publication")]),
        ("Joint drills, another story.", "2021-11-25", [_event("CHN", "RUS", "2021-11-25", "publication")]),
    ])
    group_events(store, ids, PipelineConfig())
    assert [g["sources"] for g in _groups(store)] == [1, 1]
