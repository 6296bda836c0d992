"""A Virtuoso Open Source server of the tests' (and the benches') own: a database in a temporary
folder, on free ports of 127.0.0.1, stopped when done.

Debian's ``virtuoso-opensource`` package gives ``virtuoso-t``; ``.ci/run`` installs it. The SPARQL
endpoint that writes is ``/sparql-auth`` (digest authentication, the ``dba`` account): the open
``/sparql`` only reads, as on a public service.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from processes import free_port, stop

from polgraph.store import Endpoints, RemoteStore

VIRTUOSO = "virtuoso-t"
USER = "dba"
PASSWORD = "dba"  # a fresh database's administrator; the server listens on 127.0.0.1 only

# Every graph's name. Not `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }`: Virtuoso 7.2 answers
# that in a second on a new database, and past any time limit ("SR171: Transaction timed out")
# once a few thousand quads are in, while GROUP BY, or a FILTER on ?g, answers in milliseconds.
EVERY_GRAPH = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"

# Virtuoso cuts a SELECT's rows at ResultSetMaxRows without an error (it says so in a header):
# a store must return every row, so the limit is set far above what the tests read.
_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {db}, /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
ThreadsPerQuery = 2
MaxQueryMem = 1G
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 8
ServerThreads = 8
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 100000000
MaxQueryExecutionTime = {query_seconds}
MaxQueryCostEstimationTime = 600
"""


def available() -> bool:
    return shutil.which(VIRTUOSO) is not None


@dataclass(frozen=True)
class Virtuoso:
    """A running server: where its SPARQL endpoints are, and how to sign in to write."""

    http_port: int
    sql_port: int
    folder: Path
    own_graphs: frozenset[str] = frozenset()  # the graphs a new database holds already
    process: _Process | None = field(default=None, compare=False, repr=False)

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def update_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    def store(self) -> RemoteStore:
        """A polgraph store on this server, signed in to write."""
        return RemoteStore(
            Endpoints(self.query_url, self.update_url, self.graph_store_url),
            auth=httpx.DigestAuth(USER, PASSWORD),
        )

    @property
    def graph_store_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    @property
    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def ended_how(self) -> str:
        """How the server ended, and the end of its log: why, if Virtuoso said."""
        assert self.process is not None
        return f"{self.process.ended_how()}; the end of its log:\n{self.log[-3000:]}"

    def revive(self) -> str | None:
        """Start the server again, on the same ports and database, if it has ended; say how it
        ended (exit status and the end of its log), or None if it was running.

        One crash of the service mid-session must cost the test it happened in, not every later
        test of the session: a run once lost 45 tests to one ended server, with nothing to tell
        why."""
        if self.process is None or self.process.running():
            return None
        how = self.ended_how()
        self.process.start()
        _wait_until_answering(self, self.process.popen, 60.0)
        return how


class _Process:
    """The ``virtuoso-t`` process of a server, started (again) with its configuration file."""

    def __init__(self, ini: Path) -> None:
        self.ini = ini
        self.start()

    def start(self) -> None:
        self.popen = subprocess.Popen(
            [VIRTUOSO, "+foreground", "+configfile", str(self.ini)],
            cwd=self.ini.parent,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def running(self) -> bool:
        return self.popen.poll() is None

    def ended_how(self) -> str:
        code = self.popen.returncode
        if code is not None and code < 0:
            return f"killed by signal {signal.Signals(-code).name}"
        return f"exit status {code}"

    def stop(self) -> None:
        stop(self.popen, signal.SIGTERM, 30)


@contextlib.contextmanager
def running_virtuoso(
    folder: Path, *, memory_mb: int = 512, start_seconds: float = 60.0, query_seconds: int = 60
) -> Iterator[Virtuoso]:
    """Start ``virtuoso-t`` with its database in ``folder`` and wait until its endpoint answers;
    stop it (and wait for it) on leaving."""
    folder.mkdir(parents=True, exist_ok=True)
    buffers = max(2000, memory_mb * 1024 // 8 * 2 // 3 // 1)  # 8 KB pages, two thirds of memory
    server = Virtuoso(free_port(), free_port(), folder)
    ini = folder / "virtuoso.ini"
    ini.write_text(
        _INI.format(
            db=folder,
            sql_port=server.sql_port,
            http_port=server.http_port,
            buffers=buffers,
            dirty=buffers * 3 // 4,
            query_seconds=query_seconds,
        )
    )
    process = _Process(ini)
    try:
        _wait_until_answering(server, process.popen, start_seconds)
        yield dataclasses.replace(server, own_graphs=_graphs(server), process=process)
    finally:
        process.stop()


def _wait_until_answering(server: Virtuoso, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"virtuoso-t ended at start (exit {process.returncode}):\n{server.log[-2000:]}"
            )
        with contextlib.suppress(httpx.HTTPError):
            reply = httpx.get(server.query_url, params={"query": "ASK {}"}, timeout=2.0)
            if reply.status_code == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"virtuoso-t did not answer within {seconds:.0f} s:\n{server.log[-2000:]}")


def _graphs(server: Virtuoso) -> frozenset[str]:
    reply = httpx.post(
        server.query_url,
        data={"query": EVERY_GRAPH},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30.0,
    )
    reply.raise_for_status()
    return frozenset(row["g"]["value"] for row in reply.json()["results"]["bindings"])
