"""Runs the public's SPARQL queries in a pool of worker processes, each over a snapshot.

Why processes: a query cannot be stopped inside Oxigraph, and the endpoint promises a time limit
that ends a runaway query while the server goes on answering others. A worker whose query
passes the limit is killed and replaced; the others keep serving.

Why a dispatcher: a worker's answer is read, and the next waiting job sent to that worker, in
the same callback of the event loop, before the finished request's response is written. When
the waiting request sent its job itself, each worker stood idle for the length of a response:
7% of a 2-core machine under load. Jobs go to workers first come, first served.

Why snapshots: the store belongs to the server process (which writes to it), so workers read
checkpoints of it. A checkpoint is hard links to the store's files and takes milliseconds; a
new one is taken before the first query after each write, so queries always see what has been
written.

Why a reserve: a query cannot be told short or long before it runs, so each is short until it
has run ``long_after`` seconds. At most ``size - reserved`` long ones run at once; one that turns
long past that share is stopped (503, try later), so the reserved workers are always there for
short work and one client's runaway queries cannot take every worker for the whole time limit.
A long query's worker is also reniced and kept off the first core, so that short answers get
the cores first. A job seen
to run long is remembered for a while: sent again, it runs as long from its start, and is
refused at once while the long share is full, rather than taking a reserved worker to find out
again (a client that repeats a runaway query would otherwise keep the reserve busy).

Why spares: a worker takes seconds of Python to start, and a killed one (past the time limit,
its memory, or the long share) would leave the pool a worker short meanwhile. ``spares`` more
are started and kept ready; one takes a killed worker's place at once, and another is started
to be the next spare. Each new worker (but the first) is given the ``warm_up`` job before it
serves, off the short ones' core: the API's whole-store tables take seconds to read.

Stopping: ``stop()`` kills every worker at once and ends the jobs waiting or running with
ServerStopping, so the server never waits on a query to stop.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import OrderedDict, deque
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from polgraph.server.messages import READY, Answer, Job, QueryJob, Refusal
from polgraph.store import OxigraphStore, RemoteStore

log = logging.getLogger(__name__)


# A long job's worker yields the cores to short ones (and to the server) but still runs: this
# much nicer than the server (niceness ends at 19).
LONG_JOB_NICENESS = 10
MOST_NICENESS = 19
# Jobs seen to run long, remembered (by their content) this long, this many at most.
KNOWN_LONG_SECONDS = 600.0
KNOWN_LONG_JOBS = 1024


class QueryTimeout(Exception):
    pass


class ServerStopping(Exception):
    """The engine stopped (the server is shutting down) before the job was answered."""


class _Worker:
    """A ``python -m polgraph.server.worker`` process and the two pipes to it. A plain process,
    not multiprocessing's: it must not re-import the program that started the server. It leads a
    process group of its own, so that killing it kills what it started too (an analysis's
    Louvain processes)."""

    def __init__(self, memory_mb: int = 0) -> None:
        self.started = time.monotonic()
        from_parent, to_child = os.pipe()
        from_child, to_parent = os.pipe()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "polgraph.server.worker",
                str(from_parent),
                str(to_parent),
                str(memory_mb),
            ],
            pass_fds=(from_parent, to_parent),
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        os.close(from_parent)
        os.close(to_parent)
        self.outbox = Connection(to_child, readable=False)
        self.inbox = Connection(from_child, writable=False)

    def send(self, snapshot: str, job: Job) -> None:
        self.outbox.send((snapshot, job))  # a job is small: the pipe takes it at once

    def receive(self) -> Answer | Refusal:
        """The answer, once the pipe is readable. The event loop makes the pipe non-blocking, and
        an answer larger than the pipe holds is still being written: read the rest as it comes.
        The worker has the whole answer in memory before it writes, so this waits for a copy,
        never for a query."""
        os.set_blocking(self.inbox.fileno(), True)
        return self.inbox.recv()

    def kill(self) -> None:
        with suppress(ProcessLookupError):  # not yet waited for, so the group is still its own
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(5)
        self.outbox.close()
        self.inbox.close()


@dataclass(eq=False)
class _Turn:
    """A job and the request waiting for its answer; ``worker`` once it is sent to one."""

    job: Job
    answer: asyncio.Future
    worker: _Worker | None = None
    deadline: asyncio.TimerHandle | None = None
    turning_long: asyncio.TimerHandle | None = None
    key: bytes = b""  # the job's content, hashed: how a job seen to run long is known again
    known_long: bool = False
    sent_at: float = 0.0

    def cancel_timers(self) -> None:
        for timer in (self.deadline, self.turning_long):
            if timer is not None:
                timer.cancel()


class ServerBusy(Exception):
    """Too many requests wait for a worker, or one waited too long: answered 503, try later."""


class QueryEngine:
    """``await engine.run(job)`` answers a job within ``timeout`` seconds of a worker starting
    it, or raises QueryTimeout."""

    def __init__(
        self,
        store: OxigraphStore | RemoteStore,
        *,
        workers: int,
        timeout: float,
        snapshot_root: Path | None = None,
        memory_mb: int = 0,
        max_waiting: int = 0,
        max_wait: float = 0.0,
        reserved: int = 0,
        long_after: float = 1.0,
        spares: int = 0,
        warm_up: Job | None = None,
        refresh_after: float = 0.0,
    ) -> None:
        self.store = store
        # Seconds after which a snapshot is taken again though this server wrote nothing (0:
        # never): a SPARQL store has other writers, and the tables read from it must follow.
        self.refresh_after = refresh_after
        self.size = workers
        self.timeout = timeout
        self.memory_mb = memory_mb  # each worker's heap limit (0: none)
        self.max_waiting = max_waiting  # requests waiting for a worker at most (0: no bound)
        self.max_wait = max_wait  # seconds one may wait for a worker (0: no deadline)
        # Workers kept for short jobs (none when there is only one) and when a job turns long.
        self.reserved = min(max(reserved, 0), workers - 1)
        self.long_after = long_after
        self.spares = spares
        self.warm_up = warm_up  # the job a spare is given before it serves, if any
        self.root = snapshot_root or self._snapshot_folder(store)
        self._lock = threading.Lock()
        self._generation = 0
        self._snapshot: str | None = None
        self._snapshot_epoch = 0
        self._changed = True
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped = False
        self._workers: set[_Worker] = set()
        self._starting: set[_Worker] = set()  # started, not yet READY
        self._ready: asyncio.Future | None = None  # done when the first workers are READY
        self._idle: deque[_Worker] = deque()
        self._spare: deque[_Worker] = deque()  # ready, kept to take a killed worker's place
        self._warming: dict[_Worker, _Turn] = {}  # spares-to-be at their warm-up job
        self._waiting: deque[_Turn] = deque()
        self._busy: dict[_Worker, _Turn] = {}
        self._refreshing: asyncio.Future | None = None  # a snapshot being taken for the waiting
        self._reading: dict[_Worker, str] = {}  # the snapshot each busy worker is reading
        self._long: set[_Worker] = set()  # busy with a job past ``long_after``, reniced
        # job key → when it last ran long
        self._known_long: OrderedDict[bytes, float] = OrderedDict()

    @staticmethod
    def _snapshot_folder(store: OxigraphStore | RemoteStore) -> Path:
        """Beside the store (checkpoints are hard links: same file system), named after it. The
        store's lock makes this server its only user, so what a crashed run left is cleared."""
        path = getattr(store, "path", None)
        if path is None:
            return Path(tempfile.mkdtemp(prefix="polgraph-snapshots-"))
        folder = path.parent / f".{path.name}.snapshots"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    @property
    def _running_loop(self) -> asyncio.AbstractEventLoop:
        """The event loop the engine was started on."""
        assert self._loop is not None, "QueryEngine.start() was not awaited"
        return self._loop

    # -- life --------------------------------------------------------------------------------
    async def start(self) -> None:
        """Start the workers; back once they are ready, so that no job waits on their start."""
        self._loop = asyncio.get_running_loop()
        self._stopped = False
        self.root.mkdir(parents=True, exist_ok=True)  # stop() took it away
        self._ready = self._loop.create_future()
        started = await asyncio.gather(
            *(asyncio.to_thread(self._spawn) for _ in range(self.size + self.spares))
        )
        await asyncio.to_thread(self.current_snapshot)
        for worker in started:
            self._enlist(worker)
        await self._ready

    def _spawn(self) -> _Worker:
        worker = _Worker(self.memory_mb)
        self._workers.add(worker)
        return worker

    def _enlist(self, worker: _Worker) -> None:
        """A new worker is heard from (on the event loop); it serves once it says READY."""
        assert self._loop is not None
        if self._stopped:
            self._workers.discard(worker)
            worker.kill()
            return
        self._starting.add(worker)
        self._loop.add_reader(worker.inbox.fileno(), self._answered, worker)

    def stop(self) -> None:
        """Kill the workers and end every job at once, waiting or running, with ServerStopping.
        Called when the server is told to stop and again at its end: the second call does
        nothing."""
        if self._stopped:
            return
        self._stopped = True
        for turn in [*self._waiting, *self._busy.values()]:
            turn.cancel_timers()
            _settle(turn, ServerStopping())
        self._waiting.clear()
        self._busy.clear()
        self._idle.clear()
        self._spare.clear()
        self._warming.clear()
        self._long.clear()
        self._starting.clear()
        if self._ready is not None and not self._ready.done():
            self._ready.set_result(None)
        for worker in list(self._workers):
            self._stop_reading(worker)
            worker.kill()
        self._workers.clear()
        with self._lock:  # not while a snapshot is being taken into it
            shutil.rmtree(self.root, ignore_errors=True)

    # -- snapshots ---------------------------------------------------------------------------
    def mark_changed(self) -> None:
        """Call after every write: the next query reads a fresh snapshot."""
        with self._lock:
            self._changed = True

    def epoch(self) -> int:
        """How many ``refresh_after`` periods have passed (0 without one): a new one outdates
        the snapshot and the answers kept, as a write does."""
        return int(time.monotonic() // self.refresh_after) if self.refresh_after > 0 else 0

    def current_snapshot(self, reader: _Worker | None = None) -> str:
        """The newest snapshot, taken now if the store changed since the last (or its period
        ended); ``reader`` is recorded as reading it in the same step, so no later write can
        remove it meanwhile."""
        with self._lock:
            if self._stopped:
                raise ServerStopping()
            epoch = self.epoch()
            if self._changed or self._snapshot is None or epoch != self._snapshot_epoch:
                self._snapshot_epoch = epoch
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
            # its tables go with it
            snapshot = str(path.with_name(path.name.removesuffix(".tables")))
            if snapshot != self._snapshot and snapshot not in in_use:
                shutil.rmtree(path, ignore_errors=True)

    # -- queries -----------------------------------------------------------------------------
    @property
    def waiting(self) -> int:
        """Jobs not yet sent to a worker."""
        return len(self._waiting)

    async def run(self, job: Job) -> Answer | Refusal:
        """The answer to ``job`` (a QueryJob or an ApiJob), after the jobs sent before it."""
        assert self._loop is not None, "QueryEngine.start() was not awaited"
        if self._stopped:
            raise ServerStopping()
        if self.max_waiting and len(self._waiting) >= self.max_waiting:
            raise ServerBusy(f"{len(self._waiting)} requests are waiting for a query worker")
        turn = _Turn(job, self._loop.create_future())
        if self.reserved and _may_run_long(job):
            turn.key = hashlib.blake2b(pickle.dumps(job), digest_size=16).digest()
            turn.known_long = self._is_known_long(turn.key)
            if turn.known_long and self._long_share_full():
                raise self._long_share_busy()
        self._waiting.append(turn)
        if self.max_wait:
            turn.deadline = self._loop.call_later(self.max_wait, self._waited_too_long, turn)
        self._dispatch()
        try:
            return await turn.answer
        except asyncio.CancelledError:  # the client went away
            self._withdraw(turn)
            raise

    def _dispatch(self) -> None:
        """Send the waiting jobs to the idle workers, in the order they came."""
        while self._waiting and self._idle and not self._stopped:
            if self._changed:  # a checkpoint takes milliseconds: not on the event loop
                if self._refreshing is None:
                    self._refreshing = asyncio.ensure_future(
                        asyncio.to_thread(self.current_snapshot)
                    )
                    self._refreshing.add_done_callback(self._refreshed)
                return
            turn = self._waiting.popleft()
            if turn.deadline is not None:  # the wait is over: its deadline gives way to the run's
                turn.deadline.cancel()
            # Seen to run long since it came, perhaps: another request with the same job ran.
            turn.known_long = turn.known_long or (bool(turn.key) and self._is_known_long(turn.key))
            if turn.known_long and self._long_share_full():
                _settle(turn, self._long_share_busy())
                continue
            worker = self._worker_for(turn)
            try:
                worker.send(self.current_snapshot(worker), turn.job)
            except OSError as exc:
                self._retire(worker)
                _settle(turn, _stopped(exc))
                continue
            turn.worker = worker
            turn.deadline = self._running_loop.call_later(
                getattr(turn.job, "timeout", None) or self.timeout, self._expired, worker
            )
            turn.sent_at = time.monotonic()
            self._busy[worker] = turn
            if turn.known_long:
                self._run_as_long(worker)
            elif turn.key:
                turn.turning_long = self._running_loop.call_later(
                    self.long_after, self._turned_long, worker
                )

    def _worker_for(self, turn: _Turn) -> _Worker:
        """The idle worker to send ``turn`` to: a job known to run long gets the newest, short
        ones the oldest, whose snapshot and the tables read from it are most likely warm."""
        choose = max if turn.known_long else min
        worker = choose(self._idle, key=lambda idle: idle.started)
        self._idle.remove(worker)
        return worker

    def _waited_too_long(self, turn: _Turn) -> None:
        if turn in self._waiting:
            self._waiting.remove(turn)
            if not turn.answer.done():
                turn.answer.set_exception(
                    ServerBusy(f"no query worker was free within {self.max_wait:g} s")
                )

    def _refreshed(self, refreshing: asyncio.Future) -> None:
        self._refreshing = None
        if refreshing.cancelled():
            return
        if (failure := refreshing.exception()) is not None:
            while self._waiting:  # each request hears why; the next ones try again
                _settle(self._waiting.popleft(), failure)
            return
        self._dispatch()

    def _answered(self, worker: _Worker) -> None:
        """The worker's pipe is readable: its answer (READY from a new worker), or its end. The
        worker's next job is sent before the answer's request goes on."""
        turn = self._busy.pop(worker, None)
        if turn is not None:
            turn.cancel_timers()
        warmed = worker in self._warming
        try:
            reply = worker.receive()
        except (EOFError, OSError) as exc:
            starting = worker in self._starting
            if starting and self._ready is not None and not self._ready.done():  # cannot start
                self._ready.set_exception(
                    RuntimeError("a query worker ended before it was ready (its error is above)")
                )
            self._retire(worker)
            if turn is not None:
                _settle(turn, _stopped(exc))
            return
        with self._lock:
            self._reading.pop(worker, None)
        if warmed:
            del self._warming[worker]
            self._take_on(worker)
            return
        if turn is None and reply == READY and worker in self._starting:
            self._starting.discard(worker)
            # Every worker but the first to serve reads the tables before it serves: a cold one
            # would keep short requests waiting seconds for them.
            if self.serving and self.warm_up is not None and not self._changed:
                self._warm(worker, self.warm_up)
            else:
                self._take_on(worker)
            if not self._starting and self._ready is not None and not self._ready.done():
                self._ready.set_result(None)
            self._dispatch()
            return
        if turn is None:  # nobody asked: not a worker to trust with the next job
            log.warning("query worker %s answered unasked; replacing it", worker.process.pid)
            self._retire(worker)
            return
        _settle(turn, reply)
        if turn.known_long and time.monotonic() - turn.sent_at < self.long_after:
            # short now (the store changed): tried as short again
            self._known_long.pop(turn.key, None)
        if worker in self._long and not self._back_to_normal(worker):
            self._retire(worker)  # it cannot serve short work at a lower priority: a fresh one will
            return
        self._idle.append(worker)
        self._dispatch()

    def _expired(self, worker: _Worker) -> None:
        turn = self._busy.pop(worker)
        self._remember_long(turn)
        turn.cancel_timers()
        self._retire(worker)
        _settle(turn, QueryTimeout())

    def _take_on(self, worker: _Worker) -> None:
        """A ready worker serves if the pool is short of one, or else waits as a spare; at the
        usual priority, where the system allows (else at the lower one it started with)."""
        self._raise(worker)
        if self.serving >= self.size:
            self._spare.append(worker)
        else:
            self._idle.append(worker)
            self._dispatch()

    def _warm(self, worker: _Worker, job: Job) -> None:
        try:
            worker.send(self.current_snapshot(worker), job)
        except OSError:
            self._retire(worker)
            return
        self._warming[worker] = _Turn(job, self._running_loop.create_future())
        self._lower(worker)  # as a long job: it must not slow the short ones

    @property
    def serving(self) -> int:
        """Workers taking jobs (idle or busy), spares not counted."""
        return len(self._idle) + len(self._busy)

    @property
    def long_running(self) -> int:
        """Jobs running past ``long_after``."""
        return len(self._long)

    def _turned_long(self, worker: _Worker) -> None:
        """A job has run ``long_after`` seconds: it may go on if the long share has room, at a
        lower priority; otherwise it is stopped, so the reserved workers stay free."""
        turn = self._busy.get(worker)
        if turn is None:
            return
        turn.turning_long = None
        self._remember_long(turn)
        if self._long_share_full():
            del self._busy[worker]
            turn.cancel_timers()
            self._retire(worker)
            _settle(turn, self._long_share_busy())
            return
        self._run_as_long(worker)

    def _run_as_long(self, worker: _Worker) -> None:
        self._long.add(worker)
        self._lower(worker)

    @staticmethod
    def _lower(worker: _Worker) -> None:
        """A lower priority, and off the first core."""
        with suppress(OSError):  # the worker may have just ended: its answer tells
            ours = os.getpriority(os.PRIO_PROCESS, 0)
            os.setpriority(
                os.PRIO_PGRP, worker.process.pid, min(ours + LONG_JOB_NICENESS, MOST_NICENESS)
            )
        _confine(worker.process.pid, _cores_for_long_jobs())

    @staticmethod
    def _raise(worker: _Worker) -> bool:
        """Back to the priority and cores it started with, where the system allows (lowering
        niceness needs privilege)."""
        _confine(worker.process.pid, _our_cores())
        try:
            os.setpriority(os.PRIO_PGRP, worker.process.pid, os.getpriority(os.PRIO_PROCESS, 0))
        except OSError:
            return False
        return True

    def _long_share_full(self) -> bool:
        # Counted on the workers serving now: while a stopped one's successor starts, the long
        # share is one less, never the reserve.
        return len(self._long) >= self.serving - self.reserved

    def _long_share_busy(self) -> ServerBusy:
        return ServerBusy(
            f"{len(self._long)} queries longer than {self.long_after:g} s already run, the most "
            f"at once (the other workers are kept for short ones)"
        )

    def _remember_long(self, turn: _Turn) -> None:
        if not turn.key:
            return
        self._known_long[turn.key] = time.monotonic()
        self._known_long.move_to_end(turn.key)
        while len(self._known_long) > KNOWN_LONG_JOBS:
            self._known_long.popitem(last=False)

    def _is_known_long(self, key: bytes) -> bool:
        seen = self._known_long.get(key)
        if seen is None:
            return False
        if time.monotonic() - seen > KNOWN_LONG_SECONDS:
            del self._known_long[key]
            return False
        return True

    def _back_to_normal(self, worker: _Worker) -> bool:
        """Its long job is over: back to the priority it started with, where the system allows
        (lowering niceness needs privilege)."""
        self._long.discard(worker)
        return self._raise(worker)

    def _withdraw(self, turn: _Turn) -> None:
        """Its request is gone: drop the job if it waits, stop it if it runs."""
        if turn.worker is None:
            with suppress(ValueError):
                self._waiting.remove(turn)
            if turn.deadline is not None:
                turn.deadline.cancel()
        elif self._busy.get(turn.worker) is turn:
            del self._busy[turn.worker]
            turn.cancel_timers()
            self._retire(turn.worker)

    def _stop_reading(self, worker: _Worker) -> None:
        if self._loop is not None and not worker.inbox.closed:
            self._loop.remove_reader(worker.inbox.fileno())

    def _retire(self, worker: _Worker) -> None:
        """Kill a worker and start another in the background; the rest go on serving."""
        self._stop_reading(worker)
        was_serving = (
            worker not in self._starting
            and worker not in self._spare
            and worker not in self._warming
        )
        self._warming.pop(worker, None)
        self._workers.discard(worker)
        self._starting.discard(worker)
        self._long.discard(worker)
        with suppress(ValueError):
            self._idle.remove(worker)
        with suppress(ValueError):
            self._spare.remove(worker)
        if was_serving and self._spare and not self._stopped:  # a spare serves in its place now
            self._idle.append(self._spare.popleft())
            self._running_loop.call_soon(self._dispatch)
        with self._lock:
            self._reading.pop(worker, None)
        loop = self._running_loop

        def renew() -> None:
            worker.kill()
            if self._stopped:
                return
            fresh = self._spawn()
            self._lower(fresh)  # its start (seconds of imports) must not slow the others' answers
            try:
                loop.call_soon_threadsafe(self._enlist, fresh)
            except RuntimeError:  # the server stopped meanwhile: the fresh worker ends with it
                fresh.kill()

        threading.Thread(target=renew, name="polgraph-worker-renewal", daemon=True).start()


def _our_cores() -> set[int]:
    return os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()


def _cores_for_long_jobs() -> set[int]:
    """Every core the server may use but the first: a lower priority alone still lets long jobs
    slow short ones threefold on 2 cores (their memory traffic), so one core is kept clear."""
    cores = sorted(_our_cores())
    return set(cores[1:]) if len(cores) > 1 else set(cores)


def _confine(pid: int, cores: set[int]) -> None:
    """Run every thread of process ``pid`` on ``cores`` only (Linux; elsewhere nothing)."""
    if not cores or not hasattr(os, "sched_setaffinity"):
        return
    try:
        threads = [int(name) for name in os.listdir(f"/proc/{pid}/task")]
    except OSError:
        threads = [pid]
    for thread in threads:
        with suppress(OSError):  # a thread may have ended meanwhile
            os.sched_setaffinity(thread, cores)


def _may_run_long(job: Job) -> bool:
    """Queries written by users, and analyses (jobs with their own time limit), may run long and
    are held to the long share; the API's other answers are the server's own, bounded work."""
    return isinstance(job, QueryJob) or getattr(job, "timeout", None) is not None


def _stopped(exc: Exception) -> Refusal:
    # A worker ends mid-job when the job outgrew its memory (POLGRAPH_WORKER_MEMORY_MB) or crashed;
    # another takes its place.
    return Refusal(
        500,
        "query failed",
        f"the query worker stopped ({exc or 'it ended'}): the query may "
        "need more memory than a worker has; another worker serves on",
    )


def _settle(turn: _Turn, outcome: Answer | Refusal | BaseException) -> None:
    """Give the waiting request its answer, or raise ``outcome`` in it if that is an exception."""
    if turn.answer.done():
        return
    if isinstance(outcome, BaseException):
        turn.answer.set_exception(outcome)
    else:
        turn.answer.set_result(outcome)
