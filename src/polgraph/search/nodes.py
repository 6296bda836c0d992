"""Bodies and places: what the index holds of each, and which of them each report relies on.

Both are described once for all reports (``polgraph.store.layout``): a report's graph lists the
descriptions it relies on (``pg:sharedDescription``), each named after the node it describes. So
the bodies and places a report touches are read from its own graph, and a body or a place is in
the index while some report relies on it (``refs``).

``Facts`` reads what the documents show of such nodes (labels, the units a place lies in, the
body above a body, a body's type and jurisdiction), following those links as far as they go, and
keeps them for the rest of a build: the same units and bodies come back report after report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from rdflib.namespace import ORG, RDF, RDFS, SKOS

from polgraph.namespaces import ID, PG
from polgraph.search.documents import Document, words_of
from polgraph.search.store_rows import rows
from polgraph.store.base import GraphStore
from polgraph.store.layout import SHARED_PREFIX

BODY_PREFIX = str(ID) + "org/"
PLACE_PREFIXES = (str(ID) + "unit/", str(ID) + "area/")

# Each node's own triples, filtered: with the predicates as values instead, the store would
# read every triple of theirs (every rdf:type of the store) and join: seconds, not milliseconds.
_FACTS = """SELECT ?node ?p ?o WHERE { {scope} ?node ?p ?o .
  FILTER (?p IN (rdfs:label, skos:prefLabel, rdf:type, pg:partOf, pg:successorUnit,
                 pg:jurisdiction, org:subOrganizationOf, pg:bodyType, pg:adminStructure)) }"""
_FOLLOWED = (PG.partOf, PG.successorUnit, PG.jurisdiction, ORG.subOrganizationOf, PG.bodyType)
_RELIED_ON = "SELECT ?report ?graph WHERE { {scope} ?report pg:sharedDescription ?graph }"
_LEVELS = {str(PG.Commune): "commune", str(PG.District): "district", str(PG.Province): "province"}


def indexed_node(iri: str) -> bool:
    """Whether ``iri`` is a body or a place, the shared nodes the index finds."""
    return iri.startswith((BODY_PREFIX, *PLACE_PREFIXES))


def node_of_description(graph: str) -> str | None:
    """The node a shared description's graph describes (``…/shared/org/x/<hash>`` describes
    ``id:org/x``); None for a graph that is no such description."""
    if not graph.startswith(SHARED_PREFIX):
        return None
    path, _, _ = graph[len(SHARED_PREFIX) :].rpartition("/")
    return str(ID) + path if path else None


def relied_on(store: GraphStore, reports: Iterable[str] | None) -> dict[str, set[str]]:
    """The bodies and places each of ``reports`` (all, with None) relies on."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows(store, _RELIED_ON, "report", reports):
        node = node_of_description(row["graph"].value)
        if node is not None and indexed_node(node):
            found[row["report"].value].add(node)
    return found


class Facts:
    """What the store says of bodies, places and body types, read when first asked for."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._said: dict[str, dict[str, list]] = {}

    def load(self, nodes: Iterable[str]) -> None:
        """Read the facts of ``nodes`` and of the nodes they lead to (the units above, the
        body above, the body's type), those not read yet."""
        wanted = {n for n in nodes if n not in self._said}
        while wanted:
            for node in wanted:
                self._said[node] = defaultdict(list)
            for row in rows(self.store, _FACTS, "node", wanted):
                self._said[row["node"].value][row["p"].value].append(row["o"])
            wanted = {
                term.value
                for node in wanted
                for p in map(str, _FOLLOWED)
                for term in self._said[node].get(p, ())
                if term.value not in self._said
            }

    def _objects(self, node: str, predicate: str) -> list:
        return self._said.get(node, {}).get(predicate, [])

    def _one(self, node: str, predicate: str) -> str | None:
        found = sorted(term.value for term in self._objects(node, predicate))
        return found[0] if found else None

    def label(self, node: str | None) -> str | None:
        """The node's label (``rdfs:label``, else the Vietnamese ``skos:prefLabel``)."""
        if node is None:
            return None
        labels = self._objects(node, str(RDFS.label))
        if labels:
            return sorted(term.value for term in labels)[0]
        preferred = self._objects(node, str(SKOS.prefLabel))
        chosen = [t for t in preferred if getattr(t, "language", None) == "vi"] or preferred
        return sorted(term.value for term in chosen)[0] if chosen else None

    def above(self, place: str) -> list[str]:
        """The units (or areas) ``place`` lies in, the nearest first."""
        chain: list[str] = []
        node = self._one(place, str(PG.partOf))
        while node is not None and node not in chain and node != place:
            chain.append(node)
            node = self._one(node, str(PG.partOf))
        return chain

    def within(self, place: str) -> str:
        """The labels of the units ``place`` lies in, the nearest first ("Huyện Cẩm Xuyên,
        Tỉnh Hà Tĩnh")."""
        return ", ".join(label for label in map(self.label, self.above(place)) if label)

    def place(self, place: str | None) -> dict | None:
        """A place as results show it: its label and the units it lies in."""
        if place is None:
            return None
        return {"iri": place, "label": self.label(place) or place, "within": self.within(place)}

    def place_words(self, place: str | None) -> list[str | None]:
        if place is None:
            return []
        return [self.label(place), *map(self.label, self.above(place))]

    def jurisdiction(self, body: str) -> str | None:
        """The unit a body serves: its own, else the nearest body above it that has one."""
        seen: set[str] = set()
        node: str | None = body
        while node is not None and node not in seen:
            seen.add(node)
            unit = self._one(node, str(PG.jurisdiction))
            if unit is not None:
                return unit
            node = self._one(node, str(ORG.subOrganizationOf))
        return None

    def body(self, body: str | None) -> dict | None:
        """A body as results show it: its label."""
        return None if body is None else {"iri": body, "label": self.label(body) or body}

    def body_document(self, body: str, weight: int) -> Document:
        self.load([body])
        kind = self.label(self._one(body, str(PG.bodyType)))
        unit = self.jurisdiction(body)
        parents = [self.label(p.value) for p in self._objects(body, str(ORG.subOrganizationOf))]
        label = self.label(body) or body
        return Document(
            "body",
            body,
            label,
            words_of([kind, *self.place_words(unit), *parents]),
            {"label": label, "kind": kind, "place": self.place(unit)},
            weight,
        )

    def place_document(self, place: str, weight: int) -> Document:
        self.load([place])
        label = self.label(place) or place
        became = self._one(place, str(PG.successorUnit))
        classes = {term.value for term in self._objects(place, str(RDF.type))}
        level = next((_LEVELS[c] for c in sorted(classes) if c in _LEVELS), None)
        details = {
            "label": label,
            "within": self.within(place),
            "level": level,
            "era": self._one(place, str(PG.adminStructure)),
            "became": self.place(became),
        }
        words = [*self.place_words(place)[1:], *self.place_words(became)]
        return Document("place", place, label, words_of(words), details, weight)


def node_documents(facts: Facts, weights: Mapping[str, int]) -> list[Document]:
    """The documents of the bodies and places ``weights`` names (each with the number of
    reports relying on it)."""
    facts.load(weights)
    return [
        facts.body_document(node, count)
        if node.startswith(BODY_PREFIX)
        else facts.place_document(node, count)
        for node, count in sorted(weights.items())
    ]
