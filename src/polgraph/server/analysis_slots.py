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

from polgraph.server.errors import ApiError

_LOOK_AGAIN = 0.05  # seconds between two looks for a free slot


class AnalysisSlots:
    """The app's ``slots`` (``max_analyses`` of them), waited for up to ``wait`` seconds."""

    def __init__(self, slots: threading.BoundedSemaphore, wait: float, max_analyses: int) -> None:
        self.slots = slots
        self.wait = wait
        self.max_analyses = max_analyses

    @asynccontextmanager
    async def held(self) -> AsyncIterator[None]:
        """Hold one of the slots for the block. The wait looks for a free slot now and then
        rather than blocking a thread: a request that goes away meanwhile takes none."""
        deadline = time.monotonic() + self.wait
        while not self.slots.acquire(blocking=False):
            if time.monotonic() >= deadline:
                raise ApiError(
                    503,
                    "busy",
                    f"the server is already working on {self.max_analyses} network "
                    f"analysis(es); try again in a moment",
                    headers={"Retry-After": "10"},
                )
            await asyncio.sleep(_LOOK_AGAIN)
        try:
            yield
        finally:
            self.slots.release()
