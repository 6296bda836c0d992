"""At most ``max_analyses`` network analyses at once; the next wait, then get 503."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from polgraph.server import create_app
from polgraph.settings import Settings


@pytest.fixture(scope="module")
def app(data_reports_store):
    return create_app(
        Settings(query_workers=1, max_analyses=1, analysis_wait=0.3), data_reports_store()
    )


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as running:
        yield running


ANALYSES = [
    "/api/analytics/centrality",
    "/api/analytics/communities",
    "/network?place=xa+cam+loc",
    "/network/picture.svg?place=xa+cam+loc",
]


@pytest.mark.parametrize("route", ANALYSES)
def test_an_analysis_waits_for_a_slot_then_is_told_to_come_back(app, client, route):
    assert client.get(route).status_code == 200  # a free slot: answered
    app.state.analysis_slots.acquire()  # another analysis holds the only slot
    try:
        started = time.monotonic()
        busy = client.get(route)
        waited = time.monotonic() - started
    finally:
        app.state.analysis_slots.release()
    assert busy.status_code == 503 and busy.headers["retry-after"] == "10"
    assert waited >= 0.3  # it waited for the slot before giving up
    assert client.get(route).status_code == 200  # the slot was given back


def test_an_api_analysis_says_why_in_json(app, client):
    app.state.analysis_slots.acquire()
    try:
        answer = client.get("/api/analytics/centrality")
    finally:
        app.state.analysis_slots.release()
    assert answer.json()["error"] == "busy" and "1 network analysis" in answer.json()["detail"]


def test_other_requests_need_no_slot(app, client):
    app.state.analysis_slots.acquire()
    try:
        assert client.get("/api/persons", params={"q": "nguyen viet dong"}).status_code == 200
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    finally:
        app.state.analysis_slots.release()


def test_the_slots_are_settings():
    settings = Settings.from_env({"POLGRAPH_MAX_ANALYSES": "3", "POLGRAPH_ANALYSIS_WAIT": "5"})
    assert (settings.max_analyses, settings.analysis_wait) == (3, 5.0)
    assert Settings.from_env({}).max_analyses == 1
    with pytest.raises(ValueError, match="not a number"):
        Settings.from_env({"POLGRAPH_MAX_ANALYSES": "many"})
