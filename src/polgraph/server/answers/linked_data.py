"""JSON-LD for the routes that describe one node, chosen with ``Accept: application/ld+json``.

A node's description is its own statements and those of the nodes that point at it (a person's
mentions and tenures, an event's attestations, participations and speeches, a body's posts):
what one needs to read the node without a second request.
"""

from __future__ import annotations

import pyoxigraph as ox

from polgraph.namespaces import PREFIXES
from polgraph.server.answers.content import Content
from polgraph.server.answers.graph import Readable, construct, iri
from polgraph.server.errors import ApiError

JSON = "application/json"
JSON_LD = "application/ld+json"

_DESCRIBE = """
CONSTRUCT { ?node ?p ?o . ?s ?q ?node . ?s ?r ?v }
WHERE { { ?node ?p ?o } UNION { ?s ?q ?node . ?s ?r ?v } }"""


def wants_linked_data(media_type: str | None) -> bool:
    """True for JSON-LD, False for JSON; 406 when ``Accept`` allowed neither
    (``polgraph.server.api.params.media_type_asked``)."""
    if media_type is None:
        raise ApiError(406, "not acceptable", f"this resource is answered as {JSON} or {JSON_LD}")
    return media_type == JSON_LD


def describe(store: Readable, node_iri: str) -> Content:
    triples = construct(store, _DESCRIBE, {"node": iri(node_iri)})
    written = ox.serialize(triples, format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES)
    assert written is not None  # given no file to write to, it returns the bytes
    return Content(JSON_LD, written)
