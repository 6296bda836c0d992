"""Ingest and identity rebuild on a Dask cluster (two local worker processes) store what a plain
ingest and rebuild store."""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from conftest import RESOURCES, ROOT, SEED_YAML
from distributed import get_task_stream
from rdflib import URIRef

from polgraph import Polgraph
from polgraph.errors import ShapeMessage
from polgraph.identity import resolution
from polgraph.identity.overrides import Assertion, Overrides, Selector
from polgraph.identity.persons import Mention
from polgraph.pipeline import cluster as cluster_module
from polgraph.pipeline.cluster_client import connect
from polgraph.pipeline.cluster_identity import ClusterWork, name_groups
from polgraph.pipeline.cluster_ingest import ingest_on_cluster
from polgraph.pipeline.ingest import Pipeline
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

sys.path.insert(0, str(ROOT / "bench"))  # the archive generator is a script of bench/

import archive

pytestmark = pytest.mark.slow  # a cluster takes seconds to start

IDENTITY = ROOT / "data" / "identity.yaml"
REPORTS = [ROOT / "data" / "reports", SEED_YAML, RESOURCES / "reports" / "council-session.yaml"]


@pytest.fixture(scope="module")
def client():
    with connect(workers=2, timeout=30) as dask_client:
        dask_client.wait_for_workers(2, timeout=60)
        yield dask_client


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Path:
    """Forty reports of one district's portal: names and posts recur across them."""
    folder = tmp_path_factory.mktemp("portal")
    archive.write(folder, 40, seed=3)
    return folder


def all_quads(store: OxigraphStore) -> tuple[int, set]:
    """How many quads, and those without a blank node (labels of blank nodes differ by run)."""
    quads = list(store.native.quads_for_pattern(None, None, None, None))
    named = {
        q for q in quads if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))
    }
    return len(quads), named


def graphs_under(store: OxigraphStore, prefix: str) -> dict[str, set]:
    return {name: store.graph_triples(URIRef(name)) for name in store.graphs_under(prefix)}


def fresh(vocabulary, validator, identity: Path | None = IDENTITY) -> Pipeline:
    pipeline = Pipeline(OxigraphStore(None), vocabulary, validator, identity=identity)
    pipeline.ensure_model_graphs()
    return pipeline


def test_cluster_ingest_stores_what_a_plain_ingest_stores(client, portal, vocabulary, validator):
    plain = fresh(vocabulary, validator)
    expected = plain.run([*REPORTS, portal], batch_size=8)

    spread = fresh(vocabulary, validator)
    checked_here: list[int] = []  # batches validated by this process
    check = spread.check

    def counted(graphs):
        checked_here.append(len(graphs))
        return check(graphs)

    spread.check = counted
    done: list[Path] = []
    # Parts of three files, batches of eight: a worker's part is not the client's batch.
    got = ingest_on_cluster(
        spread, client, [*REPORTS, portal], progress=done.append, batch_size=8, part_size=3
    )

    assert len(expected.outcomes) == 46 and not expected.rejected
    assert got.counts == expected.counts
    assert got.outcomes == expected.outcomes  # the same order, statuses and messages
    assert sorted(map(str, done)) == sorted(o.source for o in expected.outcomes)
    assert checked_here == []  # every verdict came from a worker: no report needed context
    assert all_quads(spread.store) == all_quads(plain.store)
    assert resolution.identity_counts(spread.store) == resolution.identity_counts(plain.store)
    assert spread.rule_messages == plain.rule_messages


def test_a_rerun_finds_everything_unchanged(client, vocabulary, validator):
    # Not the seed twice (its text and its facts): the later of two versions of one report
    # replaces the earlier in every run.
    reports = [ROOT / "data" / "reports", RESOURCES / "reports" / "council-session.yaml"]
    pipeline = fresh(vocabulary, validator)
    first = ingest_on_cluster(pipeline, client, reports)
    before = all_quads(pipeline.store)
    again = ingest_on_cluster(pipeline, client, reports)

    assert first.counts == {"added": 5}
    assert again.counts == {"unchanged": 5}
    assert all_quads(pipeline.store) == before


def test_bad_reports_are_rejected_with_their_reasons_and_the_rest_stored(
    client, tmp_path, vocabulary, validator
):
    shutil.copy(SEED_YAML, tmp_path / "a-seed.yaml")
    (tmp_path / "b-broken.json").write_text('{"event": {"kind": ', encoding="utf-8")
    bad_url = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    bad_url["id"] = "bad-url"
    bad_url["report"]["url"] = "ftp://example.invalid/report"
    (tmp_path / "c-bad-url.yaml").write_text(
        yaml.safe_dump(bad_url, allow_unicode=True), encoding="utf-8"
    )
    shutil.copy(RESOURCES / "reports" / "council-session.yaml", tmp_path / "e-council.yaml")
    unknown = tmp_path / "d-scan.pdf"  # named below: tried, and refused, not passed over
    unknown.write_bytes(b"%PDF-1.4")
    files = [*sorted(p for p in tmp_path.iterdir() if p != unknown), unknown]

    pipeline = fresh(vocabulary, validator)
    summary = ingest_on_cluster(pipeline, client, files, part_size=2, batch_size=2)

    status = {Path(o.source).name: o for o in summary.outcomes}
    assert [Path(o.source).name for o in summary.outcomes] == [p.name for p in files]
    assert status["a-seed.yaml"].status == "added"
    assert status["e-council.yaml"].status == "added"
    assert status["b-broken.json"].status == "rejected"
    assert "not valid JSON" in (status["b-broken.json"].error or "")
    assert status["c-bad-url.yaml"].status == "rejected"
    assert status["c-bad-url.yaml"].error == "rejected by the shapes"
    assert any("http(s) address" in m.message for m in status["c-bad-url.yaml"].messages)
    assert status["d-scan.pdf"].status == "rejected"
    assert "unknown kind of file .pdf" in (status["d-scan.pdf"].error or "")
    assert pipeline.store.stats().reports == 2


def test_a_task_that_fails_loses_its_report_only(
    client, tmp_path, vocabulary, validator, monkeypatch
):
    for name in ("a", "b", "c", "d"):
        seed = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
        seed["report"]["text"] += f"\nGhi chú {name}."
        (tmp_path / f"{name}.yaml").write_text(
            yaml.safe_dump(seed, allow_unicode=True), encoding="utf-8"
        )
    real = cluster_module.prepare_part

    def failing_on_c(files, published):  # sent to the workers by value, as a closure
        if any(source.endswith("c.yaml") for _, source in files):
            raise RuntimeError("the worker ran out of something")
        return real(files, published)

    monkeypatch.setattr(cluster_module, "prepare_part", failing_on_c)
    pipeline = fresh(vocabulary, validator)
    summary = ingest_on_cluster(pipeline, client, [tmp_path], part_size=4)

    # The part of four failed as a whole; then each report was sent alone.
    assert [o.status for o in summary.outcomes] == ["added", "added", "rejected", "added"]
    assert "RuntimeError: the worker ran out of something" in (summary.outcomes[2].error or "")
    assert pipeline.store.stats().reports == 3


def test_a_report_pointing_at_what_the_store_describes_is_checked_with_that_context(
    vocabulary, validator
):
    """A worker's verdict is made without the store; where the store has context for the
    report, the client validates it again as a plain ingest does."""
    from polgraph.extract.structured import load_structured
    from polgraph.pipeline.ingest import Prepared
    from polgraph.rdf.mapping import map_extraction
    from polgraph.rdf.validate import ValidationReport

    pipeline = fresh(vocabulary, validator, identity=None)
    graph = map_extraction(load_structured(SEED_YAML), vocabulary)
    outside = URIRef("https://w3id.org/polgraph/id/elsewhere")
    # A verdict no validation here would give, so that whose verdict is kept can be told.
    worker_said = ValidationReport([ShapeMessage("Warning", "seed", None, "said by a worker")])
    plain = pipeline.check([graph.triples])[0]
    assert plain.messages != worker_said.messages

    kept = pipeline._verdicts([Prepared("seed", graph, checked=worker_said)])
    assert kept[0].messages == worker_said.messages
    unknown = Prepared("seed", graph, checked=worker_said, references=frozenset({outside}))
    assert pipeline._verdicts([unknown])[0].messages == worker_said.messages  # nothing stored
    pipeline.store.replace_graph(URIRef("https://example.org/g"), [(outside, outside, outside)])
    again = pipeline._verdicts([unknown])[0]
    assert again.messages == plain.messages


def identity_file(tmp_path: Path, store: OxigraphStore) -> Path:
    """Corrections that tie two names (same) and keep two mentions of one name apart."""
    rows = store.query(
        "PREFIX pg: <https://w3id.org/polgraph/ontology#> "
        "SELECT ?m ?key WHERE { ?m a pg:PersonMention ; pg:nameKey ?key } ORDER BY ?key ?m"
    )
    by_key: dict[str, list[str]] = {}
    for row in rows:
        by_key.setdefault(row["key"].value, []).append(row["m"].value)
    many = [mentions for mentions in by_key.values() if len(mentions) > 2]
    singles = [mentions[0] for mentions in by_key.values() if len(mentions) == 1]
    assert many and len(singles) >= 2, "the portal should have recurring and one-off names"
    corrections = {
        "same": [{"persons": [{"mention": singles[0]}, {"mention": singles[1]}], "note": "t"}],
        "different": [{"persons": [{"mention": many[0][0]}, {"mention": many[0][1]}]}],
    }
    path = tmp_path / "identity.yaml"
    path.write_text(yaml.safe_dump(corrections), encoding="utf-8")
    return path


def test_a_cluster_rebuild_writes_what_a_plain_rebuild_writes(
    client, portal, tmp_path, vocabulary, validator
):
    stores = [OxigraphStore(None), OxigraphStore(None)]
    for store in stores:
        pipeline = Pipeline(store, vocabulary, validator)
        pipeline.ensure_model_graphs()
        pipeline.run([*REPORTS, portal])
    settings = Settings(identity_path=identity_file(tmp_path, stores[0]))

    plain = Polgraph(settings, stores[0]).rebuild()
    spread = Pipeline(stores[1], vocabulary, validator, identity=settings.identity_path)
    spread.work = ClusterWork(client, least=0)  # however few: on the workers
    with get_task_stream(client) as tasks:
        summary = spread.resolve_identities(full=True)
    ran = Counter(task["key"].split("-")[0] for task in tasks.data)
    assert ran["persons_part"] > 1 and ran["tenures_part"] > 1

    assert summary.resolution is not None
    assert len(summary.resolution.clusters) == plain.identities.persons > 0
    for prefix in (resolution.IDENTITY_PREFIX, resolution.TENURE_PREFIX):
        assert graphs_under(stores[1], prefix) == graphs_under(stores[0], prefix)
    assert all_quads(stores[1]) == all_quads(stores[0])
    assert spread.rule_messages == plain.rule_messages


def test_the_library_rebuilds_on_a_cluster(client, tmp_path):
    settings = Settings(identity_path=IDENTITY)
    plain_store, spread_store = OxigraphStore(None), OxigraphStore(None)
    Polgraph(settings, plain_store).ingest(REPORTS)
    stored = Polgraph(settings, spread_store).ingest_on_cluster(REPORTS, client)
    assert len(stored.outcomes) == 6 and not stored.rejected
    plain = Polgraph(settings, plain_store).rebuild()
    spread = Polgraph(settings, spread_store).rebuild_on_cluster(client)

    assert spread == plain
    assert all_quads(spread_store) == all_quads(plain_store)


def mention(iri: str, key: str, report: str = "r") -> Mention:
    return Mention(iri=iri, name=key, name_key=key, report=report, areas=frozenset())


def test_names_tied_by_a_correction_are_resolved_together():
    mentions = {
        m.iri: m
        for m in (
            mention("m1", "an"),
            mention("m2", "an"),
            mention("m3", "binh", "r2"),
            mention("m4", "chi"),
            mention("m5", "dung"),
            mention("m6", "em"),
        )
    }
    overrides = Overrides(
        same=(Assertion((Selector(name="binh", report="r2"), Selector(mention="m4"))),),
        different=(Assertion((Selector(mention="m5"), Selector(mention="m6"))),),
    )
    groups = sorted(sorted(group) for group in name_groups(mentions, overrides))
    assert groups == [["m1", "m2"], ["m3", "m4"], ["m5", "m6"]]
    alone = sorted(sorted(group) for group in name_groups(mentions, None))
    assert alone == [["m1", "m2"], ["m3"], ["m4"], ["m5"], ["m6"]]
