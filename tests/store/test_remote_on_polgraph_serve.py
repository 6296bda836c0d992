"""The remote store against a second service: ``polgraph serve`` itself, with writes allowed by a
bearer token. Its SPARQL query, update and Graph Store endpoints are polgraph's own, with the
embedded Oxigraph behind them, so this checks that the store speaks the standard protocols to
more than Virtuoso, and it runs wherever the package is installed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ROOT, comparable_quads
from live_server import server_process

from polgraph.errors import StoreError
from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore, RemoteStore
from polgraph.store.remote import Endpoints

pytestmark = pytest.mark.slow  # a server process to start

TOKEN = "a-token-for-the-tests"
REPORTS = ROOT / "data" / "reports"
IDENTITY = ROOT / "data" / "identity.yaml"


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("served") / "store"
    with server_process(folder, {"POLGRAPH_WRITE_TOKEN": TOKEN}) as (_, url):
        yield url


def remote_at(base: str, token: str = TOKEN) -> RemoteStore:
    return RemoteStore(
        Endpoints(f"{base}/sparql", f"{base}/update", f"{base}/store"),
        headers={"Authorization": f"Bearer {token}"},
    )


def test_an_ingest_through_the_protocols_stores_what_the_embedded_store_holds(
    base, vocabulary, validator
):
    plain = Pipeline(OxigraphStore(None), vocabulary, validator, identity=IDENTITY)
    plain.ensure_model_graphs()
    expected = plain.run([REPORTS])

    remote = remote_at(base)
    served = Pipeline(remote, vocabulary, validator, identity=IDENTITY)
    served.ensure_model_graphs()
    got = served.run([REPORTS])

    assert expected.counts["added"] >= 3
    assert got.outcomes == expected.outcomes
    assert comparable_quads(remote) == comparable_quads(plain.store)
    assert served.run([REPORTS]).counts == {"unchanged": len(expected.outcomes)}
    assert remote.stats() == plain.store.stats()


def test_a_wrong_token_writes_nothing(base, vocabulary, validator):
    before = comparable_quads(remote_at(base))
    intruder = Pipeline(remote_at(base, token="not-the-token"), vocabulary, validator)
    with pytest.raises(StoreError, match=r"40[13]"):
        intruder.run([ROOT / "data" / "structured" / "seed.yaml"])
    assert comparable_quads(remote_at(base)) == before


def test_a_batch_reads_its_reports_graphs_once(base, vocabulary, validator, monkeypatch):
    """The writer reads the stored version of a batch's reports to tell what changed; the store
    takes that reading (``GraphChange.known``) instead of asking the service again."""
    remote = remote_at(base)
    pipeline = Pipeline(remote, vocabulary, validator)
    asked: list[set[str]] = []
    read = remote.graphs_triples

    def counted(names):
        names = list(names)
        asked.append({str(n) for n in names})
        return read(names)

    monkeypatch.setattr(remote, "graphs_triples", counted)
    summary = pipeline.run([REPORTS], batch_size=64)

    reports = {o.graph for o in summary.outcomes}
    assert len(reports) >= 3
    assert sum(1 for names in asked if names & reports) == 1
