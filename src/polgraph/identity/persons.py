"""Which report-level mentions of a name are one person.

Two mentions of one name are one person when they share something that makes coincidence
unlikely: the same post, else the same body, else the same commune, district or province (of the
events they were at). Nothing shared keeps them apart, so namesakes in unrelated provinces stay
two people. Researchers' assertions join (``same``) or forbid joining (``different``).

The result depends only on the set of mentions and assertions: links are considered strongest
first in a fixed order, and each person's key comes from their name and where they were found.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from polgraph.text.normalise import name_key, stable_slug

if TYPE_CHECKING:
    from polgraph.identity.overrides import Overrides

REASONS = ("asserted same", "same post", "shared body", "same commune", "same district", "same province")
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
    a: str
    b: str
    reason: str
    detail: str


@dataclass(frozen=True)
class Cluster:
    key: str
    name: str
    mentions: tuple[str, ...]
    links: tuple[Link, ...]


def _sha(*parts: str, length: int) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def _candidate_links(group: list[Mention]) -> list[Link]:
    """Links inside one name's mentions. Each shared value (a post, a body, an area) links the
    mentions that have it in a chain, so a large group costs its size, not its size squared."""
    links: list[Link] = []
    indexes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in group:
        for post in m.posts:
            indexes[("same post", post)].append(m.iri)
        for body in m.bodies:
            indexes[("shared body", body)].append(m.iri)
        for area in m.areas:
            level = area.split(":", 1)[0]
            if level in _AREA_REASON:
                indexes[(_AREA_REASON[level], area)].append(m.iri)
    for (reason, detail), members in indexes.items():
        members = sorted(set(members))
        links.extend(Link(a, b, reason, detail) for a, b in zip(members, members[1:]))
    return links


class _Forest:
    """Union–find that refuses a union joining two mentions asserted to be different."""

    def __init__(self, items: Iterable[str], apart: Iterable[tuple[str, str]]) -> None:
        self.parent = {i: i for i in items}
        self.members = {i: {i} for i in self.parent}
        self.apart: dict[str, set[str]] = defaultdict(set)
        for a, b in apart:
            self.apart[a].add(b)
            self.apart[b].add(a)

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        small, large = sorted((ra, rb), key=lambda r: (len(self.members[r]), r))
        if any(self.apart[m] & self.members[large] for m in self.members[small]):
            return False
        self.parent[small] = large
        self.members[large] |= self.members.pop(small)
        return True


def resolve_persons(mentions: Iterable[Mention], overrides: Overrides | None = None) -> list[Cluster]:
    by_iri = {m.iri: m for m in mentions}
    same, different = overrides.resolve(by_iri.values()) if overrides is not None else ([], [])
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in by_iri.values():
        groups[m.name_key].append(m)
    candidates = [link for group in groups.values() for link in _candidate_links(group)]
    candidates += [Link(*sorted((a, b)), "asserted same", note) for a, b, note in same
                   if a in by_iri and b in by_iri and a != b]
    rank = {reason: i for i, reason in enumerate(REASONS)}
    candidates.sort(key=lambda link: (rank[link.reason], link.a, link.b, link.detail))
    forest = _Forest(by_iri, [(a, b) for a, b, _ in different])
    kept: dict[str, list[Link]] = defaultdict(list)
    for link in candidates:
        if forest.union(link.a, link.b):
            kept[link.a].append(link)
    members: dict[str, list[str]] = defaultdict(list)
    for iri in by_iri:
        members[forest.find(iri)].append(iri)
    clusters = []
    for group in members.values():
        group.sort()
        in_group = set(group)
        links = tuple(sorted(link for iri in group for link in kept.get(iri, ()) if link.b in in_group))
        names = Counter(by_iri[m].name for m in group)
        name = min(names, key=lambda n: (-names[n], n))
        clusters.append(Cluster(_base_key(name, [by_iri[m] for m in group]), name, tuple(group), links))
    return _unique_keys(clusters)


def _base_key(name: str, mentions: list[Mention]) -> str:
    """The name and where the person was found: the smallest province among the mentions, or,
    with none known, the smallest report."""
    scopes = [min((a for a in m.areas if a.startswith("province:")), default=f"report:{m.report}")
              for m in mentions]
    key = name_key(name)
    return f"{stable_slug(key)}-{_sha(key, min(scopes), length=8)}"


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
        out.extend(Cluster(f"{key}-{_sha(c.mentions[0], length=6)}", c.name, c.mentions, c.links)
                   for c in same_key[1:])
    return sorted(out, key=lambda c: c.key)


def explain(cluster: Cluster, mentions: Mapping[str, Mention]) -> list[str]:
    """One line per link: who was joined to whom, and on what."""
    def who(iri: str) -> str:
        m = mentions.get(iri)
        return f"{m.name} ({m.report})" if m else iri

    return [f"{who(link.a)} = {who(link.b)}: {link.reason} ({link.detail})" for link in cluster.links]
