"""The dyads view (the dashboard's dyad picker) and the actor network.

Both count event groups — one real-world event however many articles report it
(see `dyadscope.events.groups`) — never articles, so a story copied five times
is one edge unit, as in the relation view. Negated and hypothetical groups are
left out, as `dyadscope relation` leaves them out. Actors are state roots
(CHNGOV and CHNMIL are CHN): the groups' `dyad` column, already undirected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Store
from .common import Page, page_sql, rows_out

#: Most actors drawn in the network; the rest are left out (the busiest are kept).
MAX_NODES = 40


@dataclass
class NetworkFilters:
    since: str | None = None
    until: str | None = None
    min_groups: int = 1
    max_nodes: int = MAX_NODES


def has_event_groups(store: Store) -> bool:
    """Stores written before the events stage existed (opened read-only, not migrated) lack the table."""
    return bool(store.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'event_groups'"))


def _pairs_sql(since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """Asserted groups between two actors, with the dyad split into a and b."""
    # Only pairs of two different actors: "CHN-" has no target, "POL-POL" is internal.
    where = ["NOT negated", "NOT hypothetical", "dyad NOT LIKE '%-'",
             "split_part(dyad, '-', 1) <> split_part(dyad, '-', 2)"]
    params: list[Any] = []
    if since:
        where.append("date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("date <= CAST(? AS DATE)")
        params.append(until)
    sql = (
        "SELECT split_part(dyad, '-', 1) AS a, split_part(dyad, '-', 2) AS b, dyad, quad, goldstein, "
        "sources, date FROM event_groups WHERE " + " AND ".join(where)
    )
    return sql, params


def list_dyads(store: Store, page: Page | None = None) -> list[dict[str, Any]]:
    """Dyads by number of event groups (most first): the pairs worth looking at."""
    if not has_event_groups(store):
        return []
    pairs, params = _pairs_sql(None, None)
    sql = (
        f"SELECT dyad, a, b, count(*) AS groups, CAST(sum(sources) AS INTEGER) AS sources, "
        f"round(avg(goldstein), 2) AS \"index\", "
        f"count(*) FILTER (WHERE quad IN (1, 2)) AS cooperation, "
        f"count(*) FILTER (WHERE quad IN (3, 4)) AS conflict, min(date) AS first, max(date) AS last "
        f"FROM ({pairs}) GROUP BY dyad, a, b ORDER BY groups DESC, dyad"
    )
    sql, params = page_sql(sql, params, page)
    return rows_out(store.query(sql, params))


def actor_network(store: Store, filters: NetworkFilters | None = None) -> dict[str, list[dict[str, Any]]]:
    """Nodes (actors, weighted by their groups) and edges (dyads: groups, sources, tone in [-1, 1])."""
    f = filters or NetworkFilters()
    if not has_event_groups(store):
        return {"nodes": [], "edges": []}
    pairs, params = _pairs_sql(f.since, f.until)
    edges = rows_out(store.query(
        f"SELECT a, b, count(*) AS weight, CAST(sum(sources) AS INTEGER) AS sources, "
        f"round(avg(goldstein) / 10, 3) AS tone, "
        f"count(*) FILTER (WHERE quad IN (1, 2)) AS cooperation, "
        f"count(*) FILTER (WHERE quad IN (3, 4)) AS conflict "
        f"FROM ({pairs}) GROUP BY a, b HAVING count(*) >= ? ORDER BY weight DESC, a, b",
        [*params, f.min_groups],
    ))
    weight: dict[str, int] = {}
    for e in edges:
        for code in (e["a"], e["b"]):
            weight[code] = weight.get(code, 0) + int(e["weight"])
    kept = sorted(weight, key=lambda c: (-weight[c], c))[: f.max_nodes]
    nodes = [{"code": c, "weight": weight[c]} for c in kept]
    chosen = set(kept)
    return {"nodes": nodes, "edges": [e for e in edges if e["a"] in chosen and e["b"] in chosen]}
