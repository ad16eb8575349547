"""`dyadscope export`: the store's events (and articles) as files other tools read.

`csv`, `jsonl` and `parquet` write the listings as they are (`articles`, `events`,
`event_groups`); `gdelt` writes one row per event group in the column layout of
the GDELT 2.0 event table (the columns that apply; the rest are left out), so a
script written for GDELT runs on a corpus of one's own. Its file is tab-separated
like GDELT's, with a header row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from .query.articles import list_articles
from .query.common import rows_out
from .query.events import list_events
from .store import Store

ExportFormat = Literal["csv", "jsonl", "parquet", "gdelt"]

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL",
)

_GROUP_SQL = """
SELECT g.id, g.date, g.actor1, g.actor2, g.cameo, g.quad, g.goldstein, g.events, g.sources, g.articles,
       coalesce(a.url, a.path) AS source
FROM event_groups g
JOIN events e ON e.id = g.first_event
JOIN articles a ON a.id = e.article_id
WHERE g.date IS NOT NULL AND NOT g.negated AND NOT g.hypothetical
ORDER BY g.date, g.id
"""


def _split(code: str | None) -> tuple[str | None, str | None]:
    """(country, type) of a CAMEO-shaped code: RUSMIL → (RUS, MIL); NATO → (None, None)."""
    if not code:
        return None, None
    if len(code) == 6:
        return code[:3], code[3:]
    if len(code) == 3:
        return code, None
    return None, None


def gdelt_rows(store: Store) -> list[dict[str, Any]]:
    added = datetime.now().strftime("%Y%m%d%H%M%S")
    out = []
    for r in store.query(_GROUP_SQL):
        d: date = r["date"]
        c1, t1 = _split(r["actor1"])
        c2, t2 = _split(r["actor2"])
        out.append({
            "GLOBALEVENTID": int(r["id"][:12], 16), "SQLDATE": int(d.strftime("%Y%m%d")),
            "MonthYear": int(d.strftime("%Y%m")), "Year": d.year,
            "FractionDate": round(d.year + (d.timetuple().tm_yday - 1) / 365, 4),
            "Actor1Code": r["actor1"], "Actor1CountryCode": c1, "Actor1Type1Code": t1,
            "Actor2Code": r["actor2"], "Actor2CountryCode": c2, "Actor2Type1Code": t2,
            "IsRootEvent": 1, "EventCode": r["cameo"], "EventBaseCode": r["cameo"][:3],
            "EventRootCode": r["cameo"][:2], "QuadClass": r["quad"], "GoldsteinScale": r["goldstein"],
            "NumMentions": r["events"], "NumSources": r["sources"], "NumArticles": r["articles"],
            "DATEADDED": int(added), "SOURCEURL": r["source"],
        })
    return out


def _write(rows: list[dict[str, Any]], columns: Sequence[str], path: Path, fmt: str) -> Path:
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt == "parquet":
        table = pa.table({c: pa.array([row.get(c) for row in rows]) for c in columns})
        pq.write_table(table, path)
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t" if fmt == "gdelt" else ",")
            writer.writerow(columns)
            for row in rows:
                writer.writerow(["" if row.get(c) is None else _cell(row.get(c)) for c in columns])
    return path


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def export(store: Store, fmt: ExportFormat, out_dir: Path) -> list[Path]:
    """Write the export files into `out_dir` (created); returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt":
        return [_write(gdelt_rows(store), GDELT_COLUMNS, out_dir / "gdelt_events.tsv", "gdelt")]
    written = []
    ext = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet"}[fmt]
    articles = list_articles(store)
    if articles:
        written.append(_write(articles, list(articles[0]), out_dir / f"articles.{ext}", fmt))
    events = list_events(store)
    from .schema import EventRow, field_names

    written.append(_write(events, field_names(EventRow), out_dir / f"events.{ext}", fmt))
    groups = rows_out(store.query("SELECT * FROM event_groups ORDER BY date NULLS LAST, id"))
    cols = [d[0] for d in store.con.execute("SELECT * FROM event_groups LIMIT 0").description or []]
    written.append(_write(groups, cols, out_dir / f"event_groups.{ext}", fmt))
    return written
