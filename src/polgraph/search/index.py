"""The full-text index of one store: built whole, kept in step by each ingest, checked for
staleness.

An ingest marks the index as being updated (``begin_update``) before identity resolution
commits, and the update (``IndexUpdate.finish``) writes what the ingest touched and marks it
in step again, in one transaction: the reports written, replaced or removed (their report and
event rows, and the bodies and places they relied on before and after), and the persons of the
names resolution touched. So an ingest cut off between the two leaves the index marked, and the
next ingest (or the server, when it starts) rebuilds it whole; a write that fails leaves the last
committed index as it was.

The index also lists the store's report graphs it was made from: when they differ from the
store's beyond what an update touched (reports written or dropped outside the pipeline, by a
SPARQL update or a bulk load), the update rebuilds the index whole rather than trust it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from polgraph.errors import StoreError
from polgraph.search.documents import Document
from polgraph.search.mentions import Assignments, ReportMentions, assignments, report_mentions
from polgraph.search.nodes import Facts, node_documents, relied_on
from polgraph.search.persons import person_documents
from polgraph.search.reports import event_documents, report_documents
from polgraph.search.schema import (
    BUILT_TABLES,
    KINDS,
    VERSION,
    fts_table,
    open_for_reading,
    open_for_writing,
    stored_version,
)
from polgraph.store.base import GraphStore

FRESH, UPDATING = "fresh", "updating"
_PLURALS = {"person": "persons", "body": "bodies", "place": "places", "event": "events"}


def counts_line(counts: dict[str, int]) -> str:
    """``counts`` (by kind) in words: "23 persons, 28 bodies, …"."""
    return ", ".join(f"{count} {_PLURALS.get(kind, kind + 's')}" for kind, count in counts.items())


class SearchIndex:
    """The index in the SQLite file at ``path`` (see ``polgraph.search.location`` for where a
    store's is)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __repr__(self) -> str:
        return f"SearchIndex({str(self.path)!r})"

    # -- building ----------------------------------------------------------------------------
    def rebuild(self, store: GraphStore) -> dict[str, int]:
        """Make the index hold exactly what ``store`` holds, in one transaction; how many of
        each kind it then holds."""
        facts = Facts(store)
        references = relied_on(store, None)
        said = report_mentions(store, None)
        resolved = assignments(store, None)
        documents = [
            *report_documents(store, None),
            *event_documents(store, facts, None),
            *node_documents(facts, _counted(references)),
        ]
        graphs = store.report_graphs()
        with self._writing() as db:
            for table in BUILT_TABLES:
                db.execute(f"DELETE FROM {table}")
            db.executemany("INSERT INTO graphs (name) VALUES (?)", ((g,) for g in graphs))
            db.executemany(
                "INSERT INTO refs (report, node) VALUES (?, ?)",
                ((report, node) for report, nodes in references.items() for node in nodes),
            )
            _write_mentions(db, said, resolved)
            _insert(db, [*documents, *person_documents(db, facts, resolved.persons)])
            _set_meta(db, state=FRESH, built=_now(), updated=_now())
        self._checkpoint()
        return self.counts()

    def begin_update(self) -> IndexUpdate:
        """Mark the index as being updated, before the store's changes are resolved: if the
        update never finishes, the mark makes the next one (or the server) rebuild it."""
        with self._writing() as db:
            was = _meta(db, "state")
            _set_meta(db, state=UPDATING)
        return IndexUpdate(self, in_step=was == FRESH)

    def update(
        self,
        store: GraphStore,
        reports: set[str],
        names: set[str],
        resolved: Assignments | None = None,
    ) -> str:
        """Write again what ``reports`` and the persons of ``names`` hold ("updated", or
        "unchanged" for nothing); "rebuilt" instead when the index has drifted from the store, or
        when ``reports`` are most of the store's (a rebuild then reads less).
        ``resolved``: whom the mentions of ``names`` are resolved into, when the caller knows
        (else it is read from the store)."""
        stored_graphs = set(store.report_graphs())
        with self._writing() as db:
            indexed_graphs = {name for (name,) in db.execute("SELECT name FROM graphs")}
        if stored_graphs - reports != indexed_graphs - reports or _most_of(reports, stored_graphs):
            self.rebuild(store)
            return "rebuilt"
        if not reports and not names:
            with self._writing() as db:
                _set_meta(db, state=FRESH)
            return "unchanged"
        facts = Facts(store)
        new_references = relied_on(store, reports)
        said = report_mentions(store, reports)
        if resolved is None:
            resolved = assignments(store, names)
        documents = [*report_documents(store, reports), *event_documents(store, facts, reports)]
        with self._writing() as db:
            _scope(db, "touched_reports", reports)
            _scope(db, "touched_names", names)
            old_nodes = {
                node
                for (node,) in db.execute(
                    "SELECT node FROM refs WHERE report IN (SELECT value FROM touched_reports)"
                )
            }
            db.execute("DELETE FROM refs WHERE report IN (SELECT value FROM touched_reports)")
            db.executemany(
                "INSERT INTO refs (report, node) VALUES (?, ?)",
                ((report, node) for report, nodes in new_references.items() for node in nodes),
            )
            nodes = old_nodes | {node for found in new_references.values() for node in found}
            _scope(db, "touched_nodes", nodes)
            weights = dict(
                db.execute(
                    "SELECT node, COUNT(*) FROM refs "
                    "WHERE node IN (SELECT value FROM touched_nodes) GROUP BY node"
                ).fetchall()
            )
            # Whom the touched names' mentions were resolved into, before the touched reports'
            # mentions go: a removed report's mentions are of touched names.
            db.execute(
                "DELETE FROM assigned WHERE mention IN (SELECT mention FROM mentions "
                "WHERE name_key IN (SELECT value FROM touched_names))"
            )
            db.execute(
                "DELETE FROM holdings WHERE mention IN (SELECT mention FROM mentions "
                "WHERE report IN (SELECT value FROM touched_reports))"
            )
            db.execute("DELETE FROM mentions WHERE report IN (SELECT value FROM touched_reports)")
            _write_mentions(db, said, resolved)
            _remove(db, "report IN (SELECT value FROM touched_reports)")
            _remove(db, "name_key IN (SELECT value FROM touched_names)")
            _remove(db, "kind IN ('body', 'place') AND iri IN (SELECT value FROM touched_nodes)")
            _insert(
                db,
                [
                    *documents,
                    *person_documents(db, facts, resolved.persons),
                    *node_documents(facts, weights),
                ],
            )
            db.execute("DELETE FROM graphs WHERE name IN (SELECT value FROM touched_reports)")
            db.executemany(
                "INSERT INTO graphs (name) VALUES (?)",
                ((g,) for g in sorted(reports & stored_graphs)),
            )
            _set_meta(db, state=FRESH, updated=_now())
        return "updated"

    # -- asking -------------------------------------------------------------------------------
    def staleness(self, store: GraphStore) -> str | None:
        """Why the index does not answer for ``store`` as it is (missing, cut short, made by
        another version, or made from other reports than the store holds); None when it does."""
        if not self.path.is_file():
            return "there is no search index yet"
        try:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                if stored_version(db) != VERSION:
                    return "the search index was made by another version of polgraph"
                state = _meta(db, "state")
                if state == UPDATING:
                    return "the last update of the search index was cut short"
                if state != FRESH:
                    return "the search index was never built"
                indexed = {name for (name,) in db.execute("SELECT name FROM graphs")}
            finally:
                db.close()
        except sqlite3.Error as exc:
            return f"the search index cannot be read ({exc})"
        stored = set(store.report_graphs())
        if stored != indexed:
            return (
                f"the store holds {len(stored - indexed)} report(s) the search index lacks "
                f"and lacks {len(indexed - stored)} it holds"
            )
        return None

    def counts(self) -> dict[str, int]:
        """How many entries of each kind the index holds."""
        db = open_for_reading(self.path)
        try:
            found = dict(db.execute("SELECT kind, COUNT(*) FROM entries GROUP BY kind").fetchall())
        finally:
            db.close()
        return {kind: found.get(kind, 0) for kind in KINDS}

    def _checkpoint(self) -> None:
        """Copy the write-ahead log into the file and empty it: after a rebuild it holds the
        whole index a second time. Readers still on the old state keep the log as it is; the
        next writer's checkpoint then does it."""
        db = open_for_writing(self.path)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # best effort: the log is copied at a later checkpoint all the same
        finally:
            db.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the index: committed whole, or rolled back whole."""
        db = open_for_writing(self.path)
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write the search index at {self.path}: {exc}") from None
        finally:
            db.close()


@dataclass
class IndexUpdate:
    """An update under way (``SearchIndex.begin_update``); ``in_step``: the index was in step
    with the store when it began, so what the ingest touched is all there is to write."""

    index: SearchIndex
    in_step: bool

    def finish(
        self,
        store: GraphStore,
        reports: Iterable[str] | None,
        names: Iterable[str] | None,
        resolved: Assignments | None = None,
    ) -> str:
        """Write what the ingest touched: ``reports`` (IRIs) and the persons of ``names``
        (name keys; ``resolved``: whom their mentions are resolved into, if known); with either
        None (resolution redid everything), or when the index was not in step, rebuild it.
        "updated", "rebuilt" or "unchanged"."""
        if not self.in_step or reports is None or names is None:
            self.index.rebuild(store)
            return "rebuilt"
        return self.index.update(store, set(reports), set(names), resolved)


def _write_mentions(db: sqlite3.Connection, said: ReportMentions, resolved: Assignments) -> None:
    """The mentions' rows, and the persons' of ``resolved`` to make documents of (the temporary
    table ``wanted_persons`` that ``person_documents`` reads)."""
    db.executemany(
        "INSERT OR REPLACE INTO mentions (mention, report, name_key, day, place) "
        "VALUES (?, ?, ?, ?, ?)",
        said.mentions,
    )
    db.executemany("INSERT INTO holdings (mention, title, body) VALUES (?, ?, ?)", said.holdings)
    db.executemany(
        "INSERT OR REPLACE INTO assigned (mention, person) VALUES (?, ?)", resolved.assigned
    )
    _scope(db, "wanted_persons", resolved.persons)


def _most_of(reports: set[str], stored_graphs: set[str]) -> bool:
    """Whether ``reports`` are more than half of the store's: then reading the whole store costs
    less than reading them (a first ingest into an empty store touches all of it). Read by the
    reports in question, a report costs about three times what it costs in a read of everything:
    73 s against 31 s for 10,000 reports of 10,000, and 14 minutes at 100,000."""
    return len(reports & stored_graphs) * 2 > len(stored_graphs)


def _counted(references: dict[str, set[str]]) -> dict[str, int]:
    return dict(Counter(node for nodes in references.values() for node in nodes))


def _insert(db: sqlite3.Connection, documents: Iterable[Document]) -> None:
    for document in documents:
        cursor = db.execute(
            "INSERT INTO entries (kind, iri, sort_key, weight, report, name_key, details) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            document.row(),
        )
        db.execute(
            f"INSERT INTO {fts_table(document.kind)} (rowid, name, more) VALUES (?, ?, ?)",
            (cursor.lastrowid, *document.words()),
        )


def _remove(db: sqlite3.Connection, where: str) -> None:
    """Drop the entries ``where`` says, with their words."""
    for kind in KINDS:
        db.execute(
            f"DELETE FROM {fts_table(kind)} WHERE rowid IN "
            f"(SELECT id FROM entries WHERE kind = ? AND {where})",
            (kind,),
        )
    db.execute(f"DELETE FROM entries WHERE {where}")


def _scope(db: sqlite3.Connection, table: str, values: Iterable[str]) -> None:
    """A temporary table of ``values``, for the statements that follow to select by."""
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (value TEXT PRIMARY KEY)")
    db.execute(f"DELETE FROM {table}")
    db.executemany(f"INSERT OR IGNORE INTO {table} (value) VALUES (?)", ((v,) for v in values))


def _meta(db: sqlite3.Connection, key: str) -> str | None:
    found = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if found is None else found[0]


def _set_meta(db: sqlite3.Connection, **values: str) -> None:
    db.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        values.items(),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
