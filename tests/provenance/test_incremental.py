"""New batches are compared with the stored index; the answer does not depend on arrival order."""

from pathlib import Path

from dyadscope.cli.demo import demo_corpus
from dyadscope.config import PipelineConfig
from dyadscope.provenance import provenance_step
from dyadscope.store import Store

from .conftest import ingest_only_provenance, provenance_by_name

COPIES = ["worldbeat-russia-china-bombers-quad.txt", "newspulse-russia-give-up-grain-deal.txt",
          "subcontinent-notes-loc-ceasefire-what-we-know.txt",
          "worldbeat-eu-puts-sanctions-iranian-drones.txt"]
#: Same date as its original: only "first seen" decides, which by definition depends on arrival.
FIRST_SEEN_ONLY = {"us-china-restore-military-contacts.txt", "biden-xi-woodside-military-channels.txt"}


def _answer(db: Path) -> dict[str, tuple]:
    rows = provenance_by_name(db)
    stories: dict[str, frozenset[str]] = {}
    for name, row in rows.items():
        if row["story"]:
            stories[name] = frozenset(n for n, r in rows.items() if r["story"] == row["story"])
    return {name: (row["copy_of"], row["copy_kind"], stories.get(name))
            for name, row in rows.items() if name not in FIRST_SEEN_ONLY}


def test_copies_first_then_originals_gives_the_same_answer(tmp_path: Path) -> None:
    demo = demo_corpus()
    at_once = tmp_path / "once.duckdb"
    ingest_only_provenance([str(demo)], at_once)
    later = tmp_path / "later.duckdb"
    ingest_only_provenance([str(demo / name) for name in COPIES], later)
    before = provenance_by_name(later)
    # Alone, a copy is nobody's copy ...
    assert before["newspulse-russia-give-up-grain-deal.txt"]["copy_of"] is None
    ingest_only_provenance([str(demo)], later)
    # ... and once its earlier original arrives, it is linked to it.
    assert _answer(later) == _answer(at_once)


def test_small_batches_give_the_same_answer(tmp_path: Path) -> None:
    at_once, small = tmp_path / "once.duckdb", tmp_path / "small.duckdb"
    ingest_only_provenance([str(demo_corpus())], at_once)
    ingest_only_provenance([str(demo_corpus())], small, batch_size=3)
    assert _answer(small) == _answer(at_once)


def test_rerunning_the_step_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    ingest_only_provenance([str(demo_corpus())], db)
    tables = ("provenance", "provenance_links", "stories", "provenance_index", "provenance_bands",
              "provenance_terms")

    def snapshot() -> dict[str, list]:
        with Store(db, read_only=True) as s:
            return {t: sorted(map(repr, s.con.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}

    first = snapshot()
    with Store(db) as store:
        ids = [r["id"] for r in store.query("SELECT id FROM articles")]
        provenance_step(store, ids, PipelineConfig())
        provenance_step(store, ids[:5], PipelineConfig())
    assert snapshot() == first


def test_later_original_repoints_copy_of_a_copy(tmp_path: Path) -> None:
    """A → B → C chain arriving backwards ends with every copy pointing at the earliest."""
    demo = demo_corpus()
    original = (demo / "russia-quits-grain-deal-odesa.txt").read_text(encoding="utf-8")
    spun = (demo / "newspulse-russia-give-up-grain-deal.txt").read_text(encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    # A reprint of the spun copy, dated even later.
    (src / "c.txt").write_text(spun.replace("date 2023-07-24", "date 2023-08-02"), encoding="utf-8")
    (src / "b.txt").write_text(spun, encoding="utf-8")
    db = tmp_path / "chain.duckdb"
    ingest_only_provenance([str(src / "c.txt")], db)
    ingest_only_provenance([str(src / "b.txt")], db)
    assert provenance_by_name(db)["c.txt"]["copy_of"] == "b.txt"
    (src / "a.txt").write_text(original, encoding="utf-8")
    ingest_only_provenance([str(src / "a.txt")], db)
    rows = provenance_by_name(db)
    assert rows["b.txt"]["copy_of"] == "a.txt" and rows["b.txt"]["copy_kind"] == "spun"
    assert rows["c.txt"]["copy_of"] == "a.txt" and rows["c.txt"]["copy_kind"] == "spun"
    assert rows["a.txt"]["copy_of"] is None
    assert "earliest publication date" in rows["a.txt"]["original_reason"]
