"""Rows of a SPARQL query over a test store, as plain tuples, for checks computed independently
of the code under test."""

from __future__ import annotations

from polgraph.namespaces import PREFIXES

PREFIX = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


def rows(store, sparql: str) -> list[tuple]:
    results = store.query(PREFIX + sparql)
    names = [v.value for v in results.variables]
    return [tuple(None if r[n] is None else r[n].value for n in names) for r in results]
