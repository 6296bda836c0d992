"""Settings, read when a command or the app is built — never at import time."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_STORE = Path("var/store")
DEFAULT_IDENTITY = Path("data/identity.yaml")


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    store_path: Path = DEFAULT_STORE
    # Researchers' same/different corrections, applied on every ingest when the file exists
    # (None: none).
    identity_path: Path | None = DEFAULT_IDENTITY
    # -- the server --------------------------------------------------------------------------
    # Without a write token the server is read-only: /update and /store do not exist, and
    # POST /api/reports answers 404.
    write_token: str | None = None
    query_timeout: float = 10.0  # seconds a SPARQL query may run before it is stopped
    max_result_bytes: int = 50_000_000  # a query whose results serialise larger is stopped
    max_body_bytes: int = 20_000_000  # requests with larger bodies are refused (413)
    # SERVICE (queries) and LOAD (updates) make the server contact other hosts: off unless an
    # operator turns them on.
    allow_remote: bool = False
    # processes that run queries and API answers; 0: one per core and one more
    query_workers: int = 0
    # A worker's own memory (heap) past which it is stopped and replaced: one runaway query must
    # not take the machine's memory.
    worker_memory_mb: int = 4096
    # Requests waiting for a free worker past which a new one is answered 503 (with Retry-After),
    # and how long one may wait before it is.
    max_waiting: int = 64
    max_wait: float = 30.0
    # A query is long once it has run this many seconds; workers kept for short ones (-1: half
    # of them, rounded up, when there are two or more: on 2 cores a quarter kept short requests
    # waiting 0.5 s at p99 behind runaway ones, bench/load.py). A query that turns long when
    # the rest run long ones is stopped (503 with Retry-After).
    long_query: float = 1.0
    reserved_workers: int = -1
    # Workers started in advance, their tables read, to take a stopped worker's place at once.
    spare_workers: int = 1
    max_analyses: int = 1  # network analyses the server works on at once (analysis_slots.py)
    analysis_wait: float = 60.0  # seconds one waits for a free slot before it is answered 503
    # An analysis of a whole large store takes tens of seconds: it has its own, longer limit.
    analysis_timeout: float = 120.0

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        store: Path | None = None,
        identity: Path | None = None,
    ) -> Settings:
        """Settings from the ``ENVIRONMENT`` variables (unset or empty: the default); ``store`` and
        ``identity``, given as command options, win over theirs."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for setting in ENVIRONMENT:
            raw = env.get(setting.variable)
            if not raw:
                continue
            try:
                values[setting.field] = setting.read(raw)
            except ValueError as exc:
                raise ValueError(f"a POLGRAPH_* setting is not a number: {exc}") from None
        if store is not None:
            values["store_path"] = store
        if identity is not None:
            values["identity_path"] = identity
        return cls(**values)

    def workers(self) -> int:
        # One more than the cores: while a worker's answer goes back and its next job comes in,
        # another keeps the core busy (on 2 cores, 3 workers answered 18% more under load).
        return self.query_workers or (os.cpu_count() or 1) + 1

    def reserved(self) -> int:
        workers = self.workers()
        if self.reserved_workers >= 0:
            return min(self.reserved_workers, workers - 1)
        return (workers + 1) // 2 if workers > 1 else 0


@dataclass(frozen=True)
class EnvironmentSetting:
    """A setting read from the environment: its variable, the ``Settings`` field it fills and how
    its text is read. ``serve --help`` lists these with their ``hint``; the README's settings
    table says what each does."""

    variable: str
    field: str
    read: Callable[[str], Any]
    hint: str = ""
    # False: an option of every command (--store, --identity), told in each command's --help.
    served: bool = True


# The one list of the environment's settings: Settings.from_env reads these, serve --help and the
# documentation tests list them.
ENVIRONMENT: tuple[EnvironmentSetting, ...] = (
    EnvironmentSetting("POLGRAPH_STORE", "store_path", Path, served=False),
    EnvironmentSetting("POLGRAPH_IDENTITY", "identity_path", Path, served=False),
    EnvironmentSetting(
        "POLGRAPH_WRITE_TOKEN", "write_token", str, "enables /update, /store and POST /api/reports"
    ),
    EnvironmentSetting("POLGRAPH_QUERY_TIMEOUT", "query_timeout", float, "seconds, default 10"),
    EnvironmentSetting("POLGRAPH_MAX_RESULT_BYTES", "max_result_bytes", int),
    EnvironmentSetting("POLGRAPH_MAX_BODY_BYTES", "max_body_bytes", int),
    EnvironmentSetting("POLGRAPH_ALLOW_REMOTE", "allow_remote", _flag, "SERVICE and LOAD"),
    EnvironmentSetting("POLGRAPH_QUERY_WORKERS", "query_workers", int),
    # Below about half a gigabyte a worker cannot even start its store's threads.
    EnvironmentSetting(
        "POLGRAPH_WORKER_MEMORY_MB", "worker_memory_mb", lambda raw: max(512, int(raw))
    ),
    EnvironmentSetting("POLGRAPH_MAX_WAITING", "max_waiting", int),
    EnvironmentSetting("POLGRAPH_MAX_WAIT", "max_wait", float),
    EnvironmentSetting("POLGRAPH_LONG_QUERY", "long_query", float),
    EnvironmentSetting("POLGRAPH_RESERVED_WORKERS", "reserved_workers", int),
    EnvironmentSetting("POLGRAPH_SPARE_WORKERS", "spare_workers", lambda raw: max(0, int(raw))),
    EnvironmentSetting("POLGRAPH_MAX_ANALYSES", "max_analyses", lambda raw: max(1, int(raw))),
    EnvironmentSetting("POLGRAPH_ANALYSIS_WAIT", "analysis_wait", float),
    EnvironmentSetting("POLGRAPH_ANALYSIS_TIMEOUT", "analysis_timeout", float),
)
