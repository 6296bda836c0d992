"""Resolution asks a store about many names or posts in parts no larger than the store takes in
one VALUES block (a SPARQL service's limit), and resolves the same persons and tenures."""

from __future__ import annotations

from conftest import ROOT, stored_quads

from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore


class CountingStore(OxigraphStore):
    """The embedded store with a service's small VALUES limit, counting the blocks it is sent."""

    values_limit = 3

    def __init__(self) -> None:
        super().__init__(None)
        self.largest_block = 0

    def query(self, sparql, bindings=None):
        if "VALUES ?" in sparql and "{scope}" not in sparql:
            block = sparql.split("VALUES ?", 1)[1].split("{", 1)[1].split("}", 1)[0]
            terms = block.count("<") + block.count('"') // 2
            self.largest_block = max(self.largest_block, terms)
        return super().query(sparql, bindings)


def _resolved(store: OxigraphStore, vocabulary, validator) -> set[tuple]:
    pipeline = Pipeline(store, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    pipeline.run([ROOT / "data" / "reports"])
    pipeline.resolve_identities(full=True)
    return stored_quads(store)


def test_resolution_in_small_parts_gives_the_same_graph(vocabulary, validator):
    limited = CountingStore()
    assert _resolved(limited, vocabulary, validator) == _resolved(
        OxigraphStore(None), vocabulary, validator
    )
    assert 0 < limited.largest_block <= 3
