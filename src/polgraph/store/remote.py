"""A SPARQL 1.1 service as the store: the Query, Update and Graph Store protocols over HTTP.

What the embedded store does in a transaction, this does in one update request, which the
services run as one transaction (Virtuoso, Fuseki, Oxigraph's server, GraphDB). The service's
default graph must be the union of its named graphs, as polgraph's queries read it: Virtuoso's
is; Fuseki needs ``tdb2:unionDefaultGraph true``, Oxigraph's server ``--union-default-graph``
(see docs/scaling.md). Only graphs under polgraph's own IRIs are polgraph's: a service's own
(Virtuoso's system graphs) are never listed, counted, dumped or dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from polgraph.errors import StoreError
from polgraph.namespaces import ID, MODEL_GRAPH_PREFIX
from polgraph.rdf.sparql_text import (
    one_row_values_as_binds,
    query_form,
    with_values,
    without_lateral,
)
from polgraph.rdf.terms import from_ox, to_ox, to_ox_quad
from polgraph.store.base import GraphChange, ReplaceOutcome, StoreStats

OWN_PREFIXES = (str(ID), MODEL_GRAPH_PREFIX)
_OWN_FILTER = " || ".join(f'STRSTARTS(STR(?g), "{prefix}")' for prefix in OWN_PREFIXES)
_RESULTS_JSON = "application/sparql-results+json"
# Asked by the query's form: a service may write a graph as result rows if asked for those.
_GRAPHS_ACCEPT = "application/n-triples, text/turtle;q=0.9"
_GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,  # N-Triples as services wrote it before it had a type
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_DUMP_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
# Graphs named in one query: a VALUES block of this many IRIs keeps a request small.
_NAMES_PER_REQUEST = 500
# Triples in one update request: Virtuoso's SPARQL compiler runs out of room past a few
# thousand lines of INSERT DATA, and takes seconds on a thousand.
_TRIPLES_PER_REQUEST = 400
# The file of a server's snapshot folder that names a SPARQL store instead of holding a copy.
SNAPSHOT_FILE = "remote-store.json"


@dataclass(frozen=True)
class Endpoints:
    """Where a service answers each protocol; ``update`` defaults to the query URL."""

    query: str
    update: str | None = None
    graph_store: str | None = None

    @property
    def update_url(self) -> str:
        return self.update or self.query


class RemoteTriples:
    """A CONSTRUCT's or DESCRIBE's answer from a service: triples to iterate, and to write as
    pyoxigraph's ``QueryTriples`` writes them."""

    def __init__(self, triples: list[ox.Triple]) -> None:
        self._triples = triples

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def serialize(
        self, output: IO[bytes] | None = None, format: ox.RdfFormat = ox.RdfFormat.N_TRIPLES
    ) -> bytes | None:
        return ox.serialize(self._triples, output, format)


class RemoteStore:
    """A ``GraphStore`` over a SPARQL 1.1 service. ``auth`` is httpx's (basic, digest or a
    bearer token's header, built by ``polgraph.store.open_store`` from the settings)."""

    # Virtuoso refuses a VALUES block of 5,000 terms ("too many arguments") and takes 3,000.
    values_limit = _NAMES_PER_REQUEST * 4

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        auth: httpx.Auth | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 300.0,
        read_only: bool = False,
    ) -> None:
        self.endpoints = endpoints
        self.read_only = read_only
        self.path = None  # no folder: callers that snapshot or copy folders ask this
        self._client = httpx.Client(
            auth=auth,
            headers={"User-Agent": "polgraph", **(headers or {})},
            timeout=httpx.Timeout(timeout, connect=10.0),
        )

    @property
    def location(self) -> str:
        return f"sparql+{self.endpoints.query}"

    # -- the protocols ---------------------------------------------------------------------
    def _post(
        self, url: str, form: Mapping[str, str | list[str]], accept: str | None = None
    ) -> httpx.Response:
        headers = {"Accept": accept} if accept else {}
        try:
            reply = self._client.post(url, data=form, headers=headers)
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the store at {url}: {exc}") from None
        if reply.status_code in (400, 422):
            # The service could not parse or run it: to callers, as Oxigraph says it.
            raise SyntaxError(_service_message(reply))
        if reply.status_code in (401, 403):
            raise _refused(url, reply)
        if reply.status_code >= 300:
            raise StoreError(
                f"the store at {url} answered {reply.status_code}: {_service_message(reply)}"
            )
        # Virtuoso cuts a SELECT at its ResultSetMaxRows and says so only in this header.
        if "x-sparql-maxrows" in reply.headers:
            raise StoreError(
                f"the store at {url} cut the answer at {reply.headers['x-sparql-maxrows']} rows "
                "(Virtuoso's [SPARQL] ResultSetMaxRows): raise that limit"
            )
        # Virtuoso answers what it found so far when its time limit ends ("anytime" queries).
        if "x-sql-state" in reply.headers:
            raise StoreError(
                f"the store at {url} answered in part ({reply.headers['x-sql-state']}: "
                f"{reply.headers.get('x-sql-message', 'its time limit')}); raise its limit"
            )
        return reply

    def _select(self, text: str) -> list[dict[str, Any]]:
        reply = self._post(self.endpoints.query, {"query": text}, _RESULTS_JSON)
        return list(json.loads(_canonical_json(reply.content))["results"]["bindings"])

    def update(self, text: str) -> None:
        """Run a SPARQL update on the service (one request: one transaction there)."""
        if self.read_only:
            raise StoreError(f"the store at {self.location} was opened to read only")
        try:
            self._post(self.endpoints.update_url, {"update": text})
        except SyntaxError as exc:
            raise StoreError(f"the store at {self.location} refused an update: {exc}") from None

    # -- writing ---------------------------------------------------------------------------
    def apply(self, change: GraphChange) -> dict[URIRef, ReplaceOutcome]:
        """Make ``change`` graph by graph, each graph in one request, so that a reader sees a
        graph old or new, never half-written. Every request is written out before the first is
        sent, so a bad term refuses the whole change with nothing written. They go in an order
        that a crash between two cannot make worse than unfinished: what the change records as
        pending first, new contents next, what it takes away last; the next ingest finishes
        the rest."""
        outcomes: dict[URIRef, ReplaceOutcome] = {}
        unread = [name for name in change.put if name not in change.known]
        old_graphs = {
            name: triples
            for name, triples in change.known.items()
            if triples is not None and name in change.put
        } | self.graphs_triples(unread)
        added = {name: set(triples) for name, triples in change.add.items() if triples}
        writes: list[tuple[URIRef, set[tuple]]] = []
        drops: list[URIRef] = []
        for name, graph in change.put.items():
            new = set(graph)
            old = old_graphs.get(name)
            if old is None:
                outcomes[name] = ReplaceOutcome.ADDED if new else ReplaceOutcome.UNCHANGED
            elif _same(old, new):
                outcomes[name] = ReplaceOutcome.UNCHANGED
            else:
                outcomes[name] = ReplaceOutcome.REPLACED
            extra = added.pop(name, set())  # put, then added to: written as one graph
            if outcomes[name] is ReplaceOutcome.UNCHANGED and not extra:
                continue
            new |= extra
            if new:
                writes.append((name, new))
            elif old is not None:
                drops.append(name)
        requests = [self._adding(name, triples) for name, triples in added.items()]
        requests += [self._putting(name, triples) for name, triples in writes]
        requests += [
            self._updating(f"DELETE DATA {{ GRAPH <{name}> {{ {_lines(chunk)} }} }}")
            for name, triples in change.remove.items()
            for chunk in _triple_chunks(triples)
        ]
        requests += [self._updating(f"DROP SILENT GRAPH <{name}>") for name in drops]
        try:
            for send in requests:
                send()
        except StoreError as exc:
            raise StoreError(
                f"cannot write graphs {', '.join(sorted(map(str, change.put)))}: {exc}"
            ) from None
        return outcomes

    def _updating(self, *texts: str) -> Callable[[], None]:
        def send() -> None:
            for text in texts:
                self.update(text)

        return send

    def _putting(self, name: URIRef, triples: set[tuple]) -> Callable[[], None]:
        """Making ``name`` hold exactly ``triples``: one Graph Store PUT where the service has
        the protocol (it parses N-Triples far quicker than an update's text), else updates."""
        if self.endpoints.graph_store is not None:
            return self._sending("PUT", name, triples)
        chunks = list(_triple_chunks(triples))
        # A graph larger than a request can carry is written in several: readers may then see
        # it partly written for a moment (the services' limits on an update's text are low).
        first = " ;\n".join([f"DROP SILENT GRAPH <{name}>", *_insert(name, chunks[0])])
        return self._updating(first, *(" ;\n".join(_insert(name, c)) for c in chunks[1:]))

    def _adding(self, name: URIRef, triples: set[tuple]) -> Callable[[], None]:
        if self.endpoints.graph_store is not None:
            return self._sending("POST", name, triples)
        return self._updating(*(" ;\n".join(_insert(name, c)) for c in _triple_chunks(triples)))

    def _sending(self, method: str, name: URIRef, triples: Iterable[tuple]) -> Callable[[], None]:
        body = ox.serialize(
            [to_ox_quad(*triple).triple for triple in triples],
            None,
            ox.RdfFormat.N_TRIPLES,
        )
        url = self.endpoints.graph_store
        assert url is not None

        def send() -> None:
            if self.read_only:
                raise StoreError(f"the store at {self.location} was opened to read only")
            try:
                reply = self._client.request(
                    method,
                    url,
                    params={"graph": str(name)},
                    content=body,
                    headers={"Content-Type": "application/n-triples"},
                )
            except httpx.HTTPError as exc:
                raise StoreError(f"cannot reach the store at {url}: {exc}") from None
            if reply.status_code in (401, 403):
                raise _refused(url, reply)
            if reply.status_code >= 300:
                raise StoreError(
                    f"the store at {url} answered {reply.status_code} to {method} of graph "
                    f"{name}: {_service_message(reply)}"
                )

        return send

    def replace_graph(self, name: URIRef, graph: Iterable[tuple]) -> ReplaceOutcome:
        return self.apply(GraphChange(put={name: graph}))[name]

    def remove_graph(self, name: URIRef) -> bool:
        if not self.has_graph(name):
            return False
        self.update(f"DROP SILENT GRAPH <{name}>")
        return True

    # -- reading ---------------------------------------------------------------------------
    def has_graph(self, name: URIRef) -> bool:
        return bool(self.existing_graphs([name]))

    def existing_graphs(self, names: Iterable[URIRef]) -> set[URIRef]:
        """Those of ``names`` the service holds (an empty graph is no graph, as in Oxigraph)."""
        found: set[URIRef] = set()
        for chunk in _chunks(sorted(set(names))):
            rows = self._select(
                f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {_iris(chunk)} }} "
                "GRAPH ?g { ?s ?p ?o } }"
            )
            found.update(URIRef(row["g"]["value"]) for row in rows)
        return found

    def graph_triples(self, name: URIRef) -> set[tuple]:
        return self.graphs_triples([name]).get(name, set())

    def graphs_triples(self, names: Iterable[URIRef]) -> dict[URIRef, set[tuple]]:
        """The triples of each of ``names`` that exists, in as few requests as it takes."""
        graphs: dict[URIRef, set[tuple]] = {}
        for chunk in _chunks(sorted(set(names))):
            rows = self._select(
                f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {_iris(chunk)} }} "
                "GRAPH ?g { ?s ?p ?o } }"
            )
            for row in rows:
                graphs.setdefault(URIRef(row["g"]["value"]), set()).add(
                    (_term(row["s"]), _term(row["p"]), _term(row["o"]))
                )
        return graphs

    def _own_graphs(self) -> list[str]:
        rows = self._select(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({_OWN_FILTER}) }}"
        )
        return sorted(row["g"]["value"] for row in rows)

    def report_graphs(self) -> list[str]:
        return [g for g in self._own_graphs() if not g.startswith(MODEL_GRAPH_PREFIX)]

    def graphs_under(self, prefix: str) -> list[str]:
        return [g for g in self._own_graphs() if g.startswith(prefix)]

    def describe(self, nodes: Iterable[URIRef]) -> list[tuple]:
        triples: list[tuple] = []
        for chunk in _chunks(sorted(set(nodes))):
            rows = self._select(
                f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_iris(chunk)} }} "
                f"GRAPH ?g {{ ?s ?p ?o }} FILTER({_OWN_FILTER}) }}"
            )
            triples.extend((_term(r["s"]), _term(r["p"]), _term(r["o"])) for r in rows)
        return triples

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Any:
        """Answers as pyoxigraph gives them (solutions, a boolean, or triples), so that every
        caller reads both stores alike."""
        text = _for_service(with_values(sparql, dict(bindings or {})))
        return self._answer(self._post(self.endpoints.query, {"query": text}, _accept(text)))

    def _answer(self, reply: httpx.Response) -> Any:
        kind = reply.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == _RESULTS_JSON:
            return ox.parse_query_results(
                _canonical_json(reply.content), format=ox.QueryResultsFormat.JSON
            )
        if kind in _GRAPH_TYPES:
            return RemoteTriples(list(ox.parse(reply.content, _GRAPH_TYPES[kind])))
        raise StoreError(f"the store at {self.location} answered in {kind or 'no type'}")

    def stats(self) -> StoreStats:
        rows = self._select(
            "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(*) AS ?quads) "
            f"(COUNT(DISTINCT ?model) AS ?models) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER({_OWN_FILTER}) "
            f'BIND(IF(STRSTARTS(STR(?g), "{MODEL_GRAPH_PREFIX}"), ?g, ?unbound) AS ?model) }}'
        )
        row = rows[0] if rows else {}

        def number(key: str) -> int:
            return int(row[key]["value"]) if key in row else 0

        model = number("models")
        return StoreStats(
            reports=number("graphs") - model, quads=number("quads"), model_graphs=model
        )

    def dump(self, out: IO[bytes], fmt: str) -> None:
        """polgraph's graphs, graph by graph in as few requests as it takes."""
        names = self._own_graphs()
        quads: list[ox.Quad] = []
        for chunk in _chunks([URIRef(g) for g in names]):
            for graph, triples in sorted(self.graphs_triples(chunk).items()):
                target = ox.NamedNode(str(graph))
                quads.extend(to_ox_quad(s, p, o, target) for s, p, o in triples)
        ox.serialize(quads, out, _DUMP_FORMATS[fmt])

    def snapshot(self, dest: Path) -> None:
        """What a server's query worker needs to read this store: a folder ``dest`` naming the
        service's URLs (never its credentials: a worker reads those from the environment, as
        this process did). The service itself is read, not a copy of it."""
        dest.mkdir(parents=True)
        (dest / SNAPSHOT_FILE).write_text(
            json.dumps(
                {
                    "query": self.endpoints.query,
                    "update": self.endpoints.update,
                    "graph_store": self.endpoints.graph_store,
                }
            )
        )

    def query_dataset(
        self, sparql: str, default_graphs: Sequence[str], named_graphs: Sequence[str]
    ) -> Any:
        """A query as the SPARQL protocol asks it, with the dataset's graphs given apart (none:
        the service's default graph)."""
        form: dict[str, str | list[str]] = {"query": _for_service(sparql)}
        if default_graphs:
            form["default-graph-uri"] = list(default_graphs)
        if named_graphs:
            form["named-graph-uri"] = list(named_graphs)
        return self._answer(self._post(self.endpoints.query, form, _accept(sparql)))

    def flush(self) -> None:
        """Nothing to do: the service wrote each request when it answered."""

    def close(self) -> None:
        self._client.close()


def _for_service(sparql: str) -> str:
    """polgraph's SPARQL as a SPARQL 1.1 service takes it (``polgraph.rdf.sparql_text``)."""
    return one_row_values_as_binds(without_lateral(sparql))


def _accept(sparql: str) -> str:
    return _GRAPHS_ACCEPT if query_form(sparql) in ("CONSTRUCT", "DESCRIBE") else _RESULTS_JSON


def _chunks(items: list[URIRef]) -> Iterator[list[URIRef]]:
    for start in range(0, len(items), _NAMES_PER_REQUEST):
        yield items[start : start + _NAMES_PER_REQUEST]


def _triple_chunks(triples: Iterable[tuple]) -> Iterator[list[tuple]]:
    """The triples in requests of a size a service takes; those with a blank node together in
    the first (a blank node is the same node only within one request)."""
    plain, blank = _with_blank_nodes_apart(triples)
    first = blank + plain[: max(0, _TRIPLES_PER_REQUEST - len(blank))]
    if first:
        yield first
    for start in range(len(first) - len(blank), len(plain), _TRIPLES_PER_REQUEST):
        yield plain[start : start + _TRIPLES_PER_REQUEST]


def _with_blank_nodes_apart(triples: Iterable[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The triples without a blank node, and those with one."""
    plain: list[tuple] = []
    blank: list[tuple] = []
    for triple in triples:
        (blank if any(isinstance(t, BNode) for t in triple) else plain).append(triple)
    return plain, blank


def _iris(names: Iterable[URIRef]) -> str:
    return " ".join(f"<{name}>" for name in names)


def _lines(triples: Iterable[tuple]) -> str:
    return " .\n".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)}" for s, p, o in triples)


def _insert(name: URIRef, triples: Iterable[tuple]) -> list[str]:
    """INSERT DATA of the triples; those with a blank node go in a template (``INSERT … WHERE
    {}``), because some services (Virtuoso) refuse blank nodes in data."""
    plain, blank = _with_blank_nodes_apart(triples)
    operations = []
    if plain:
        operations.append(f"INSERT DATA {{ GRAPH <{name}> {{ {_lines(plain)} }} }}")
    if blank:
        operations.append(f"INSERT {{ GRAPH <{name}> {{ {_lines(blank)} }} }} WHERE {{}}")
    return operations


def _same(old: set[tuple], new: set[tuple]) -> bool:
    """The same graph: equal triples, or the same shape when blank nodes (which a service names
    as it likes) are in it."""
    if old == new:
        return True
    if len(old) != len(new) or not any(isinstance(t, BNode) for triple in new for t in triple):
        return False
    first, second = Graph(), Graph()
    for triple in old:
        first.add(triple)
    for triple in new:
        second.add(triple)
    return isomorphic(first, second)


def _term(binding: dict[str, str]) -> URIRef | BNode | Literal:
    """A SPARQL JSON binding as an rdflib term, written as polgraph writes it."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    return from_ox(
        ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)
    )


# Virtuoso writes a boolean's value as 1 or 0 in SPARQL JSON; the canonical form is true/false.
_BOOLEAN_VALUE = re.compile(
    rb'("datatype"\s*:\s*"http://www\.w3\.org/2001/XMLSchema#boolean"\s*,\s*"value"\s*:\s*")([01])"'
)


# Virtuoso names a blank node "nodeID://b10000" in SPARQL JSON, which is no blank node label
# (a name, no ':' or '/'); the label is what follows the scheme.
_VIRTUOSO_BLANK_NODE = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*")nodeID://')


def _canonical_json(body: bytes) -> bytes:
    body = _BOOLEAN_VALUE.sub(lambda m: m[1] + (b'true"' if m[2] == b"1" else b'false"'), body)
    return _VIRTUOSO_BLANK_NODE.sub(rb"\1", body)


def _refused(url: str, reply: httpx.Response) -> StoreError:
    return StoreError(
        f"the store at {url} refused polgraph ({reply.status_code}): set "
        "POLGRAPH_STORE_USER and POLGRAPH_STORE_PASSWORD, or POLGRAPH_STORE_TOKEN"
    )


def _service_message(reply: httpx.Response) -> str:
    """The first lines of a service's error page: what it objected to."""
    text = reply.text.strip()
    lines = [line for line in text.splitlines() if line.strip()][:4]
    return " ".join(lines)[:600] or reply.reason_phrase
