"""Reading a store's files into the operating system's page cache before a benchmark times it.

This machine's kernel pages out file pages nobody has read for about a minute (DAMON's
reclaim), so a store left idle between runs is read back from disk on its first use, and the
first timed step measures the disk rather than the work: on 100,000 reports the co-attendance
projection took 34 s after the store was read once and 46–60 s without. A store in use (a server
answering queries, an analysis after another) stays in the cache; the benchmarks time that case
and print what the warming took, so the cold case can be read off too.
"""

from __future__ import annotations

import time
from pathlib import Path

_CHUNK = 1 << 24


def warm(store: Path) -> None:
    """Read every file under ``store`` once, and print how much and how long it took."""
    started = time.perf_counter()
    total = 0
    for path in sorted(store.rglob("*")):
        if path.is_file():
            with path.open("rb") as file:
                while chunk := file.read(_CHUNK):
                    total += len(chunk)
    print(
        f"store files read into the page cache first: {total / 1e9:.2f} GB in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
