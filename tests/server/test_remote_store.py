"""The server over a SPARQL store (Virtuoso): its endpoint, API and pages read through the
service, with the same answers as over the embedded store and the same limits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ROOT, virtuoso_store
from fastapi.testclient import TestClient

from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.settings import Settings
from polgraph.store import OxigraphStore, RemoteStore

pytestmark = [pytest.mark.slow, pytest.mark.virtuoso]

PERSONS = (
    "PREFIX pg: <https://w3id.org/polgraph/ontology#> "
    "SELECT DISTINCT ?name WHERE { ?m pg:mentionOf ?p . ?p pg:name ?name } ORDER BY ?name"
)
TOKEN = "remote-write-token"


def _settings(**changes: object) -> Settings:
    base = {"query_workers": 2, "spare_workers": 0, "reserved_workers": 0, "write_token": TOKEN}
    return Settings(**{**base, **changes})  # type: ignore[arg-type]


def _loaded(store: OxigraphStore | RemoteStore, vocabulary, validator) -> None:
    pipeline = Pipeline(store, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    assert not pipeline.run([ROOT / "data" / "reports"]).rejected


@pytest.fixture(scope="module")
def remote(virtuoso, vocabulary, validator) -> Iterator[RemoteStore]:
    store = virtuoso_store(virtuoso)
    _loaded(store, vocabulary, validator)
    yield store
    store.close()


@pytest.fixture(scope="module")
def embedded(vocabulary, validator) -> OxigraphStore:
    store = OxigraphStore(None)
    _loaded(store, vocabulary, validator)
    return store


@pytest.fixture(scope="module")
def served(remote) -> Iterator[TestClient]:
    with TestClient(create_app(_settings(), remote)) as client:
        yield client


@pytest.fixture(scope="module")
def served_embedded(embedded) -> Iterator[TestClient]:
    with TestClient(create_app(_settings(), embedded)) as client:
        yield client


def _names(client: TestClient) -> list[str]:
    reply = client.get(
        "/sparql", params={"query": PERSONS}, headers={"Accept": "application/sparql-results+json"}
    )
    assert reply.status_code == 200, reply.text
    return [row["name"]["value"] for row in reply.json()["results"]["bindings"]]


def test_the_endpoint_answers_from_the_service_as_from_the_embedded_store(served, served_embedded):
    names = _names(served)
    assert len(names) > 10
    assert names == _names(served_embedded)


def test_a_construct_comes_back_in_the_format_asked_for(served):
    reply = served.get(
        "/sparql",
        params={
            "query": "CONSTRUCT { ?p <https://w3id.org/polgraph/ontology#name> ?n } WHERE "
            "{ ?m <https://w3id.org/polgraph/ontology#mentionOf> ?p . "
            "?p <https://w3id.org/polgraph/ontology#name> ?n }"
        },
        headers={"Accept": "text/turtle"},
    )
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/turtle")
    assert "ontology#name" in reply.text or "pg:name" in reply.text


@pytest.mark.parametrize("route", ["/api/persons", "/api/organizations", "/api/events"])
def test_the_api_gives_the_same_answers_over_both_stores(served, served_embedded, route):
    remote, local = served.get(route), served_embedded.get(route)
    assert remote.status_code == local.status_code == 200, remote.text
    assert remote.json() == local.json()


def test_the_pages_read_through_the_service(served, served_embedded):
    remote, local = served.get("/"), served_embedded.get("/")
    assert remote.status_code == 200
    # the same latest events, by their labels
    assert remote.text.count('href="/events/') == local.text.count('href="/events/') > 0


def test_a_result_past_the_limit_is_refused(remote):
    with TestClient(create_app(_settings(max_result_bytes=2_000), remote)) as client:
        reply = client.get(
            "/sparql",
            params={"query": "SELECT * WHERE { ?s ?p ?o }"},
            headers={"Accept": "application/sparql-results+json"},
        )
    assert reply.status_code == 400
    assert reply.json()["error"] == "result too large"


def test_a_query_past_the_time_limit_is_stopped(remote):
    # tens of seconds on Virtuoso; a larger product it refuses at once, by its own estimate
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) < STR(?f)) }"
    with TestClient(create_app(_settings(query_timeout=1.0), remote)) as client:
        reply = client.get(
            "/sparql", params={"query": slow}, headers={"Accept": "application/sparql-results+json"}
        )
        assert reply.status_code == 503
        # and the server goes on answering
        assert _names(client)


def test_a_syntax_error_is_the_clients(served):
    reply = served.get(
        "/sparql", params={"query": "SELECT WHERE {"}, headers={"Accept": "application/json"}
    )
    assert reply.status_code == 400


def test_writes_go_to_the_service_not_to_this_server(served):
    reply = served.post(
        "/update",
        data={"update": "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert reply.status_code == 403
    assert "send updates and graphs to the service" in reply.json()["detail"]


def _walked_routes(client: TestClient) -> list[str]:
    """Routes whose answers follow the units and bodies up or down (a place's events, a body's
    events and roles, an event's places, the analyses sliced by both), with ids from the data."""
    events = client.get("/api/events", params={"limit": 100}).json()["items"]
    placed = next(e for e in events if e["place"] and e["organisers"])
    path = client.get(f"/api/events/{placed['id']}").json()["place"]  # the commune first
    assert len(path) > 1, path
    unit = path[-1]
    org = placed["organisers"][0]["id"]
    return [
        f"/api/events/{placed['id']}",
        f"/api/events?place={placed['place']['id']}",
        f"/api/events?place={unit['id']}",
        f"/api/events?org={org}",
        f"/api/roles?org={org}",
        f"/api/analytics/centrality?place={unit['iri']}",
        f"/api/analytics/centrality?org={org}",
    ]


def test_what_walks_units_and_bodies_answers_the_same_over_both_stores(served, served_embedded):
    routes = _walked_routes(served_embedded)
    for route in routes:
        remote, local = served.get(route), served_embedded.get(route)
        assert remote.status_code == local.status_code == 200, (route, remote.text[:300])
        assert remote.json() == local.json(), route
        assert remote.json().get("total", 1) or remote.json().get("items", [1]), route
    place = routes[1].split("place=")[1]
    remote, local = served.get(f"/places/{place}"), served_embedded.get(f"/places/{place}")
    assert remote.status_code == local.status_code == 200
    assert remote.text.count('href="/events/') == local.text.count('href="/events/') > 0
