"""The validator's data graph can be let go on any thread: a Dask worker's pool frees it on
another thread than the one that read it."""

from __future__ import annotations

import sys
import threading

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from polgraph.rdf.terms import to_ox_quad
from polgraph.rdf.validate import report_data_graph

P = URIRef("urn:p")
S0 = URIRef("urn:s0")

# Every way pySHACL matches a pattern on its Oxigraph data graph, each with a pattern that has
# several matches.
MATCHES = {
    "triples": lambda data: data.triples((None, P, None)),
    "subjects": lambda data: data.subjects(P, None),
    "objects": lambda data: data.objects(None, P),
    "subject_objects": lambda data: data.subject_objects(P),
    "predicate_objects": lambda data: data.predicate_objects(S0),
    "subject_predicates": lambda data: data.subject_predicates(S0),
}


@pytest.mark.parametrize("way", sorted(MATCHES))
def test_a_match_read_in_part_is_freed_on_another_thread_without_a_leak(monkeypatch, way):
    store = ox.Store()
    store.extend(to_ox_quad(URIRef(f"urn:s{i}"), P, Literal(i)) for i in range(10))
    store.extend(to_ox_quad(URIRef(f"urn:o{i}"), P, S0) for i in range(3))
    store.extend(to_ox_quad(S0, URIRef(f"urn:q{i}"), Literal(i)) for i in range(3))
    data = report_data_graph(store)
    unraisable: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: unraisable.append(str(u.exc_value)))
    match = MATCHES[way]

    matches = match(data)
    first = next(matches)  # pySHACL often reads no further
    held = [matches]
    del matches
    freeing = threading.Thread(target=held.clear)
    freeing.start()
    freeing.join()

    every = list(match(data))
    assert len(every) > 1 and first in every
    assert unraisable == []  # pyo3 says "QuadIter is unsendable" when it must leak one
    assert sorted(
        int(o) for _, _, o in data.triples((None, P, None)) if isinstance(o, Literal)
    ) == list(range(10))
