"""The answer of the Graph Store protocol's reads (``GET /store``): one graph of the snapshot,
written in the format asked for."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef

from polgraph.rdf.terms import to_ox_quad
from polgraph.server.answers.content import Content
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.errors import ApiError
from polgraph.server.formats import CONTENT_TYPES, GRAPH_FORMATS
from polgraph.store.remote import RemoteStore

# The media types a graph is read in, the first the default.
GRAPH_READ = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]

Target = ox.NamedNode | ox.DefaultGraph


def graph_exists(native: ox.Store, target: Target) -> bool:
    """Whether ``native`` holds the graph ``target``; the default graph always exists."""
    return isinstance(target, ox.DefaultGraph) or native.contains_named_graph(target)


def graph_answer(store: Snapshot, graph: str | None, media_type: str | None) -> Content:
    """The graph ``graph`` (None: the default graph) of a worker's snapshot, in ``media_type``
    (None: none of the formats was acceptable)."""
    target: Target = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
    if isinstance(store.native, RemoteStore):
        return _remote_graph(store.native, graph, media_type)
    if not graph_exists(store.native, target):
        raise ApiError(404, "not found", f"there is no graph {graph}")
    if media_type is None:
        raise ApiError(406, "not acceptable", f"graphs come as one of: {', '.join(GRAPH_READ)}")
    fmt = GRAPH_FORMATS[media_type]
    written = store.native.dump(None, getattr(ox.RdfFormat, fmt), from_graph=target)
    assert written is not None  # given no file to write to, it returns the bytes
    return Content(CONTENT_TYPES[fmt], written)


def _remote_graph(store: RemoteStore, graph: str | None, media_type: str | None) -> Content:
    if graph is None:
        # A service's default graph holds every graph, its own too: far too much to send whole.
        raise ApiError(
            400, "bad request", "name a graph: the default graph is read through /sparql"
        )
    name = URIRef(graph)
    if not store.has_graph(name):
        raise ApiError(404, "not found", f"there is no graph {graph}")
    if media_type is None:
        raise ApiError(406, "not acceptable", f"graphs come as one of: {', '.join(GRAPH_READ)}")
    fmt = GRAPH_FORMATS[media_type]
    triples = [to_ox_quad(*triple).triple for triple in store.graph_triples(name)]
    written = ox.serialize(triples, None, getattr(ox.RdfFormat, fmt))
    assert written is not None  # given no file to write to, it returns the bytes
    return Content(CONTENT_TYPES[fmt], written)
