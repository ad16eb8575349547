"""Engines give identical stores; a killed run, resumed, ends as an uninterrupted one."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyadscope.cli.demo import demo_corpus
from dyadscope.config import PipelineConfig
from dyadscope.engines import get_engine
from dyadscope.pipeline import Job, ingest, parts_root, run_job
from dyadscope.provenance import pairs
from dyadscope.read import read_file
from dyadscope.store import Store

from ..conftest import ARTICLES

#: Columns that record when or in which run something was written, not what.
VOLATILE = {"run_id", "ingested_at", "failed_at", "stored_at", "applied_at"}
SKIP_TABLES = {"runs", "schema_migrations"}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows without run bookkeeping, sorted: what the store *says*."""
    with Store(db, read_only=True) as s:
        tables = [r["table_name"] for r in s.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")]
        out = {}
        for table in sorted(set(tables) - SKIP_TABLES):
            cols = [r["column_name"] for r in s.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]) if r["column_name"] not in VOLATILE]
            rows = s.con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def _corpus() -> list[str]:
    return [str(demo_corpus()), str(ARTICLES)]


@pytest.mark.slow
def test_local_1_local_2_and_dask_give_identical_tables(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.distributed")
    # Provenance index entries and pairs go to the workers however few (the demo batches are small).
    monkeypatch.setattr(pairs, "MIN_DISTRIBUTED_PAIRS", 1)
    monkeypatch.setattr(pairs, "MIN_DISTRIBUTED_ENTRIES", 1)
    snaps = []
    for name, workers in (("local", 1), ("local", 2), ("dask", 2)):
        db = tmp_path / f"{name}{workers}.duckdb"
        engine = get_engine(name, workers=workers)
        spread: list[int] = []
        run = engine.run

        def counted(fn, items, run=run, spread=spread):  # type: ignore[no-untyped-def]
            spread.append(len(items))
            return run(fn, items)

        engine.run = counted  # type: ignore[method-assign]
        try:
            with Store(db) as store:
                summary = ingest(_corpus(), store, PipelineConfig(batch_size=5), engine=engine)
        finally:
            engine.close()
        assert summary.stored > 20
        # One worker scores pairs itself; two spread them over the workers.
        assert bool(spread) == (workers > 1), (name, workers, spread)
        snaps.append(snapshot(db))
    assert snaps[0]["articles"]
    assert snaps[0]["provenance_links"]
    assert snaps[0] == snaps[1] == snaps[2]


def test_parts_left_by_a_killed_run_are_merged(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    config = PipelineConfig(stages=())
    with Store(db) as store:
        root = parts_root(store)
        raws = [d for d in read_file(str(ARTICLES / "wire.jsonl"), config) if hasattr(d, "content")]
        run_job(Job(0, raws, [], [], config, str(root / "run-9")))
        summary = ingest([str(ARTICLES / "harbour-talks.txt")], store, config)
        assert summary.stored == 4  # 3 from the leftover part, 1 from the new input
        assert not any(root.glob("*/part-*"))


def test_an_article_twice_in_one_batch_is_stored_once_with_its_records(tmp_path: Path) -> None:
    line = ('{"id": "a", "date": "2023-05-02", "text": "Japan and South Korea agreed on Tuesday to '
            'resume talks, Foreign Minister Yoko Kamikawa said."}\n')
    (tmp_path / "twice.jsonl").write_text(line + line)
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest([str(tmp_path / "twice.jsonl")], store)
        assert (summary.stored, summary.present) == (1, 1)
        assert store.scalar("SELECT count(*) FROM pending_steps") == 0


def _write_corpus(root: Path, n: int) -> None:
    texts = sorted(demo_corpus().glob("*.txt"))
    for i in range(n):
        body = texts[i % len(texts)].read_text(encoding="utf-8")
        (root / f"{i:04d}.txt").write_text(body + f"\n\nDispatch {i} ends here with a note.\n")


def _ingest_cmd(db: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "dyadscope", "ingest", "--db", str(db), "--quiet",
            "--batch-size", "3", "--workers", "1", str(corpus)]


@pytest.mark.slow
@pytest.mark.parametrize("kill_at_part", [0, 4], ids=["before-first-merge", "after-four-merges"])
def test_killed_run_resumed_equals_uninterrupted(tmp_path: Path, kill_at_part: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_corpus(corpus, 30)
    whole = tmp_path / "whole.duckdb"
    subprocess.run(_ingest_cmd(whole, corpus), check=True, capture_output=True)

    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(_ingest_cmd(killed, corpus), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    parts = Path(str(killed) + ".parts")
    deadline = time.monotonic() + 900  # a bound, not a measurement: the wait ends on an event
    marker = f"run-*/part-{kill_at_part:08d}"
    while proc.poll() is None and not any(parts.glob(marker)):
        if time.monotonic() > deadline:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(killed, read_only=True) as s:  # the kill really was part way
        assert s.scalar("SELECT status FROM runs WHERE id = 1") == "running"
    resumed = subprocess.run(_ingest_cmd(killed, corpus), capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert snapshot(killed) == snapshot(whole)
