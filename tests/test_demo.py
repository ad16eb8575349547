"""The bundled demo corpus ingests cleanly and its metadata matches our labels."""

import json
from pathlib import Path

from typer.testing import CliRunner

from dyadscope.cli import app
from dyadscope.cli.demo import demo_corpus
from dyadscope.pipeline import ingest
from dyadscope.store import Store

LABELS = Path(__file__).parent / "labelled" / "demo_labels.json"


def test_demo_command_runs() -> None:
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output


def test_demo_metadata_matches_labels(tmp_path: Path) -> None:
    labels = json.loads(LABELS.read_text())["articles"]
    with Store(tmp_path / "d.duckdb") as store:
        summary = ingest([str(demo_corpus())], store)
        rows = store.query("SELECT path, record, title, outlet, published::VARCHAR AS published "
                           "FROM articles")
    assert not summary.failures
    assert summary.stored == len(labels)
    got = {Path(r["path"]).name + (f"#{r['record']}" if r["record"] else ""): r for r in rows}
    assert set(got) == set(labels)
    for key, label in labels.items():
        assert got[key]["published"] == label["published"], key
        assert got[key]["outlet"] == label["outlet"], key
        assert got[key]["title"] == label["title"], key
