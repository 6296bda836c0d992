"""Reading the store for the API: SPARQL with the project's prefixes, rows as plain values.

The answers read a query worker's snapshot of the store, under the time limit
(``polgraph.server.answers.registry``). Values from requests are bound as RDF terms
(``polgraph.query.named.with_values``), never pasted into the text.

Oxigraph evaluates the right side of an OPTIONAL over the whole store before joining it: with
several patterns or a property path that costs from 0.1 s to seconds at 10,000 reports,
whatever the rows at hand. ``LATERAL { OPTIONAL { … } }`` has it evaluated for each row at hand
instead, with the row's values in place (a millisecond); ``fill_from`` does the same after the
query. The default graph is the union of the graphs, so a triple every report repeats (a term's
or a post's label) comes once per report: DISTINCT keeps one. The lists over the whole store
read their rows once per snapshot of the store (``polgraph.server.answers.tables``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

import pyoxigraph as ox

from polgraph.namespaces import PREFIXES
from polgraph.query.named import load_query, with_values

_HEADER = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + "integer", _XSD + "int", _XSD + "long", _XSD + "decimal"}

Value = str | int | bool | None
# A row of a SELECT query: its variables' plain values. Which variables, and which of them may
# be unbound, only the query's text tells, so a row's values are read as Any.
Row = dict[str, Any]


class Readable(Protocol):
    """What the answers read: a store's SPARQL, the default graph being every graph (a worker's
    ``Snapshot``, or a ``polgraph.store.OxigraphStore``)."""

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Any: ...


def value(term: Any) -> Value:
    """A term as JSON wants it: IRIs and strings as text, numbers and booleans as themselves,
    dates as ISO text."""
    if term is None:
        return None
    return _plain(term.value, term.datatype.value if isinstance(term, ox.Literal) else None)


def _plain(lexical: str, datatype: str | None) -> Value:
    if datatype in _NUMBERS:
        return int(float(lexical))
    if datatype == _XSD + "boolean":
        return lexical in ("true", "1")
    return lexical


Term = ox.NamedNode | ox.Literal


def select(store: Readable, sparql: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
    """The rows of a SELECT query (prefixes added), each a dict of plain values.

    Oxigraph evaluates a query as its solutions are read, and reading them one by one holds
    Python's lock all along: the server's threads then answer one at a time. Serialising them
    (SPARQL JSON, parsed by the C parser) lets it evaluate the whole query without the lock,
    while other requests go on."""
    return rows_of(store.query(with_values(_HEADER + sparql, dict(bindings or {}))))


def rows_of(solutions: ox.QuerySolutions) -> list[Row]:
    """Query solutions as dicts of plain values, evaluated without Python's lock (``select``)."""
    written = solutions.serialize(format=ox.QueryResultsFormat.JSON)
    assert written is not None  # given no file to write to, it returns the bytes
    answer = json.loads(written)
    names = answer["head"]["vars"]
    return [
        {name: json_value(row.get(name)) for name in names} for row in answer["results"]["bindings"]
    ]


def json_value(term: dict[str, str] | None) -> Value:
    """A term of SPARQL JSON results as ``value`` gives it."""
    return None if term is None else _plain(term["value"], term.get("datatype"))


def streamed(
    store: Readable, sparql: str, bindings: Mapping[str, Term] | None = None
) -> Iterator[tuple[Any, ...]]:
    """The rows of a SELECT query as tuples of plain values in the order it selects them, one
    at a time: whole-store tables read this way hold no list of dicts on the way."""
    text = with_values(_HEADER + sparql, dict(bindings or {}))
    solutions = store.query(text)
    count = len(solutions.variables)
    for row in solutions:
        yield tuple(value(row[i]) for i in range(count))


def ask(store: Readable, sparql: str, bindings: Mapping[str, Term]) -> bool:
    return bool(store.query(with_values(_HEADER + sparql, dict(bindings))))


def construct(store: Readable, sparql: str, bindings: Mapping[str, Term]) -> ox.QueryTriples:
    return store.query(with_values(_HEADER + sparql, dict(bindings)))


def iri(text: str) -> ox.NamedNode:
    return ox.NamedNode(text)


def text(content: str) -> ox.Literal:
    return ox.Literal(content)


def date(iso: str) -> ox.Literal:
    return ox.Literal(iso, datatype=ox.NamedNode(_XSD + "date"))


def values_block(variable: str, iris: Iterable[str]) -> str:
    """``VALUES ?x { <a> <b> }`` for IRIs that came out of the store (each serialised by the RDF
    library), to fetch the details of a page of results in one query."""
    terms = " ".join(str(ox.NamedNode(found)) for found in sorted(set(iris)))
    return f"VALUES ?{variable} {{ {terms} }}"


def named_query(store: Readable, name: str, params: dict[str, str]) -> list[Row]:
    """The rows of one of the project's named queries (``queries/*.rq``), parameters bound by
    its own rules."""
    return rows_of(store.query(load_query(name).render(params)))


def fill_from(
    store: Readable, rows: list[Row], fills: list[tuple[str, str, tuple[str, ...]]]
) -> list[Row]:
    """For each ``(key, pattern, fields)`` of ``fills``, fill ``fields`` of each row from its
    ``key`` IRI: one query over the keys at hand, a UNION of one part per fill (the store's cost
    per query is paid once). Keys and fields must not share names across the fills.

    Asked inside the main query as an OPTIONAL of several patterns, Oxigraph evaluates the
    optional part over the whole store before joining it (100 ms and growing at 10,000
    reports); asked for the rows at hand it takes a millisecond. The first answer per key wins.
    """
    parts = []
    for key, pattern, _ in fills:
        keys = {row[key] for row in rows if row.get(key)}
        if keys:
            parts.append(f"{{ {values_block(key, keys)} {pattern} }}")
    hits = select(store, f"SELECT * WHERE {{ {' UNION '.join(parts)} }}") if parts else []
    for key, _, fields in fills:
        found: dict[Any, tuple[Any, ...]] = {}
        for hit in hits:
            if hit.get(key) is not None:
                found.setdefault(hit[key], tuple(hit.get(name) for name in fields))
        for row in rows:
            row.update(zip(fields, found.get(row.get(key), (None,) * len(fields)), strict=True))
    return rows


_ORGANIZATIONS = (
    "post",
    "?post org:postIn ?org . ?org rdfs:label ?org_label",
    ("org", "org_label"),
)
_KINDS = ("event", "?event a ?class . ?class pg:kindCode ?kind", ("kind",))


def with_organizations(store: Readable, rows: list[Row]) -> list[Row]:
    """Each row's ``org`` and ``org_label``, from its ``post``."""
    return fill_from(store, rows, [_ORGANIZATIONS])


def with_kinds(store: Readable, rows: list[Row]) -> list[Row]:
    """Each row's ``kind`` (the event's kind code), from its ``event``."""
    return fill_from(store, rows, [_KINDS])


def with_organizations_and_kinds(store: Readable, rows: list[Row]) -> list[Row]:
    """``with_kinds(with_organizations(…))`` in one query."""
    return fill_from(store, rows, [_ORGANIZATIONS, _KINDS])
