"""Ingest on a Dask cluster: the reports read, mapped and validated by the workers, stored by
this process. (Into a SPARQL service the workers write them too: ``cluster_writing``; which of
the two runs is ``cluster_ingest``'s choice.)

What runs where:

- Each worker takes a part of the report files (``prepare_part``): it reads them, maps each to
  its graph, validates the part's graphs together against the shapes and sends back each graph,
  packed (``polgraph.pipeline.packing``), with its verdict. The workers read the files by path,
  so they must see the same paths as this process: one machine, a shared file system, or the
  same copy of the files. A worker process loads the reader, the vocabularies and the shapes
  once, when it joins (``Preload``), not per task.
- This process (the client) takes the results in the order of the files, in the batches a plain
  ingest makes, and stores them through the same code (``Pipeline.settle_all``), then resolves
  persons and tenures as a plain ingest does. (``polgraph.pipeline.cluster_identity`` can send
  that resolution's per-name and per-post work to the workers, as ``identity rebuild`` does;
  measured on a district's archive, its round trips cost more than the work they spread.)

The workers validate without the store, and a plain ingest validates a report with the one hop
of context the store holds for the nodes the report points at without describing them. A
report's graph describes every node it points at, so that context is empty and the verdicts are
the same; the workers name any such node they find, and when the store describes one, the client
validates that batch itself, with the context, as a plain ingest does. Which reports are
validated together does not matter (``ReportValidator.validate_many``: each is judged on its own
nodes), so a worker's part need not be one of the client's batches.

A bad report (unreadable, one the reader fails on, rejected by the shapes, or one whose task
fails, even by killing its worker) is one rejected outcome; a part whose task fails as a whole is
tried again report by report, so the others are kept. A re-run after a crash finds the reports
already stored unchanged (the store compares each graph with the one it holds) and resolves what
the crash left pending.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from distributed import WorkerPlugin
from rdflib import URIRef

from polgraph.errors import ShapeMessage
from polgraph.pipeline.cluster_client import ClusterError
from polgraph.pipeline.ingest import Outcome, Prepared
from polgraph.pipeline.ingest import prepare_report as _prepare_report
from polgraph.pipeline.memory import release_freed_memory
from polgraph.pipeline.packing import PackedReport, Unpacker, pack_report, unpack_report
from polgraph.rdf.mapping import ReportGraph
from polgraph.rdf.validate import ReportValidator, ValidationReport, external_references
from polgraph.vocab import Vocabulary
from polgraph.vocab import vocabulary as default_vocabulary

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = [
    "Preload",
    "checked_part",
    "collected_in_this_thread",
    "parts_on_cluster",
    "prepare_part",
    "prepared_on_cluster",
    "worker_tools",
]

T = TypeVar("T")


# -- on the workers ----------------------------------------------------------------------------
@cache
def worker_tools() -> tuple[Vocabulary, ReportValidator]:
    """The vocabularies and the validator a worker process uses; the reader and the official
    units are loaded too (their modules keep them). Loaded once per process."""
    from polgraph.extract.reader import default_reader
    from polgraph.places.gazetteer import LEGACY, admin_units

    vocabulary = default_vocabulary()
    default_reader()
    admin_units().get(LEGACY, "province", "42")  # the official units load on first use
    return vocabulary, ReportValidator(vocabulary)


class Preload(WorkerPlugin):
    """Loads ``worker_tools`` when a worker joins, so that no task waits for it."""

    name = "polgraph-preload"

    def setup(self, worker: Any) -> None:
        worker_tools()
        gc.freeze()  # what was just loaded lives as long as the process: never rescanned


@dataclass(frozen=True)
class Shipped:
    """What a worker sends back for one report: ``Prepared`` with the graph packed."""

    source: str
    graph: PackedReport | None
    note: ShapeMessage | None
    rejected: Outcome | None
    checked: ValidationReport | None
    references: frozenset[URIRef]


def _rejected(source: str, reason: str) -> Prepared:
    return Prepared(source, rejected=Outcome(source, "rejected", error=reason))


def _failure(exc: BaseException) -> str:
    return f"it could not be processed ({type(exc).__name__}: {exc})"


def _prepared_here(
    path: str, source: str, vocabulary: Vocabulary, published: dt.date | None
) -> Prepared:
    try:
        return _prepare_report(Path(path), vocabulary, published, source)
    except Exception as exc:  # noqa: BLE001 - whatever fails on one report is its rejection
        return _rejected(source, _failure(exc))


def _validated(
    validator: ReportValidator, graphs: list[ReportGraph]
) -> list[ValidationReport | str]:
    """Each graph's verdict without context (validated together), or why there is none."""
    try:
        return list(validator.validate_many([(graph.triples, ()) for graph in graphs]))
    except Exception:  # noqa: BLE001 - find the report it fails on; the others are kept
        verdicts: list[ValidationReport | str] = []
        for graph in graphs:
            try:
                verdicts.append(validator.validate(graph.triples))
            except Exception as exc:  # noqa: BLE001 - as above
                verdicts.append(_failure(exc))
        return verdicts


def checked_part(
    files: list[tuple[str, str]],
    published: dt.date | None,
    vocabulary: Vocabulary,
    validator: ReportValidator,
) -> list[Prepared]:
    """``files`` read, mapped and validated without context from a store (together), each with
    its verdict and the IRIs it would need context for; or why it is rejected."""
    prepared = [_prepared_here(path, source, vocabulary, published) for path, source in files]
    verdicts = iter(_validated(validator, [p.graph for p in prepared if p.graph is not None]))
    return [_checked(item, next(verdicts)) if item.graph is not None else item for item in prepared]


def _checked(item: Prepared, verdict: ValidationReport | str) -> Prepared:
    if isinstance(verdict, str):
        return _rejected(item.source, verdict)
    assert item.graph is not None
    references = frozenset(external_references(item.graph.triples))
    return Prepared(item.source, item.graph, item.note, None, verdict, references)


def _shipped(item: Prepared) -> Shipped:
    if item.graph is None:
        return Shipped(item.source, None, None, item.rejected, None, frozenset())
    return Shipped(
        item.source, pack_report(item.graph), item.note, None, item.checked, item.references
    )


_collector = threading.Lock()
_collecting_tasks = [0, True]  # tasks running with the collector held off; was it enabled


@contextmanager
def collected_in_this_thread() -> Iterator[None]:
    """Hold the cyclic garbage collector off while the task runs, and collect what it left in
    the task's own thread. Validation leaves reference cycles holding pyoxigraph iterators,
    which only the thread that made them may drop: a collection that the worker's other thread
    starts would leak them, with an error on the worker's output."""
    with _collector:
        if _collecting_tasks[0] == 0:
            _collecting_tasks[1] = gc.isenabled()
            gc.disable()
        _collecting_tasks[0] += 1
    try:
        yield
    finally:
        gc.collect(0)  # the youngest generation: nothing was promoted while collection was off
        with _collector:
            _collecting_tasks[0] -= 1
            if _collecting_tasks[0] == 0 and _collecting_tasks[1]:
                gc.enable()


def prepare_part(files: list[tuple[str, str]], published: dt.date | None) -> list[Shipped]:
    """A worker's task: read, map and validate ``files`` (each a path to read and the name
    outcomes give it), in their order."""
    vocabulary, validator = worker_tools()
    with collected_in_this_thread():
        shipped = [_shipped(item) for item in checked_part(files, published, vocabulary, validator)]
    release_freed_memory()
    return shipped


# -- on the client -----------------------------------------------------------------------------
def _received(item: Shipped, unpacker: Unpacker) -> Prepared:
    return Prepared(
        item.source,
        None if item.graph is None else unpack_report(item.graph, unpacker),
        item.note,
        item.rejected,
        item.checked,
        item.references,
    )


def _threads(client: Client) -> int:
    return sum(client.nthreads().values())


def prepared_on_cluster(
    client: Client,
    files: list[Path],
    *,
    published: dt.date | None = None,
    progress: Callable[[Path], None] | None = None,
    part_size: int = 32,
) -> Iterator[Prepared]:
    """``files`` read, mapped and validated by the cluster's workers, ``part_size`` files a
    task, given back in the order of ``files``."""
    unpacker = Unpacker()
    return parts_on_cluster(
        client,
        files,
        prepare_part,
        (published,),
        received=lambda shipped: [_received(item, unpacker) for item in shipped],
        failed=_rejected,
        progress=progress,
        part_size=part_size,
    )


def parts_on_cluster(
    client: Client,
    files: list[Path],
    task: Callable[..., Any],
    arguments: tuple[Any, ...],
    *,
    received: Callable[[Any], list[T]],
    failed: Callable[[str, str], T],
    progress: Callable[[Path], None] | None = None,
    part_size: int = 32,
    fatal: tuple[type[Exception], ...] = (),
) -> Iterator[T]:
    """``task(part, *arguments)`` run by the cluster's workers on ``files``, ``part_size`` files
    a task (each as its absolute path and its name in outcomes); what ``received`` makes of each
    task's result is one item a file, given back in the order of ``files``. A part whose task
    fails is tried again file by file; a file whose task fails is what ``failed`` makes of its
    name and the reason, unless the task raised one of ``fatal``, which stops the run.
    ``progress`` is called as each file is done, on whichever worker. A few parts for each
    worker thread are in flight at a time, so that the results waiting for the client stay
    bounded."""
    from distributed import as_completed

    parts = [files[first : first + part_size] for first in range(0, len(files), part_size)]
    results: dict[int, list[T | None]] = {}
    left: dict[int, int] = {}  # files of a part still to come
    tasks: dict[Future, tuple[int, int, int]] = {}  # a task's part, first file and count
    running = as_completed(loop=client.loop)
    submitted = 0

    def submit(part: int, first: int, count: int) -> None:
        paths = parts[part][first : first + count]
        future = client.submit(
            task, [(os.path.abspath(p), str(p)) for p in paths], *arguments, pure=False
        )
        tasks[future] = (part, first, count)
        running.add(future)

    def submit_next() -> None:
        nonlocal submitted
        if submitted < len(parts):
            size = len(parts[submitted])
            results[submitted], left[submitted] = [None] * size, size
            submit(submitted, 0, size)
            submitted += 1

    for _ in range(max(4, 3 * _threads(client))):
        submit_next()
    following = 0  # the next part to give back
    try:
        for future in running:
            part, first, count = tasks.pop(future)
            if future.status == "error":
                exc = future.exception()
                if isinstance(exc, fatal):
                    raise exc
                if count > 1:  # the whole part failed (its worker died): each file alone
                    for offset in range(count):
                        submit(part, first + offset, 1)
                    continue
                done = [failed(str(parts[part][first]), _failure(exc))]
            elif future.status == "finished":
                done = received(future.result())
            else:
                raise ClusterError(
                    f"the cluster lost its work ({future.status}): did its scheduler stop?"
                )
            for offset, item in enumerate(done):
                results[part][first + offset] = item
                if progress:
                    progress(parts[part][first + offset])
            left[part] -= len(done)
            while left.get(following) == 0:
                del left[following]
                yield from cast(list[T], results.pop(following))
                following += 1
                submit_next()
    finally:
        if tasks:  # stopped early (the store failed, say): the rest is not wanted
            client.cancel(list(tasks))
