"""A bounded fuzz run over the whole API, as its /openapi.json describes it: no answer is a server
error (>= 500), whether the client sends the write token or not.

Schemathesis turns the document into requests for every operation: its examples, its coverage
cases (boundaries, missing and wrong-typed parameters, unexpected media types) and a bounded
number of generated ones, valid and invalid. They go over HTTP to ``polgraph serve`` (a real
process, as deployed) over a store of its own holding data/reports: a server with a write token,
so the write routes exist, fuzzed once without an ``Authorization`` header and once with the
right token, whose writes change that store and no other.

Bounded and repeatable: a fixed number of generated cases per operation, the same ones on each
run (derandomized, no example database, no shrinking): 35 to 45 s for both runs on 2 cores.
POLGRAPH_FUZZ_EXAMPLES raises the number for a deeper run by hand.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import schemathesis
from conftest import ROOT
from hypothesis import HealthCheck, Phase, settings
from live_server import server_process
from schemathesis.checks import not_a_server_error

from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # two live servers fuzzed for half a minute

TOKEN = "fuzz-write-token"
WRITER = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLES = int(os.environ.get("POLGRAPH_FUZZ_EXAMPLES") or 20)  # generated cases per operation
# A 503 for a time limit is the limit doing its job on a costly request, not a failure. The
# other 503s ("server busy", "busy", "server stopping", "store unavailable") cannot happen to one
# client sending one request at a time to a running server over a sound store: they would be bugs.
TIME_LIMITS = {"query time limit", "too long to read"}
SERVER_ENV = {
    "POLGRAPH_WRITE_TOKEN": TOKEN,
    "POLGRAPH_QUERY_WORKERS": "2",
    "POLGRAPH_QUERY_TIMEOUT": "5",
    "POLGRAPH_ANALYSIS_TIMEOUT": "10",
}


def _document() -> dict:
    """The OpenAPI document a server with a write token serves at /openapi.json (each server of
    these tests is checked to serve this one). Read here because the operations must be known
    when pytest collects the tests; schemathesis.pytest.from_fixture, which would read it from
    the running server, sets Node._nodeid, which pytest 9.2 no longer has."""
    app = create_app(Settings(write_token=TOKEN), OxigraphStore(None))
    try:
        return app.openapi()
    finally:
        app.state.engine.stop()  # it made a folder for snapshots


DOCUMENT = _document()
# SPARQL queries and updates are text: sent as written.
schemathesis.serializer.alias(
    ["application/sparql-query", "application/sparql-update"], "text/plain"
)
schema = schemathesis.openapi.from_dict(DOCUMENT, config=schemathesis.Config())

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@dataclass
class Server:
    base: str
    log: list[str]  # what the server printed


@pytest.fixture(scope="module")
def reports(tmp_path_factory, vocabulary, validator):
    """A closed store on disk holding data/reports, for each server to copy."""
    path = tmp_path_factory.mktemp("fuzz") / "reports"
    store = OxigraphStore(path)
    pipeline = Pipeline(store, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    assert not pipeline.run([ROOT / "data" / "reports"]).rejected
    store.close()
    return path


def _serve(reports, tmp_path_factory) -> Iterator[Server]:
    path = tmp_path_factory.mktemp("fuzz") / "store"
    shutil.copytree(reports, path)
    with server_process(path, SERVER_ENV) as (process, base):
        # Read what the server prints as it comes (a full pipe would stop it): the traceback
        # behind a 500 goes with the failure.
        log: list[str] = []
        threading.Thread(
            target=lambda: log.extend(line.decode(errors="replace") for line in process.stdout),
            daemon=True,
        ).start()
        assert httpx.get(f"{base}/openapi.json").json() == DOCUMENT
        assert httpx.get(f"{base}/store", params={"default": ""}, headers=WRITER).status_code == 200
        yield Server(base, log)


@pytest.fixture(scope="module")
def anonymous_server(reports, tmp_path_factory):
    yield from _serve(reports, tmp_path_factory)


@pytest.fixture(scope="module")
def writer_server(reports, tmp_path_factory):
    yield from _serve(reports, tmp_path_factory)


def no_server_error(ctx, response, case):
    """schemathesis' not_a_server_error, but for a 503 that says a time limit stopped the work."""
    if response.status_code == 503:
        try:
            error = response.json().get("error")
        except (ValueError, AttributeError):
            error = None
        if error in TIME_LIMITS:
            return None
    return not_a_server_error(ctx, response, case)


def _fuzz(case, server: Server, headers: dict[str, str]) -> None:
    sent = {"base_url": server.base, "headers": headers}
    response = case.call(**sent, timeout=30)
    try:
        case.validate_response(
            response, checks=[no_server_error], headers=headers, transport_kwargs=sent
        )
    except BaseException as failure:  # schemathesis' FailureGroup is no Exception
        failure.add_note("The server printed:\n" + ("".join(server.log)[-6000:] or "nothing"))
        raise


@schema.parametrize()
@FUZZ
def test_no_server_error_without_the_token(case, anonymous_server):
    _fuzz(case, anonymous_server, {})


@schema.parametrize()
@FUZZ
def test_no_server_error_with_the_token(case, writer_server):
    _fuzz(case, writer_server, WRITER)
