"""Limits and a read-only server, in process: result size, body size, no token, bad settings."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from polgraph.server import create_app
from polgraph.server.sparql_text import classify, operation, remote_operations
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # queries run past the limits


@pytest.fixture
def small_store():
    store = OxigraphStore(None)
    graph = ox.NamedNode("urn:x:g")
    store.native.extend(
        ox.Quad(
            ox.NamedNode(f"urn:x:s{i}"),
            ox.NamedNode("urn:x:label"),
            ox.Literal(f"nhãn số {i}"),
            graph,
        )
        for i in range(500)
    )
    return store


def _client(store, **settings) -> TestClient:
    return TestClient(create_app(Settings(query_workers=2, **settings), store))


def test_a_result_over_the_limit_is_refused(small_store):
    with _client(small_store, max_result_bytes=2_000) as client:
        big = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert big.status_code == 400
        assert big.json()["error"] == "result too large"
        small = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"})
        assert small.status_code == 200
        assert len(small.json()["results"]["bindings"]) == 3


def test_a_body_over_the_limit_is_413(small_store):
    with _client(small_store, max_body_bytes=1_000) as client:
        query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 2_000
        reply = client.post(
            "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
        )
        assert reply.status_code == 413
        assert reply.json()["error"] == "request too large"
        fine = client.post(
            "/sparql",
            content="ASK { ?s ?p ?o }",
            headers={"Content-Type": "application/sparql-query"},
        )
        assert fine.json()["boolean"] is True


def test_without_a_token_the_write_routes_say_writes_are_disabled(small_store):
    with _client(small_store) as client:
        update = client.post(
            "/update",
            content="CLEAR ALL",
            headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer x"},
        )
        assert update.status_code == 403
        assert update.json()["error"] == "writes disabled"
        assert "POLGRAPH_WRITE_TOKEN" in update.json()["detail"]
        for method in ("GET", "PUT", "DELETE"):
            reply = client.request(method, "/store", params={"graph": "urn:x:g"})
            assert reply.status_code == 403 and "POLGRAPH_WRITE_TOKEN" in reply.text
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
        description = client.get("/sparql").text
        assert "SPARQL11Update" not in description


def test_writes_are_seen_by_the_next_query(small_store):
    with _client(small_store, write_token="t") as client:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        before = int(
            client.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"][
                "value"
            ]
        )
        reply = client.post(
            "/update",
            content="CLEAR GRAPH <urn:x:g>",
            headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer t"},
        )
        assert reply.status_code == 204
        after = int(
            client.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"][
                "value"
            ]
        )
        assert (before, after) == (500, 0)


def test_remote_operations_follow_the_setting(small_store):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with _client(small_store) as client:
        assert client.get("/sparql", params={"query": query}).status_code == 403
    with _client(small_store, allow_remote=True) as client:
        # Allowed: the query now runs (the service at port 9 does not answer, so it fails there).
        reply = client.get("/sparql", params={"query": query})
        assert reply.status_code != 403
        assert "BasicFederatedQuery" in client.get("/sparql").text


@pytest.mark.parametrize(
    ("text", "kind", "remote"),
    [
        ("SELECT * { ?s ?p ?o }", "query", set()),
        (
            "PREFIX s: <http://x/SERVICE> SELECT * { ?service s:SERVICE 'SERVICE' } # SERVICE",
            "query",
            set(),
        ),
        ("select * { service <http://e/> { ?s ?p ?o } }", "query", {"SERVICE"}),
        ("SELECT * { FILTER(?a<3)SERVICE<http://e/>{ ?s ?p ?o } }", "query", {"SERVICE"}),
        ('BASE <http://x/> INSERT DATA { <a> <b> """SELECT""" }', "update", set()),
        ("prefix : <urn:x:> load <http://e/x.ttl>", "update", {"LOAD"}),
        ("# only a comment", None, set()),
    ],
)
def test_requests_are_read_before_they_run(text, kind, remote):
    assert operation(text) == kind
    assert remote_operations(text) == remote
    assert classify(text) == (kind, remote)


def test_settings_from_the_environment():
    settings = Settings.from_env(
        {
            "POLGRAPH_WRITE_TOKEN": "abc",
            "POLGRAPH_QUERY_TIMEOUT": "2.5",
            "POLGRAPH_ALLOW_REMOTE": "yes",
            "POLGRAPH_QUERY_WORKERS": "3",
        }
    )
    assert (
        settings.write_token,
        settings.query_timeout,
        settings.allow_remote,
        settings.workers(),
    ) == ("abc", 2.5, True, 3)
    assert Settings.from_env({}).write_token is None
    with pytest.raises(ValueError, match="not a number"):
        Settings.from_env({"POLGRAPH_QUERY_TIMEOUT": "soon"})
