"""Which report-level mentions of a name are one person.

Two mentions of one name are one person when they share something that makes coincidence
unlikely: the same post, else the same body, else the same commune, district or province (of the
events they were at). Nothing shared keeps them apart, so namesakes in unrelated provinces stay
two people. Researchers' assertions join (``same``) or forbid joining (``different``).

The result depends only on the set of mentions and assertions: candidate links are taken
strongest first in a fixed order (reason, then the two mention IRIs), a link that would put two
mentions asserted different into one person is skipped, and each person's key comes from their
name and where they were found.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import TYPE_CHECKING

from polgraph.text.normalise import stable_slug

if TYPE_CHECKING:
    from polgraph.identity.overrides import Overrides

__all__ = ["REASONS", "Cluster", "Link", "Mention", "explain", "resolve_persons"]

REASONS = (
    "asserted same",
    "same post",
    "shared body",
    "same commune",
    "same district",
    "same province",
)
_RANK = {reason: i for i, reason in enumerate(REASONS)}
_AREA_REASON = {"commune": "same commune", "district": "same district", "province": "same province"}


@dataclass(frozen=True)
class Mention:
    iri: str
    name: str
    name_key: str
    report: str
    areas: frozenset[str]  # "commune:18730", "district:446", "province:42" (and 2025 units)
    bodies: frozenset[str] = frozenset()
    posts: frozenset[str] = frozenset()


@dataclass(frozen=True, order=True)
class Link:
    a: str  # a < b
    b: str
    reason: str
    detail: str  # the post, body or area shared, or the assertion's note


@dataclass(frozen=True)
class Cluster:
    key: str
    name: str
    mentions: tuple[str, ...]
    links: tuple[Link, ...]  # a spanning tree over the mentions


def _sha(*parts: str, length: int) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def _buckets(mentions: Iterable[Mention]) -> dict[tuple[str, str, str], list[str]]:
    """The mentions of one name that share a value (a post, a body, an area), keyed by
    (name key, reason, value); each bucket's IRIs sorted, at least two of them."""
    buckets: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for m in mentions:
        for post in m.posts:
            buckets[(m.name_key, "same post", post)].append(m.iri)
        for body in m.bodies:
            buckets[(m.name_key, "shared body", body)].append(m.iri)
        for area in m.areas:
            reason = _AREA_REASON.get(area.split(":", 1)[0])
            if reason is not None:
                buckets[(m.name_key, reason, area)].append(m.iri)
    # A value only one mention has links nothing.
    return {key: sorted(members) for key, members in buckets.items() if len(members) > 1}


class _Forest:
    """Union–find that refuses a union joining two mentions asserted to be different."""

    def __init__(self, apart: Iterable[tuple[str, str]] = ()) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}
        # Per root: the mentions some member of the cluster was asserted different from.
        self.banned: dict[str, set[str]] = defaultdict(set)
        for a, b in apart:
            self.banned[a].add(b)
            self.banned[b].add(a)

    def find(self, item: str) -> str:
        parent = self.parent
        root = parent.setdefault(item, item)
        while parent[root] != root:
            parent[root] = parent[parent[root]]  # path halving
            root = parent[root]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if any(self.find(x) == rb for x in self.banned.get(ra, ())):
            return False
        if self.size.get(ra, 1) < self.size.get(rb, 1):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] = self.size.get(ra, 1) + self.size.get(rb, 1)
        if rb in self.banned:
            self.banned[ra] |= self.banned.pop(rb)
        return True


def _candidates(
    buckets: dict[tuple[str, str, str], list[str]],
    asserted: list[Link],
    apart: list[tuple[str, str]],
) -> list[Link]:
    """The links to try. Members of a bucket are chained (a bucket costs its size, not its size
    squared). Where a "different" assertion could refuse a chain link, the chain could strand a
    mention that might still join another member, so there every pair of the bucket is tried."""
    constrained: set[str] = set()
    reach = _Forest()
    if apart:
        # The groups the links could form at most; only those holding an asserted-different
        # mention need every pair.
        for members in buckets.values():
            for a, b in pairwise(members):
                reach.union(a, b)
        for link in asserted:
            reach.union(link.a, link.b)
        constrained = {reach.find(x) for pair in apart for x in pair}
    links = list(asserted)
    for (_, reason, detail), members in buckets.items():
        every_pair = constrained and reach.find(members[0]) in constrained
        pairs = combinations(members, 2) if every_pair else pairwise(members)
        links.extend(Link(a, b, reason, detail) for a, b in pairs)
    links.sort(key=lambda link: (_RANK[link.reason], link.a, link.b, link.detail))
    return links


def resolve_persons(
    mentions: Iterable[Mention], overrides: Overrides | None = None
) -> list[Cluster]:
    """The persons among ``mentions``, sorted by key; see the module docstring for the rules."""
    by_iri = {m.iri: m for m in mentions}
    same, different = overrides.resolve(by_iri.values()) if overrides is not None else ([], [])
    asserted = [
        Link(min(a, b), max(a, b), "asserted same", note)
        for a, b, note in same
        if a != b and a in by_iri and b in by_iri
    ]
    apart = sorted(
        {(min(a, b), max(a, b)) for a, b, _ in different if a != b and a in by_iri and b in by_iri}
    )
    forest = _Forest(apart)
    kept = [
        link
        for link in _candidates(_buckets(by_iri.values()), asserted, apart)
        if forest.union(link.a, link.b)
    ]
    members: dict[str, list[str]] = defaultdict(list)
    for iri in by_iri:
        members[forest.find(iri)].append(iri)
    links: dict[str, list[Link]] = defaultdict(list)
    for link in kept:
        links[forest.find(link.a)].append(link)
    slugs: dict[str, str] = {}  # namesakes share the slug; computing it is the costly part
    clusters = []
    for root, group in members.items():
        group.sort()
        found = [by_iri[iri] for iri in group]
        name, key = _name(found)
        if key not in slugs:
            slugs[key] = stable_slug(key)
        clusters.append(
            Cluster(
                f"{slugs[key]}-{_sha(key, _scope(found), length=8)}",
                name,
                tuple(group),
                tuple(sorted(links.get(root, ()))),
            )
        )
    return _unique_keys(clusters)


def _name(found: list[Mention]) -> tuple[str, str]:
    """The most frequent written form (ties: the smallest) and its name key."""
    if len(found) == 1:
        return found[0].name, found[0].name_key
    names = Counter(m.name for m in found)
    name = min(names, key=lambda n: (-names[n], n))
    return name, next(m.name_key for m in found if m.name == name)


def _scope(found: list[Mention]) -> str:
    """Where the person was found: the smallest province among the mentions or, where a mention
    has none, its report; the smallest of these."""
    return min(
        min((a for a in m.areas if a.startswith("province:")), default=f"report:{m.report}")
        for m in found
    )


def _unique_keys(clusters: list[Cluster]) -> list[Cluster]:
    """Two clusters with one key (namesakes kept apart by an assertion): the one holding the
    smallest mention keeps it, the others add a suffix from their own smallest mention."""
    by_key: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        by_key[cluster.key].append(cluster)
    out = []
    for key, same_key in by_key.items():
        same_key.sort(key=lambda c: c.mentions[0])
        out.append(same_key[0])
        out.extend(
            Cluster(f"{key}-{_sha(c.mentions[0], length=6)}", c.name, c.mentions, c.links)
            for c in same_key[1:]
        )
    return sorted(out, key=lambda c: (c.key, c.mentions))


def explain(cluster: Cluster, mentions: Mapping[str, Mention]) -> list[str]:
    """One line per link: who was joined to whom, and on what."""

    def who(iri: str) -> str:
        m = mentions.get(iri)
        return f"{m.name} ({m.report})" if m else iri

    return [
        f"{who(link.a)} = {who(link.b)}: {link.reason} ({link.detail})" for link in cluster.links
    ]
