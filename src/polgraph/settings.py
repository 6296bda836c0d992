"""Settings, read when a command or the app is built — never at import time."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_STORE = Path("var/store")
DEFAULT_IDENTITY = Path("data/identity.yaml")
# A store given as such a URL is a SPARQL 1.1 service (the text after "sparql+" is its query URL).
REMOTE_STORE_SCHEMES = ("sparql+http://", "sparql+https://")


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def is_store_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith(REMOTE_STORE_SCHEMES)


@dataclass(frozen=True)
class Settings:
    store_path: Path = DEFAULT_STORE
    # -- a SPARQL service as the store (``--store sparql+http://…``; None: the folder above) ------
    store_url: str | None = None  # the query endpoint
    store_update_url: str | None = None  # where updates go, when not to the query endpoint
    store_graph_store_url: str | None = None  # the Graph Store protocol's endpoint, if any
    # Credentials come from the environment only, never the command line (which others can see).
    store_user: str | None = None
    store_password: str | None = None
    store_auth: str = "basic"  # or "digest"; a token is sent as a bearer token instead
    store_token: str | None = None
    store_timeout: float = 300.0  # seconds a request to the service may take
    # A server over a SPARQL store reads its whole-store tables again this often (seconds):
    # others write to the service without the server knowing.
    remote_refresh: float = 60.0
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
        store: str | Path | None = None,
        identity: Path | None = None,
        store_update: str | None = None,
        store_graph_store: str | None = None,
    ) -> Settings:
        """Settings from the ``ENVIRONMENT`` variables (unset or empty: the default); ``store``,
        ``identity`` and the store's other URLs, given as command options, win over theirs. A
        store is a folder, or a SPARQL service's URL (``sparql+http://host:port/sparql``)."""
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
        values.update(_store_fields(values.pop("store_path", None) if store is None else store))
        if identity is not None:
            values["identity_path"] = identity
        if store_update is not None:
            values["store_update_url"] = store_update
        if store_graph_store is not None:
            values["store_graph_store_url"] = store_graph_store
        return cls(**values)

    @property
    def store_location(self) -> str:
        """Where the store is, as a user gives it: a folder, or the service's URL."""
        return f"sparql+{self.store_url}" if self.store_url else str(self.store_path)

    def workers(self) -> int:
        # One more than the cores: while a worker's answer goes back and its next job comes in,
        # another keeps the core busy (on 2 cores, 3 workers answered 18% more under load).
        return self.query_workers or (os.cpu_count() or 1) + 1

    def reserved(self) -> int:
        workers = self.workers()
        if self.reserved_workers >= 0:
            return min(self.reserved_workers, workers - 1)
        return (workers + 1) // 2 if workers > 1 else 0


def _store_location(raw: str) -> str | Path:
    return raw if is_store_url(raw) else Path(raw)


def _store_fields(location: str | Path | None) -> dict[str, Any]:
    if location is None:
        return {}
    if is_store_url(location):
        return {"store_url": str(location).removeprefix("sparql+")}
    return {"store_path": Path(location)}


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
    EnvironmentSetting("POLGRAPH_STORE", "store_path", _store_location, served=False),
    EnvironmentSetting("POLGRAPH_STORE_UPDATE", "store_update_url", str, served=False),
    EnvironmentSetting("POLGRAPH_STORE_GRAPH_STORE", "store_graph_store_url", str, served=False),
    EnvironmentSetting("POLGRAPH_STORE_USER", "store_user", str, "a SPARQL service's account"),
    EnvironmentSetting("POLGRAPH_STORE_PASSWORD", "store_password", str),
    EnvironmentSetting("POLGRAPH_STORE_AUTH", "store_auth", str.lower, "basic or digest"),
    EnvironmentSetting("POLGRAPH_STORE_TOKEN", "store_token", str, "a bearer token"),
    EnvironmentSetting("POLGRAPH_STORE_TIMEOUT", "store_timeout", float, "seconds, default 300"),
    EnvironmentSetting("POLGRAPH_REMOTE_REFRESH", "remote_refresh", float, "seconds, default 60"),
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
