"""Stopping promptly when the process is told to (SIGTERM, or Ctrl-C's SIGINT).

uvicorn, told to stop, waits for the requests under way to be answered. Those waiting on a query
worker would wait for their query, up to the time limit; so the query engine is stopped first (its
workers killed, its jobs answered ``503``), then uvicorn's own handler runs, and the server goes
down as soon as those answers are sent. What else could hold it (a write under way in a thread,
a client slow to read its answer) does not: ``GRACE`` seconds after the signal the process exits
whatever it is doing. A write cut there is lost whole, as in a crash (each is one transaction).
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGTERM, signal.SIGINT)
GRACE = 1.5  # seconds from the signal to the end of the process, at most


@contextmanager
def stopping_on_signal(stop: Callable[[], None]) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGINT call ``stop`` on the running event loop, then the
    handler that was there (uvicorn's), and end the process ``GRACE`` seconds later if it has not
    ended by then."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only: the app is not run by a server there
        return
    loop = asyncio.get_running_loop()
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}

    def handle(sig: int, frame: FrameType | None) -> None:
        loop.call_soon_threadsafe(stop)
        _exit_later(sig)
        handler = previous[signal.Signals(sig)]
        if callable(handler):  # it is: only those are chained to
            handler(sig, frame)

    chained = [sig for sig, handler in previous.items() if callable(handler)]
    for sig in chained:
        signal.signal(sig, handle)
    try:
        yield
    finally:
        for sig in chained:
            signal.signal(sig, previous[sig])


def _exit_later(sig: int) -> None:
    timer = threading.Timer(GRACE, os._exit, args=(128 + sig,))
    timer.daemon = True  # it must not keep the process alive itself
    timer.start()
