"""The API's and the pages' answers are worked out in the query workers, not in the server process.

Oxigraph cannot stop a query once it runs: a read in the server process would run as long as the
store makes it (minutes for some on a large store), on after its client has gone, and hold the
server up when it stops. In a worker it has the time limit every query has (``503`` past it), it
is stopped when its client goes away, and the server kills it when it stops. And the server
process answers every request with one interpreter lock, while the workers use every core.

A route hands its arguments (plain values) to ``answered`` (a page to ``read``); a worker reads
its own snapshot and calls ``HANDLERS[name](store, **arguments)``, which returns plain JSON types
(or ``Content``) or raises ``ApiError``. The answers of the handlers in ``KEPT`` read the whole
store (lists, the home page): they are kept until the store next changes
(``polgraph.server.answer_cache``).
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response

from polgraph.analytics.errors import NotFoundError
from polgraph.errors import PolgraphError, StoreError
from polgraph.server.errors import ApiError
from polgraph.server.jobs import answer_of
from polgraph.server.worker import Answer, Refusal

HANDLERS = {
    "persons": "polgraph.server.api.persons:persons_answer",
    "person": "polgraph.server.api.persons:person_answer",
    "events": "polgraph.server.api.events:events_answer",
    "event": "polgraph.server.api.events:event_answer",
    "organizations": "polgraph.server.api.organizations:organizations_answer",
    "organization": "polgraph.server.api.organizations:organization_answer",
    "roles": "polgraph.server.api.roles:roles_answer",
    "roles on a day": "polgraph.server.api.roles:roles_on_day_answer",
    "sources": "polgraph.server.api.sources:sources_answer",
    "source": "polgraph.server.api.sources:source_answer",
    "resolved": "polgraph.server.api.reports:resolved_answer",
    "centrality": "polgraph.server.api.analytics:centrality_answer",
    "communities": "polgraph.server.api.analytics:communities_answer",
    "succession": "polgraph.server.api.analytics:succession_answer",
    "network": "polgraph.server.api.analytics:network_answer",
    "timeline": "polgraph.server.api.analytics:timeline_answer",
    "graph": "polgraph.server.sparql:graph_answer",
    "recent events": "polgraph.server.web.home:recent_answer",
    "person page": "polgraph.server.web.persons:person_page_answer",
    "place page": "polgraph.server.web.places:place_answer",
    "network page": "polgraph.server.web.network:network_answer",
    "network picture": "polgraph.server.web.network:picture_answer",
    "terms": "polgraph.server.web.terms:terms_answer",
    "warm-up": "polgraph.server.api.tables:warm_up_answer",
}
KEPT = frozenset(
    {"persons", "events", "organizations", "roles on a day", "sources", "recent events", "terms"}
)
# Network analyses compute over many events: they run under POLGRAPH_ANALYSIS_TIMEOUT instead.
ANALYSES = frozenset(
    {
        "centrality",
        "communities",
        "succession",
        "network",
        "timeline",
        "network page",
        "network picture",
    }
)


@dataclass(frozen=True)
class ApiJob:
    handler: str  # a key of HANDLERS
    arguments: dict[str, Any] = field(default_factory=dict)
    timeout: float | None = None  # seconds it may run; None: the query time limit


@dataclass(frozen=True)
class Content:
    """A handler's answer that is not JSON: its media type and body, sent as they are."""

    media_type: str
    body: bytes


async def answered(request: Request, handler: str, **arguments: Any) -> Response:
    """``HANDLERS[handler](store, **arguments)`` from a query worker, as the response to send."""
    reply = await _reply(request, _job(request, handler, arguments))
    return Response(reply.body, headers={"content-type": reply.format})


async def read(request: Request, handler: str, **arguments: Any) -> Any:
    """The JSON answer of ``HANDLERS[handler](store, **arguments)``, from a query worker, as
    Python values (for the pages)."""
    return json.loads((await _reply(request, _job(request, handler, arguments))).body)


# What a spare worker is given before it serves (polgraph.server.engine).
WARM_UP = ApiJob("warm-up")


def _job(request: Request, handler: str, arguments: dict[str, Any]) -> ApiJob:
    settings = request.app.state.settings
    return ApiJob(handler, arguments, settings.analysis_timeout if handler in ANALYSES else None)


async def _reply(request: Request, job: ApiJob) -> Answer:
    if job.handler not in KEPT:
        return await answer_of(request, job)
    state = request.app.state
    generation = state.store_generation  # before the job: a write meanwhile outdates its answer
    key = json.dumps([job.handler, job.arguments], sort_keys=True)
    kept = state.answers.get(generation, key)
    if kept is None:
        kept = await answer_of(request, job)
        state.answers.put(generation, key, kept)
    return kept


# -- in a worker -------------------------------------------------------------------------------
class Snapshot:
    """A worker's snapshot as the API's functions read a store: the default graph is every graph.
    The whole-store tables read from it are kept with it (``polgraph.server.api.tables``)."""

    def __init__(self, store: ox.Store, tables_folder: Path | None = None) -> None:
        self.native = store
        self.tables: dict[str, Any] = {}
        self.tables_folder = tables_folder  # where the workers keep the tables of this snapshot

    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> Any:
        substitutions = {ox.Variable(name): term for name, term in (bindings or {}).items()}
        return self.native.query(
            sparql, use_default_graph_as_union=True, substitutions=substitutions or None
        )


def load_handlers() -> None:
    """Import every handler's module, before the worker takes its first job."""
    for path in HANDLERS.values():
        importlib.import_module(path.partition(":")[0])


def answer_job(store: Snapshot, job: ApiJob) -> Answer | Refusal:
    """In a worker: the job's answer (JSON, or a handler's Content), or the refusal its error
    stands for, as the server's error handlers would answer it."""
    module, _, name = HANDLERS[job.handler].partition(":")
    handler = getattr(importlib.import_module(module), name)
    try:
        found = handler(store, **job.arguments)
    except ApiError as exc:
        return Refusal(exc.status_code, exc.error, exc.detail)
    except NotFoundError as exc:  # a person, place, body or post an analysis was given
        return Refusal(404, "not found", str(exc))
    except StoreError as exc:
        return Refusal(503, "store unavailable", str(exc))
    except PolgraphError as exc:  # a QueryError among them
        return Refusal(400, "bad request", str(exc))
    if isinstance(found, Content):
        return Answer(found.media_type, found.body)
    return Answer(
        "application/json", json.dumps(found, ensure_ascii=False, separators=(",", ":")).encode()
    )
