"""`dyadscope actors`, `mentions`, `quotes` and `ingest --actors` over a store we build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadscope.cli import app

runner = CliRunner()
ARTICLE = (
    "2024-05-02\n\n"
    "Estonian Foreign Minister Kadri Lepp said on Monday that the ferry talks with Finland would resume.\n\n"
    "“We are ready to listen,” Lepp told reporters in Tallinn. The Northern Shield Brigade stayed home.\n\n"
    "Jonas Albrecht, an engineer at a Hamburg-based shipyard, said the ships were old.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("cli")
    (root / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    extra = root / "extra.tsv"
    extra.write_text("alias\tcode\tname\tkind\n"
                     "Northern Shield Brigade\tNSB\tNorthern Shield Brigade\tgroup\n", encoding="utf-8")
    path = str(root / "s.duckdb")
    result = runner.invoke(app, ["ingest", "--db", path, "--quiet", "--actors", str(extra),
                                 str(root / "ferry.txt")])
    assert result.exit_code == 0, result.output
    return path


def _jsonl(args: list[str]) -> list[dict]:
    result = runner.invoke(app, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_quotes_listing_and_filters(db: str) -> None:
    rows = _jsonl(["quotes", "--db", db])
    assert {"id", "article_id", "kind", "text", "start", "end", "speaker", "speaker_code", "cue",
            "confidence"} == set(rows[0])
    lepp = _jsonl(["quotes", "--db", db, "--speaker", "lepp"])
    assert {(r["kind"], r["cue"]) for r in lepp} == {("indirect", "said"), ("direct", "told")}
    assert {r["speaker_code"] for r in _jsonl(["quotes", "--db", db, "--actor", "EST"])} == {"ESTGOV"}
    assert [r["speaker"] for r in _jsonl(["quotes", "--db", db, "--actor", "DEU"])] == ["Jonas Albrecht"]


def test_actors_listing_counts_mentions(db: str) -> None:
    rows = {(r["code"], r["name"]): r for r in _jsonl(["actors", "--db", db])}
    assert rows[("ESTGOV", "Kadri Lepp")]["mentions"] == 2
    assert rows[("ESTGOV", "Kadri Lepp")]["kind"] == "person"
    assert rows[("NSB", "Northern Shield Brigade")]["kind"] == "group"  # from --actors
    assert rows[("FIN", "Finland")]["country"] == "FIN"


def test_mentions_listing_has_exact_spans(db: str) -> None:
    rows = _jsonl(["mentions", "--db", db, "--kind", "person"])
    assert [r["text"] for r in rows] == ["Kadri Lepp", "Lepp", "Jonas Albrecht"]
    assert all(r["end"] - r["start"] == len(r["text"]) for r in rows)


def test_bad_actors_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\nX\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb"), "--actors", str(bad),
                                 str(tmp_path)])
    assert result.exit_code != 0
