"""Idle query workers, handed to waiting requests strictly in the order they asked.

asyncio.Queue is not fair: a worker put back wakes the first waiter, but a request that asks in
the meantime takes the worker, and the woken waiter queues again at the back. Under load that
sent some requests straight through and made others wait several turns, which is what set the
endpoint's p99. Here a worker put back goes to the first waiter itself.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from typing import Generic, TypeVar

Item = TypeVar("Item")


class IdleWorkers(Generic[Item]):
    def __init__(self) -> None:
        self._idle: deque[Item] = deque()
        self._waiting: deque[asyncio.Future[Item]] = deque()

    async def take(self) -> Item:
        """An idle worker: at once if one is idle and nobody waits, else after those waiting."""
        if self._idle and not self._waiting:
            return self._idle.popleft()
        turn: asyncio.Future[Item] = asyncio.get_running_loop().create_future()
        self._waiting.append(turn)
        try:
            return await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():  # handed a worker just as we were cancelled
                self.give(turn.result())
            else:
                with contextlib.suppress(ValueError):  # give() may have dropped it already
                    self._waiting.remove(turn)
            raise

    def give(self, worker: Item) -> None:
        """Put ``worker`` back: to the first request still waiting, else among the idle."""
        while self._waiting:
            turn = self._waiting.popleft()
            if not turn.done():
                turn.set_result(worker)
                return
        self._idle.append(worker)
