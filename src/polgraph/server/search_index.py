"""The search index a server answers from: the one kept for its store (``polgraph.search``),
checked when the server starts and rebuilt then if it is missing or does not answer for the store
as it is (made from other reports, cut short, made by another version), rather than serve stale
results. The rebuild is logged, with its reason and what it took; an index that cannot be
rebuilt (a store on a read-only disk) leaves the search answering 503 with the reason.

Over a SPARQL service the index is a file of this machine's: the check finds the reports others
wrote to the service meanwhile."""

from __future__ import annotations

import logging
import time

from polgraph.errors import StoreError
from polgraph.search import SearchIndex, counts_line
from polgraph.store.base import GraphStore

log = logging.getLogger(__name__)


def refresh(index: SearchIndex, store: GraphStore) -> str | None:
    """Rebuild ``index`` from ``store`` when it does not answer for it; why the search cannot
    answer (it could not be rebuilt), or None when it can."""
    reason = index.staleness(store)
    if reason is None:
        return None
    # Warnings: the server logs nothing below them, and a rebuild may keep it from answering
    # for a while on a large store.
    log.warning("search index %s: %s; rebuilding it from the store", index.path, reason)
    started = time.perf_counter()
    try:
        counts = index.rebuild(store)
    except StoreError as exc:
        log.error("search index %s could not be rebuilt: %s", index.path, exc)
        return f"{reason}, and it could not be rebuilt ({exc}): run `polgraph search rebuild`"
    log.warning(
        "search index rebuilt in %.1f s: %s", time.perf_counter() - started, counts_line(counts)
    )
    return None
