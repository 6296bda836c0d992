"""A query worker: a process that answers SPARQL queries, and works out the API's and the pages'
answers, over a read-only snapshot of the store.

Oxigraph cannot stop a query once it runs, so each one runs in a process of its own that the
server can kill at the time limit. The worker serialises a query's answer itself (in Rust), and
stops writing when the answer outgrows the result limit. What it imports (the answers of
``polgraph.server.answers``, a second of Python) is imported before it says it is ready: that
time counts against no job's limit. It imports nothing of the web framework.
"""

from __future__ import annotations

import signal
import sys
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Any, cast

import pyoxigraph as ox

from polgraph.errors import StoreError
from polgraph.server.answers.registry import answer_job
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.formats import write_graph
from polgraph.server.messages import READY, Answer, QueryJob, Refusal
from polgraph.settings import Settings
from polgraph.store.opening import open_snapshot
from polgraph.store.remote import RemoteStore, RemoteTriples


class _TooLarge(Exception):
    pass


class _CappedBuffer:
    """A file-like sink that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0
        self.overflowed = False

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            self.overflowed = True
            raise _TooLarge()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def answer(store: ox.Store | RemoteStore, job: QueryJob) -> Answer | Refusal:
    """A query's answer, written in the format the job asks for, or why there is none. A
    SPARQL store is asked with the job's graphs, and its answer written as Oxigraph's is."""
    try:
        if isinstance(store, RemoteStore):
            result = store.query_dataset(job.text, job.default_graphs, job.named_graphs)
        else:
            result = store.query(job.text, **_dataset(job))
    except SyntaxError as exc:
        return Refusal(400, "query syntax", str(exc))
    except ValueError as exc:  # an ill-formed IRI among the graphs
        return Refusal(400, "bad request", str(exc))
    except StoreError as exc:
        return Refusal(502, "store failed", str(exc))
    is_graph = isinstance(result, ox.QueryTriples | RemoteTriples)
    name = job.graph_format if is_graph else job.result_format
    if name is None:
        kind = "CONSTRUCT and DESCRIBE" if is_graph else "SELECT and ASK"
        return Refusal(
            406, "not acceptable", f"{kind} results cannot be given in the type asked for"
        )
    sink = _CappedBuffer(job.max_bytes)
    try:
        if is_graph:
            write_graph(result, sink, name)  # with polgraph's prefixes where the format has them
        else:
            # pyoxigraph only calls the sink's write()
            result.serialize(cast(IO[bytes], sink), getattr(ox.QueryResultsFormat, name))
    except Exception as exc:  # noqa: BLE001 - pyoxigraph wraps the sink's error in its own
        if sink.overflowed:
            return Refusal(
                400,
                "result too large",
                f"the result exceeds {job.max_bytes} bytes; narrow the query or add a LIMIT",
            )
        return Refusal(500, "query failed", str(exc))
    return Answer(name, b"".join(sink.parts))


def _dataset(job: QueryJob) -> dict[str, Any]:
    """The job's graphs as pyoxigraph's options: without any, the union of all graphs."""
    options: dict[str, Any] = {}
    if job.default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    return options


def open_read_only(snapshot: str) -> ox.Store | RemoteStore:
    """A snapshot folder opened: a copy of the embedded store, or the SPARQL store it names
    (its account from this process's environment, as the server's own)."""
    remote = open_snapshot(Path(snapshot), Settings.from_env())
    return remote if remote is not None else ox.Store.read_only(snapshot)


def tables_folder_of(snapshot: str) -> Path:
    """Where the workers keep the API's tables read from ``snapshot``: beside it, gone with it."""
    return Path(f"{snapshot}.tables")


def serve(inbox: Connection, outbox: Connection) -> None:
    """The worker's loop: READY out, then (snapshot folder, job) in, Answer or Refusal out, until
    the pipe ends. A job is a QueryJob or an ApiJob."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    outbox.send(READY)
    opened: tuple[str, ox.Store | RemoteStore] | None = None
    read_by_api: Snapshot | None = None  # the opened snapshot with the API's tables of it
    while True:
        try:
            snapshot, job = inbox.recv()
        except (EOFError, OSError):
            return
        try:
            if opened is None or opened[0] != snapshot:
                opened = read_by_api = None  # close the old snapshot before opening the new one
                opened = (snapshot, open_read_only(snapshot))
            if isinstance(job, QueryJob):
                reply: Answer | Refusal = answer(opened[1], job)
            else:
                read_by_api = read_by_api or Snapshot(opened[1], tables_folder_of(snapshot))
                reply = answer_job(read_by_api, job)
        except Exception as exc:  # noqa: BLE001 - the server must hear of every failure
            reply = Refusal(500, "query failed", f"{type(exc).__name__}: {exc}")
        outbox.send(reply)


if __name__ == "__main__":
    # Started by the engine as `python -m polgraph.server.worker IN OUT MEMORY_MB` with two pipe
    # ends. The replies pickle as polgraph.server.messages' classes, which this module imports
    # rather than defines: run as __main__, it has no copies of its own to send.
    # The engine's memory limit for this worker: past it allocations fail and the worker ends; the
    # engine answers its request and starts another.
    if len(sys.argv) > 3 and int(sys.argv[3]) > 0:
        import resource

        limit = int(sys.argv[3]) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    serve(
        Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False)
    )
