"""What issue #2 must show on ../shared/seeds (skipped when ../shared is absent)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadscope.cli import app

BOILERPLATE = ["Leave a Reply", "%d bloggers like this:", "Labels: , , , , ,",
               "Follow @rheytah Tweet", "View Original", "| Latest News Table"]

runner = CliRunner()


@pytest.fixture
def seed_rows(seeds: Path, tmp_path: Path) -> dict[str, dict]:
    db = str(tmp_path / "s.duckdb")
    first = runner.invoke(app, ["ingest", "--db", db, "--quiet", str(seeds)])
    assert first.exit_code == 0 and "5 stored" in first.output
    second = runner.invoke(app, ["ingest", "--db", db, "--quiet", str(seeds)])
    assert second.exit_code == 0 and "0 stored" in second.output
    assert "5 files unchanged" in second.output
    third = runner.invoke(app, ["ingest", "--db", db, "--quiet", "--rescan", str(seeds)])
    assert "0 stored, 5 already present" in third.output
    out = runner.invoke(app, ["articles", "--db", db, "--format", "jsonl"]).output
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 5
    return {Path(r["path"]).name[:3]: r for r in rows}


def test_seed_dates(seed_rows: dict[str, dict]) -> None:
    assert seed_rows["001"]["published"] == "2021-11-25"
    assert seed_rows["002"]["published"] == "2021-12-17"
    assert seed_rows["003"]["published"] == "2023-03-22"
    assert {seed_rows[k]["published_basis"] for k in ("001", "002", "003")} == {"text"}


def test_seed_titles(seeds: Path, seed_rows: dict[str, dict]) -> None:
    assert seed_rows["000"]["title"] == "Why are China and Russia strengthening ties?"
    assert seed_rows["003"]["title"] == "Alliances of Useful Expedience"
    # 004 opens with site name, "View Original", a kicker, then the headline (7th line).
    headline = next(seeds.glob("004_*.txt")).read_text(encoding="utf-8").splitlines()[6]
    assert seed_rows["004"]["title"] == headline.strip()


def test_seed_boilerplate_removed(seed_rows: dict[str, dict]) -> None:
    for row in seed_rows.values():
        for line in BOILERPLATE:
            assert line not in row["text"], (row["path"], line)
