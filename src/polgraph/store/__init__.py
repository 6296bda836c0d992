"""Where report graphs live. ``GraphStore`` is the interface; ``OxigraphStore`` the embedded one."""

from polgraph.store.base import GraphChange, GraphStore, ReplaceOutcome, StoreStats
from polgraph.store.oxigraph import OxigraphStore, open_store

__all__ = [
    "GraphChange",
    "GraphStore",
    "OxigraphStore",
    "ReplaceOutcome",
    "StoreStats",
    "open_store",
]
