"""What the endpoint can answer in: media type → pyoxigraph format, by kind of result, and how
a graph is written in them.

The first entry of each table is the default (``Accept`` absent or ``*/*``). Each media type
is sent back exactly as written here, as the ``Content-Type``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, cast

import pyoxigraph as ox

from polgraph.namespaces import ID, PREFIXES

# SELECT and ASK
RESULT_FORMATS: dict[str, str] = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    # Generic types some clients send for the same documents
    "application/json": "JSON",
    "application/xml": "XML",
    "text/xml": "XML",
}
# CONSTRUCT and DESCRIBE (and graphs of the Graph Store protocol)
GRAPH_FORMATS: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
    "application/trig": "TRIG",
    "application/n-quads": "N_QUADS",
    "text/plain": "N_TRIPLES",  # N-Triples' former media type
}
# The Content-Type each format is answered with (text formats other than the RDF ones, whose
# specifications fix UTF-8, name their charset).
CONTENT_TYPES: dict[str, str] = {
    "JSON": "application/sparql-results+json",
    "XML": "application/sparql-results+xml",
    "CSV": "text/csv; charset=utf-8",
    "TSV": "text/tab-separated-values; charset=utf-8",
    "TURTLE": "text/turtle",
    "N_TRIPLES": "application/n-triples",
    "JSON_LD": "application/ld+json",
    "RDF_XML": "application/rdf+xml",
    "TRIG": "application/trig",
    "N_QUADS": "application/n-quads",
}

# The namespaces a graph written as Turtle or TriG names by prefix, declared at its top, so that
# it reads pg:RoleAttestation rather than the whole IRI. Not the data's own base (id:): its
# names hold slashes, which Turtle escapes (id:person\/…), worse to read than the whole IRI.
GRAPH_PREFIXES: dict[str, str] = {
    prefix: namespace for prefix, namespace in PREFIXES.items() if namespace != str(ID)
}
_PREFIXED = frozenset({"TURTLE", "TRIG"})


def write_graph(triples: Iterable[ox.Triple], sink: object, name: str) -> None:
    """Write ``triples`` to ``sink`` (anything with ``write(bytes)``) in the format ``name``
    (a key of CONTENT_TYPES), Turtle and TriG with GRAPH_PREFIXES."""
    ox.serialize(
        triples,
        cast(IO[bytes], sink),  # pyoxigraph only calls its write()
        getattr(ox.RdfFormat, name),
        prefixes=GRAPH_PREFIXES if name in _PREFIXED else None,
    )
