"""A query worker's snapshot of the store, as the answers read a store."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from polgraph.store.remote import RemoteStore


class Snapshot:
    """A worker's snapshot as the answers read a store: the default graph is every graph. A
    snapshot of a SPARQL store is the store itself. The
    whole-store tables read from it are kept with it (``polgraph.server.answers.tables``)."""

    def __init__(self, store: ox.Store | RemoteStore, tables_folder: Path | None = None) -> None:
        self.native = store
        self.tables: dict[str, Any] = {}
        self.tables_folder = tables_folder  # where the workers keep the tables of this snapshot

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Any:
        if isinstance(self.native, RemoteStore):
            return self.native.query(sparql, bindings)
        substitutions = {ox.Variable(name): term for name, term in (bindings or {}).items()}
        return self.native.query(
            sparql, use_default_graph_as_union=True, substitutions=substitutions or None
        )
