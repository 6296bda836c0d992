"""The tests' Virtuoso comes back when it ends mid-session, saying how it ended, so that one crash
costs one test, not every later one."""

from __future__ import annotations

import signal

import pytest
from conftest import virtuoso_store

pytestmark = pytest.mark.virtuoso


def test_an_ended_server_is_started_again_on_its_ports_and_database(virtuoso):
    kept = "http://example.org/kept"
    store = virtuoso_store(virtuoso)
    store.update(f"INSERT DATA {{ GRAPH <{kept}> {{ <urn:a> <urn:b> <urn:c> }} }}")
    store.close()
    assert virtuoso.process is not None
    virtuoso.process.popen.send_signal(signal.SIGKILL)
    virtuoso.process.popen.wait(30)

    with pytest.warns(UserWarning, match="killed by signal SIGKILL"):
        revived = virtuoso_store(virtuoso)
    try:
        assert virtuoso.process.running()
        # It answers again, emptied as every test's store is, and it writes.
        assert not revived.query(f"ASK {{ GRAPH <{kept}> {{ ?s ?p ?o }} }}")
        revived.update(f"INSERT DATA {{ GRAPH <{kept}> {{ <urn:a> <urn:b> <urn:d> }} }}")
        assert revived.query(f"ASK {{ GRAPH <{kept}> {{ <urn:a> <urn:b> <urn:d> }} }}")
    finally:
        revived.close()
    assert virtuoso.revive() is None  # running: nothing to do
