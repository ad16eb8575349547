"""The one `--format` helper every listing uses.

`json`, `jsonl` and `csv` write every row (scripts rely on that) unless the user
passed `--limit`; `table` shows the first rows and says how many it left out.
Article text is only ever printed as data: rich markup in it is escaped.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

#: Rows a table shows by default; the rest are announced, never silently dropped.
TABLE_ROWS = 25
#: Characters of a long cell (article text) shown in a table.
TABLE_CELL = 80


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(rows: list[dict[str, Any]], fmt: Format, *, columns: list[str],
         table_columns: list[str] | None = None, title: str | None = None,
         limited: bool = False, console: Console | None = None) -> None:
    out = sys.stdout
    if fmt is Format.jsonl:
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt is Format.json:
        json.dump([{c: row.get(c) for c in columns} for row in rows], out, ensure_ascii=False,
                  indent=2)
        out.write("\n")
    elif fmt is Format.csv:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    else:
        _table(rows, table_columns or columns, title, limited, console or Console())


def _table(rows: list[dict[str, Any]], columns: list[str], title: str | None, limited: bool,
           console: Console) -> None:
    table = Table(title=title, show_lines=False, expand=False)
    for c in columns:
        table.add_column(c, overflow="fold", max_width=TABLE_CELL)
    shown = rows if limited else rows[:TABLE_ROWS]
    for row in shown:
        cells = []
        for c in columns:
            text = _cell(row.get(c)).replace("\n", " ")
            if len(text) > TABLE_CELL:
                text = text[: TABLE_CELL - 1] + "…"
            cells.append(escape(text))
        table.add_row(*cells)
    console.print(table)
    if len(rows) > len(shown):
        console.print(
            f"[dim]showing {len(shown)} of {len(rows)} rows; "
            "use --limit N, or --format json|jsonl|csv for all[/dim]"
        )
    elif not rows:
        console.print("[dim]no rows match[/dim]")
