"""A request's jobs for the query workers, as its route sees them.

The API's and the pages' answers are worked out in the query workers, not in the server process.
Oxigraph cannot stop a query once it runs: a read in the server process would run as long as the
store makes it (minutes for some on a large store), on after its client has gone, and hold the
server up when it stops. In a worker it has the time limit every query has (``503`` past it), it
is stopped when its client goes away, and the server kills it when it stops. And the server
process answers every request with one interpreter lock, while the workers use every core.

A route names an answer of ``polgraph.server.answers.registry`` and its arguments (plain values):
``respond`` gives the response to send, ``read`` the answer as Python values (for the pages).
The answers of the handlers in ``KEPT`` read the whole store: they are kept until the store next
changes (``polgraph.server.answer_cache``). A job's failures are told as the HTTP errors the
routes answer.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from polgraph.server.answer_cache import AnswerCache
from polgraph.server.answers.registry import ANALYSES, KEPT
from polgraph.server.engine import QueryEngine, QueryTimeout, ServerBusy, ServerStopping
from polgraph.server.errors import ApiError
from polgraph.server.messages import Answer, ApiJob, Job
from polgraph.settings import Settings


class Jobs:
    """The query workers for one request. ``generation`` tells how many writes the store has
    had, at the moment it is asked (``polgraph.server.deps.get_store_writes``)."""

    def __init__(
        self,
        request: Request,
        engine: QueryEngine,
        settings: Settings,
        kept: AnswerCache,
        generation: Callable[[], int],
    ) -> None:
        self.request = request
        self.engine = engine
        self.settings = settings
        self.kept = kept
        self.generation = generation

    async def respond(self, handler: str, **arguments: Any) -> Response:
        """``HANDLERS[handler](store, **arguments)`` from a query worker, as the response to
        send."""
        reply = await self._reply(self._job(handler, arguments))
        return Response(reply.body, headers={"content-type": reply.format})

    async def read(self, handler: str, **arguments: Any) -> Any:
        """The JSON answer of ``HANDLERS[handler](store, **arguments)``, from a query worker, as
        Python values (for the pages)."""
        return json.loads((await self._reply(self._job(handler, arguments))).body)

    async def run(self, job: Job) -> Answer:
        """The worker's answer to ``job``; ``503`` past the time limit or when the server is
        stopping, and a worker's refusal as its own status. A client that disconnects meanwhile
        has its job dropped, or stopped if it runs (the engine withdraws a job whose ``run`` is
        cancelled)."""
        running = asyncio.ensure_future(self.engine.run(job))
        gone = asyncio.ensure_future(self._disconnected())
        try:
            await asyncio.wait((running, gone), return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
            if not running.done():  # the client left, or this request was cancelled
                running.cancel()
        if not running.done():
            raise ApiError(499, "client closed request", "the client went away before the answer")
        try:
            reply = running.result()
        except QueryTimeout:
            limit = getattr(job, "timeout", None) or self.settings.query_timeout
            raise ApiError(
                503, "query time limit", f"the query ran longer than {limit:g} s and was stopped"
            ) from None
        except ServerStopping:
            raise ApiError(
                503, "server stopping", "the server is shutting down; try again shortly"
            ) from None
        except ServerBusy as exc:
            raise ApiError(
                503, "server busy", f"{exc}; try again shortly", headers={"Retry-After": "5"}
            ) from None
        if not isinstance(reply, Answer):
            raise ApiError(reply.status, reply.error, reply.detail)
        return reply

    def _job(self, handler: str, arguments: dict[str, Any]) -> ApiJob:
        timeout = self.settings.analysis_timeout if handler in ANALYSES else None
        return ApiJob(handler, arguments, timeout)

    async def _reply(self, job: ApiJob) -> Answer:
        if job.handler not in KEPT:
            return await self.run(job)
        generation = self.generation()  # before the job: a write meanwhile outdates its answer
        key = json.dumps([job.handler, job.arguments], sort_keys=True)
        kept = self.kept.get(generation, key)
        if kept is None:
            kept = await self.run(job)
            self.kept.put(generation, key, kept)
        return kept

    async def _disconnected(self) -> None:
        """Back when the client has gone. The route has read the body it needs by now: what is
        left to receive is the end of the connection."""
        while (await self.request.receive())["type"] != "http.disconnect":
            pass
