"""How many network analyses the server works on at once.

An analysis (a projection and its measures) is Python, networkx's: from milliseconds to tens of
seconds of one core with the store's size, in a query worker. Several at once would take every
worker and core from the queries, so at most ``max_analyses`` run; the next ones wait for a free
slot up to ``analysis_wait`` seconds, then get ``503`` with ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

from polgraph.server.errors import ApiError

_LOOK_AGAIN = 0.05  # seconds between two looks for a free slot


def install(app: FastAPI, max_analyses: int) -> None:
    app.state.analysis_slots = threading.BoundedSemaphore(max_analyses)


@asynccontextmanager
async def analysis_slot(request: Request) -> AsyncIterator[None]:
    """Hold one of the app's analysis slots for the block. The wait looks for a free slot now and
    then rather than blocking a thread: a request that goes away meanwhile takes none."""
    state = request.app.state
    settings = state.settings
    deadline = time.monotonic() + settings.analysis_wait
    while not state.analysis_slots.acquire(blocking=False):
        if time.monotonic() >= deadline:
            raise ApiError(
                503,
                "busy",
                f"the server is already working on {settings.max_analyses} network "
                f"analysis(es); try again in a moment",
                headers={"Retry-After": "10"},
            )
        await asyncio.sleep(_LOOK_AGAIN)
    try:
        yield
    finally:
        state.analysis_slots.release()
