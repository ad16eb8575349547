"""From pairwise links to answers: which version is the original, which articles form a story.

Pure functions over links and article metadata, so the corpus step can rerun
them over any affected part of the store and get the same answer whatever
order the articles arrived in.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .relate import MT_MARKS

#: Kinds from least to most rewritten; a copy of a copy takes the most rewritten kind on its path.
KIND_ORDER = ("exact", "near", "spun", "translated")
#: Mean Zipf-frequency advantage of a version's substituted words over the
#: other's before fluency decides which is original. Spun copies trail their
#: source by 0.3 (demo) to 0.4 (seeds); a light edit moves it by 0.03.
FLUENCY_MARGIN = 0.1
#: Fewer substituted words than this say nothing about fluency.
FLUENCY_MIN_WORDS = 3
#: A story never spans more than this many days between its dated members,
#: so topic chains (daily coverage of one war) cannot merge into one giant story.
STORY_MAX_SPAN_DAYS = 7
#: Two story clusters merge only when at least this share of the article pairs
#: across them are linked: one strong link between two groups is not enough.
STORY_LINKAGE = 0.5


@dataclass(slots=True)
class Member:
    """Article metadata the decisions need."""

    id: str
    published: date | None = None
    run_id: int | None = None
    path: str = ""
    record: str | None = None
    title: str | None = None
    outlet: str | None = None

    def first_seen_key(self) -> tuple[int, str, str, str]:
        return (self.run_id if self.run_id is not None else 1 << 62, self.path, self.record or "",
                self.id)


@dataclass(slots=True)
class LinkRow:
    a: str
    b: str
    relation: str
    kind: str | None
    score: float
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Decision:
    """What the provenance table stores for one article."""

    copy_of: str | None = None
    copy_kind: str | None = None
    copy_score: float | None = None
    original_reason: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    story: str | None = None


def components(nodes: Iterable[str], links: Iterable[LinkRow]) -> list[list[str]]:
    """Connected components, each sorted, in a deterministic order."""
    adj: dict[str, set[str]] = defaultdict(set)
    for link in links:
        adj[link.a].add(link.b)
        adj[link.b].add(link.a)
    seen: set[str] = set()
    out = []
    for start in sorted(set(nodes)):
        if start in seen:
            continue
        comp, queue = [], deque([start])
        seen.add(start)
        while queue:
            n = queue.popleft()
            comp.append(n)
            for m in sorted(adj[n] - seen):
                seen.add(m)
                queue.append(m)
        out.append(sorted(comp))
    return out


def choose_original(group: list[str], members: dict[str, Member],
                    links: list[LinkRow]) -> tuple[str, str]:
    """The version judged original and why: earliest date, else more fluent, else first seen."""
    candidates, reason = _by_date(group, members)
    if len(candidates) == 1:
        return candidates[0], reason
    fluency = _fluency(candidates, links)
    ranked = sorted(candidates, key=lambda c: (-fluency[c], members[c].first_seen_key()))
    best, second = ranked[0], ranked[1]
    # Each link adds its difference to one side and takes it from the other.
    advantage = (fluency[best] - fluency[second]) / 2
    if advantage >= FLUENCY_MARGIN:
        why = (f"more fluent text: the other version's substituted words are rarer "
               f"(mean Zipf advantage {advantage:.2f})")
        return best, f"{reason}; {why}" if reason else why
    first = min(candidates, key=lambda c: members[c].first_seen_key())
    why = "first seen (dates and fluency do not decide)"
    return first, f"{reason}; {why}" if reason else why


def _by_date(group: list[str], members: dict[str, Member]) -> tuple[list[str], str]:
    dated = sorted((members[g].published, g) for g in group if members[g].published)
    undated = [g for g in group if not members[g].published]
    if not dated:
        return list(group), "no publication dates"
    earliest = dated[0][0]
    tied = [g for d, g in dated if d == earliest]
    if not undated and len(tied) == 1:
        later = next((d for d, _ in dated if d != earliest), None)
        return tied, f"earliest publication date ({earliest}, next {later})"
    if undated:
        return sorted(tied + undated), f"only {len(dated)} of {len(group)} versions dated"
    return sorted(tied), f"same earliest date ({earliest})"


def _fluency(candidates: list[str], links: list[LinkRow]) -> dict[str, float]:
    """Mean advantage of each candidate's substituted words (Zipf) against the other candidates."""
    wanted = set(candidates)
    total: dict[str, float] = dict.fromkeys(candidates, 0.0)
    count: dict[str, int] = dict.fromkeys(candidates, 0)
    for link in links:
        ev = link.evidence
        if link.a not in wanted or link.b not in wanted or ev.get("zipf_a") is None \
                or ev.get("zipf_b") is None or ev.get("substituted", 0) < FLUENCY_MIN_WORDS:
            continue
        diff = float(ev["zipf_a"]) - float(ev["zipf_b"])
        total[link.a] += diff
        total[link.b] -= diff
        count[link.a] += 1
        count[link.b] += 1
    return {c: total[c] / count[c] if count[c] else 0.0 for c in candidates}


def copy_decisions(group: list[str], members: dict[str, Member],
                   links: list[LinkRow]) -> dict[str, Decision]:
    """Every member of one copy group linked to the version judged original."""
    root, reason = choose_original(group, members, links)
    paths = _paths_from(root, links)
    out: dict[str, Decision] = {}
    for m in group:
        if m == root:
            continue
        path = paths[m]
        kind = max((link.kind or "near" for link in path), key=KIND_ORDER.index)
        score = min(link.score for link in path)
        evidence = dict(path[-1].evidence)
        if len(path) > 1:
            evidence["via"] = [_other(link, m) for link in path[1:]][::-1]
        out[m] = Decision(copy_of=root, copy_kind=kind, copy_score=round(score, 3),
                          original_reason=reason, evidence=evidence)
    out[root] = _root_decision(root, group, reason, links)
    return out


def _root_decision(root: str, group: list[str], reason: str, links: list[LinkRow]) -> Decision:
    """The original counts as the source, unless its own text shows it was translated.

    A text with machine-translation marks (stray full stops mid-sentence) that
    its copies lack is itself derived from an original that is not in the store:
    it stays the group's original (nothing better is stored) but says so.
    """
    decision = Decision(original_reason=reason, evidence={"copies": len(group) - 1})
    for link in links:
        if root not in (link.a, link.b):
            continue
        marks = link.evidence.get("mt_marks") or [0.0, 0.0]
        own, other = (marks[0], marks[1]) if link.a == root else (marks[1], marks[0])
        if own >= MT_MARKS and own > other:
            decision.copy_kind = "translated"
            decision.original_reason = (f"{reason}; its own text shows machine-translation marks "
                                        f"({own:.2f} stray full stops per 1,000 characters, its "
                                        f"copy {other:.2f}): the source it was translated from is "
                                        "not in the store")
            decision.evidence["mt_marks"] = own
            break
    return decision


def _paths_from(root: str, links: list[LinkRow]) -> dict[str, list[LinkRow]]:
    """For each member, the links from the root to it: direct when there is one, else fewest hops."""
    adj: dict[str, list[LinkRow]] = defaultdict(list)
    for link in sorted(links, key=lambda x: (-x.score, x.a, x.b)):
        adj[link.a].append(link)
        adj[link.b].append(link)
    paths: dict[str, list[LinkRow]] = {root: []}
    queue = deque([root])
    while queue:
        n = queue.popleft()
        for link in adj[n]:
            m = _other(link, n)
            if m not in paths:
                paths[m] = [*paths[n], link]
                queue.append(m)
    return paths


def _other(link: LinkRow, node: str) -> str:
    return link.b if link.a == node else link.a


def story_clusters(nodes: dict[str, date | None], edges: dict[tuple[str, str], float]) -> list[list[str]]:
    """Average-linkage grouping of originals, capped in time.

    Edges are merged strongest first; two clusters join only if their dated
    members span at most STORY_MAX_SPAN_DAYS and at least STORY_LINKAGE of the
    pairs across them are linked, so a chain A-B-C with no A-C link stays apart.
    """
    cluster_of = {n: n for n in nodes}
    members: dict[str, list[str]] = {n: [n] for n in nodes}
    for (a, b), _score in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])):
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        joined = members[ca] + members[cb]
        dates = [d for d in (nodes[n] for n in joined) if d is not None]
        if dates and (max(dates) - min(dates)).days > STORY_MAX_SPAN_DAYS:
            continue
        linked = sum(1 for x in members[ca] for y in members[cb]
                     if (min(x, y), max(x, y)) in edges)
        if linked < STORY_LINKAGE * len(members[ca]) * len(members[cb]):
            continue
        keep, drop = sorted((ca, cb))
        for n in members[drop]:
            cluster_of[n] = keep
        members[keep] = sorted(joined)
        del members[drop]
    return sorted(sorted(m) for m in members.values() if len(m) > 1)


def story_id(cluster: list[str], members: dict[str, Member]) -> str:
    """Named after its earliest article, so it stays put as later reports join."""
    first = min(cluster, key=lambda c: (members[c].published or date.max, c))
    return "s" + hashlib.sha256(first.encode("utf-8")).hexdigest()[:15]
