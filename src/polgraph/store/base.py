"""The store interface: named graphs in, SPARQL out. A remote SPARQL store can implement it too."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import IO, Any, Protocol

from rdflib import URIRef


class ReplaceOutcome(str, Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class StoreStats:
    reports: int
    quads: int
    model_graphs: int


class GraphStore(Protocol):
    def replace_graph(self, name: URIRef, graph: Iterable[tuple]) -> ReplaceOutcome:
        """Make ``name`` hold exactly ``graph`` (an rdflib graph or any iterable of triples),
        atomically: readers see the old or the new graph."""

    def replace_graphs(self, items: list[tuple[URIRef, Iterable[tuple]]]) -> list[ReplaceOutcome]:
        """``replace_graph`` for each item, in order; a store may write them together."""

    def remove_graph(self, name: URIRef) -> bool: ...

    def has_graph(self, name: URIRef) -> bool: ...

    def report_graphs(self) -> list[str]: ...

    def graphs_under(self, prefix: str) -> list[str]:
        """The names of the graphs whose IRI starts with ``prefix``."""

    def describe(self, nodes: Iterable[URIRef]) -> list[tuple]:
        """The triples (as rdflib terms) whose subject is one of ``nodes``, in any graph."""

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Any:
        """Run a SPARQL query over the union of all graphs, with variables bound beforehand."""

    def stats(self) -> StoreStats: ...

    def dump(self, out: IO[bytes], fmt: str) -> None: ...

    def close(self) -> None: ...
