"""Files written whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_output(target: Path) -> Iterator[IO[bytes]]:
    """A file to write ``target`` through: it is written beside it as ``<name>.partial`` and
    renamed over ``target`` once whole, so a failed or interrupted write never leaves a
    truncated file behind."""
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("wb") as sink:
            yield sink
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
