"""Triples in a compact form that is quick to send between processes (a cluster's workers and
its client).

Unpickling an rdflib term runs its constructor, which parses a literal's lexical form again: a
pickled report graph costs the process that receives it several times what pickling cost the
sender. Here the distinct terms of a graph are listed once (an IRI as its string, a literal as
its lexical form, datatype and language, a blank node as a 1-tuple) and each triple is three
numbers into that list. The receiver builds each distinct term once per run (``Unpacker``):
predicates, classes and the shared bodies, posts and places recur in every report.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from polgraph.rdf.mapping import ReportGraph

# An IRI; a literal's (lexical form, datatype IRI or "", language or ""); a blank node's (id,).
Term = str | tuple[str] | tuple[str, str, str]


def encode_term(term: Node) -> Term:
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        return (str(term), str(term.datatype or ""), term.language or "")
    if isinstance(term, BNode):
        return (str(term),)
    raise TypeError(f"not an RDF term: {term!r}")


def decode_term(term: Term) -> Node:
    if isinstance(term, str):
        return URIRef(term)
    if len(term) == 1:
        return BNode(term[0])
    lexical, datatype, language = term
    return Literal(lexical, lang=language or None, datatype=URIRef(datatype) if datatype else None)


class Packer:
    """Numbers the terms of the triples it is given; ``terms()`` is the list they index."""

    def __init__(self) -> None:
        self._numbers: dict[Node, int] = {}
        self._terms: list[Term] = []

    def number(self, term: Node) -> int:
        found = self._numbers.get(term)
        if found is None:
            found = self._numbers[term] = len(self._terms)
            self._terms.append(encode_term(term))
        return found

    def triples(self, triples: Iterable[tuple]) -> array:
        number = self.number
        return array("I", [number(term) for triple in triples for term in triple])

    def terms(self) -> tuple[Term, ...]:
        return tuple(self._terms)


# Longer literals (a report's text, its title) are one report's own: not kept for later ones.
_KEPT_LENGTH = 200


class Unpacker:
    """Turns packed terms back into rdflib terms, building each distinct one once. It keeps up
    to ``limit`` of them; past that it starts again, so a long run's memory stays bounded."""

    def __init__(self, limit: int = 500_000) -> None:
        self._known: dict[Term, Node] = {}
        self.limit = limit

    def terms(self, encoded: Iterable[Term]) -> list[Node]:
        known = self._known
        if len(known) > self.limit:
            known.clear()
        out = []
        for term in encoded:
            found = known.get(term)
            if found is None:
                found = decode_term(term)
                if isinstance(term, str) or len(term[0]) < _KEPT_LENGTH:
                    known[term] = found
            out.append(found)
        return out

    @staticmethod
    def triples(terms: list[Node], numbers: array) -> frozenset[tuple]:
        look = terms.__getitem__
        return frozenset(
            zip(
                map(look, numbers[0::3]),
                map(look, numbers[1::3]),
                map(look, numbers[2::3]),
                strict=True,
            )
        )


@dataclass(frozen=True)
class PackedTriples:
    """Named sets of triples over one list of terms: ``graphs`` maps a name (an IRI) to its
    triples' term numbers."""

    terms: tuple[Term, ...]
    graphs: dict[str, array]


def pack_graphs(graphs: Mapping[URIRef, Iterable[tuple]]) -> PackedTriples:
    packer = Packer()
    packed = {str(name): packer.triples(triples) for name, triples in graphs.items()}
    return PackedTriples(packer.terms(), packed)


def unpack_graphs(packed: PackedTriples, unpacker: Unpacker) -> dict[URIRef, frozenset[tuple]]:
    terms = unpacker.terms(packed.terms)
    graphs = packed.graphs.items()
    return {URIRef(name): unpacker.triples(terms, numbers) for name, numbers in graphs}


@dataclass(frozen=True)
class PackedReport:
    """A ``ReportGraph`` packed: its IRI and shared nodes are numbers into ``terms``."""

    iri: int
    key: str | None
    digest: str
    terms: tuple[Term, ...]
    own: array
    shared: tuple[tuple[int, array], ...]


def pack_report(report: ReportGraph) -> PackedReport:
    packer = Packer()
    iri = packer.number(report.iri)
    own = packer.triples(report.own)
    shared = tuple(
        (packer.number(node), packer.triples(triples)) for node, triples in report.shared.items()
    )
    return PackedReport(iri, report.key, report.digest, packer.terms(), own, shared)


def unpack_report(packed: PackedReport, unpacker: Unpacker) -> ReportGraph:
    terms = unpacker.terms(packed.terms)
    shared = {terms[node]: unpacker.triples(terms, numbers) for node, numbers in packed.shared}
    return ReportGraph(
        terms[packed.iri],  # type: ignore[arg-type]  # packed from the report's IRI
        unpacker.triples(terms, packed.own),
        shared,  # type: ignore[arg-type]  # the nodes are IRIs, packed from them
        packed.key,
        packed.digest,
    )
