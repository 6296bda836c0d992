"""Building and measuring a graph of millions of ties makes millions of small objects, and
Python's cyclic garbage collector rescans them again and again as they accumulate: pausing it
meanwhile makes the work two to three times faster. None of these objects form cycles, so
reference counting frees them all the same."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block, and back as it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
