"""Whole-store tables behind the lists and name searches, read once per snapshot.

Listing every person, body, event, report or tenure in order, or finding them by name, touches
all of them, and Oxigraph takes seconds for that on 10,000 reports: it joins whole columns, and
compiles a regular expression bound as a value again for each row. So such a list reads the few
columns it filters and orders by into memory once, filters and pages them in Python, and asks the
store only about the page at hand. A table is kept with the snapshot it was read from, in the
query worker that read it (``polgraph.server.answers.snapshot``): a write makes a new snapshot,
and its tables are read again from that. At 10,000 reports reading one takes from a tenth of a
second to about three (reports); the first worker to need one after a write reads it and keeps
it in a file beside the snapshot, which the other workers load in milliseconds.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from polgraph.server.answers.snapshot import Snapshot

_BUILDERS: dict[str, Callable[[Any], Any]] = {}


def register(name: str, build: Callable[[Any], Any]) -> str:
    """Name a whole-store table read by ``build(store)``; the name is what ``table`` takes."""
    _BUILDERS[name] = build
    return name


def table(store: Snapshot, name: str) -> Any:
    """The table ``name`` of ``store`` (a worker's snapshot), read when it is first asked for:
    from the file another worker kept of it for the same snapshot, or else from the store (and
    then kept in such a file for the others)."""
    found = store.tables.get(name)
    if found is None:
        found = store.tables[name] = _kept(store, name)
    return found


def _kept(store: Snapshot, name: str) -> Any:
    # Reading a table from the store takes up to seconds at 10,000 reports; its file, written by
    # a worker of this server into the server's own snapshot folder, takes milliseconds.
    folder: Path | None = getattr(store, "tables_folder", None)
    if folder is None:
        return _BUILDERS[name](store)
    path = folder / f"{name}.pickle"
    with suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return pickle.loads(path.read_bytes())
    built = _BUILDERS[name](store)
    with suppress(OSError):  # kept for the others if it can be; this worker has it anyway
        folder.mkdir(exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)  # whole or not at all, whoever writes it last
    return built


def warm_up_answer(store: Snapshot) -> dict:
    """Every table read now: a spare worker does this before it serves, so that its first
    requests do not wait seconds for them."""
    for name in _BUILDERS:
        table(store, name)
    return {"tables": sorted(_BUILDERS)}
