"""``polgraph serve`` as a real process: told to stop, it ends within 2 s whatever it is doing, its
query workers with it; a request whose client goes away has its query stopped."""

from __future__ import annotations

import glob
import os
import signal
import socket
import subprocess
import threading
import time

import httpx
import pytest
from live_server import server_process
from small_store import numbered_quads

from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # live servers stopped by signals

# Every triple against every triple against every triple: never ends on its own.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QUICK = "ASK { ?s ?p ?o }"
# Seconds from the signal to the end of the process: the server gives itself GRACE (1.5 s); the
# rest is room for a machine busy with other tests. Unheld, the runaway would keep it 60 s.
PROMPTLY = 4.0


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("stopping") / "store"
    store = OxigraphStore(path)
    store.native.extend(numbered_quads(300))
    store.close()
    return path


def worker_pids(process: subprocess.Popen) -> list[int]:
    """The server's children, whichever of its threads started them."""
    return [
        int(pid)
        for found in glob.glob(f"/proc/{process.pid}/task/*/children")
        for pid in open(found).read().split()
    ]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def seconds_to_end(process: subprocess.Popen, sig: int) -> float:
    started = time.monotonic()
    process.send_signal(sig)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the server was still running 10 s after signal {sig}")
    return time.monotonic() - started


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_running_query_does_not_hold_the_server_up(store_path, sig):
    env = {"POLGRAPH_QUERY_TIMEOUT": "60", "POLGRAPH_QUERY_WORKERS": "2"}
    with server_process(store_path, env) as (process, base):
        outcome: dict = {}

        def runaway():
            try:
                outcome["answer"] = httpx.get(
                    f"{base}/sparql", params={"query": RUNAWAY}, timeout=30
                )
            except httpx.HTTPError as exc:
                outcome["answer"] = exc

        asking = threading.Thread(target=runaway)
        asking.start()
        time.sleep(1)  # the runaway is running in a worker now
        workers = worker_pids(process)
        assert len(workers) == 3  # the two query workers and the spare
        took = seconds_to_end(process, sig)
        asking.join(10)
    assert took < PROMPTLY, f"the server took {took:.2f} s to stop"
    assert not [pid for pid in workers if alive(pid)]  # no worker outlives the server
    # The query was not cut off unanswered: it was told why it ends.
    assert isinstance(outcome["answer"], httpx.Response), outcome
    assert outcome["answer"].status_code == 503
    assert outcome["answer"].json()["error"] == "server stopping"


def test_a_request_the_server_cannot_end_does_not_hold_it_up_either(store_path):
    # A client that sends part of its request and no more: uvicorn would wait for it for ever.
    with server_process(store_path, {"POLGRAPH_QUERY_WORKERS": "1"}) as (process, base):
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as stalled:
            stalled.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                b"Content-Length: 1000\r\n\r\nSELECT"
            )
            time.sleep(0.5)
            workers = worker_pids(process)
            took = seconds_to_end(process, signal.SIGTERM)
    assert took < PROMPTLY, f"the server took {took:.2f} s to stop"
    assert workers and not [pid for pid in workers if alive(pid)]


def test_a_query_whose_client_went_away_is_stopped(store_path):
    # One worker and a minute's limit: were the runaway
    # left running, the next query would wait for it.
    env = {"POLGRAPH_QUERY_TIMEOUT": "60", "POLGRAPH_QUERY_WORKERS": "1"}
    with server_process(store_path, env) as (_, base):
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(f"{base}/sparql", params={"query": RUNAWAY}, timeout=1)
        started = time.monotonic()
        quick = httpx.get(f"{base}/sparql", params={"query": QUICK}, timeout=30)
        waited = time.monotonic() - started
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    # a new worker's start, not the runaway
    assert waited < 15, f"the next query waited {waited:.1f} s"
