"""Reading SELECT results as plain tuples of strings, quickly.

A projection reads every participation of the slice at once (millions of rows on a large
store). Asking pyoxigraph for the results as SPARQL CSV lets its serializer and Python's C CSV
reader do that work, several times faster than building a Python term per value; any other
store (a remote one later) is read solution by solution.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from polgraph.namespaces import PREFIXES
from polgraph.store.base import QueriedStore

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


# A row: a str for each variable the query binds, None for one it leaves unbound. Which values
# may be None depends on the query (its OPTIONAL parts), which the types cannot follow: a row is
# typed loosely, and its readers know their queries.
Row = tuple[Any, ...]


def select(store: QueriedStore, sparql: str) -> Iterator[Row]:
    """The rows of a SELECT query over the union of graphs, each a tuple of values (IRIs and
    literals alike as their lexical form) in the order of the query's variables; unbound is None."""
    results = store.query(SPARQL_PREFIXES + sparql)
    if hasattr(results, "serialize"):
        data = results.serialize(format=ox.QueryResultsFormat.CSV)
        reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
        next(reader, None)  # the header
        # In SPARQL CSV an unbound value and an empty string look alike; none of the values
        # read here is ever an empty string.
        for row in reader:
            yield tuple(value if value else None for value in row)
        return
    names = [v.value if hasattr(v, "value") else str(v) for v in results.variables]
    for solution in results:
        yield tuple(None if solution[n] is None else solution[n].value for n in names)


def iri(value: str) -> str:
    """``value`` as a SPARQL IRI term, refusing anything that is not an IRI."""
    try:
        return str(ox.NamedNode(value))
    except ValueError:
        raise ValueError(f"not an IRI: {value!r}") from None


def values_block(variable: str, iris: list[str] | tuple[str, ...]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(iri(v) for v in iris)} }}"


def literal(value: str) -> str:
    return str(ox.Literal(value))
