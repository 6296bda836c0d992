"""How many network analyses the server works on at once.

An analysis (a projection and its measures) is Python, networkx's: from milliseconds to tens of
seconds of one core with the store's size, all of it holding the interpreter lock that the
server's other requests need too. Several at once only slow each other and everything else, so
at most ``max_analyses`` run; the next ones wait for a free slot up to ``analysis_wait`` seconds,
then get ``503`` with ``Retry-After``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI, Request

from polgraph.server.errors import ApiError


def install(app: FastAPI, max_analyses: int) -> None:
    app.state.analysis_slots = threading.BoundedSemaphore(max_analyses)


@contextmanager
def analysis_slot(request: Request) -> Iterator[None]:
    """Hold one of the app's analysis slots for the block (run it in a worker thread: it waits)."""
    state = request.app.state
    settings = state.settings
    if not state.analysis_slots.acquire(timeout=settings.analysis_wait):
        raise ApiError(503, "busy", f"the server is already working on {settings.max_analyses} network "
                                    f"analysis(es); try again in a moment", headers={"Retry-After": "10"})
    try:
        yield
    finally:
        state.analysis_slots.release()
