"""Settings, read when a command or the app is built — never at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_STORE = Path("var/store")


@dataclass(frozen=True)
class Settings:
    store_path: Path = DEFAULT_STORE

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, *, store: Path | None = None) -> Settings:
        env = os.environ if environ is None else environ
        path = store or Path(env.get("POLGRAPH_STORE") or DEFAULT_STORE)
        return cls(store_path=path)
