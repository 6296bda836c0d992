"""JSON-LD for the routes that describe one node, chosen with ``Accept: application/ld+json``.

A node's description is its own statements and those of the nodes that point at it (a person's
mentions and tenures, an event's attestations, participations and speeches, a body's posts):
what one needs to read the node without a second request.
"""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response

from polgraph.namespaces import PREFIXES
from polgraph.server.api.graph import construct, iri
from polgraph.server.errors import ApiError
from polgraph.server.negotiation import choose

JSON = "application/json"
JSON_LD = "application/ld+json"

_DESCRIBE = """
CONSTRUCT { ?node ?p ?o . ?s ?q ?node . ?s ?r ?v }
WHERE { { ?node ?p ?o } UNION { ?s ?q ?node . ?s ?r ?v } }"""


def wants_linked_data(request: Request) -> bool:
    """True for JSON-LD, False for JSON; 406 when ``Accept`` allows neither."""
    chosen = choose(request.headers.get("accept"), [JSON, JSON_LD])
    if chosen is None:
        raise ApiError(406, "not acceptable", f"this resource is answered as {JSON} or {JSON_LD}")
    return chosen == JSON_LD


def describe(store, node_iri: str) -> Response:
    triples = construct(store, _DESCRIBE, {"node": iri(node_iri)})
    body = ox.serialize(triples, format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES)
    return Response(body, media_type=JSON_LD)
