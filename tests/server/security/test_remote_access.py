"""SERVICE and LOAD stay off unless the operator enables them, however the request is written: a
corpus of evasions (escapes, comments, case, nesting, SILENT, EXISTS, subqueries, unicode
escapes) sent to the endpoint while a trap server on 127.0.0.1 records any request that reaches
it."""

from __future__ import annotations

import http.server
import threading
from typing import ClassVar

import pytest
from fastapi.testclient import TestClient
from small_store import ONE_QUAD

from polgraph.server import create_app
from polgraph.server.sparql import MAX_NESTING
from polgraph.server.sparql_text import nesting_depth, remote_operations
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # an app, and its workers, started for each evasion


class _Trap(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def _record(self) -> None:
        type(self).hits.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[]}}')

    do_GET = do_POST = _record

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture(scope="module")
def trap():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trap)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/x"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = OxigraphStore(tmp_path_factory.mktemp("store") / "store")
    store.native.add(ONE_QUAD)
    return store


EVASIONS = [
    "SELECT * WHERE {{ SERVICE <{trap}> {{ ?s ?p ?o }} }}",
    "select * where {{ sErViCe <{trap}> {{ ?s ?p ?o }} }}",
    # A scanner reads the rest of the line after "\\#" as a comment; SPARQL reads an escaped "#".
    (
        "PREFIX ex: <http://example.org/> SELECT * WHERE {{ "
        "BIND(ex:a\\# AS ?x) SERVICE <{trap}> {{ ?s ?p ?o }} }}"
    ),
    (
        "PREFIX ex: <http://example.org/> SELECT * WHERE {{ "
        "BIND(ex:a\\' AS ?x) SERVICE <{trap}> {{ ?s ?p ?o }} }}"
    ),
    "SELECT * WHERE {{ \\u0053ERVICE <{trap}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{trap}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{trap}> {{ ?a ?b ?c }} }} }}",
    "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{trap}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ # a comment\nSERVICE <{trap}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ OPTIONAL {{ GRAPH ?g {{ SERVICE <{trap}> {{ ?s ?p ?o }} }} }} }}",
]


@pytest.mark.parametrize("template", EVASIONS)
def test_an_evasion_reaches_no_other_host(store, trap, template):
    _Trap.hits.clear()
    query = template.format(trap=trap)
    with TestClient(create_app(Settings(query_workers=1), store)) as client:
        reply = client.get("/sparql", params={"query": query})
    assert reply.status_code == 403, reply.text
    assert _Trap.hits == []


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <{trap}>",
        "PREFIX ex: <http://example.org/> INSERT DATA {{ ex:a ex:b ex:c\\# }} ; LOAD <{trap}>",
        "\\u004cOAD <{trap}> INTO GRAPH <urn:x:g>",
        "load silent <{trap}>",
    ],
)
def test_a_load_reaches_no_other_host_even_with_the_token(store, trap, update):
    _Trap.hits.clear()
    with TestClient(create_app(Settings(query_workers=1, write_token="t"), store)) as client:
        reply = client.post(
            "/update",
            content=update.format(trap=trap),
            headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer t"},
        )
    assert reply.status_code == 403, reply.text
    assert _Trap.hits == []


def test_the_words_in_strings_and_iris_are_no_remote_operation():
    assert remote_operations('SELECT * { ?s <http://x/service> "load SERVICE" }') == set()
    assert (
        remote_operations("PREFIX s: <http://x/SERVICE> SELECT * { ?service s:load ?o }") == set()
    )


def test_enabled_remote_access_does_reach_the_service(store, trap):
    # The operator's switch still works: with it on, the same query goes out.
    _Trap.hits.clear()
    with TestClient(create_app(Settings(query_workers=1, allow_remote=True), store)) as client:
        client.get(
            "/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{trap}> {{ ?s ?p ?o }} }}"}
        )
    assert _Trap.hits


def test_a_request_nested_past_the_limit_is_refused_before_it_runs(store):
    deep = "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o " + "} " * 5000
    assert nesting_depth(deep) == 5000
    with TestClient(create_app(Settings(query_workers=1, write_token="t"), store)) as client:
        reply = client.get("/sparql", params={"query": deep})
        assert reply.status_code == 400 and reply.json()["error"] == "nested too deep"
        update = (
            "INSERT DATA { GRAPH <urn:x:h> { <urn:x:a> <urn:x:b> "
            + "(" * 5000
            + ")" * 5000
            + " } }"
        )
        reply = client.post(
            "/update",
            content=update,
            headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer t"},
        )
        assert reply.status_code == 400
        # A query at the limit still runs.
        fine = "SELECT * WHERE " + "{ " * MAX_NESTING + "?s ?p ?o " + "} " * MAX_NESTING
        assert client.get("/sparql", params={"query": fine}).status_code == 200
