"""The index's tables, and connections to its SQLite file.

``entries`` holds one row per thing found (a person, a body, a place, an event, a report): what
a result shows (``details``, JSON) and what ties the row to the store (the report an event or a
report row comes from, the name key a person was resolved under). Each kind has an FTS5 table of
its own, whose rowid is the entry's id, with two columns: ``name`` (the name, label or title)
and ``more`` (the other words it is found by: a person's posts and places, a report's text).
One table per kind keeps each kind's word statistics, and so bm25's ranking, its own: the words
of 10,000 reports do not weigh on how rare a surname is. Each keeps the starts of its words (one to
three letters) in an index of their own: the last word of a query is always a prefix, and at
10,000 reports this makes those queries two to three times quicker for a seventh more on disk.

``refs`` lists the bodies and places each report relies on: what a report's change touches, and
how many reports name each of them. ``mentions``, ``holdings`` and ``assigned`` keep what the
persons' rows are made from (``polgraph.search.mentions``). ``graphs`` lists the store's report
graphs the index was built from, to tell when the store changed behind its back. ``meta`` holds
the schema's version and the index's state.

Writers take the file in WAL mode: readers (the server's query workers, each with a read-only
connection of its own) go on reading the last committed state while one writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from polgraph.errors import StoreError
from polgraph.search.folding import TOKENIZER

# Raised when the tables change: an index of another version is rebuilt, not read.
VERSION = "3"
KINDS = ("person", "body", "place", "event", "report")
# How long a connection waits for another process's write to end before giving up.
_BUSY_SECONDS = 60.0


def fts_table(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"no such kind of entry: {kind!r}")
    return f"{kind}_text"


_TABLES = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS entries (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        iri TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        weight REAL NOT NULL DEFAULT 0,
        report TEXT,
        name_key TEXT,
        details TEXT NOT NULL,
        UNIQUE (kind, iri))""",
    "CREATE INDEX IF NOT EXISTS entries_by_report ON entries (report) WHERE report IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS entries_by_name ON entries (name_key) WHERE name_key IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS entries_in_order ON entries (kind, sort_key)",
    """CREATE TABLE IF NOT EXISTS refs (
        report TEXT NOT NULL, node TEXT NOT NULL, PRIMARY KEY (report, node)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS refs_by_node ON refs (node)",
    "CREATE TABLE IF NOT EXISTS graphs (name TEXT PRIMARY KEY) WITHOUT ROWID",
    """CREATE TABLE IF NOT EXISTS mentions (
        mention TEXT PRIMARY KEY, report TEXT NOT NULL, name_key TEXT NOT NULL, day TEXT,
        place TEXT) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS mentions_by_report ON mentions (report)",
    "CREATE INDEX IF NOT EXISTS mentions_by_name ON mentions (name_key)",
    "CREATE TABLE IF NOT EXISTS holdings (mention TEXT NOT NULL, title TEXT NOT NULL, body TEXT)",
    "CREATE INDEX IF NOT EXISTS holdings_by_mention ON holdings (mention)",
    """CREATE TABLE IF NOT EXISTS assigned (
        mention TEXT PRIMARY KEY, person TEXT NOT NULL) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS assigned_by_person ON assigned (person)",
    *(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts_table(kind)} "
        f"USING fts5(name, more, prefix = '1 2 3', tokenize = '{TOKENIZER}')"
        for kind in KINDS
    ),
]
# The tables a rebuild empties, and those an index of another version drops.
BUILT_TABLES = [
    "entries",
    "refs",
    "graphs",
    "mentions",
    "holdings",
    "assigned",
    *(fts_table(kind) for kind in KINDS),
]
_EVERY_TABLE = ["meta", *BUILT_TABLES]


def open_for_writing(path: Path) -> sqlite3.Connection:
    """A connection that writes ``path`` (made, with its folder, when missing), its tables made
    (those of another version dropped first). Transactions are the caller's: ``BEGIN IMMEDIATE``
    … ``COMMIT``, so a write cut short leaves the last committed index whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        # In WAL mode a commit is durable at the next checkpoint: a crash may lose the last
        # update of the index, never leave it half-written; the next run then rebuilds it.
        connection.execute("PRAGMA synchronous = NORMAL")
        _ensure_tables(connection)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the search index at {path}: {exc}") from None
    return connection


def _ensure_tables(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        if stored_version(connection) not in (None, VERSION):
            for table in _EVERY_TABLE:
                connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _TABLES:
            connection.execute(statement)
        connection.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('version', ?)", (VERSION,)
        )
        connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('state', 'empty')")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def stored_version(connection: sqlite3.Connection) -> str | None:
    """The version the index's tables were made by; None when it has none yet."""
    has_meta = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return None
    found = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return None if found is None else found[0]


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to the index at ``path`` (``StoreError`` when there is none):
    each query sees the last committed state, whatever another process writes meanwhile."""
    if not path.is_file():
        raise StoreError(f"there is no search index at {path}: run `polgraph search rebuild`")
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_SECONDS
        )
        if stored_version(connection) != VERSION:
            connection.close()
            raise StoreError(
                f"the search index at {path} was made by another version of polgraph: "
                "run `polgraph search rebuild`"
            )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the search index at {path}: {exc}") from None
    return connection
