"""`dyadscope events`, `relation` and `export` on a store built from our own fixture text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadscope.cli import app
from dyadscope.config import PipelineConfig
from dyadscope.events.groups import group_events
from dyadscope.store import Store

from .conftest import Coder

runner = CliRunner()
TEXT = ("Chinese and Russian warships held joint drills on Tuesday. "
        "Japan condemned the drills. Russia did not attack Japan.")
ACTORS = {"Chinese": "CHN", "Russian warships": "RUSMIL", "Japan": "JPN", "Russia": "RUS"}


@pytest.fixture
def db(tmp_path: Path, code: Coder) -> str:
    path = str(tmp_path / "e.duckdb")
    article = code(TEXT, ACTORS, published="2021-11-25")
    article.doc = None
    with Store(path) as store:
        fresh, _ = store.write_batch([article], [], None)
        group_events(store, fresh, PipelineConfig())
    return path


def test_events_listing_and_filters(db: str) -> None:
    out = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    rows = [json.loads(x) for x in out.output.splitlines()]
    assert {(r["actor1"], r["actor2"], r["plover"]) for r in rows} >= {("CHNMIL", "RUSMIL", "COOPERATE"),
                                                                        ("RUS", "JPN", "ASSAULT")}
    drills = next(r for r in rows if r["plover"] == "COOPERATE")
    assert (drills["date"], drills["sources"]) == ("2021-11-23", 1) and drills["event_group"]
    asserted = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--asserted", "--actor", "JPN"])
    assert all(not json.loads(x)["negated"] for x in asserted.output.splitlines())
    typed = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--type", "cooperate",
                                "--dyad", "RUS-CHN"])
    assert len(typed.output.splitlines()) == 2
    assert runner.invoke(app, ["events", "--db", db, "--dyad", "CHN"]).exit_code == 2


def test_relation_table_prints_trend(db: str) -> None:
    out = runner.invoke(app, ["relation", "CHN", "RUS", "--db", db, "--freq", "week"])
    assert out.exit_code == 0 and "trend:" in out.output
    rows = json.loads(runner.invoke(app, ["relation", "CHN", "RUS", "--db", db, "--format", "json"]).output)
    assert rows[0]["index"] == 7.4 and rows[0]["quad2"] == 1


def test_export_gdelt_and_parquet(db: str, tmp_path: Path) -> None:
    out = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--out", str(tmp_path / "g")])
    assert out.exit_code == 0, out.output
    with (tmp_path / "g" / "gdelt_events.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    coop = next(r for r in rows if r["EventCode"] == "062")
    assert (coop["SQLDATE"], coop["EventRootCode"], coop["QuadClass"], coop["NumSources"]) == (
        "20211123", "06", "2", "1")
    assert all(r["EventCode"] != "190" for r in rows)  # the negated attack is not exported
    out = runner.invoke(app, ["export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "p")])
    assert out.exit_code == 0, out.output
    assert (tmp_path / "p" / "events.parquet").stat().st_size > 0
