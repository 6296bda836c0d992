"""The harvest's memory between runs, in SQLite: every address found, what became of it, and
the validators (ETag, Last-Modified, payload digest) to ask again with.

Each change is committed as it happens, so a harvest killed at any moment resumes where it
stopped: a run that did not finish is taken up again by the next harvest of the same sites. A
finished run's addresses are asked again by the next one, conditionally.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from polgraph.archive.writer import RecordRef

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  seeds TEXT NOT NULL,
  started TEXT NOT NULL,
  finished TEXT
);
CREATE TABLE IF NOT EXISTS urls (
  url TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  kind TEXT NOT NULL,            -- robots | sitemap | feed | listing | page
  state TEXT NOT NULL,           -- todo | archived | stored | skipped | unchanged | failed | ...
  run INTEGER NOT NULL,          -- the run that last queued it
  priority INTEGER NOT NULL,
  depth INTEGER NOT NULL DEFAULT 0, -- links from the start page: 1, from those: 2 (sitemaps: 1)
  dated TEXT,                    -- a sitemap's lastmod or a feed's publication date
  published INTEGER NOT NULL DEFAULT 0,
  etag TEXT,
  last_modified TEXT,
  digest TEXT,                   -- the last archived payload's digest
  record_id TEXT,                -- the last archived response record
  warc_file TEXT,
  warc_offset INTEGER,
  fetched_at TEXT,               -- when it last answered 200
  attempts INTEGER NOT NULL DEFAULT 0,
  note TEXT
);
CREATE INDEX IF NOT EXISTS urls_todo ON urls (run, state, host, priority);
"""
# Listings first (they find the rest), then sitemaps' and feeds' pages in the order found.
PRIORITY = {"robots": 0, "sitemap": 1, "feed": 1, "listing": 2, "page": 3}
_LEFT_UNDONE = "('todo', 'todo-later', 'fetching', 'archived', 'failed')"


@dataclass(frozen=True)
class Entry:
    url: str
    host: str
    kind: str
    state: str
    dated: dt.date | None
    published: bool
    etag: str | None
    last_modified: str | None
    digest: str | None
    record: RecordRef | None
    fetched_at: dt.datetime | None
    attempts: int
    depth: int


class Frontier:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.run = 0

    def close(self) -> None:
        self.db.close()

    # -- runs --------------------------------------------------------------------------------
    def start(self, seeds: list[str]) -> bool:
        """Take up the unfinished run of these seeds, or start a new one that asks every known
        address again; True when resuming."""
        key = json.dumps(sorted(seeds))
        row = self.db.execute(
            "SELECT id, finished FROM runs WHERE seeds = ? ORDER BY id DESC LIMIT 1", (key,)
        ).fetchone()
        if row is not None and row[1] is None:
            self.run = row[0]
            return True
        now = _now()
        self.run = (
            self.db.execute("INSERT INTO runs (seeds, started) VALUES (?, ?)", (key, now)).lastrowid
            or 0
        )
        # What earlier runs on these hosts left undone (pages past --max-pages, failures) is
        # asked again even when the sitemaps that listed it have not changed since.
        hosts = sorted({urlsplit(seed).netloc for seed in seeds})
        marks = ", ".join("?" for _ in hosts)
        self.db.execute(
            f"UPDATE urls SET run = ?, state = 'todo', attempts = 0, note = NULL "
            f"WHERE host IN ({marks}) AND state IN {_LEFT_UNDONE}",
            (self.run, *hosts),
        )
        return False

    def finish(self) -> None:
        self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (_now(), self.run))

    # -- addresses ---------------------------------------------------------------------------
    def add(
        self,
        url: str,
        host: str,
        kind: str,
        *,
        dated: dt.date | None = None,
        published: bool = False,
        depth: int = 0,
    ) -> bool:
        """Queue ``url`` in this run unless it is queued already; True when newly queued. A known
        address keeps its validators, to be asked conditionally."""
        row = self.db.execute("SELECT run, kind FROM urls WHERE url = ?", (url,)).fetchone()
        day = dated.isoformat() if dated else None
        if row is None:
            self.db.execute(
                "INSERT INTO urls (url, host, kind, state, run, priority, depth, dated, published) "
                "VALUES (?, ?, ?, 'todo', ?, ?, ?, ?, ?)",
                (url, host, kind, self.run, PRIORITY[kind], depth, day, int(published)),
            )
            return True
        if row[0] == self.run:
            # A later source may date it, or find it nearer the start.
            self.db.execute(
                "UPDATE urls SET dated = COALESCE(dated, ?), published = MAX(published, ?), "
                "depth = MIN(depth, ?) WHERE url = ?",
                (day, int(published), depth, url),
            )
            return False
        kind = row[1] if PRIORITY[row[1]] < PRIORITY[kind] else kind
        self.db.execute(
            "UPDATE urls SET state = 'todo', run = ?, kind = ?, priority = ?, attempts = 0, "
            "depth = ?, dated = COALESCE(?, dated), published = ?, note = NULL WHERE url = ?",
            (self.run, kind, PRIORITY[kind], depth, day, int(published), url),
        )
        return True

    def next_for(self, host: str) -> Entry | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM urls WHERE run = ? AND state = 'todo' AND host = ? "
            "ORDER BY priority, rowid LIMIT 1",
            (self.run, host),
        ).fetchone()
        return _entry(row) if row else None

    def hosts_with_work(self) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT host FROM urls WHERE run = ? AND state = 'todo'", (self.run,)
            )
        ]

    def requeue_fetching(self) -> None:
        """Queue again what was being fetched when the run was killed."""
        self.db.execute(
            "UPDATE urls SET state = 'todo' WHERE run = ? AND state = 'fetching'", (self.run,)
        )

    def archived_unsettled(self) -> list[Entry]:
        """Pages archived in this run but not yet ingested (a harvest killed in between)."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM urls WHERE run = ? AND state = 'archived' ORDER BY rowid",
            (self.run,),
        )
        return [_entry(row) for row in rows]

    def mark(self, url: str, state: str, note: str | None = None) -> None:
        self.db.execute("UPDATE urls SET state = ?, note = ? WHERE url = ?", (state, note, url))

    def retry_later(self, url: str, note: str) -> int:
        """Count a failed attempt, leaving the address queued; how many attempts so far."""
        self.db.execute(
            "UPDATE urls SET attempts = attempts + 1, note = ? WHERE url = ?", (note, url)
        )
        row = self.db.execute("SELECT attempts FROM urls WHERE url = ?", (url,)).fetchone()
        return int(row[0]) if row else 0

    def archived(
        self,
        url: str,
        record: RecordRef,
        *,
        digest: str | None,
        etag: str | None,
        last_modified: str | None,
        fetched: dt.datetime,
    ) -> None:
        self.db.execute(
            "UPDATE urls SET state = 'archived', record_id = ?, warc_file = ?, warc_offset = ?, "
            "digest = ?, etag = ?, last_modified = ?, fetched_at = ?, note = NULL WHERE url = ?",
            (
                record.record_id,
                record.file,
                record.offset,
                digest,
                etag,
                last_modified,
                fetched.isoformat(),
                url,
            ),
        )


_COLUMNS = (
    "url, host, kind, state, dated, published, etag, last_modified, digest, record_id, "
    "warc_file, warc_offset, fetched_at, attempts, depth"
)


def _entry(row: tuple) -> Entry:
    (url, host, kind, state, dated, published, etag, modified, digest) = row[:9]
    record_id, warc_file, warc_offset, fetched_at, attempts, depth = row[9:]
    return Entry(
        url=url,
        host=host,
        kind=kind,
        state=state,
        dated=dt.date.fromisoformat(dated) if dated else None,
        published=bool(published),
        etag=etag,
        last_modified=modified,
        digest=digest,
        record=RecordRef(record_id, warc_file, warc_offset) if record_id else None,
        fetched_at=dt.datetime.fromisoformat(fetched_at) if fetched_at else None,
        attempts=attempts,
        depth=depth,
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()
