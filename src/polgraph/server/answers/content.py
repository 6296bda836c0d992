"""An answer that is not JSON (a picture, a file, JSON-LD): sent as it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Content:
    """A handler's answer that is not JSON: its media type and body, sent as they are."""

    media_type: str
    body: bytes
