"""API answers worked out in the query workers rather than in the server process.

The server process answers every request with one interpreter lock: Python's part of a busy
route (reading rows, building the answer) runs one request at a time, and under load the route
waits on the lock rather than on the store. A route whose answer needs only the store hands its
arguments to a query worker instead (``polgraph.server.worker``), which reads its own snapshot,
builds the answer with the same functions and sends back the JSON: the server process then only
speaks HTTP, and every core works. The workers' time limit applies, as to any query.

Only functions named in ``HANDLERS`` run there; each takes a store and the route's arguments
(plain values) and returns the answer as plain JSON types, or raises ``ApiError``.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import Response

HANDLERS = {"roles": "polgraph.server.api.roles:roles_answer"}


@dataclass(frozen=True)
class ApiJob:
    handler: str  # a key of HANDLERS
    arguments: dict[str, Any] = field(default_factory=dict)


async def answered_by_worker(request: Request, handler: str, arguments: dict[str, Any]) -> Response:
    """The JSON answer of ``HANDLERS[handler](store, **arguments)``, from a query worker."""
    from polgraph.server.jobs import answer_of

    reply = await answer_of(request, ApiJob(handler, arguments))
    return Response(reply.body, media_type="application/json")


class _Union:
    """A snapshot as the API's functions read a store: the default graph is every graph."""

    def __init__(self, store) -> None:
        self._store = store

    def query(self, sparql: str, bindings: Any = None) -> Any:
        return self._store.query(sparql, use_default_graph_as_union=True)


def answer_job(store, job: ApiJob):
    """In a worker: the job's answer as JSON, or the refusal its ``ApiError`` stands for."""
    from polgraph.server.errors import ApiError
    from polgraph.server.worker import Answer, Refusal

    module, _, name = HANDLERS[job.handler].partition(":")
    handler = getattr(importlib.import_module(module), name)
    try:
        found = handler(_Union(store), **job.arguments)
    except ApiError as exc:
        return Refusal(exc.status_code, exc.error, exc.detail)
    return Answer("json", json.dumps(found, ensure_ascii=False, separators=(",", ":")).encode())
