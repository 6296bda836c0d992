"""Whole-store tables behind the lists and name searches, read once per snapshot.

Listing every person, body, event, report or tenure in order, or finding them by name, touches
all of them, and Oxigraph takes seconds for that on 10,000 reports: it joins whole columns, and
compiles a regular expression bound as a value again for each row. So such a list reads the few
columns it filters and orders by into memory once, filters and pages them in Python, and asks the
store only about the page at hand. A table is kept with the snapshot it was read from, in the
query worker that read it (``polgraph.server.api.offload.Snapshot``): a write makes a new snapshot,
and each worker reads its tables again from that. At 10,000 reports reading one takes from half
a second (events) to about five (persons, tenures), in each worker, on the first request after a
write that needs it, and holds up to some tens of megabytes (bench/api.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_BUILDERS: dict[str, Callable[[Any], Any]] = {}


def register(name: str, build: Callable[[Any], Any]) -> str:
    """Name a whole-store table read by ``build(store)``; the name is what ``table`` takes."""
    _BUILDERS[name] = build
    return name


def table(store, name: str) -> Any:
    """The table ``name`` of ``store`` (a worker's snapshot), read when it is first asked for."""
    found = store.tables.get(name)
    if found is None:
        found = store.tables[name] = _BUILDERS[name](store)
    return found


def warm_up_answer(store) -> dict:
    """Every table read now: a spare worker does this before it serves, so that its first
    requests do not wait seconds for them."""
    for name in _BUILDERS:
        table(store, name)
    return {"tables": sorted(_BUILDERS)}
