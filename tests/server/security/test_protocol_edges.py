"""The SPARQL protocol's edges answer as the protocol says (400 for an ambiguous or malformed
request, never a 500), and every answer tells browsers not to guess types; pages allow only
their own scripts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from small_store import ONE_QUAD

from polgraph.server import create_app
from polgraph.server.api.params import MAX_OFFSET
from polgraph.server.headers import PAGE_POLICY
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

ASK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = OxigraphStore(tmp_path_factory.mktemp("store") / "store")
    store.native.add(ONE_QUAD)
    with TestClient(create_app(Settings(query_workers=1), store)) as client:
        yield client


@pytest.mark.parametrize(
    ("method", "url", "kwargs"),
    [
        ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", {}),
        ("GET", "/sparql?query=ASK%7B%7D&update=CLEAR%20ALL", {}),
        (
            "POST",
            "/sparql?query=ASK%7B%7D",
            {"content": ASK, "headers": {"Content-Type": "application/sparql-query"}},
        ),
        (
            "POST",
            "/sparql",
            {
                "content": "query=ASK%7B%7D&query=ASK%7B%7D",
                "headers": {"Content-Type": "application/x-www-form-urlencoded"},
            },
        ),
        ("GET", "/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri", {}),
        ("GET", "/sparql?query=ASK%7B%7D&named-graph-uri=%3Cbad%3E", {}),
    ],
)
def test_an_ambiguous_or_malformed_request_is_a_400(client, method, url, kwargs):
    reply = client.request(method, url, **kwargs)
    assert reply.status_code == 400, reply.text
    assert reply.json()["error"] == "bad request"


def test_a_plain_request_still_answers(client):
    reply = client.get(
        "/sparql", params={"query": ASK}, headers={"Accept": "application/sparql-results+json"}
    )
    assert reply.status_code == 200 and reply.json()["boolean"] is True
    reply = client.get("/sparql", params={"query": ASK, "default-graph-uri": "urn:x:g"})
    assert reply.status_code == 200


def test_every_answer_says_nosniff_and_pages_carry_a_policy(client):
    answer = client.get("/sparql", params={"query": ASK})
    assert answer.headers["x-content-type-options"] == "nosniff"
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["content-security-policy"] == PAGE_POLICY
    assert "script-src 'self'" in PAGE_POLICY and "unsafe-eval" not in PAGE_POLICY
    missing = client.get("/api/nothing-here")
    assert missing.headers["x-content-type-options"] == "nosniff"


def test_clearing_a_missing_graph_fails_in_the_protocols_error_form(tmp_path):
    with TestClient(
        create_app(Settings(query_workers=1, write_token="t"), OxigraphStore(tmp_path / "s"))
    ) as client:
        headers = {"Content-Type": "application/sparql-update", "Authorization": "Bearer t"}
        for update in ("CLEAR GRAPH <urn:x:missing>", "DROP GRAPH <urn:x:missing>"):
            reply = client.post("/update", content=update, headers=headers)
            assert reply.status_code == 400
            assert reply.json()["error"] == "update failed" and "SILENT" in reply.json()["detail"]
        assert (
            client.post(
                "/update", content="CLEAR SILENT GRAPH <urn:x:missing>", headers=headers
            ).status_code
            == 204
        )


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?to=0",
        "/api/events?from=1700000000",
        "/api/roles?date=0",
        "/api/analytics/centrality?to=0",
    ],
)
def test_a_number_is_no_day(client, url):
    reply = client.get(url)
    assert reply.status_code in (400, 422), reply.text
    assert "YYYY-MM-DD" in reply.text


def test_a_day_still_reads(client):
    assert client.get("/api/events?from=2023-01-01&to=2023-12-31").status_code == 200


def test_the_openapi_document_says_what_a_write_answers_without_its_token(tmp_path):
    app = create_app(Settings(query_workers=1, write_token="t"), OxigraphStore(tmp_path / "s"))
    with TestClient(app) as client:
        paths = client.get("/openapi.json").json()["paths"]
        for path, operations in paths.items():
            for method, operation in operations.items():
                if method in ("put", "post", "delete") and path in (
                    "/update",
                    "/store",
                    "/api/reports",
                ):
                    assert {"401", "403"} <= set(operation["responses"]), (method, path)
        # and the routes do answer so
        assert (
            client.put(
                "/store?graph=urn:x:g", content="", headers={"Content-Type": "text/turtle"}
            ).status_code
            == 401
        )


def test_a_graph_holding_triple_terms_is_stored(tmp_path):
    # RDF 1.2 triple terms (and the annotations that make them) were written into the update as
    # "<s> <p> <o>", without their <<( )>>: the update did not parse, and the answer was a 500.
    turtle = (
        '<urn:x:a> <urn:x:says> <<( <urn:x:s> <urn:x:p> "o" )>> .\n'
        '<urn:x:s> <urn:x:p> "o" {| <urn:x:source> <urn:x:r> |} .'
    )
    with TestClient(
        create_app(Settings(query_workers=1, write_token="t"), OxigraphStore(tmp_path / "s"))
    ) as client:
        auth = {"Authorization": "Bearer t"}
        for method in ("PUT", "POST"):
            reply = client.request(
                method,
                "/store",
                params={"graph": "urn:x:g"},
                content=turtle,
                headers={"Content-Type": "text/turtle", **auth},
            )
            assert reply.status_code in (201, 204), reply.text
        read = client.get(
            "/store",
            params={"graph": "urn:x:g"},
            headers={"Accept": "application/n-triples", **auth},
        )
        stored = {q.triple for q in ox.parse(read.content, ox.RdfFormat.N_TRIPLES)}
        quoted = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o"))
        assert ox.Triple(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:says"), quoted) in stored
        assert any(t.object == quoted and t.predicate.value.endswith("#reifies") for t in stored)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/roles", {"person": "p", "date": "2024-01-01"}),
        ("/api/roles", {"org": "o", "date": "2024-01-01"}),
        ("/api/roles", {"person": "p"}),
        ("/api/persons", {}),
        ("/api/events", {}),
    ],
)
def test_an_offset_past_any_list_is_refused_not_a_500(client, url, params):
    # An offset the store cannot read went into a query's OFFSET, which then did not parse.
    assert client.get(url, params={**params, "offset": 2**127}).status_code == 400
    reply = client.get(url, params={**params, "offset": MAX_OFFSET})
    assert reply.status_code in (200, 404), reply.text
    assert reply.status_code == 404 or reply.json()["items"] == []
