"""Export the whole store: Turtle (the union of all graphs), N-Quads, TriG, JSON-LD or Popolo
JSON."""

from __future__ import annotations

import io
import json
from typing import IO

import pyoxigraph as ox
from rdflib import Dataset

from polgraph.query.popolo import to_popolo
from polgraph.store.base import GraphStore
from polgraph.store.oxigraph import OxigraphStore

EXPORT_FORMATS = ("ttl", "nq", "trig", "jsonld", "popolo")


def export(store: GraphStore, fmt: str, out: IO[bytes]) -> None:
    if fmt in ("nq", "trig"):
        store.dump(out, fmt)
    elif fmt == "ttl" and isinstance(store, OxigraphStore):
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        ox.serialize(triples, out, ox.RdfFormat.TURTLE)
    elif fmt == "ttl":
        # A service's default graph holds its own graphs too: the union of polgraph's instead.
        buffer = io.BytesIO()
        store.dump(buffer, "nq")
        union = {quad.triple for quad in ox.parse(buffer.getvalue(), ox.RdfFormat.N_QUADS)}
        ox.serialize(union, out, ox.RdfFormat.TURTLE)
    elif fmt == "jsonld":
        # JSON-LD keeps the named graphs; rdflib writes it from the N-Quads dump.
        buffer = io.BytesIO()
        store.dump(buffer, "nq")
        dataset = Dataset()
        dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
        out.write(dataset.serialize(format="json-ld", auto_compact=True).encode("utf-8"))
    elif fmt == "popolo":
        document = to_popolo(store)
        out.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
    else:
        raise ValueError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        )
