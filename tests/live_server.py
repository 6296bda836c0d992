"""Start ``polgraph serve`` as a real process on 127.0.0.1 for tests that use real clients."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from processes import free_port, stop


@contextlib.contextmanager
def server_process(
    store: Path, env: dict[str, str] | None = None, *, start_timeout: float = 60
) -> Iterator[tuple[subprocess.Popen, str]]:
    """The server's process and base URL while it runs; it is stopped (and waited for) on exit
    unless it has ended by then."""
    port = free_port()
    environ = {**os.environ, **(env or {})}
    serve = [sys.executable, "-m", "polgraph.cli", "serve", "--host", "127.0.0.1"]
    process = subprocess.Popen(
        [*serve, "--port", str(port), "--store", str(store)],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"the server exited with {process.returncode}:\n{output}")
            try:
                if httpx.get(f"{base}/sparql", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not answer in time")
            time.sleep(0.1)
        yield process, base
    finally:
        stop(process, signal.SIGINT, 15)


@contextlib.contextmanager
def serving(
    store: Path, env: dict[str, str] | None = None, *, start_timeout: float = 60
) -> Iterator[str]:
    """The server's base URL while it runs; it is stopped (and waited for) on exit."""
    with server_process(store, env, start_timeout=start_timeout) as (_, base):
        yield base
