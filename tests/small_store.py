"""Quads for the server's tests that need a store with something in it, all in <urn:x:g>."""

from __future__ import annotations

import pyoxigraph as ox

GRAPH = ox.NamedNode("urn:x:g")
ONE_QUAD = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o"), GRAPH)


def numbered_quads(count: int) -> list[ox.Quad]:
    """``<urn:x:sI> <urn:x:p> "I"`` for each I below ``count``."""
    predicate = ox.NamedNode("urn:x:p")
    return [
        ox.Quad(ox.NamedNode(f"urn:x:s{i}"), predicate, ox.Literal(str(i)), GRAPH)
        for i in range(count)
    ]
