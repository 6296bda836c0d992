"""Terms between rdflib (mapping, validation) and pyoxigraph (store, fast in-memory graphs)."""

from __future__ import annotations

from functools import lru_cache
from typing import cast

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

__all__ = ["from_ox", "to_ox", "to_ox_quad"]


@lru_cache(maxsize=8192)  # predicates, classes and shared nodes recur in every report
def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_ox_quad(
    s: Node, p: Node, o: Node, graph: ox.NamedNode | ox.DefaultGraph | None = None
) -> ox.Quad:
    """The quad of an rdflib triple, in ``graph`` (the default graph when None)."""
    # ox.Quad refuses (TypeError) a literal subject or a predicate that is not an IRI, as RDF does.
    return ox.Quad(
        cast("ox.NamedNode | ox.BlankNode", to_ox(s)), cast(ox.NamedNode, to_ox(p)), to_ox(o), graph
    )


def from_ox(
    term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple,
) -> URIRef | BNode | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # a simple literal, as rdflib writes it
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")
