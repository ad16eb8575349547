"""Per-period counts, the Goldstein-weighted index and its trend for one dyad."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..query.events import code_clause
from ..store import Store

Freq = Literal["week", "month", "year"]
#: Periods the trend's slope is fitted over (the most recent ones).
TREND_PERIODS = 4


@dataclass
class Relation:
    a: str
    b: str
    freq: Freq
    directed: bool
    rows: list[dict[str, Any]]


@dataclass
class Trend:
    """Least-squares slope of the index per period over the last periods, and the latest change."""

    slope: float | None
    last_change: float | None
    periods: int

    def describe(self) -> str:
        if self.slope is None:
            return "trend: not enough periods"
        word = "warming" if self.slope > 0.25 else "cooling" if self.slope < -0.25 else "steady"
        change = "" if self.last_change is None else f", last change {self.last_change:+.2f}"
        return (f"trend: {word} (index slope {self.slope:+.2f} per period over the last "
                f"{self.periods} periods{change})")


def _dyad_sql(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    f1, p1 = code_clause("g.actor1", a)
    f2, p2 = code_clause("g.actor2", b)
    if directed:
        return f"({f1} AND {f2})", p1 + p2
    b1, p3 = code_clause("g.actor1", b)
    b2, p4 = code_clause("g.actor2", a)
    return f"(({f1} AND {f2}) OR ({b1} AND {b2}))", p1 + p2 + p3 + p4


def relation(store: Store, a: str, b: str, freq: Freq = "month", *, directed: bool = False,
             include_flagged: bool = False) -> Relation:
    """Rows of `RelationRow` for the dyad, oldest period first."""
    if freq not in ("week", "month", "year"):
        raise ValueError(f"freq must be week, month or year, not {freq!r}")
    cond, params = _dyad_sql(a, b, directed)
    if not include_flagged:
        cond += " AND NOT g.negated AND NOT g.hypothetical"
    # freq is one of three literals checked above, never user text in the SQL
    sql = (f"SELECT CAST(date_trunc('{freq}', g.date) AS DATE) AS period, count(*) AS events, "
           "count(*) FILTER (WHERE g.quad = 1) AS quad1, count(*) FILTER (WHERE g.quad = 2) AS quad2, "
           "count(*) FILTER (WHERE g.quad = 3) AS quad3, count(*) FILTER (WHERE g.quad = 4) AS quad4, "
           "round(avg(g.goldstein), 2) AS \"index\", CAST(sum(g.sources) AS INTEGER) AS sources "
           f"FROM event_groups g WHERE g.date IS NOT NULL AND {cond} GROUP BY period ORDER BY period")
    rows = store.query(sql, params)
    prev: float | None = None
    for row in rows:
        row["period"] = row["period"].isoformat()
        row["index"] = float(row["index"])
        row["change"] = None if prev is None else round(row["index"] - prev, 2)
        prev = row["index"]
    return Relation(a.upper(), b.upper(), freq, directed, rows)


def trend(rel: Relation, periods: int = TREND_PERIODS) -> Trend:
    ys = [float(r["index"]) for r in rel.rows[-periods:]]
    last = rel.rows[-1]["change"] if rel.rows else None
    if len(ys) < 2:
        return Trend(None, last, len(ys))
    n = len(ys)
    mx, my = (n - 1) / 2, sum(ys) / n
    slope = sum((i - mx) * (y - my) for i, y in enumerate(ys)) / sum((i - mx) ** 2 for i in range(n))
    return Trend(round(slope, 3), last, n)
