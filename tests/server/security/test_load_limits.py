"""One client's runaway queries do not take the machine or everyone's turn: a worker that outgrows
its memory is stopped and replaced, and requests wait for a worker in a bounded queue, for a
bounded time, answered 503 with Retry-After past either."""

from __future__ import annotations

import threading
import time

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from polgraph.server import create_app
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # workers stopped past their memory and time limits

RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUICK = "ASK { ?s ?p ?o }"


def _store(path, quads: int) -> OxigraphStore:
    store = OxigraphStore(path)
    graph = ox.NamedNode("urn:x:g")
    store.native.extend(
        ox.Quad(
            ox.NamedNode(f"urn:x:s{i}"),
            ox.NamedNode("urn:x:p"),
            ox.Literal(f"giá trị số {i} " * 4),
            graph,
        )
        for i in range(quads)
    )
    return store


def test_a_worker_past_its_memory_is_stopped_and_replaced(tmp_path):
    settings = Settings(query_workers=1, worker_memory_mb=800, query_timeout=60)
    with TestClient(create_app(settings, _store(tmp_path / "s", 6000))) as client:
        started = time.perf_counter()
        reply = client.get("/sparql", params={"query": RUNAWAY})
        assert reply.status_code == 500, reply.text[:300]
        assert "the query worker stopped" in reply.json()["detail"]
        assert time.perf_counter() - started < 60
        # The next request is served by the worker that took its place.
        assert client.get("/sparql", params={"query": QUICK}).status_code == 200


def test_requests_past_the_bound_of_waiting_ones_are_answered_503_with_retry_after(tmp_path):
    settings = Settings(query_workers=1, max_waiting=1, query_timeout=4)
    with TestClient(create_app(settings, _store(tmp_path / "s", 300))) as client:
        client.get("/sparql", params={"query": QUICK})
        replies: list = []
        threads = [
            threading.Thread(
                target=lambda: replies.append(client.get("/sparql", params={"query": SLOW}))
            )
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
            time.sleep(0.3)  # the first runs, the second waits
        third = client.get("/sparql", params={"query": QUICK})
        for thread in threads:
            thread.join(timeout=30)
        assert third.status_code == 503 and third.json()["error"] == "server busy"
        assert third.headers["retry-after"] == "5"


def test_a_request_that_waits_past_the_deadline_is_answered_503(tmp_path):
    settings = Settings(query_workers=1, max_wait=0.5, query_timeout=4)
    with TestClient(create_app(settings, _store(tmp_path / "s", 300))) as client:
        client.get("/sparql", params={"query": QUICK})
        slow = threading.Thread(target=lambda: client.get("/sparql", params={"query": SLOW}))
        slow.start()
        time.sleep(0.3)
        started = time.perf_counter()
        waiting = client.get("/sparql", params={"query": QUICK})
        waited = time.perf_counter() - started
        slow.join(timeout=30)
        assert waiting.status_code == 503 and waiting.json()["error"] == "server busy"
        assert waited < 3


def test_runaway_queries_from_one_client_leave_a_worker_for_short_ones(tmp_path):
    settings = Settings(query_workers=2, long_query=0.3, query_timeout=20)
    with TestClient(create_app(settings, _store(tmp_path / "s", 300))) as client:
        client.get("/sparql", params={"query": QUICK})
        first = threading.Thread(target=lambda: client.get("/sparql", params={"query": SLOW}))
        first.start()
        time.sleep(0.6)  # the first is long now
        started = time.perf_counter()
        second = client.get("/sparql", params={"query": SLOW})
        stopped_after = time.perf_counter() - started
        started = time.perf_counter()
        quick = client.get("/sparql", params={"query": QUICK})
        quick_after = time.perf_counter() - started
        first.join(timeout=30)
        assert second.status_code == 503 and second.json()["error"] == "server busy", second.text
        assert second.headers["retry-after"] == "5"
        assert stopped_after < 5  # stopped when it turned long, not at the time limit
        assert quick.status_code == 200 and quick_after < 5


def test_half_of_the_workers_are_reserved_unless_set():
    assert [Settings(query_workers=n).reserved() for n in (1, 2, 3, 8, 13)] == [0, 1, 2, 4, 7]
    assert Settings(query_workers=4, reserved_workers=0).reserved() == 0
    # one is left for long ones
    assert Settings(query_workers=4, reserved_workers=9).reserved() == 3


@pytest.mark.parametrize(
    ("name", "value", "read"),
    [
        ("POLGRAPH_WORKER_MEMORY_MB", "1000", 1000),
        ("POLGRAPH_WORKER_MEMORY_MB", "7", 512),
        ("POLGRAPH_MAX_WAITING", "7", 7),
        ("POLGRAPH_MAX_WAIT", "7", 7.0),
        ("POLGRAPH_LONG_QUERY", "2.5", 2.5),
        ("POLGRAPH_RESERVED_WORKERS", "0", 0),
        ("POLGRAPH_SPARE_WORKERS", "3", 3),
    ],
)
def test_the_limits_are_settings(name, value, read):
    settings = Settings.from_env({name: value})
    assert read in (
        settings.worker_memory_mb,
        settings.max_waiting,
        settings.max_wait,
        settings.long_query,
        settings.reserved_workers,
        settings.spare_workers,
    )
