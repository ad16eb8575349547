"""What issue #5 must show on ../shared/seeds (skipped when ../shared is absent).

Asserts on codes, dates and actor pairs only; no seed text is repeated here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dyadscope.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    from dyadscope.config import PipelineConfig

    if "dyadscope.events.v1" not in PipelineConfig().stages:
        pytest.skip("the default pipeline does not run the events stage in this checkout")
    db = str(tmp_path_factory.mktemp("seeds") / "s.duckdb")
    result = runner.invoke(app, ["ingest", "--db", db, "--quiet", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return db


def _jsonl(args: list[str]) -> list[dict[str, Any]]:
    out = runner.invoke(app, [*args, "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    return [json.loads(line) for line in out.output.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def events(seed_store: str) -> list[dict[str, Any]]:
    names = {a["id"]: Path(a["path"]).name[:3] for a in _jsonl(["articles", "--db", seed_store])}
    rows = _jsonl(["events", "--db", seed_store, "--dyad", "CHN-RUS"])
    for row in rows:
        row["seed"] = names[row["article_id"]]
    return rows


def _find(events: list[dict[str, Any]], **want: Any) -> list[dict[str, Any]]:
    def ok(e: dict[str, Any]) -> bool:
        for key, value in want.items():
            if key == "dyad":
                if {e["actor1"][:3], (e["actor2"] or "")[:3]} != set(value):
                    return False
            elif e[key] != value:
                return False
        return True

    return [e for e in events if ok(e)]


def test_joint_bomber_patrol_last_week(events: list[dict[str, Any]]) -> None:
    found = _find(events, seed="001", plover="COOPERATE", cameo="062", dyad=("CHN", "RUS"),
                  date="2021-11-15", date_precision="week", date_basis="relative")
    assert found and all(e["sources"] == 1 for e in found)


def test_defence_roadmap_signed(events: list[dict[str, Any]]) -> None:
    found = _find(events, seed="001", plover="SUPPORT", cameo="057", dyad=("CHN", "RUS"), date="2021-11-25")
    assert len({(e["actor1"], e["actor2"]) for e in found}) == 2  # both signatories, each direction


def test_video_call_in_caption(events: list[dict[str, Any]]) -> None:
    found = _find(events, seed="000", plover="CONSULT", actor1="RUSGOV", actor2="CHNGOV", date="2021-06-28",
                  date_precision="day", date_basis="explicit")
    assert found and found[0]["sources"] == 1


def test_february_2022_meeting_and_statement(events: list[dict[str, Any]]) -> None:
    assert _find(events, seed="004", plover="CONSULT", dyad=("CHN", "RUS"), date="2022-02-04",
                 date_basis="explicit")
    assert _find(events, seed="004", plover="SUPPORT", actor1="CHNGOV", actor2="RUS", date="2022-02-04")


def test_xi_visit_to_moscow_march_2023(events: list[dict[str, Any]]) -> None:
    found = _find(events, seed="003", plover="CONSULT", cameo="042", actor1="CHNGOV", actor2="RUS")
    assert found and all(e["date"].startswith("2023-03") for e in found)


def test_events_only_in_the_two_copies_count_once(events: list[dict[str, Any]]) -> None:
    by_group: dict[str, set[str]] = {}
    for e in events:
        by_group.setdefault(e["event_group"], set()).add(e["seed"])
    copies_only = [g for g, seeds in by_group.items() if seeds <= {"000", "001"}]
    assert copies_only
    assert {e["sources"] for e in events if e["event_group"] in copies_only} == {1}
    assert any(seeds == {"000", "001"} for seeds in by_group.values())  # the copy folded into its original


def test_relation_is_cooperative_in_2021(seed_store: str) -> None:
    rows = _jsonl(["relation", "CHN", "RUS", "--db", seed_store, "--freq", "year"])
    year = {r["period"][:4]: r for r in rows}
    assert year["2021"]["index"] > 0
