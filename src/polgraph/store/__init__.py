"""Where report graphs live. ``GraphStore`` is the interface; ``OxigraphStore`` the embedded one,
``RemoteStore`` a SPARQL 1.1 service; ``open_configured_store`` opens the one the settings name."""

from polgraph.store.base import GraphChange, GraphStore, ReplaceOutcome, StoreStats
from polgraph.store.opening import open_configured_store
from polgraph.store.oxigraph import OxigraphStore, open_store
from polgraph.store.remote import Endpoints, RemoteStore

__all__ = [
    "Endpoints",
    "GraphChange",
    "GraphStore",
    "OxigraphStore",
    "RemoteStore",
    "ReplaceOutcome",
    "StoreStats",
    "open_configured_store",
    "open_store",
]
