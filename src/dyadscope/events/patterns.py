"""The event pattern dictionary and the CAMEO table, both data files users can edit.

`cameo.tsv` holds facts per CAMEO code (PLOVER type, quad class, Goldstein score);
`patterns.tsv` says which lemmas, with which arguments, express which code. Keeping
both as data means an analyst adds a verb or fixes a code without touching Python,
and one `PatternBook` built per process serves every article.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import Code, UsageError

#: Constraint keys a pattern's `requires` column may use.
REQUIRE_KEYS = ("prt", "obj", "mod", "prep", "xcomp")
#: Flags a pattern's `flags` column may use (`to:` takes a |-list of prepositions).
FLAGS = ("invert", "reciprocal", "notarget", "content", "place", "to")
LIGHT = "light"


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of cameo.tsv."""

    code: str
    root: str
    name: str
    goldstein: float
    quad: int
    plover: str


@dataclass(frozen=True, slots=True)
class Pattern:
    """One row of patterns.tsv: a trigger lemma, its constraints and what it codes to."""

    lemma: str
    pos: str
    cameo: str
    requires: tuple[tuple[str, frozenset[str]], ...] = ()
    flags: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    line: int = 0

    @property
    def light(self) -> bool:
        return self.cameo == LIGHT

    @property
    def specificity(self) -> int:
        return len(self.requires)

    def require(self, key: str) -> frozenset[str] | None:
        for k, values in self.requires:
            if k == key:
                return values
        return None


@dataclass
class PatternBook:
    """Patterns indexed by (lemma, pos), most specific first, plus the CAMEO table."""

    cameo: dict[str, CameoCode]
    by_key: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)

    def add(self, pattern: Pattern) -> None:
        rows = self.by_key.setdefault((pattern.lemma, pattern.pos), [])
        rows[:] = [p for p in rows if p.requires != pattern.requires]
        rows.append(pattern)
        rows.sort(key=lambda p: (-p.specificity, p.line))

    def candidates(self, lemma: str, pos: str) -> list[Pattern]:
        return self.by_key.get((lemma, pos), [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_key.values())

    def code(self, cameo: str) -> CameoCode:
        return self.cameo[cameo]


def _data_file(name: str) -> Path:
    return Path(str(resources.files("dyadscope") / "data" / "events" / name))


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Non-comment rows with their line numbers; the header row is skipped."""
    out: list[tuple[int, list[str]]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            if row[0] in ("code", "lemma"):
                continue
            out.append((n, [c.strip() for c in row]))
    return out


def load_cameo(path: Path | None = None) -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for _, row in _rows(path or _data_file("cameo.tsv")):
        code, root, name, goldstein, quad, plover = (row + [""] * 7)[:6]
        table[code] = CameoCode(code, root, name, float(goldstein), int(quad), plover)
    return table


def _bad(path: Path, line: int, why: str) -> UsageError:
    return UsageError(Code.CONFIG, reason=f"{path}:{line}: {why}")


def _parse_requires(text: str, path: Path, line: int) -> tuple[tuple[str, frozenset[str]], ...]:
    if text in ("", "-"):
        return ()
    out: list[tuple[str, frozenset[str]]] = []
    for part in text.split(";"):
        key, sep, values = part.partition("=")
        key = key.strip()
        if not sep or key not in REQUIRE_KEYS:
            raise _bad(path, line, f"unknown constraint {part!r} (use {', '.join(REQUIRE_KEYS)})")
        out.append((key, frozenset(v.strip().lower() for v in values.split("|") if v.strip())))
    return tuple(sorted(out))


def _parse_flags(text: str, path: Path, line: int) -> tuple[frozenset[str], tuple[str, ...]]:
    if text in ("", "-"):
        return frozenset(), ()
    flags: set[str] = set()
    preps: tuple[str, ...] = ()
    for part in text.split(","):
        name, _, arg = part.strip().partition(":")
        if name not in FLAGS:
            raise _bad(path, line, f"unknown flag {name!r} (use {', '.join(FLAGS)})")
        if name == "to":
            preps = tuple(p for p in arg.split("|") if p)
        flags.add(name)
    return frozenset(flags), preps


def read_patterns(path: Path, cameo: dict[str, CameoCode]) -> list[Pattern]:
    """Parse one patterns file; an unknown CAMEO code or constraint names the line."""
    patterns: list[Pattern] = []
    for line, row in _rows(path):
        if len(row) < 4:
            raise _bad(path, line, "expected lemma, pos, requires, cameo[, flags, notes]")
        lemma, pos, requires, code = row[:4]
        flags_text = row[4] if len(row) > 4 else "-"
        if pos not in ("VERB", "NOUN", "ADJ"):
            raise _bad(path, line, f"pos must be VERB, NOUN or ADJ, not {pos!r}")
        if code != LIGHT and code not in cameo:
            raise _bad(path, line, f"CAMEO code {code!r} is not in cameo.tsv")
        if code != LIGHT and not cameo[code].plover:
            raise _bad(path, line, f"CAMEO code {code} maps to no PLOVER type")
        flags, preps = _parse_flags(flags_text, path, line)
        patterns.append(Pattern(lemma.lower(), pos, code, _parse_requires(requires, path, line),
                                flags, preps, line))
    return patterns


@lru_cache(maxsize=8)
def load_book(extra: str | None = None) -> PatternBook:
    """The packaged patterns, then a user's file (same columns) whose rows win; cached per process."""
    cameo = load_cameo()
    book = PatternBook(cameo=cameo)
    for pattern in read_patterns(_data_file("patterns.tsv"), cameo):
        book.add(pattern)
    if extra:
        path = Path(extra)
        if not path.is_file():
            raise UsageError(Code.CONFIG, reason=f"event_patterns_file {extra}: no such file")
        offset = 1_000_000  # user rows sort after packaged rows of equal specificity
        for p in read_patterns(path, cameo):
            book.add(Pattern(p.lemma, p.pos, p.cameo, p.requires, p.flags, p.target_preps,
                             p.line + offset))
    return book
