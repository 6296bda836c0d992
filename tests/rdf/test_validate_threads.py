"""The validator's data graph can be let go on any thread: a Dask worker's pool frees it on
another thread than the one that read it."""

from __future__ import annotations

import sys
import threading

import pyoxigraph as ox
from rdflib import Literal, URIRef

from polgraph.rdf.terms import to_ox_quad
from polgraph.rdf.validate import report_data_graph


def test_a_match_read_in_part_is_freed_on_another_thread_without_a_leak(monkeypatch):
    store = ox.Store()
    store.extend(to_ox_quad(URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(i)) for i in range(10))
    data = report_data_graph(store)
    unraisable: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: unraisable.append(str(u.exc_value)))

    matches = data.triples((None, URIRef("urn:p"), None))
    first = next(matches)  # pySHACL often reads no further
    held = [matches]
    del matches
    freeing = threading.Thread(target=held.clear)
    freeing.start()
    freeing.join()

    assert first[1] == URIRef("urn:p")
    assert unraisable == []  # pyo3 says "QuadIter is unsendable" when it must leak one
    assert sorted(int(o) for _, _, o in data.triples((None, None, None))) == list(range(10))
