"""Where a store's search index lives.

- A store in a folder keeps it inside the folder (``search.sqlite``): it goes wherever the
  store goes (a store built aside and renamed into place, as the benches build theirs, takes
  its index along), and one store never finds another's. Oxigraph leaves files it did not make
  alone.
- A store in memory has it in a temporary folder of its own, removed with the store: the
  server's query workers, other processes, read it there.
- A SPARQL service has it in a file of this machine's temporary folder named after the service's
  address: a server over the service rebuilds it when it starts if it is missing or stale
  (others write to a service without this machine knowing), and an ingest into the service
  from this machine keeps it in step meanwhile.

The same store object always gives the same index (``index_for``), so that an ingest through the
server writes the index its workers read.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import weakref
from pathlib import Path

from polgraph.search.index import SearchIndex
from polgraph.store.base import GraphStore

INDEX_FILE = "search.sqlite"

_KEPT: weakref.WeakKeyDictionary[GraphStore, SearchIndex] = weakref.WeakKeyDictionary()


def index_for(store: GraphStore) -> SearchIndex:
    """The search index kept for ``store``."""
    folder = getattr(store, "path", None)
    if isinstance(folder, Path):
        return SearchIndex(folder / INDEX_FILE)
    kept = _KEPT.get(store)
    if kept is None:
        endpoints = getattr(store, "endpoints", None)
        if endpoints is not None:
            kept = SearchIndex(_service_folder() / f"{_digest(endpoints.query)}.sqlite")
        else:
            temporary = Path(tempfile.mkdtemp(prefix="polgraph-search-"))
            # Removed with the store: its index describes nothing once the store is gone.
            weakref.finalize(store, shutil.rmtree, temporary, ignore_errors=True)
            kept = SearchIndex(temporary / INDEX_FILE)
        _KEPT[store] = kept
    return kept


def _service_folder() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"polgraph-search-{uid}"


def _digest(address: str) -> str:
    return hashlib.sha256(address.encode("utf-8")).hexdigest()[:16]
