"""Settings, read when a command or the app is built — never at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_STORE = Path("var/store")
DEFAULT_IDENTITY = Path("data/identity.yaml")


@dataclass(frozen=True)
class Settings:
    store_path: Path = DEFAULT_STORE
    # Researchers' same/different corrections, applied on every ingest when the file exists.
    identity_path: Path = DEFAULT_IDENTITY

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, *, store: Path | None = None,
                 identity: Path | None = None) -> Settings:
        env = os.environ if environ is None else environ
        path = store or Path(env.get("POLGRAPH_STORE") or DEFAULT_STORE)
        corrections = identity or Path(env.get("POLGRAPH_IDENTITY") or DEFAULT_IDENTITY)
        return cls(store_path=path, identity_path=corrections)
