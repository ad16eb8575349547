"""The demo corpus's deliberate copies and story groups are recovered as labelled."""

import json
from collections import defaultdict
from pathlib import Path

from dyadscope.cli.demo import demo_corpus

from .conftest import ingest_only_provenance, provenance_by_name

LABELS = Path(__file__).parents[1] / "labelled" / "demo_labels.json"


def test_demo_labels_recovered(tmp_path: Path) -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    db = tmp_path / "demo.duckdb"
    ingest_only_provenance([str(demo_corpus())], db)
    rows = provenance_by_name(db)
    assert set(rows) == set(labels)
    for name, label in labels.items():
        assert rows[name]["copy_of"] == label["copy_of"], name
        assert rows[name]["copy_kind"] == label["copy_kind"], name
    gold: dict[str, set[str]] = defaultdict(set)
    found: dict[str, set[str]] = defaultdict(set)
    for name, label in labels.items():
        if label["story"]:
            gold[label["story"]].add(name)
        if rows[name]["story"]:
            found[rows[name]["story"]].add(name)
    assert sorted(map(sorted, gold.values())) == sorted(map(sorted, found.values()))
