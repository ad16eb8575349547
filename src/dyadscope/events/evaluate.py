"""`dyadscope eval events`: accuracy of the events stage on labelled sentences.

Each labelled item becomes an `Article` (its text and publication date) and runs
through the configured article stages up to events, exactly as ingest would.
A predicted event matches a gold event when their triggers overlap (one-to-one,
preferring the pair whose actors agree); detection counts matches regardless of
type, per-type scores need the same PLOVER type, and the accuracies (quad,
actors, negation, modality, date) are over matched pairs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Article, Event, article_id, text_hash
from ..config import PipelineConfig
from ..registry import stages
from .arguments import root_code

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
#: Stages run before events when they are registered (actors and quotes may be absent in a checkout).
UPSTREAM = ("dyadscope.nlp.v1", "dyadscope.actors.v1", "dyadscope.quotes.v1")


def make_article(text: str, published: str | None, record: str) -> Article:
    """An article for one labelled item, as cleaning would have made it."""
    return Article(id=article_id(text, None, None, published, None), path="<labelled>", record=record,
                   title=None, outlet=None, url=None, published=published,
                   published_basis="input" if published else None, language="en", text=text,
                   text_hash=text_hash(text))


def pipeline(config: PipelineConfig) -> list[Callable[..., Any]]:
    """The registered stages up to and including events, in order."""
    names = [n for n in UPSTREAM if n in stages.names()] + ["dyadscope.events.v1"]
    return [stages.get(n) for n in names]


def run_texts(items: list[tuple[str, str | None]], config: PipelineConfig,
              batch: int = 64) -> list[list[Event]]:
    """Events for each (text, published) pair, in order."""
    fns = pipeline(config)
    out: list[list[Event]] = []
    for i in range(0, len(items), batch):
        arts = [make_article(t, p, str(i + j)) for j, (t, p) in enumerate(items[i:i + batch])]
        for fn in fns:
            arts, _ = fn(arts, config)
        out.extend(a.events for a in arts)
        for a in arts:
            a.doc = None
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    items: int = 0
    detection: Counts = field(default_factory=Counts)
    types: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in PLOVER_TYPES})
    agree: Counter[str] = field(default_factory=Counter)  # criterion → matched pairs agreeing
    matched: int = 0
    dated: int = 0  # matched pairs whose gold event has a date

    def accuracy(self, key: str) -> float:
        base = self.dated if key == "date" else self.matched
        return self.agree[key] / base if base else 0.0


def _gold_span(text: str, trigger: str) -> tuple[int, int]:
    i = text.find(trigger)
    return (i, i + len(trigger)) if i >= 0 else (0, 0)


def _affinity(g: dict[str, Any], p: Event) -> int:
    score = 0
    if g["actor1"] and p.actor1 and root_code(g["actor1"]) == root_code(p.actor1):
        score += 2
    if (g["actor2"] or "") == (p.actor2 or "") or (
            g["actor2"] and p.actor2 and root_code(g["actor2"]) == root_code(p.actor2)):
        score += 1
    return score + (1 if g["plover"] == p.plover else 0)


def match_item(text: str, gold: list[dict[str, Any]], pred: list[Event]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs whose triggers overlap."""
    options = []
    for gi, g in enumerate(gold):
        gs, ge = _gold_span(text, g["trigger"])
        for pi, p in enumerate(pred):
            ps, pe = p.trigger_start or p.start, p.trigger_end or p.end
            if ps < ge and gs < pe:
                options.append((-_affinity(g, p), gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(options):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _agreements(g: dict[str, Any], p: Event) -> Iterable[str]:
    if g["quad"] == p.quad:
        yield "quad"
    if g["plover"] == p.plover:
        yield "plover"
    if g["actor1"] == p.actor1 and (g["actor2"] or None) == (p.actor2 or None):
        yield "actors_full"
    r2 = root_code(g["actor2"]) if g["actor2"] else None
    p2 = root_code(p.actor2) if p.actor2 else None
    if root_code(g["actor1"]) == root_code(p.actor1 or "") and r2 == p2:
        yield "actors_root"
    if g["negated"] == p.negated:
        yield "negated"
    if g["hypothetical"] == p.hypothetical:
        yield "hypothetical"
    if g.get("date") and g["date"] == p.date and g.get("date_precision") == p.date_precision:
        yield "date"


def score(items: list[dict[str, Any]], predicted: list[list[Event]]) -> Report:
    rep = Report(items=len(items))
    for item, pred in zip(items, predicted, strict=True):
        gold = item["events"]
        pairs = match_item(item["text"], gold, pred)
        rep.detection.tp += len(pairs)
        rep.detection.fp += len(pred) - len(pairs)
        rep.detection.fn += len(gold) - len(pairs)
        typed = {(gi, pi) for gi, pi in pairs if gold[gi]["plover"] == pred[pi].plover}
        for t, counts in rep.types.items():
            tp = sum(1 for gi, pi in typed if gold[gi]["plover"] == t)
            counts.tp += tp
            counts.fp += sum(1 for p in pred if p.plover == t) - tp
            counts.fn += sum(1 for g in gold if g["plover"] == t) - tp
        for gi, pi in pairs:
            rep.matched += 1
            rep.dated += 1 if gold[gi].get("date") else 0
            rep.agree.update(_agreements(gold[gi], pred[pi]))
    return rep


def load_items(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate_labelled(path: Path, config: PipelineConfig) -> Report:
    items = load_items(path)
    predicted = run_texts([(it["text"], it.get("published")) for it in items], config)
    return score(items, predicted)


def format_report(rep: Report) -> list[str]:
    lines = [f"items: {rep.items}   gold events matched: {rep.matched}", "",
             f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for t, c in rep.types.items():
        p, r, f = c.prf()
        lines.append(f"{t:<10} {p:6.2f} {r:6.2f} {f:6.2f} {c.tp + c.fn:5d} {c.tp + c.fp:5d}")
    p, r, f = rep.detection.prf()
    lines += ["", f"event detection: P {p:.3f}  R {r:.3f}  F1 {f:.3f}"]
    for key, label in (("quad", "quad accuracy"), ("plover", "type accuracy"),
                       ("actors_root", "actor accuracy (3-letter root)"),
                       ("actors_full", "actor accuracy (full code)"), ("negated", "negation accuracy"),
                       ("hypothetical", "hypothetical accuracy"), ("date", "date accuracy (dated gold)")):
        lines.append(f"{label}: {rep.accuracy(key):.3f}")
    return lines
