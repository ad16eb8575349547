"""The relation index over event groups: per period, undirected or directed, flagged events out."""

from __future__ import annotations

from dyadscope.relations import relation, trend
from dyadscope.store import Store


def _group(store: Store, gid: str, a1: str, a2: str, date: str, quad: int, goldstein: float,
           sources: int = 1, negated: bool = False) -> None:
    store.con.execute(
        "INSERT INTO event_groups VALUES (?, ?, ?, ?, 'X', '000', ?, ?, CAST(? AS DATE), 'day', 'explicit', "
        "?, false, 1, ?, ?, ?)",
        [gid, "-".join(sorted((a1[:3], a2[:3]))), a1, a2, quad, goldstein, date, negated, sources, sources,
         gid])


def test_index_is_mean_goldstein_over_groups(store: Store) -> None:
    _group(store, "g1", "CHNGOV", "RUSGOV", "2021-03-01", 1, 4.0, sources=3)
    _group(store, "g2", "RUS", "CHN", "2021-07-01", 2, 7.0)
    _group(store, "g3", "CHN", "RUS", "2022-05-01", 4, -10.0)
    _group(store, "g4", "CHN", "RUS", "2022-06-01", 4, -10.0, negated=True)
    _group(store, "g5", "CHN", "USA", "2021-06-01", 4, -10.0)
    rel = relation(store, "CHN", "RUS", "year")
    assert [(r["period"], r["events"], r["quad1"], r["quad2"], r["quad4"], r["index"], r["sources"])
            for r in rel.rows] == [("2021-01-01", 2, 1, 1, 0, 5.5, 4), ("2022-01-01", 1, 0, 0, 1, -10.0, 1)]
    assert rel.rows[1]["change"] == -15.5
    assert trend(rel).slope == -15.5


def test_directed_and_flagged(store: Store) -> None:
    _group(store, "g1", "CHNGOV", "RUSGOV", "2021-03-01", 1, 4.0)
    _group(store, "g2", "RUS", "CHN", "2021-07-01", 2, 7.0)
    _group(store, "g3", "CHN", "RUS", "2021-08-01", 4, -10.0, negated=True)
    assert [r["events"] for r in relation(store, "CHN", "RUS", "year", directed=True).rows] == [1]
    assert [r["events"] for r in relation(store, "CHN", "RUS", "year", include_flagged=True).rows] == [3]
    assert relation(store, "CHNGOV", "RUSGOV", "month").rows[0]["period"] == "2021-03-01"
