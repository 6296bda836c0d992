"""Reports written as gzipped N-Quads for a bulk loader load into the store the ingest makes."""

import gzip
import shutil

import pyoxigraph as ox
import pytest
import yaml
from conftest import RESOURCES, ROOT, SEED_YAML
from typer.testing import CliRunner

from polgraph import Polgraph
from polgraph.cli import app
from polgraph.errors import InputError
from polgraph.pipeline.bulk import MODEL_FILE, NQuadsWriter
from polgraph.pipeline.ingest import Pipeline
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

IDENTITY = ROOT / "data" / "identity.yaml"
REPORTS = [ROOT / "data" / "reports", SEED_YAML, RESOURCES / "reports" / "council-session.yaml"]


def all_quads(store: OxigraphStore) -> tuple[int, set]:
    """How many quads, and those without a blank node (a loader gives those labels of its own)."""
    quads = list(store.native.quads_for_pattern(None, None, None, None))
    named = {
        q for q in quads if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))
    }
    return len(quads), named


def bulk_loaded(directory) -> OxigraphStore:
    """A fresh store that a bulk loader filled from every file of ``directory``."""
    store = OxigraphStore(None)
    for path in sorted(directory.glob("*.nq.gz")):
        with gzip.open(path, "rb") as source:
            store.native.bulk_load(source, ox.RdfFormat.N_QUADS)
    return store


def test_files_loaded_then_rebuilt_hold_what_an_ingest_stores(tmp_path):
    settings = Settings(identity_path=IDENTITY)
    ingested = OxigraphStore(None)
    stored = Polgraph(settings, ingested).ingest(REPORTS)
    assert not stored.rejected

    written = Polgraph(settings).write_nquads(REPORTS, tmp_path / "nq")
    assert written.counts == stored.counts
    assert [path.name for path in written.files] == [MODEL_FILE, "batch-000001.nq.gz"]
    loaded = bulk_loaded(tmp_path / "nq")
    rebuilt = Polgraph(settings, loaded).rebuild()

    assert rebuilt.identities == stored.identities
    assert rebuilt.identities.persons > 0
    assert all_quads(loaded) == all_quads(ingested)


def test_one_file_per_batch_and_a_bad_report_is_left_out(tmp_path, vocabulary, validator):
    reports = tmp_path / "reports"
    reports.mkdir()
    seed = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    for number in range(5):  # five reports: each text one line longer than the seed's
        seed["id"] = f"seed-{number}"
        seed["report"]["text"] += f"\nGhi chú số {number}."
        text = yaml.safe_dump(seed, allow_unicode=True)
        (reports / f"seed-{number}.yaml").write_text(text, encoding="utf-8")
    (reports / "seed-2.yaml").write_text("event: [", encoding="utf-8")
    bulk = NQuadsWriter(tmp_path / "nq")
    pipeline = Pipeline(None, vocabulary, validator, bulk=bulk)
    summary = pipeline.run([reports], batch_size=2)

    assert summary.counts == {"added": 4, "rejected": 1}
    assert [o.source for o in summary.rejected] == [str(reports / "seed-2.yaml")]
    assert [path.name for path in bulk.files] == [
        "batch-000001.nq.gz",
        "batch-000002.nq.gz",
    ]
    loaded = bulk_loaded(tmp_path / "nq")
    written_reports = {o.graph for o in summary.outcomes if o.status == "added"}
    assert len(written_reports) == 4
    assert set(loaded.report_graphs()) == written_reports


def test_a_report_written_earlier_in_the_run_is_not_written_again(tmp_path, vocabulary, validator):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    shutil.copy(SEED_YAML, first / "seed.yaml")
    shutil.copy(SEED_YAML, second / "seed.yaml")
    changed = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    original = changed["report"]["title"]
    changed["report"]["title"] = "Một tiêu đề khác"
    third = tmp_path / "c"
    third.mkdir()
    (third / "seed.yaml").write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
    bulk = NQuadsWriter(tmp_path / "nq")
    pipeline = Pipeline(None, vocabulary, validator, bulk=bulk)
    summary = pipeline.run([first, second, third], batch_size=1)

    assert [o.status for o in summary.outcomes] == ["added", "unchanged", "rejected"]
    assert "earlier file" in (summary.outcomes[2].error or "")
    assert len(bulk.files) == 1  # nothing new to write after the first
    literals = {
        q.object.value
        for q in bulk_loaded(tmp_path / "nq").native.quads_for_pattern(None, None, None, None)
        if isinstance(q.object, ox.Literal)
    }
    assert original in literals
    assert "Một tiêu đề khác" not in literals


def test_a_folder_holding_files_is_refused_and_kept(tmp_path):
    target = tmp_path / "nq"
    target.mkdir()
    (target / "batch-000001.nq.gz").write_bytes(b"earlier")
    with pytest.raises(InputError, match="new or empty"):
        Polgraph(Settings()).write_nquads([SEED_YAML], target)

    result = CliRunner().invoke(app, ["ingest", str(SEED_YAML), "--nquads", str(target)])
    assert result.exit_code == 2
    assert "new or empty" in result.output
    assert [p.name for p in target.iterdir()] == ["batch-000001.nq.gz"]
    assert (target / "batch-000001.nq.gz").read_bytes() == b"earlier"


def test_the_command_writes_files_and_touches_no_store(tmp_path):
    store_path = tmp_path / "store"
    result = CliRunner().invoke(
        app,
        ["ingest", str(SEED_YAML), "--nquads", str(tmp_path / "nq"), "--store", str(store_path)],
    )
    assert result.exit_code == 0, result.output
    assert "added 1" in result.output
    assert "2 files in" in result.output
    assert not store_path.exists()
    with gzip.open(tmp_path / "nq" / "batch-000001.nq.gz", "rt", encoding="utf-8") as text:
        lines = text.read().splitlines()
    assert lines and all(line.endswith(" .") for line in lines)
