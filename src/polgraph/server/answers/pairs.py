"""Rows read from the store for the lists' tables, and lookups made of them that are the same
whatever order the store gives the rows in.

A table is read as a few queries of one or two patterns each, joined here in dictionaries: at
10,000 reports Oxigraph joins tens of thousands of rows in seconds, and hands over each row's
terms at a cost of their own, so each query asks for as few rows and terms as will do.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from polgraph.namespaces import PREFIXES
from polgraph.server.answers.graph import Readable

_HEADER = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


def read_rows(store: Readable, sparql: str) -> list[tuple[Any, ...]]:
    """The rows of a SELECT query as tuples of text (None: unbound or empty), in the order it
    selects its variables. The store writes them whole as CSV, without Python's lock (as
    ``graph.select`` has it write JSON), and the csv module reads them back four times faster
    than JSON rows are made into values: the tables read tens of thousands of rows."""
    written = store.query(_HEADER + sparql).serialize(format=ox.QueryResultsFormat.CSV)
    lines = csv.reader(io.StringIO(written.decode("utf-8"), newline=""))
    next(lines, None)  # the variables' names
    return [tuple(cell or None for cell in line) for line in lines]


def first_values(pairs: Iterable[tuple[Any, ...]]) -> dict[str, Any]:
    """Each subject's least value: a subject with two values (a body with two labels) is shown
    the same way by every worker and every snapshot."""
    found: dict[str, Any] = {}
    for subject, value in pairs:
        found[subject] = value if subject not in found else min(found[subject], value)
    return found
