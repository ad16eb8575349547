"""Accuracy of the quotes stage on labelled data (`dyadscope eval quotes`).

Two sets: the team's own (tests/labelled/quotes: gold spans follow our
conventions exactly, so spans are scored by exact match and by overlap), and
PolNeAR's dev split (../shared/peer-suites/polnear, read when present): its
Content spans include the quotation marks and trailing commas and join the
parts of an interrupted quote, so it is scored by overlap only, per fragment,
for direct quotes (Content containing a quote mark) and for all attributions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Article, Quote, article_id, text_hash

#: Overlap needed for a lenient match: shared characters / characters in either span.
#: 0.5 accepts a span that differs by its marks, a trailing comma or a clause edge, and rejects
#: one that covers only a fragment of a longer quote.
OVERLAP = 0.5
_MARKS = " \n\t\"“”«»„‘’'.,:;"


@dataclass
class Scores:
    """Counts behind precision/recall/F1 and speaker accuracy."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    #: gold units matched, when it differs from `tp` (PolNeAR subsets pair ours with any gold unit)
    recalled: int | None = None
    #: False where the gold has no actor codes (PolNeAR), so no code accuracy is printed
    codes: bool = True
    speaker_ok: int = 0
    code_ok: int = 0
    speaker_n: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        hits = self.tp if self.recalled is None else self.recalled
        return hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_n if self.speaker_n else 0.0

    @property
    def code_accuracy(self) -> float:
        return self.code_ok / self.speaker_n if self.speaker_n else 0.0

    def line(self, label: str) -> str:
        text = (f"{label:<34} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.tp}, predicted {self.predicted}, gold {self.gold})")
        if self.speaker_n:
            code = f"  code {self.code_accuracy:.3f}" if self.codes else ""
            text += f"  speaker {self.speaker_accuracy:.3f}{code} (n {self.speaker_n})"
        return text


def make_article(text: str, name: str, published: str | None = None) -> Article:
    """A bare Article around a labelled text, for running the stages without the store."""
    return Article(id=article_id(text, None, None, published, name), path=name, record=None, title=None,
                   outlet=None, url=None, published=published, published_basis=None, language="en",
                   text=text, text_hash=text_hash(text))


def run_stages(articles: list[Article]) -> list[Article]:
    """nlp -> actors -> quotes over bare articles, as the pipeline runs them."""
    from .. import nlp
    from ..actors import link_batch
    from ..config import PipelineConfig
    from . import extract_batch

    config = PipelineConfig()
    articles, _ = nlp.parse_batch(articles, config)
    articles, _ = link_batch(articles, config)
    articles, _ = extract_batch(articles, config)
    return articles


def _norm_name(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / (max(a[1], b[1]) - min(a[0], b[0])) if shared > 0 else 0.0


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _MARKS:
        start += 1
    while end > start and text[end - 1] in _MARKS:
        end -= 1
    return start, end


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), exact spans or best overlap ≥ OVERLAP first."""
    if exact:
        where = {g: j for j, g in enumerate(gold)}
        return [(i, where[p]) for i, p in enumerate(pred) if p in where]
    cands = sorted(((_overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)
                    if _overlap(p, g) >= OVERLAP), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


# -- the team's labelled set ------------------------------------------------------------------


def labelled_dir() -> Path:
    """tests/labelled/quotes of a source checkout (the set is not installed with the package)."""
    return Path(__file__).resolve().parents[3] / "tests" / "labelled" / "quotes"


def _gold(root: Path) -> dict[str, list[dict[str, Any]]]:
    gold: dict[str, list[dict[str, Any]]] = {}
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold.setdefault(rec["file"], []).append(rec)
    return gold


def predict_labelled(root: Path) -> dict[str, list[Quote]]:
    files = sorted((root / "texts").glob("*.txt"))
    articles = [make_article(p.read_text(encoding="utf-8"), p.name) for p in files]
    return {a.path: a.quotes for a in run_stages(articles)}


def score_labelled(root: Path, predictions: dict[str, list[Quote]] | None = None
                   ) -> dict[str, Scores]:
    """Exact and lenient span scores, per kind and overall, with speaker accuracy on matches."""
    gold = _gold(root)
    predictions = predictions if predictions is not None else predict_labelled(root)
    out = {k: Scores() for k in ("exact", "lenient", "exact direct", "exact indirect")}
    for name, records in gold.items():
        quotes = predictions.get(name, [])
        for label, kinds in (("", ("direct", "indirect")), (" direct", ("direct",)),
                             (" indirect", ("indirect",))):
            for exact in ((True, False) if not label else (True,)):
                key = ("exact" if exact else "lenient") + label
                _score_file(out[key], [q for q in quotes if q.kind in kinds],
                            [g for g in records if g["kind"] in kinds], exact, name)
    return out


def _score_file(s: Scores, quotes: list[Quote], gold: list[dict[str, Any]], exact: bool,
                name: str) -> None:
    pred = [(q.start, q.end) for q in quotes]
    spans = [(g["start"], g["end"]) for g in gold]
    pairs = match(pred, spans, exact)
    s.predicted += len(pred)
    s.gold += len(spans)
    s.tp += len(pairs)
    for i, j in pairs:
        s.speaker_n += 1
        ok = _norm_name(quotes[i].speaker) == _norm_name(gold[j]["speaker"])
        s.speaker_ok += ok
        s.code_ok += quotes[i].speaker_code == gold[j]["speaker_code"]
        if not ok:
            s.misses.append(f"{name}@{spans[j][0]}: speaker {quotes[i].speaker!r} != {gold[j]['speaker']!r}")
    got = {p for p, _ in pairs}
    seen = {g for _, g in pairs}
    s.misses += [f"{name}@{pred[i][0]}-{pred[i][1]}: extra {quotes[i].kind}" for i in range(len(pred))
                 if i not in got]
    s.misses += [f"{name}@{spans[j][0]}-{spans[j][1]}: missed {gold[j]['kind']}" for j in range(len(spans))
                 if j not in seen]


# -- PolNeAR (../shared/peer-suites/polnear), read when present -------------------------------

_ANN_LINE = re.compile(r"^([TE#]\d+)\t", re.M)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "his", "her"})


@dataclass
class GoldAttribution:
    """One PolNeAR attribution relation: Content fragments and the Source mention, if any."""

    fragments: list[tuple[int, int]]
    source: str | None
    direct: bool


def polnear_dir() -> Path:
    return Path(__file__).resolve().parents[4] / "shared" / "peer-suites" / "polnear"


def read_ann(text: str, ann: str) -> list[GoldAttribution]:
    """Attribution relations of one brat .ann file (fragments of multi-part spans kept apart)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    parts = _ANN_LINE.split(ann)
    for ident, body in zip(parts[1::2], parts[2::2], strict=True):
        if ident.startswith("T"):
            label, _, rest = body.partition(" ")
            offsets = rest.split("\t", 1)[0]
            frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
            spans[ident] = (label, [(f[0], f[1]) for f in frags])
        elif ident.startswith("E"):
            roles = dict(r.split(":", 1) for r in body.split() if ":" in r)
            relations.append(roles)
    out = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        source_text = " ".join(text[a:b] for a, b in source[1]) if source else None
        content_text = "".join(text[a:b] for a, b in content[1])
        out.append(GoldAttribution(content[1], source_text, '"' in content_text or "“" in content_text))
    return out


def load_polnear(root: Path, split: str = "dev") -> list[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, attributions) per article; the first annotation in sort order when several."""
    out = []
    seen: set[str] = set()
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        txt = root / split / "text" / f"{name}.txt"
        if name in seen or not txt.is_file():
            continue
        seen.add(name)
        text = txt.read_text(encoding="utf-8")
        out.append((name, text, read_ann(text, ann.read_text(encoding="utf-8"))))
    return out


def _speaker_matches(speaker: str | None, source: str) -> bool:
    words = {w.strip(".,’'s").casefold() for w in source.split() if len(w) > 2}
    return bool(speaker) and any(w.casefold() in words for w in (speaker or "").split() if len(w) > 2)


def score_polnear(root: Path, limit: int | None = None) -> dict[str, Scores]:
    """Overlap scores on PolNeAR dev: 'direct' (Content with a quote mark) and 'all' attributions.

    PolNeAR has no record for an unattributed quoted phrase (a scare quote, a title) and folds a
    partial quote into its reported clause, where we keep both; 'direct, our attributed only' leaves
    our unattributed runs out of the precision.

    Speaker accuracy is counted where the gold Source is a name (not a pronoun or description,
    which the corpus does not resolve): correct when our speaker shares a word with it.
    """
    docs = load_polnear(root)[:limit]
    articles = run_stages([make_article(text, name) for name, text, _ in docs])
    # ours: which of our records a subset counts; theirs: which gold attributions it counts
    subsets = {
        "direct": (lambda q: q.kind == "direct", lambda g: g.direct),
        "direct, our attributed only": (lambda q: q.kind == "direct" and q.cue is not None,
                                        lambda g: g.direct),
        "all": (lambda q: True, lambda g: True),
    }
    out = {k: Scores(codes=False) for k in subsets}
    for (_, text, gold), article in zip(docs, articles, strict=True):
        frags = [(g, _strip(text, *f)) for g in gold for f in g.fragments]
        frags = [(g, f) for g, f in frags if f[1] > f[0]]
        quotes = article.quotes
        pairs = match([(q.start, q.end) for q in quotes], [f for _, f in frags], exact=False)
        for key, (ours, their) in subsets.items():
            s = out[key]
            mine = {i for i, q in enumerate(quotes) if ours(q)}
            theirs = {j for j, (g, _) in enumerate(frags) if their(g)}
            s.predicted += len(mine)
            s.gold += len(theirs)
            s.tp += sum(1 for i, _ in pairs if i in mine)
            s.recalled = (s.recalled or 0) + sum(1 for _, j in pairs if j in theirs)
            for i, j in pairs:
                g = frags[j][0]
                if j in theirs and g.source and g.source.split()[0].casefold() not in _PRONOUNS \
                        and any(w[:1].isupper() for w in g.source.split()):
                    s.speaker_n += 1
                    s.speaker_ok += _speaker_matches(quotes[i].speaker, g.source)
    return out
