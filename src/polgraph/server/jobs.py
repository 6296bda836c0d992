"""A job run by the query engine for a request: its failures told as the HTTP errors the routes
answer, and the job stopped when the request's client goes away."""

from __future__ import annotations

import asyncio

from fastapi import Request

from polgraph.server.engine import QueryTimeout, ServerBusy, ServerStopping
from polgraph.server.errors import ApiError
from polgraph.server.worker import Answer


async def answer_of(request: Request, job) -> Answer:
    """The worker's answer to ``job`` (a QueryJob or an offload.ApiJob); ``503`` past the time
    limit or when the server is stopping, and a worker's refusal as its own status. A client
    that disconnects meanwhile has its job dropped, or stopped if it runs (the engine
    withdraws a job whose ``run`` is cancelled)."""
    state = request.app.state
    running = asyncio.ensure_future(state.engine.run(job))
    gone = asyncio.ensure_future(_disconnected(request))
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
        limit = getattr(job, "timeout", None) or state.settings.query_timeout
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


async def _disconnected(request: Request) -> None:
    """Back when the client has gone. The route has read the body it needs by now: what is left
    to receive is the end of the connection."""
    while (await request.receive())["type"] != "http.disconnect":
        pass
