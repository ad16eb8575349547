"""Every kind of bad input gets its own reason; the rest of the batch is stored."""

from pathlib import Path

from dyadscope.config import PipelineConfig
from dyadscope.pipeline import ingest
from dyadscope.store import Store

GOOD = "Envoys from two neighbouring states met on Monday to discuss water sharing on the river."


def _corpus(root: Path) -> dict[str, str]:
    """Write one file per kind of bad input; returns file name → expected code."""
    (root / "good.txt").write_text(GOOD)
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (root / "latin.txt").write_bytes(("Caf\xe9 talks: " + GOOD).encode("cp1252"))
    with open(root / "huge.txt", "wb") as fh:
        fh.truncate(50_000_000)
    script = "<script>" + "var x = 1;" * 300_000 + "</script>"
    (root / "heavy.html").write_text(
        f"<html><head>{script}</head><body><article><p>Page: {GOOD}</p><p>{GOOD}</p></article>"
        f"{script}</body></html>")
    (root / "mixed.jsonl").write_text('{"text": "Line: ' + GOOD + '"}\n{broken\n')
    (root / "dangling.txt").symlink_to(root / "nowhere")
    (root / "short.txt").write_text("Too short.")
    return {"empty.txt": "E103", "image.txt": "E104", "huge.txt": "E105", "mixed.jsonl": "E110",
            "dangling.txt": "E102", "short.txt": "E201"}


def test_bad_inputs_each_get_a_reason_and_good_ones_are_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = _corpus(corpus)
    with Store(tmp_path / "s.duckdb") as store:
        before = ingest([str(corpus / "good.txt")], store)
        summary = ingest([str(corpus), str(tmp_path / "missing")], store)
        stored = {Path(r["path"]).name for r in store.query("SELECT path FROM articles")}
        failures = store.query("SELECT path, code, message FROM failures WHERE run_id = ?",
                               [summary.run_id])
    assert before.stored == 1
    assert stored == {"good.txt", "latin.txt", "heavy.html", "mixed.jsonl"}
    got = {Path(f["path"]).name: f["code"] for f in failures}
    assert got == {**expected, "missing": "E101"}
    assert all(f["message"] for f in failures)
    # good.txt, stored before, is neither lost nor duplicated: its unchanged file is skipped
    assert summary.unchanged == 1 and summary.present == 0


def test_ten_thousand_small_files(tmp_path: Path) -> None:
    corpus = tmp_path / "many"
    for d in range(10):
        sub = corpus / f"d{d}"
        sub.mkdir(parents=True)
        for i in range(1000):
            (sub / f"{i}.txt").write_text(f"Report {d}-{i}: {GOOD}")
    with Store(tmp_path / "s.duckdb") as store:
        # This test is about reading; parsing and linking 10,000 files would only make it slow.
        summary = ingest([str(corpus)], store, PipelineConfig(stages=(), corpus_steps=()))
        assert summary.files_seen == 10_000
        assert summary.stored == 10_000 and not summary.failures
        assert store.scalar("SELECT count(*) FROM articles") == 10_000
