"""A job run by the query engine, its failures told as the HTTP errors the routes answer."""

from __future__ import annotations

from fastapi import Request

from polgraph.server.engine import QueryTimeout
from polgraph.server.errors import ApiError
from polgraph.server.worker import Answer


async def answer_of(request: Request, job) -> Answer:
    """The worker's answer to ``job`` (a QueryJob or an offload.ApiJob); ``503`` past the time
    limit, and a worker's refusal as its own status."""
    state = request.app.state
    try:
        reply = await state.engine.run(job)
    except QueryTimeout:
        raise ApiError(503, "query time limit", f"the query ran longer than {state.settings.query_timeout:g} s "
                                                "and was stopped") from None
    if not isinstance(reply, Answer):
        raise ApiError(reply.status, reply.error, reply.detail)
    return reply
