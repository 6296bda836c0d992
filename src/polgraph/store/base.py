"""The store interface: named graphs in, SPARQL out. The embedded store (``oxigraph.py``) and a
SPARQL 1.1 service (``remote.py``) implement it.

What goes into which graph (a report's own facts, the shared descriptions, persons and tenures) is
``polgraph.store.layout``'s business; a store only keeps graphs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO, Any, Protocol

from rdflib import URIRef


class ReplaceOutcome(StrEnum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class StoreStats:
    reports: int
    quads: int
    model_graphs: int


@dataclass
class GraphChange:
    """Changes to several named graphs that are made together, in one transaction: readers see
    all of them or none, and a crash leaves none half-made. A change too large for one (a
    service's request, the embedded store's one update of 100,000 quads) is made in steps in an
    order a crash cannot make worse than unfinished: ``add`` first, ``put`` next, ``remove``
    last; a resolution clears its pending list in ``remove``, so the next one redoes the rest."""

    # each holds exactly these (none: dropped)
    put: dict[URIRef, Iterable[tuple]] = field(default_factory=dict)
    add: dict[URIRef, set[tuple]] = field(default_factory=dict)  # triples added to a graph
    remove: dict[URIRef, set[tuple]] = field(default_factory=dict)  # triples taken out of a graph
    # What the writer read of graphs it puts, just before: their triples, or None for a graph
    # the store did not hold. A store that must read a graph to tell what became of it (a
    # service: a round trip) takes this instead.
    known: dict[URIRef, set[tuple] | None] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.put or any(self.add.values()) or any(self.remove.values()))


class QueriedStore(Protocol):
    """What reading needs of a store: SPARQL over the union of its graphs. Every ``GraphStore``
    is one, and so is anything else with such a ``query`` (the analyses take either)."""

    def query(self, sparql: str) -> Any: ...


class GraphStore(Protocol):
    # The most values one VALUES block of a query may hold (callers ask in parts past it).
    values_limit: int

    def apply(self, change: GraphChange) -> dict[URIRef, ReplaceOutcome]:
        """Make ``change`` in one transaction; what became of each graph in ``change.put``."""

    def replace_graph(self, name: URIRef, graph: Iterable[tuple]) -> ReplaceOutcome:
        """Make ``name`` hold exactly ``graph`` (an rdflib graph or any iterable of triples),
        atomically: readers see the old or the new graph."""

    def remove_graph(self, name: URIRef) -> bool: ...

    def graph_triples(self, name: URIRef) -> set[tuple]:
        """The triples of one named graph, as rdflib terms (none when it does not exist)."""

    def has_graph(self, name: URIRef) -> bool: ...

    def existing_graphs(self, names: Iterable[URIRef]) -> set[URIRef]:
        """Those of ``names`` the store holds: one question for many (a remote store's requests
        cost a round trip each)."""

    def graphs_triples(self, names: Iterable[URIRef]) -> dict[URIRef, set[tuple]]:
        """The triples of each of ``names`` that exists, asked together."""

    def report_graphs(self) -> list[str]: ...

    def graphs_under(self, prefix: str) -> list[str]:
        """The names of the graphs whose IRI starts with ``prefix``."""

    def describe(self, nodes: Iterable[URIRef]) -> list[tuple]:
        """The triples (as rdflib terms) whose subject is one of ``nodes``, in any graph."""

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Any:
        """Run a SPARQL query over the union of all graphs, with variables bound beforehand."""

    def stats(self) -> StoreStats: ...

    def dump(self, out: IO[bytes], fmt: str) -> None: ...

    def flush(self) -> None:
        """Write what the store buffers in memory to disk (its memory is then freed)."""

    def close(self) -> None: ...
