"""Persons and tenures worked out on a Dask cluster (``GroupWork`` for
``polgraph.identity.resolution.update_identities``).

Resolution is local: one name's mentions make its persons, one post's attestations its tenures.
This process reads what the store holds, splits the names and the posts into parts, one task
each; the workers resolve them and send back the persons or tenures with each graph's triples
(packed), which this process writes. Names that a correction ties (``same`` or ``different``)
stay in one part, since the correction decides between them; nothing else crosses names, so the
parts' results together are what one process would find. Below ``least`` mentions or
attestations (an ingest that touched a few names) the work stays in this process.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from distributed import KilledWorker

from polgraph.identity.overrides import Overrides
from polgraph.identity.persons import Cluster, Mention
from polgraph.identity.resolution import LOCAL, Graphs, person_graphs, tenure_graphs
from polgraph.identity.tenures import Attestation, Tenure
from polgraph.pipeline.cluster_client import ClusterError
from polgraph.pipeline.packing import PackedTriples, Unpacker, pack_graphs, unpack_graphs

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ClusterWork", "name_groups", "persons_part", "tenures_part"]

T = TypeVar("T")


def persons_part(
    mentions: dict[str, Mention], overrides: Overrides | None
) -> tuple[list[Cluster], PackedTriples]:
    """A worker's task: the persons of some names, and their graphs."""
    clusters, graphs = person_graphs(mentions, overrides)
    return clusters, pack_graphs(graphs)


def tenures_part(attestations: list[Attestation]) -> tuple[list[Tenure], PackedTriples]:
    """A worker's task: the tenures of some posts, and their graphs."""
    tenures, graphs = tenure_graphs(attestations)
    return tenures, pack_graphs(graphs)


def name_groups(mentions: Mapping[str, Mention], overrides: Overrides | None) -> list[list[str]]:
    """The mentions' IRIs by name, the names that a correction ties kept in one group."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    if overrides is not None:
        same, different = overrides.resolve(mentions.values())
        for a, b, _ in (*same, *different):  # pairs of the given mentions only
            parent[find(mentions[a].name_key)] = find(mentions[b].name_key)
    groups: dict[str, list[str]] = defaultdict(list)
    for iri, mention in mentions.items():
        groups[find(mention.name_key)].append(iri)
    return list(groups.values())


def _parts(groups: Sequence[list[T]], count: int) -> list[list[T]]:
    """``groups`` dealt into at most ``count`` parts of about the same size, biggest first."""
    parts: list[list[T]] = [[] for _ in range(max(1, min(count, len(groups))))]
    for group in sorted(groups, key=len, reverse=True):
        min(parts, key=len).extend(group)
    return [part for part in parts if part]


class ClusterWork:
    """The per-name and per-post work of a resolution on ``client``'s workers, a few parts for
    each worker thread."""

    def __init__(self, client: Client, *, least: int = 2000, parts_per_thread: int = 3) -> None:
        self.client = client
        self.least = least
        self.parts_per_thread = parts_per_thread

    def _count(self) -> int:
        return self.parts_per_thread * max(1, sum(self.client.nthreads().values()))

    def _run(
        self, task: Callable[..., tuple[list[T], PackedTriples]], parts: list, *shared: object
    ) -> tuple[list[T], dict]:
        """``task(part, *shared)`` for each part on the workers; what they found, together.
        The parts go straight to the workers (scattered), not through the scheduler."""
        scattered = self.client.scatter(parts, hash=False)
        futures = [self.client.submit(task, part, *shared, pure=False) for part in scattered]
        unpacker = Unpacker()
        found: list[T] = []
        graphs: dict = {}
        for future in futures:
            try:
                items, packed = future.result()
            except KilledWorker as exc:
                raise ClusterError(f"a worker died resolving identities: {exc}") from None
            found.extend(items)
            graphs.update(unpack_graphs(packed, unpacker))
        return found, graphs

    def person_graphs(
        self, mentions: Mapping[str, Mention], overrides: Overrides | None
    ) -> tuple[list[Cluster], Graphs]:
        if len(mentions) < self.least:
            return LOCAL.person_graphs(mentions, overrides)
        parts = _parts(name_groups(mentions, overrides), self._count())
        inputs = [{iri: mentions[iri] for iri in part} for part in parts]
        clusters, graphs = self._run(persons_part, inputs, overrides)
        clusters.sort(key=lambda c: (c.key, c.mentions))  # as resolve_persons sorts them
        return clusters, graphs

    def tenure_graphs(self, attestations: list[Attestation]) -> tuple[list[Tenure], Graphs]:
        if len(attestations) < self.least:
            return LOCAL.tenure_graphs(attestations)
        by_post: dict[Hashable, list[Attestation]] = defaultdict(list)
        for attestation in attestations:
            by_post[attestation.post].append(attestation)
        parts = _parts(list(by_post.values()), self._count())
        tenures, graphs = self._run(tenures_part, parts)
        tenures.sort(key=lambda t: (t.post, t.first, t.person))  # as derive_tenures sorts them
        return tenures, graphs
