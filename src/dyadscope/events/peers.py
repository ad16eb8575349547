"""The events stage measured on other projects' gold data (read at run time, never copied).

- PLOVER gold-standard records (CAMEO-manual sentences coded in PLOVER 0.5): event
  detection, type accuracy (0.5 categories mapped onto the 16 types) and source-actor
  accuracy on the 3-letter country codes.
- ConfliBERT `cameo_class` train split: the 5-way class of a sentence, read off the
  coded event with the highest confidence (no event → class 0, "statement").
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..article import Event
from ..config import PipelineConfig
from .arguments import root_code
from .evaluate import run_texts

#: PLOVER 0.5 categories that the current 16-type scheme renamed or merged.
PLOVER_05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: ConfliBERT's PentaClass by CAMEO root (its README): 0 statements/appeals, 1 verbal cooperation,
#: 2 material cooperation, 3 verbal conflict (incl. 16), 4 material conflict (incl. 14).
PENTA = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
         "11": 3, "12": 3, "13": 3, "16": 3, "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4}


def top_event(events: list[Event]) -> Event | None:
    """The event a one-label scheme would pick: asserted first, then by confidence, then first."""
    if not events:
        return None
    return max(events, key=lambda e: (not e.negated and not e.hypothetical, e.confidence,
                                      -events.index(e)))


@dataclass
class PloverResult:
    records: int = 0
    detected: int = 0
    type_top: int = 0
    type_any: int = 0
    actor_scored: int = 0
    actor_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        n = self.records or 1
        return [f"PLOVER gold records: {self.records}",
                f"  detected (any event): {self.detected / n:.3f}",
                f"  type accuracy (top event): {self.type_top / n:.3f}   (any event of the sentence): "
                f"{self.type_any / n:.3f}",
                f"  source actor accuracy (3-letter root, {self.actor_scored} with a country source): "
                f"{self.actor_right / (self.actor_scored or 1):.3f}"]


def evaluate_plover(path: Path, config: PipelineConfig) -> PloverResult:
    data = json.loads(path.read_text(encoding="utf-8"))
    records = [r for r in data if r.get("event") and r.get("text")]
    predicted = run_texts([(r["text"], None) for r in records], config)
    res = PloverResult(records=len(records))
    for rec, events in zip(records, predicted, strict=True):
        gold = PLOVER_05.get(rec["event"], rec["event"])
        top = top_event(events)
        res.detected += bool(events)
        res.type_top += bool(top and top.plover == gold)
        res.type_any += any(e.plover == gold for e in events)
        res.confusion[(gold, top.plover if top else "-")] += 1
        codes = [s.get("code", "") for s in rec.get("source") or []]
        if codes and all(len(c) == 3 and c.isalpha() and c != "IGO" for c in codes):
            res.actor_scored += 1
            res.actor_right += bool(top and top.actor1 and root_code(top.actor1) in codes)
    return res


@dataclass
class PentaResult:
    rows: int = 0
    right: int = 0
    confusion: Counter[tuple[int, int]] = field(default_factory=Counter)

    def macro_f1(self) -> float:
        f1s = []
        for k in range(5):
            tp = self.confusion[(k, k)]
            fp = sum(v for (g, p), v in self.confusion.items() if p == k and g != k)
            fn = sum(v for (g, p), v in self.confusion.items() if g == k and p != k)
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        return sum(f1s) / 5

    def lines(self) -> list[str]:
        return [f"ConfliBERT cameo_class train: {self.rows} sentences",
                f"  5-way accuracy: {self.right / (self.rows or 1):.3f}   macro-F1: {self.macro_f1():.3f}"]


def evaluate_penta(path: Path, config: PipelineConfig) -> PentaResult:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r[0], int(r[1])) for r in csv.reader(fh, delimiter="\t")
                if len(r) >= 2 and r[1].strip().isdigit()]
    predicted = run_texts([(text, None) for text, _ in rows], config)
    res = PentaResult(rows=len(rows))
    for (_, gold), events in zip(rows, predicted, strict=True):
        top = top_event(events)
        pred = PENTA.get(top.cameo[:2], 0) if top else 0
        res.right += pred == gold
        res.confusion[(gold, pred)] += 1
    return res
