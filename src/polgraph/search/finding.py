"""Asking the index: the things of one kind that hold every word of a query, ranked, a page at
a time, with how many there are.

Every word must be found, accents and case aside, the last one as the start of a word. Within a
kind, a thing whose name is the query itself comes first, then those whose name holds every word
(a person found by name before one found by a post or a place), then, for persons, bodies and
places, the more reports name them the higher (the well-attested namesake first), and for
events the latest first; bm25 (the name's words weighing ten times the others) orders the rest,
and reports, which have no such measure, by it alone. An empty query lists a kind in order of
name (events and reports, the latest first).

A process keeps one read-only connection per index file (``reader``) and opens it again when the
file was replaced: the server's query workers read the index this way while an ingest writes it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polgraph.errors import StoreError
from polgraph.search.folding import match_expression, query_words
from polgraph.search.schema import fts_table, open_for_reading

# The name column's words weigh this many times the others' in bm25.
NAME_WEIGHT = 10.0
_BY_RELEVANCE = {
    "report": "exact DESC, in_name DESC, rank, e.weight DESC, e.sort_key",
}
_BY_STANDING = "exact DESC, in_name DESC, e.weight DESC, rank, e.sort_key"
_LISTED = {
    "event": "e.weight DESC, e.sort_key",
    "report": "e.weight DESC, e.sort_key",
}


@dataclass
class Found:
    """A page of one kind's matches (``details`` and ``iri`` of each) and how many there are."""

    items: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0


def find(path: Path, kind: str, query: str, limit: int, offset: int = 0) -> Found:
    """The things of ``kind`` the index at ``path`` finds for ``query``: ``limit`` of them from
    ``offset``, and how many it finds in all."""
    db = reader(path)
    words = query_words(query)
    table = fts_table(kind)
    try:
        if not words:
            total = db.execute("SELECT COUNT(*) FROM entries WHERE kind = ?", (kind,)).fetchone()
            found = db.execute(
                f"SELECT e.iri, e.details FROM entries e WHERE e.kind = ? "
                f"ORDER BY {_LISTED.get(kind, 'e.sort_key')} LIMIT ? OFFSET ?",
                (kind, limit, offset),
            ).fetchall()
        else:
            expression = match_expression(words)
            total = db.execute(
                f"SELECT COUNT(*) FROM {table} WHERE {table} MATCH ?", (expression,)
            ).fetchone()
            found = db.execute(
                f"""SELECT e.iri, e.details,
                    bm25({table}, {NAME_WEIGHT}, 1.0) AS rank,
                    e.sort_key = :whole AS exact,
                    e.id IN (SELECT rowid FROM {table} WHERE {table} MATCH :named) AS in_name
                FROM {table} JOIN entries e ON e.id = {table}.rowid
                WHERE {table} MATCH :every
                ORDER BY {_BY_RELEVANCE.get(kind, _BY_STANDING)}
                LIMIT :limit OFFSET :offset""",
                {
                    "every": expression,
                    "named": match_expression(words, "name"),
                    "whole": " ".join(words),
                    "limit": limit,
                    "offset": offset,
                },
            ).fetchall()
    except sqlite3.Error as exc:
        _forget(path)
        raise StoreError(f"cannot read the search index at {path}: {exc}") from None
    items = [{"iri": row[0], **json.loads(row[1])} for row in found]
    return Found(items, int(total[0]))


# path → (process, the file's identity, the connection)
_READERS: dict[Path, tuple[int, tuple[int, int], sqlite3.Connection]] = {}


def reader(path: Path) -> sqlite3.Connection:
    """This process's read-only connection to the index at ``path``, opened again when the
    file was replaced since (or when this process was forked from the one that opened it)."""
    try:
        stat = path.stat()
    except OSError:
        _forget(path)
        raise StoreError(
            f"there is no search index at {path}: run `polgraph search rebuild`"
        ) from None
    identity = (stat.st_dev, stat.st_ino)
    kept = _READERS.get(path)
    if kept is not None and kept[0] == os.getpid() and kept[1] == identity:
        return kept[2]
    _forget(path)
    connection = open_for_reading(path)
    _READERS[path] = (os.getpid(), identity, connection)
    return connection


def _forget(path: Path) -> None:
    kept = _READERS.pop(path, None)
    if kept is not None and kept[0] == os.getpid():
        kept[2].close()
