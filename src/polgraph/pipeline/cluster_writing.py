"""Ingest on a Dask cluster into a SPARQL service: the workers write the reports themselves.

Into an embedded store, only the process that opened it can write, so the workers send their
graphs back to the client (``polgraph.pipeline.cluster``). A service takes writes from anywhere:
each worker reads, maps and validates its part of the files, as there, and then writes the part's
reports to the service itself, through the same batch code as a plain ingest
(``Pipeline.settle_all``), and sends back only their outcomes. The client's work is then the
resolution of persons and tenures after the last part, not the storing.

What changes when several processes write to one store at once:

- A description (a body, post or place described once for many reports) that a replaced report
  gave up is not dropped by the worker even when it looks unused: another worker may be writing
  a report that relies on it at that moment. The workers name what they gave up, and the client
  drops what is still unused once every part is written.
- The same report in two files of one run (two versions of one page): which worker's write came
  last is chance, so the client writes the later file's version again once the parts are done,
  and the store holds what a plain ingest leaves, the later file's.
- The names and posts awaiting resolution are added to the pending graph by each worker, as a
  plain ingest adds them; the client resolves them at the end, so a crash before that leaves
  them for the next ingest to resolve, as always.

The workers reach the service at the URLs the client's store has, so those must be addresses
the workers can reach (not 127.0.0.1 when the workers run on other machines), and they read the
service's account from their own environment (``POLGRAPH_STORE_USER`` and the rest), never from
the client: the cluster's messages are not the place for a password.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import URIRef

from polgraph.errors import StoreError
from polgraph.pipeline.cluster import (
    checked_part,
    collected_in_this_thread,
    parts_on_cluster,
    worker_tools,
)
from polgraph.pipeline.ingest import Outcome, Pipeline, Summary, prepare_report
from polgraph.pipeline.memory import release_freed_memory
from polgraph.settings import Settings
from polgraph.store.layout import DescriptionNames, ReportWriter, laid_out
from polgraph.store.opening import open_configured_store
from polgraph.store.remote import RemoteStore

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["Service", "WrittenPart", "write_part", "written_on_cluster"]


@dataclass(frozen=True)
class Service:
    """Where the workers write: the service's URLs, without its account."""

    query: str
    update: str | None = None
    graph_store: str | None = None

    @classmethod
    def of(cls, store: RemoteStore) -> Service:
        endpoints = store.endpoints
        return cls(endpoints.query, endpoints.update, endpoints.graph_store)


@dataclass(frozen=True)
class WrittenPart:
    """What a worker sends back for a part: each file's outcome, in order, and the
    descriptions its replaced reports gave up."""

    outcomes: list[Outcome]
    given_up: frozenset[URIRef]


# -- on the workers ----------------------------------------------------------------------------
@cache
def _service_store(service: Service) -> RemoteStore:
    """One connection to the service per worker process, with the account of its environment."""
    settings = Settings.from_env(
        store=f"sparql+{service.query}",
        store_update=service.update,
        store_graph_store=service.graph_store,
    )
    store = open_configured_store(settings)
    assert isinstance(store, RemoteStore)
    return store


def write_part(
    files: list[tuple[str, str]], published: dt.date | None, service: Service
) -> WrittenPart:
    """A worker's task: read, map, validate and write ``files`` (each a path to read and the name
    outcomes give it) to the service; identities are left pending for the client."""
    vocabulary, validator = worker_tools()
    store = _service_store(service)
    pipeline = Pipeline(store, vocabulary, validator)
    pipeline.writer = writer = ReportWriter(store, defer_drops=True)
    with collected_in_this_thread():
        items = checked_part(files, published, vocabulary, validator)
        summary = pipeline.settle_all(items, batch_size=max(1, len(items)), resolve=False)
        del items
    release_freed_memory()
    return WrittenPart(summary.outcomes, frozenset(writer.given_up))


# -- on the client -----------------------------------------------------------------------------
def written_on_cluster(
    pipeline: Pipeline,
    client: Client,
    files: list[Path],
    *,
    progress: Callable[[Path], None] | None = None,
    published: dt.date | None = None,
    part_size: int = 32,
) -> Summary:
    """``files`` ingested by the cluster's workers straight into the service ``pipeline``
    stores to; then the client settles what concurrent writers leave (see above) and resolves
    identities. The service failing stops the run (``StoreError``), as in a plain ingest."""
    assert isinstance(pipeline.store, RemoteStore) and pipeline.writer is not None
    given_up: set[URIRef] = set()

    def received(part: WrittenPart) -> list[Outcome]:
        given_up.update(part.given_up)
        return part.outcomes

    outcomes = list(
        parts_on_cluster(
            client,
            files,
            write_part,
            (published, Service.of(pipeline.store)),
            received=received,
            failed=lambda source, reason: Outcome(source, "rejected", error=reason),
            progress=progress,
            part_size=part_size,
            fatal=(StoreError,),
        )
    )
    given_up |= _write_later_versions_again(pipeline, files, outcomes, published)
    pipeline.writer.drop_unused(given_up)
    pipeline.resolve_identities()
    return Summary(outcomes)


def _write_later_versions_again(
    pipeline: Pipeline, files: list[Path], outcomes: list[Outcome], published: dt.date | None
) -> set[URIRef]:
    """Where files of the run hold the same report, write the last one's version again, here,
    so that it is the one stored whichever worker wrote last; and say of each later file, as a
    plain ingest does, whether it changed the report from the file before it. (The first file's
    outcome is what its worker found, which a later file's worker may have written first.)

    The descriptions the earlier versions relied on are given back, to be dropped if unused: a
    worker that wrote one version over another it had not seen gave up only what it saw."""
    holders: dict[str, list[int]] = defaultdict(list)
    for index, outcome in enumerate(outcomes):
        if outcome.graph is not None and outcome.status != "rejected":
            holders[outcome.graph].append(index)
    names = DescriptionNames()
    given_up: set[URIRef] = set()
    for indexes in holders.values():
        if len(indexes) < 2:
            continue
        versions = [prepare_report(files[i], pipeline.vocabulary, published) for i in indexes]
        written = pipeline.settle_all([versions[-1]], resolve=False).outcomes[0]
        if written.status == "rejected" or any(v.graph is None for v in versions):
            outcomes[indexes[-1]] = written  # read otherwise here than on the worker: say so
            continue
        layouts = [laid_out(v.graph, names) for v in versions if v.graph is not None]
        own = [triples for triples, _ in layouts]
        for _, descriptions in layouts[:-1]:
            given_up |= descriptions.keys()
        for position, index in enumerate(indexes[1:], start=1):
            changed = own[position] != own[position - 1]
            outcomes[index] = dataclasses.replace(
                outcomes[index], status="replaced" if changed else "unchanged"
            )
    return given_up
