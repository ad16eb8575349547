"""`dyadscope eval provenance`: copies and stories found on the labelled set, next to MinHash alone.

The labelled set (see `labelled`) is ingested into a temporary store with the
provenance step only, then every copy is checked: was it linked into its
source's copy group, with which kind, and was the source judged original?
The MinHash-only baseline runs in the same process over the same bodies: LSH
candidates whose estimated shingle Jaccard reaches 0.5 count as copies.
Story grouping is scored pairwise on the hand-written same-story articles
and, when ../shared is present, on the SemEval-2022 task 8 sample.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from ..config import PipelineConfig
from ..pipeline import ingest
from ..store import Store
from .cluster import components
from .features import BANDS, ROWS, minhash, shingle_hashes
from .labelled import TRANSFORMS, Item, Source, build, load_thesaurus
from .text import body_of

#: What the baseline calls a copy: the usual near-duplicate threshold.
BASELINE_JACCARD = 0.5
ONLY_PROVENANCE = PipelineConfig(stages=(), corpus_steps=("dyadscope.provenance.v1",), workers=1)


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def labelled_dir() -> Path:
    """tests/labelled/provenance of a source checkout (not installed with the package)."""
    return repo_root() / "tests" / "labelled" / "provenance"


def semeval_dir() -> Path:
    return repo_root().parent / "shared" / "peer-suites" / "semeval2022-task8" / "sample"


@dataclass
class PR:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    """Every figure `dyadscope eval provenance` prints."""

    items: int = 0
    by_transform: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_kind: dict[str, PR] = field(default_factory=dict)
    baseline_by_transform: dict[str, float] = field(default_factory=dict)
    copy_pairs: PR = field(default_factory=PR)
    baseline_pairs: PR = field(default_factory=PR)
    originals_right: tuple[int, int] = (0, 0)
    story_pairs: PR = field(default_factory=PR)
    copy_links_between_stories: int = 0
    semeval: PR | None = None
    semeval_pairs: list[dict[str, Any]] = field(default_factory=list)


# -- building and running ---------------------------------------------------------------------


def sources(root: Path | None = None) -> list[Source]:
    """Our own originals, cleaned as the pipeline cleans them."""
    from ..cli.demo import demo_corpus

    root = root or labelled_dir()
    labels = json.loads((root.parent / "demo_labels.json").read_text(encoding="utf-8"))["articles"]
    texts = root.parent / "quotes" / "texts"
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "src.duckdb") as store:
        ingest([str(demo_corpus()), str(texts)], store,
               PipelineConfig(stages=(), corpus_steps=(), workers=1), command="eval")
        rows = store.query("SELECT path, record, title, text, published, outlet FROM articles")
    out = []
    for r in rows:
        key = Path(r["path"]).name + (f"#{r['record']}" if r["record"] else "")
        label = labels.get(key)
        if label is not None and label["copy_of"] is not None:
            continue  # the demo's own copies are not sources
        out.append(Source(key=key, title=r["title"] or key, text=r["text"], published=r["published"],
                          outlet=r["outlet"], story=label["story"] if label else None))
    for line in (root / "stories.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        from datetime import date

        out.append(Source(key=d["id"], title=d["title"], text=d["text"],
                          published=date.fromisoformat(d["date"]), outlet=d["outlet"], story=d["story"]))
    return sorted(out, key=lambda s: s.key)


def labelled_items(seed: int = 7) -> list[Item]:
    return build(sources(), load_thesaurus(labelled_dir() / "thesaurus.tsv"), seed=seed)


def ingest_items(items: list[Item], store: Store) -> dict[str, str]:
    """Write the items as one JSONL file, ingest it; returns item key → article id."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "labelled.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for it in items:
                rec: dict[str, Any] = {"id": it.key, "title": it.title, "text": it.text}
                if it.published:
                    rec["date"] = it.published.isoformat()
                if it.outlet:
                    rec["outlet"] = it.outlet
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        ingest([str(path)], store, ONLY_PROVENANCE, command="eval")
    return {r["record"]: r["id"] for r in store.query("SELECT id, record FROM articles")}


def evaluate(seed: int = 7, *, with_semeval: bool = True) -> Report:
    items = labelled_items(seed)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "eval.duckdb") as store:
        ids = ingest_items(items, store)
        prov = {r["article_id"]: r for r in store.query(
            "SELECT article_id, copy_of, copy_kind, story FROM provenance")}
        texts = {r["id"]: (r["text"], r["title"])
                 for r in store.query("SELECT id, text, title FROM articles")}
    report = score(items, ids, prov)
    baseline(items, ids, texts, report)
    if with_semeval and semeval_dir().is_dir():
        evaluate_semeval(report)
    return report


# -- scoring ----------------------------------------------------------------------------------


def _root(aid: str, prov: dict[str, dict[str, Any]]) -> str:
    row = prov.get(aid)
    return row["copy_of"] if row and row["copy_of"] else aid


def _link_kind(copy: str, source: str, prov: dict[str, dict[str, Any]]) -> str | None:
    """The kind the store gives the copy/source link, whichever of the two was judged original."""
    if prov.get(source, {}).get("copy_of") == copy:
        return prov[source]["copy_kind"]
    return prov.get(copy, {}).get("copy_kind")


def score(items: list[Item], ids: dict[str, str], prov: dict[str, dict[str, Any]]) -> Report:
    report = Report(items=len(items))
    by_key = {it.key: it for it in items}
    gold_of = {ids[it.key]: it.group for it in items if it.key in ids}
    per: dict[str, list[tuple[bool, bool, float | None]]] = defaultdict(list)
    grouped: dict[str, list[bool]] = defaultdict(list)  # per transform: copies put in some group
    in_group = {_root(a, prov) for a in gold_of if _root(a, prov) != a}
    for it in items:
        if it.kind is None or it.key not in ids:
            continue
        copy, source = ids[it.key], ids[by_key[it.group].key]
        linked = _root(copy, prov) == _root(source, prov)
        per[it.transform].append((linked, linked and _link_kind(copy, source, prov) == it.kind, it.rate))
        if _root(copy, prov) in in_group:
            grouped[it.transform].append(linked)
        report.by_kind.setdefault(it.kind, PR())
        if not linked:
            report.by_kind[it.kind].fn += 1
    for name in TRANSFORMS:
        rows = per.get(name, [])
        rates = [r for _, _, r in rows if r is not None]
        report.by_transform[name] = {
            "kind": TRANSFORMS[name][0], "n": len(rows),
            "linked": sum(a for a, _, _ in rows) / len(rows) if rows else 0.0,
            # Of the copies put in a copy group, the share put in their source's.
            "precision": sum(grouped[name]) / len(grouped[name]) if grouped[name] else 1.0,
            "kind_right": sum(b for _, b, _ in rows) / len(rows) if rows else 0.0,
            "substituted": sum(rates) / len(rates) if rates else None}
    for aid, row in prov.items():
        if row["copy_of"] and aid in gold_of and row["copy_of"] in gold_of:
            pr = report.by_kind.setdefault(row["copy_kind"] or "?", PR())
            if gold_of[aid] == gold_of[row["copy_of"]]:
                pr.tp += 1
            else:
                pr.fp += 1
    report.copy_pairs = _pairs_pr({a: _root(a, prov) for a in gold_of}, gold_of)
    groups: dict[str, list[str]] = defaultdict(list)
    for a, g in gold_of.items():
        groups[g].append(a)
    right = sum(1 for g, members in groups.items()
                if len(members) > 1 and not prov.get(ids[g], {}).get("copy_of")
                and any(_root(m, prov) == ids[g] for m in members if m != ids[g]))
    report.originals_right = (right, sum(1 for m in groups.values() if len(m) > 1))
    _score_stories(items, ids, prov, report)
    return report


def _pairs_pr(pred: dict[str, str], gold: dict[str, str]) -> PR:
    """Pairwise co-membership: every pair put together (predicted) against every pair belonging together."""
    pr = PR()
    pred_groups: dict[str, list[str]] = defaultdict(list)
    for a, g in pred.items():
        pred_groups[g].append(a)
    gold_pairs = _group_pairs(gold)
    pred_pairs = {tuple(sorted(p)) for m in pred_groups.values() for p in combinations(m, 2)}
    pr.tp = len(pred_pairs & gold_pairs)
    pr.fp = len(pred_pairs - gold_pairs)
    pr.fn = len(gold_pairs - pred_pairs)
    return pr


def _group_pairs(assign: dict[str, str]) -> set[tuple[str, ...]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for a, g in assign.items():
        groups[g].append(a)
    return {tuple(sorted(p)) for m in groups.values() for p in combinations(m, 2)}


def _score_stories(items: list[Item], ids: dict[str, str], prov: dict[str, dict[str, Any]],
                   report: Report) -> None:
    """Pairwise story P/R among the sources (copies follow their original by construction)."""
    srcs = [ids[it.key] for it in items if it.kind is None and it.key in ids]
    gold = {ids[it.key]: it.story or f"-{it.key}" for it in items if it.kind is None and it.key in ids}
    pred = {a: (prov.get(a, {}).get("story") or f"-{a}") for a in srcs}
    report.story_pairs = _pairs_pr(pred, gold)
    report.copy_links_between_stories = sum(
        1 for a, b in combinations(srcs, 2)
        if gold[a] == gold[b] and not gold[a].startswith("-") and _root(a, prov) == _root(b, prov))


def baseline(items: list[Item], ids: dict[str, str], texts: dict[str, tuple[str, str | None]],
             report: Report) -> None:
    """MinHash + LSH alone, as near-duplicate detection is usually run."""
    sigs = {aid: minhash(shingle_hashes(body_of(t, title).tokens)) for aid, (t, title) in texts.items()}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for aid, sig in sigs.items():
        for b in range(BANDS):
            buckets[(b, sig[b * ROWS:(b + 1) * ROWS].tobytes())].append(aid)
    edges = set()
    for members in buckets.values():
        for x, y in combinations(sorted(set(members)), 2):
            if float((sigs[x] == sigs[y]).mean()) >= BASELINE_JACCARD:
                edges.add((x, y))
    from .cluster import LinkRow

    comps = components(sigs, [LinkRow(x, y, "copy", None, 1.0) for x, y in edges])
    group = {a: comp[0] for comp in comps for a in comp}
    by_key = {it.key: it for it in items}
    per: dict[str, list[bool]] = defaultdict(list)
    for it in items:
        if it.kind is not None and it.key in ids:
            per[it.transform].append(group[ids[it.key]] == group[ids[by_key[it.group].key]])
    report.baseline_by_transform = {k: sum(v) / len(v) for k, v in per.items() if v}
    report.baseline_pairs = _pairs_pr(group, {ids[it.key]: it.group for it in items if it.key in ids})


# -- the SemEval-2022 task 8 sample -----------------------------------------------------------


def evaluate_semeval(report: Report) -> None:
    """Same story or not, on the sample's 9 rated pairs (gold: Overall <= 2 is the same story)."""
    root = semeval_dir()
    items = []
    for line in (root / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        items.append({"id": d["id"], "title": d["title"], "text": d["text"]})
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "semeval.duckdb") as store:
        path = Path(tmp) / "semeval.jsonl"
        path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        ingest([str(path)], store, ONLY_PROVENANCE, command="eval")
        rows = store.query("SELECT a.record, p.copy_of, p.story, p.copy_kind FROM articles a "
                           "JOIN provenance p ON p.article_id = a.id")
        ids = {r["record"]: r for r in store.query("SELECT id, record FROM articles")}
    by_record = {r["record"]: r for r in rows}
    id_of = {rec: r["id"] for rec, r in ids.items()}
    root_of = {rec: r["copy_of"] or id_of[rec] for rec, r in by_record.items()}
    pr = PR()
    with (root / "pairs.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            a, b = by_record[row["id1"]], by_record[row["id2"]]
            gold = float(row["Overall"]) <= 2.0
            same = root_of[row["id1"]] == root_of[row["id2"]] or (
                a["story"] is not None and a["story"] == b["story"])
            pr.tp += gold and same
            pr.fp += (not gold) and same
            pr.fn += gold and not same
            report.semeval_pairs.append({"pair": row["pair_id"], "langs": f"{row['lang1']}-{row['lang2']}",
                                         "overall": float(row["Overall"]), "predicted_same": same,
                                         "copy": root_of[row["id1"]] == root_of[row["id2"]]})
    report.semeval = pr


# -- printing ---------------------------------------------------------------------------------


def format_report(r: Report) -> list[str]:
    """Plain lines: the CLI prints them, tests read the Report itself."""
    lines = [f"labelled set: {r.items} articles (sources and copies made by rule)", "",
             f"{'transform':30} {'kind':6} {'n':>3} {'precision':>9} {'recall':>7} {'kind ok':>8} "
             f"{'subst':>6} {'MinHash-only recall':>20}"]
    for name, row in r.by_transform.items():
        sub = f"{row['substituted']:.2f}" if row["substituted"] is not None else "-"
        lines.append(f"{name:30} {row['kind']:6} {row['n']:>3} {row['precision']:>9.2f} "
                     f"{row['linked']:>7.2f} {row['kind_right']:>8.2f} {sub:>6} "
                     f"{r.baseline_by_transform.get(name, 0.0):>20.2f}")
    lines += ["", "per predicted kind (precision: link goes to the right group; recall: gold copies linked):"]
    for kind, pr in sorted(r.by_kind.items()):
        lines.append(f"  {kind:11} precision {pr.precision:.3f}  recall {pr.recall:.3f}  "
                     f"(tp {pr.tp}, fp {pr.fp}, fn {pr.fn})")
    lines += ["", "copy groups, pairwise:",
              f"  dyadscope     precision {r.copy_pairs.precision:.3f}  recall {r.copy_pairs.recall:.3f}",
              f"  MinHash-only  precision {r.baseline_pairs.precision:.3f}  "
              f"recall {r.baseline_pairs.recall:.3f}",
              f"source judged original: {r.originals_right[0]} of {r.originals_right[1]} groups",
              f"copy links between independent same-story articles: {r.copy_links_between_stories}",
              f"stories (labelled set), pairwise: precision {r.story_pairs.precision:.3f}  "
              f"recall {r.story_pairs.recall:.3f}  (tp {r.story_pairs.tp}, fp {r.story_pairs.fp}, "
              f"fn {r.story_pairs.fn})"]
    if r.semeval is not None:
        lines.append(f"stories (SemEval-2022 task 8 sample, 9 pairs, same story = Overall <= 2): "
                     f"precision {r.semeval.precision:.3f}  recall {r.semeval.recall:.3f}  "
                     f"(tp {r.semeval.tp}, fp {r.semeval.fp}, fn {r.semeval.fn})")
        for p in r.semeval_pairs:
            lines.append(f"  {p['pair']:24} {p['langs']}  gold Overall {p['overall']:.1f}  "
                         f"predicted {'same' if p['predicted_same'] else 'different'}"
                         f"{' (copy)' if p['copy'] else ''}")
    else:
        lines.append("stories (SemEval sample): skipped, ../shared is not present")
    return lines
