"""Generate docs/schema.md from the listing dataclasses (`python -m dyadscope.schema_doc`)."""

from __future__ import annotations

import typing
from dataclasses import fields

from .schema import LISTINGS

HEADER = """# dyadscope record schema

Generated from `src/dyadscope/schema.py` by `make schema`; do not edit by hand
(a test fails when this file is stale). These are the field names of
`--format json|jsonl|csv` output and of the JSON API: a public contract.
Offsets (`start`, `end`) index into the article's clean `text`.

## Migration notes

- 0.1.0: first release of the schema.
"""


def _type_name(tp: object) -> str:
    text = tp.__name__ if isinstance(tp, type) else str(tp).replace("typing.", "")
    text = text.replace("NoneType", "null").replace(" | None", " | null")
    return text.replace("|", "\\|")  # inside a Markdown table cell


def render() -> str:
    out = [HEADER]
    for name, row in LISTINGS.items():
        hints = typing.get_type_hints(row)
        out.append(f"\n## {name}\n\n{(row.__doc__ or '').strip()}\n")
        out.append("| field | type | meaning |\n|---|---|---|")
        for f in fields(row):
            meaning = f.metadata.get("doc", "").replace("|", "\\|")
            out.append(f"| `{f.name}` | {_type_name(hints[f.name])} | {meaning} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render(), end="")
