"""The actor dictionary: bundled TSV files plus an optional user file, loaded once per process.

The data lives in `dyadscope/data/actors/*.tsv` (each file's header says what its
columns mean and where the facts come from). This module only reads them into
plain lookup tables; matching text against them is `match.py`'s job.

A user file (`--actors FILE`) adds aliases and people over the bundled ones:
a TSV with a header row, or a JSON list of objects, with the columns
`alias, code, name, kind, country, sector, role, title, start, end`
(only `alias` and `code` are required). A row with `kind=person` is an
officeholder like the rows of people.tsv; any other row is an alias of an
actor (state, igo, org, group).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Code, UsageError

#: people.tsv roles as words, for display.
ROLE_NAMES = {
    "head_of_state": "head of state",
    "head_of_government": "head of government",
    "foreign_minister": "foreign minister",
    "defence_minister": "defence minister",
    "secretary_general": "secretary-general",
}


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor a text can mention: a state, an IGO, a group, or one officeholder's tenure."""

    code: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    title: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None

    def holds_on(self, day: str) -> bool:
        """True when `day` (YYYY-MM-DD) falls inside this tenure (open ends included)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def distance(self, day: str) -> int:
        """Days between `day` and this tenure; 0 inside it. Used to pick among namesakes."""
        if self.holds_on(day):
            return 0
        d = date.fromisoformat(day)
        if self.end is not None and day >= self.end:
            return (d - date.fromisoformat(self.end)).days
        assert self.start is not None
        return (date.fromisoformat(self.start) - d).days


@dataclass
class Dictionary:
    """Lookup tables built from the actor files; read-only once loaded."""

    #: surface form (case-sensitive) -> actors it may mean (several for namesakes and tenures).
    aliases: dict[str, list[Actor]] = field(default_factory=dict)
    #: state code -> state actor; also IGO and group codes -> their actor.
    by_code: dict[str, Actor] = field(default_factory=dict)
    #: country adjective/demonym (case-sensitive) -> state code.
    adjectives: dict[str, str] = field(default_factory=dict)
    #: lower-case role phrase -> [(role, countries or empty for any)].
    roles: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    #: lower-case sector noun phrase -> sector code.
    sectors: dict[str, str] = field(default_factory=dict)
    #: city name -> state code (affiliations only, never a mention).
    cities: dict[str, str] = field(default_factory=dict)
    #: every officeholder tenure, for role + country + date look-ups.
    people: list[Actor] = field(default_factory=list)

    def add_alias(self, alias: str, actor: Actor) -> None:
        alias = alias.strip()
        if not alias:
            return
        targets = self.aliases.setdefault(alias, [])
        if actor not in targets:
            targets.append(actor)

    def holder(self, country: str, role: str, day: str) -> Actor | None:
        """Who held `role` in `country` on `day`; None when nobody is listed."""
        rows = [p for p in self.people if p.country == country and p.role == role]
        inside = [p for p in rows if p.holds_on(day)]
        return inside[0] if len(inside) == 1 else None

    def resolve(self, alias: str, day: str) -> Actor | None:
        """The actor an alias means on `day`: the tenure holding then, else the nearest one."""
        targets = self.aliases.get(alias)
        if not targets:
            return None
        if len(targets) == 1:
            return targets[0]
        dated = [t for t in targets if t.start is not None]
        if not dated:
            return targets[0]
        return min(dated, key=lambda t: t.distance(day))


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV, skipping `#` comment lines."""
    path = resources.files("dyadscope") / "data" / "actors" / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _load_states(d: Dictionary) -> None:
    for row in _rows("states.tsv"):
        code = row["code"]
        state = Actor(code=code, name=row["name"], kind="state", country=code)
        d.by_code[code] = state
        for alias in [row["name"], *_split(row["aliases"])]:
            d.add_alias(alias, state)
        for adj in _split(row["adjectives"]):
            d.adjectives[adj] = code
            d.add_alias(adj, state)
        for metonym in _split(row["metonyms"]):
            text, _, sector = metonym.partition("=")
            actor = Actor(code=code + sector, name=f"{row['name']} ({text.strip()})",
                          kind="state", country=code) if sector else state
            d.add_alias(text, actor)


def _load_orgs(d: Dictionary) -> None:
    for row in _rows("organizations.tsv"):
        actor = Actor(code=row["code"], name=row["name"], kind=row["kind"],
                      country=row["country"] or None)
        d.by_code[actor.code] = actor
        for alias in [row["name"], *_split(row["aliases"])]:
            d.add_alias(alias, actor)


def _person(row: dict[str, Any]) -> Actor:
    country = row.get("country") or None
    sector = row.get("sector") or ""
    code = row.get("code") or ((country or "") + sector)
    return Actor(code=code, name=row["name"], kind="person", country=country,
                 role=row.get("role") or None, title=tuple(_split(row.get("title"))),
                 start=row.get("start") or None, end=row.get("end") or None)


def _load_people(d: Dictionary) -> None:
    for row in _rows("people.tsv"):
        owner = d.by_code.get(row["country"])
        if owner is not None and owner.kind != "state":
            row = {**row, "sector": ""}  # an IGO official's code is the IGO's: EU, not EUGOV
        actor = _person(row)
        d.people.append(actor)
        for alias in [row["name"], *_split(row["aliases"])]:
            d.add_alias(alias, actor)


def _load_small(d: Dictionary) -> None:
    for row in _rows("roles.tsv"):
        d.roles.setdefault(row["phrase"].lower(), []).append(
            (row["role"], frozenset(_split(row["countries"]))))
    for row in _rows("sectors.tsv"):
        for noun in _split(row["nouns"]):
            d.sectors.setdefault(noun.lower(), row["code"])
    for row in _rows("cities.tsv"):
        d.cities.setdefault(row["name"], row["country"])


def _user_rows(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(Code.ACTORS_FILE, path=str(path), reason=str(exc)) from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise UsageError(Code.ACTORS_FILE, path=str(path), reason=str(exc)) from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise UsageError(Code.ACTORS_FILE, path=str(path), reason="expected a JSON list of objects")
        return data
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _load_user(d: Dictionary, path: Path) -> None:
    for n, row in enumerate(_user_rows(path), start=1):
        alias, code = str(row.get("alias") or "").strip(), str(row.get("code") or "").strip()
        if not alias or not code:
            raise UsageError(Code.ACTORS_FILE, path=str(path),
                             reason=f"row {n}: 'alias' and 'code' are required")
        kind = str(row.get("kind") or "").strip()
        if kind == "person":
            actor = _person({**row, "name": row.get("name") or alias, "code": code})
            d.people.append(actor)
        else:
            known = d.by_code.get(code)
            actor = known or Actor(code=code, name=str(row.get("name") or alias), kind=kind or "org",
                                   country=str(row.get("country") or "") or None)
            d.by_code.setdefault(code, actor)
        d.add_alias(alias, actor)
        if row.get("name") and kind == "person":
            d.add_alias(str(row["name"]), actor)


@lru_cache(maxsize=4)
def load_dictionary(user_file: str | None = None) -> Dictionary:
    """The bundled dictionary, with `user_file`'s rows merged over it. Cached per process."""
    d = Dictionary()
    _load_states(d)
    _load_orgs(d)
    _load_people(d)
    _load_small(d)
    if user_file:
        _load_user(d, Path(user_file))
    return d


def sector_of(actor: Actor) -> str | None:
    """The CAMEO sector part of an actor code (RUSGOV -> GOV); None for bare codes."""
    if actor.country and actor.code.startswith(actor.country) and len(actor.code) > len(actor.country):
        return actor.code[len(actor.country):]
    return None
