from __future__ import annotations

from pathlib import Path

import pytest

from polgraph.extract.structured import load_structured
from polgraph.pipeline.ingest import Pipeline
from polgraph.rdf.validate import ReportValidator
from polgraph.store import OxigraphStore
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


@pytest.fixture
def store():
    return OxigraphStore(None)


@pytest.fixture
def pipeline(store, vocabulary, validator):
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    return pipe


@pytest.fixture(scope="session")
def data_reports_store(vocabulary, validator):
    """Makes a fresh in-memory store holding data/reports, persons resolved with
    data/identity.yaml: each caller gets its own, free to write to it."""

    def build() -> OxigraphStore:
        handle = OxigraphStore(None)
        pipe = Pipeline(handle, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
        pipe.ensure_model_graphs()
        assert not pipe.run([ROOT / "data" / "reports"]).rejected
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
