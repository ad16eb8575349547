"""Issue #3 on ../shared/seeds: 000 and 001 linked as spun and translated copies; 002-004 copy nothing."""

from pathlib import Path

from .conftest import ingest_only_provenance, provenance_by_name


def test_seed_copies(seeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.duckdb"
    ingest_only_provenance([str(seeds)], db)
    rows = {name[:3]: row for name, row in provenance_by_name(db).items()}
    # 000 (spun, undated) is linked to 001 (machine-translated, dated, more fluent).
    assert rows["000"]["copy_of"] and rows["000"]["copy_of"].startswith("001")
    assert rows["000"]["copy_kind"] == "spun"
    assert "more fluent" in rows["000"]["original_reason"]
    # 001 is the version judged original in the store, yet itself a translated copy
    # of an original that is not in the store: it says so.
    assert rows["001"]["copy_of"] is None
    assert rows["001"]["copy_kind"] == "translated"
    assert "not in the store" in rows["001"]["original_reason"]
    for key in ("002", "003", "004"):
        assert rows[key]["copy_of"] is None and rows[key]["copy_kind"] is None, key
