"""Ingest on a Dask cluster into a SPARQL service (the tests' Virtuoso): the workers write the
reports themselves, and the service ends up holding what a plain ingest stores."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import virtuoso_service
import yaml
from conftest import RESOURCES, ROOT, SEED_YAML, comparable_quads, virtuoso_store
from distributed import Client, get_task_stream
from processes import free_port

from polgraph.errors import StoreError
from polgraph.identity import resolution
from polgraph.pipeline.cluster_client import connect
from polgraph.pipeline.cluster_ingest import ingest_on_cluster
from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore, RemoteStore
from polgraph.store.layout import SHARED_PREFIX
from polgraph.store.remote import Endpoints

sys.path.insert(0, str(ROOT / "bench"))  # the archive generator is a script of bench/

import archive

pytestmark = [pytest.mark.slow, pytest.mark.virtuoso]

IDENTITY = ROOT / "data" / "identity.yaml"
REPORTS = [ROOT / "data" / "reports", SEED_YAML, RESOURCES / "reports" / "council-session.yaml"]


@pytest.fixture(scope="module")
def writers(virtuoso: virtuoso_service.Virtuoso) -> Iterator[Client]:
    """Two local workers started with the service's account in their environment: that is
    where a worker reads it from, never from the client."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("POLGRAPH_STORE_USER", virtuoso_service.USER)
        env.setenv("POLGRAPH_STORE_PASSWORD", virtuoso_service.PASSWORD)
        env.setenv("POLGRAPH_STORE_AUTH", "digest")
        with connect(workers=2, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
            yield client


@pytest.fixture
def service(virtuoso: virtuoso_service.Virtuoso) -> Iterator[RemoteStore]:
    remote = virtuoso_store(virtuoso)
    yield remote
    remote.close()


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Path:
    """Forty reports of one district's portal: names and posts recur across them."""
    folder = tmp_path_factory.mktemp("portal")
    archive.write(folder, 40, seed=5)
    return folder


def pipeline_on(store, vocabulary, validator) -> Pipeline:
    pipeline = Pipeline(store, vocabulary, validator, identity=IDENTITY)
    pipeline.ensure_model_graphs()
    return pipeline


def test_the_workers_write_what_a_plain_ingest_stores(
    writers, service, portal, vocabulary, validator
):
    plain = pipeline_on(OxigraphStore(None), vocabulary, validator)
    expected = plain.run([*REPORTS, portal], batch_size=8)

    spread = pipeline_on(service, vocabulary, validator)
    written_here: list[int] = []  # reports this process wrote
    write = spread.writer.write

    def counted(reports):
        written_here.append(len(reports))
        return write(reports)

    spread.writer.write = counted
    done: list[Path] = []
    with get_task_stream(writers) as tasks:
        got = ingest_on_cluster(spread, writers, [*REPORTS, portal], progress=done.append)

    ran = {task["key"].split("-")[0] for task in tasks.data}
    assert "write_part" in ran and "prepare_part" not in ran
    # Every report went to the service from a worker; the seed, there as text and as a
    # structured file, was written again here in its later file's version.
    assert written_here == [1]
    assert len(expected.outcomes) == 46 and not expected.rejected
    assert got.outcomes == expected.outcomes  # the same order, statuses and messages
    assert sorted(map(str, done)) == sorted(o.source for o in expected.outcomes)
    assert comparable_quads(service) == comparable_quads(plain.store)
    assert resolution.identity_counts(service) == resolution.identity_counts(plain.store)
    assert spread.rule_messages == plain.rule_messages

    # Again: only the seed changes (its text and its structured file replace each other), as in
    # a plain ingest.
    again = ingest_on_cluster(spread, writers, [*REPORTS, portal])
    assert again.outcomes == plain.run([*REPORTS, portal]).outcomes
    assert comparable_quads(service) == comparable_quads(plain.store)


def _versions(folder: Path, body: str) -> Path:
    """The seed report with its host body renamed: another version of the same report, which
    relies on another description of the body."""
    seed = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    seed["event"]["organiser"] += f" {body}"
    path = folder / f"seed-{body}.yaml"
    path.write_text(yaml.safe_dump(seed, allow_unicode=True), encoding="utf-8")
    return path


def test_what_concurrent_writers_leave_is_settled_as_a_plain_ingest_settles_it(
    writers, service, tmp_path, vocabulary, validator
):
    first, second, third = (tmp_path / name for name in ("one", "two", "three"))
    for folder in (first, second, third):
        folder.mkdir()
    # Run 1 stores version A; run 2 holds B and then C of the same report, in parts of one
    # file, so that two workers write them at once: C must be what is stored, and the
    # descriptions only A and B relied on must be gone.
    versions = [_versions(first, "A")]
    later = [_versions(second, "B"), _versions(third, "C")]
    plain = pipeline_on(OxigraphStore(None), vocabulary, validator)
    spread = pipeline_on(service, vocabulary, validator)
    for run in (versions, later):
        plain.run(run)
        ingest_on_cluster(spread, writers, run, part_size=1)

    shared_here = set(service.graphs_under(SHARED_PREFIX))
    assert shared_here == set(plain.store.graphs_under(SHARED_PREFIX))
    assert comparable_quads(service) == comparable_quads(plain.store)
    assert service.stats().reports == 1
    assert _organisers(service) == _organisers(plain.store) == {"C"}


def _organisers(store) -> set[str]:
    """Which versions' organisers the store names: the last word of their labels."""
    rows = store.query(
        "SELECT DISTINCT ?label WHERE { ?body ?p ?label "
        "FILTER(ISLITERAL(?label) && REGEX(STR(?label), ' [ABC]$')) }"
    )
    return {row["label"].value.rsplit(" ", 1)[1] for row in rows}


def test_a_bad_report_is_rejected_and_the_rest_written(
    writers, service, tmp_path, vocabulary, validator
):
    shutil.copy(SEED_YAML, tmp_path / "a-seed.yaml")
    (tmp_path / "b-broken.json").write_text('{"event": {"kind": ', encoding="utf-8")
    shutil.copy(RESOURCES / "reports" / "council-session.yaml", tmp_path / "c-council.yaml")
    pipeline = pipeline_on(service, vocabulary, validator)

    summary = ingest_on_cluster(pipeline, writers, [tmp_path], part_size=3)

    assert [o.status for o in summary.outcomes] == ["added", "rejected", "added"]
    assert "not valid JSON" in (summary.outcomes[1].error or "")
    assert service.stats().reports == 2


def test_a_service_that_stops_answering_stops_the_run(writers, vocabulary, validator):
    # Nothing listens there: the workers' writes fail, and so does the run, with the service's
    # error rather than every report "rejected".
    gone = RemoteStore(Endpoints(f"http://127.0.0.1:{free_port()}/sparql"))
    pipeline = Pipeline(gone, vocabulary, validator)
    with pytest.raises(StoreError):
        ingest_on_cluster(pipeline, writers, [SEED_YAML])
