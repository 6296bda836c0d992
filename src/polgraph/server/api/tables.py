"""Whole-store tables behind the lists and name searches, read once per store generation.

Listing every person, body, event, report or tenure in order, or finding them by name, touches
all of them, and Oxigraph takes seconds for that on 10,000 reports: it joins whole columns, and
compiles a regular expression bound as a value again for each row. So such a list reads the few
columns it filters and orders by into memory once, filters and pages them in Python, and asks the
store only about the page at hand. A table is read again after the store changes: every write
through ``polgraph.server.app.store_writes`` counts in ``app.state.store_generation``. At 10,000
reports reading one takes from half a second (events) to about five (persons, tenures), on the
first request after a write, and holds up to some tens of megabytes (bench/api.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request

Table = TypeVar("Table")

_BUILDING = threading.Lock()


def table(request: Request, name: str, build: Callable[[Any], Table]) -> Table:
    """The table ``name`` built by ``build(store)`` from the app's store, as of its latest write.

    One table is built at a time; a request that needs one being built waits for it. A table
    is tagged with the generation seen before it was read, so a write that lands while it is
    being read makes the next request read it again.
    """
    state = request.app.state
    generation = getattr(state, "store_generation", 0)
    held = _tables(state).get(name)
    if held is not None and held[0] == generation:
        return held[1]
    with _BUILDING:
        held = _tables(state).get(name)
        if held is None or held[0] != generation:
            held = (generation, build(state.store))
            _tables(state)[name] = held
    return held[1]


def _tables(state) -> dict[str, tuple[int, Any]]:
    found = getattr(state, "api_tables", None)
    if found is None:
        found = state.api_tables = {}
    return found
