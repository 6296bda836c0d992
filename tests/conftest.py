from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import virtuoso_service
from rdflib import BNode, URIRef

from polgraph.extract.structured import load_structured
from polgraph.namespaces import MODEL_GRAPH_PREFIX
from polgraph.pipeline.ingest import Pipeline
from polgraph.rdf.validate import ReportValidator
from polgraph.store import GraphStore, OxigraphStore, RemoteStore
from polgraph.vocab import vocabulary as load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = Path(__file__).resolve().parent / "resources"
SEED_YAML = ROOT / "data" / "structured" / "seed.yaml"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def vocabulary():
    return load_vocabulary()


@pytest.fixture(scope="session")
def validator(vocabulary):
    return ReportValidator(vocabulary)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[virtuoso_service.Virtuoso]:
    """A Virtuoso server for the session, its database in a temporary folder."""
    if not virtuoso_service.available():
        message = (
            "Virtuoso is not installed (apt-get install virtuoso-opensource gives virtuoso-t): "
            "the remote store's tests need it"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; .ci/run installs it")
        pytest.skip(message)
    with virtuoso_service.running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        SERVERS.append(server)
        yield server
        SERVERS.remove(server)


SERVERS: list[virtuoso_service.Virtuoso] = []  # the session's server, for the report of a failure


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """A failed test whose Virtuoso has ended says how it ended, in its report."""
    outcome = yield
    report = outcome.get_result()
    for server in SERVERS:
        if report.failed and server.process is not None and not server.process.running():
            report.sections.append(("Virtuoso had ended", server.ended_how()))


def virtuoso_store(server: virtuoso_service.Virtuoso) -> RemoteStore:
    """A store on ``server``, emptied of every graph but the server's own: each test starts from
    nothing."""
    ended = server.revive()
    if ended is not None:
        warnings.warn(f"Virtuoso had ended and was started again: {ended}", stacklevel=2)
    remote = server.store()
    graphs = remote.query(virtuoso_service.EVERY_GRAPH)
    drops = [
        f"DROP SILENT GRAPH <{row['g'].value}>"
        for row in graphs
        if row["g"].value not in server.own_graphs
    ]
    # One graph a request: Virtuoso holds its locks for a whole request, and hundreds of drops in
    # one kept the next test's queries waiting past its time limit.
    for drop in drops:
        remote.update(drop)
    return remote


# Tests of what any store does take ``store``, and run on both: the embedded store and a SPARQL
# service (Virtuoso). Tests of what only the embedded store does take ``oxigraph_store``.
@pytest.fixture(params=["oxigraph", pytest.param("virtuoso", marks=pytest.mark.virtuoso)])
def store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    if request.param == "oxigraph":
        yield OxigraphStore(None)
        return
    remote = virtuoso_store(request.getfixturevalue("virtuoso"))
    yield remote
    remote.close()


@pytest.fixture
def oxigraph_store() -> OxigraphStore:
    return OxigraphStore(None)


@pytest.fixture
def pipeline(store, vocabulary, validator):
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    return pipe


@pytest.fixture(scope="session")
def data_reports_store(vocabulary, validator):
    """Makes a fresh in-memory store holding data/reports and any ``more`` reports after them,
    persons resolved with data/identity.yaml: each caller gets its own, free to write to it."""

    def build(*more: Path) -> OxigraphStore:
        handle = OxigraphStore(None)
        pipe = Pipeline(handle, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
        pipe.ensure_model_graphs()
        assert not pipe.run([ROOT / "data" / "reports", *more]).rejected
        return handle

    return build


@pytest.fixture(scope="session")
def seed():
    return load_structured(SEED_YAML)


# Markers that follow from what a test uses, so that no test is left unmarked: `-m "not shared
# and not browser and not slow"` runs the fast part alone (make test-fast).
_MARKED_BY_FIXTURE = {"real_corpus": "shared", "shared_corpus": "shared", "browser": "browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            marker = _MARKED_BY_FIXTURE.get(fixture)
            if marker is not None and item.get_closest_marker(marker) is None:
                item.add_marker(marker)


def _shared_corpus(folder: str, what: str) -> Path:
    corpus = SHARED / folder
    if not corpus.is_dir():
        pytest.skip(
            f"{corpus} is absent: the shared {what} corpus is only laid beside the repository in CI"
        )
    return corpus


@pytest.fixture(scope="session")
def real_corpus() -> Path:
    return _shared_corpus("real-corpus", "real")


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    return _shared_corpus("dev-corpus", "dev")


def stored_quads(handle: GraphStore) -> set[tuple]:
    """Every quad of polgraph's graphs in ``handle``, as (graph, subject, predicate, object)."""
    names = [URIRef(g) for g in handle.report_graphs() + handle.graphs_under(MODEL_GRAPH_PREFIX)]
    return {
        (graph, *triple)
        for graph, triples in handle.graphs_triples(names).items()
        for triple in triples
    }


def comparable_quads(handle: GraphStore) -> tuple[int, set[tuple]]:
    """How many quads, and those without a blank node: two stores label theirs apart."""
    quads = stored_quads(handle)
    return len(quads), {q for q in quads if not any(isinstance(t, BNode) for t in q)}
