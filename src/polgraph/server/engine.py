"""Runs the public's SPARQL queries in a pool of worker processes, each over a snapshot.

Why processes: a query cannot be stopped inside Oxigraph, and the endpoint promises a time limit
that ends a runaway query while the server goes on answering others. A worker whose query
passes the limit is killed and replaced; the others keep serving.

Why snapshots: the store belongs to the server process (which writes to it), so workers read
checkpoints of it. A checkpoint is hard links to the store's files and takes milliseconds; a
new one is taken before the first query after each write, so queries always see what has been
written.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from polgraph.server.idle_workers import IdleWorkers
from polgraph.server.worker import Answer, QueryJob, Refusal

log = logging.getLogger(__name__)


class QueryTimeout(Exception):
    pass


class _Worker:
    """A ``python -m polgraph.server.worker`` process and the two pipes to it. A plain process,
    not multiprocessing's: it must not re-import the program that started the server."""

    def __init__(self) -> None:
        from_parent, to_child = os.pipe()
        from_child, to_parent = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "polgraph.server.worker", str(from_parent), str(to_parent)],
            pass_fds=(from_parent, to_parent), stdin=subprocess.DEVNULL,
        )
        os.close(from_parent)
        os.close(to_parent)
        self.outbox = Connection(to_child, readable=False)
        self.inbox = Connection(from_child, writable=False)

    async def call(self, snapshot: str, job: QueryJob, timeout: float) -> Answer | Refusal:
        """Send the job and wait for the reply on the event loop itself (no thread hop: the
        wait is most of a small query's time)."""
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        fd = self.inbox.fileno()
        loop.add_reader(fd, lambda: readable.done() or readable.set_result(None))
        try:
            self.outbox.send((snapshot, job))  # a job is small: the pipe takes it at once
            await asyncio.wait_for(readable, timeout)
        except TimeoutError:
            raise QueryTimeout() from None
        finally:
            loop.remove_reader(fd)
        # The event loop may have made the pipe non-blocking, and an answer larger than the pipe
        # holds is still being written: read the rest as it comes. The worker has the whole
        # answer in memory before it writes, so this waits for a copy, never for a query.
        os.set_blocking(fd, True)
        return self.inbox.recv()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.outbox.close()
        self.inbox.close()


class QueryEngine:
    """``await engine.run(job)`` answers a job within ``timeout`` seconds or raises QueryTimeout."""

    def __init__(self, store, *, workers: int, timeout: float,
                 snapshot_root: Path | None = None) -> None:
        self.store = store
        self.size = workers
        self.timeout = timeout
        self.root = snapshot_root or self._snapshot_folder(store)
        self._lock = threading.Lock()
        self._generation = 0
        self._snapshot: str | None = None
        self._changed = True
        self._idle: IdleWorkers[_Worker] | None = None
        self._workers: set[_Worker] = set()
        self._reading: dict[_Worker, str] = {}  # the snapshot each busy worker is reading

    @staticmethod
    def _snapshot_folder(store) -> Path:
        """Beside the store (checkpoints are hard links: same file system), named after it. The
        store's lock makes this server its only user, so what a crashed run left is cleared."""
        path = getattr(store, "path", None)
        if path is None:
            return Path(tempfile.mkdtemp(prefix="polgraph-snapshots-"))
        folder = path.parent / f".{path.name}.snapshots"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    # -- life --------------------------------------------------------------------------------
    async def start(self) -> None:
        self._idle = IdleWorkers()
        started = await asyncio.gather(*(asyncio.to_thread(self._spawn) for _ in range(self.size)))
        for worker in started:
            self._idle.give(worker)
        await asyncio.to_thread(self.current_snapshot)

    def _spawn(self) -> _Worker:
        worker = _Worker()
        self._workers.add(worker)
        return worker

    def stop(self) -> None:
        for worker in list(self._workers):
            worker.kill()
        self._workers.clear()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- snapshots ---------------------------------------------------------------------------
    def mark_changed(self) -> None:
        """Call after every write: the next query reads a fresh snapshot."""
        with self._lock:
            self._changed = True

    def current_snapshot(self, reader: _Worker | None = None) -> str:
        """The newest snapshot, taken now if the store changed since the last; ``reader`` is
        recorded as reading it in the same step, so no later write can remove it meanwhile."""
        with self._lock:
            if self._changed or self._snapshot is None:
                self._generation += 1
                path = self.root / f"snapshot-{self._generation}"
                self.store.snapshot(path)
                self._snapshot, self._changed = str(path), False
                self._forget_old_snapshots()
            if reader is not None:
                self._reading[reader] = self._snapshot
            return self._snapshot

    def _forget_old_snapshots(self) -> None:
        # A worker reopens the newest snapshot on its next job; one still reading an older one
        # keeps it until a later write finds it unused.
        in_use = set(self._reading.values())
        for path in self.root.glob("snapshot-*"):
            if str(path) != self._snapshot and str(path) not in in_use:
                shutil.rmtree(path, ignore_errors=True)

    # -- queries -----------------------------------------------------------------------------
    async def run(self, job: QueryJob) -> Answer | Refusal:
        assert self._idle is not None, "QueryEngine.start() was not awaited"
        worker = await self._idle.take()
        try:
            if self._changed:  # a checkpoint takes milliseconds: not on the event loop
                snapshot = await asyncio.to_thread(self.current_snapshot, worker)
            else:
                snapshot = self.current_snapshot(worker)
        except BaseException:
            self._idle.give(worker)
            raise
        try:
            reply = await worker.call(snapshot, job, self.timeout)
        except QueryTimeout:
            self._replace(worker)
            raise
        except (EOFError, OSError) as exc:
            self._replace(worker)
            return Refusal(500, "query failed", f"the query worker stopped: {exc}")
        except asyncio.CancelledError:  # the client went away mid-query: the worker is still busy
            self._replace(worker)
            raise
        finally:
            with self._lock:
                self._reading.pop(worker, None)
        self._idle.give(worker)
        return reply

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another in the background; the rest go on serving."""
        self._workers.discard(worker)
        loop = asyncio.get_running_loop()
        idle = self._idle

        def renew() -> None:
            worker.kill()
            fresh = self._spawn()
            loop.call_soon_threadsafe(idle.give, fresh)

        threading.Thread(target=renew, name="polgraph-worker-renewal", daemon=True).start()
