from pathlib import Path

from dyadscope.schema_doc import render

DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.md"


def test_schema_doc_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), "docs/schema.md is stale: run `make schema`"
