"""Reaching a Dask cluster: a scheduler by its address, or worker processes started here."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING

from polgraph.errors import InputError, PolgraphError

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ClusterError", "connect"]


class ClusterError(PolgraphError):
    """The cluster lost the work it was given (its scheduler stopped, say)."""


@contextmanager
def connect(
    address: str | None = None, workers: int | None = None, *, timeout: float = 10.0
) -> Iterator[Client]:
    """A Dask client: to the scheduler at ``address`` (``tcp://host:8786``), or to ``workers``
    local worker processes started now and stopped on leaving. ``InputError`` when nothing
    answers at ``address`` within ``timeout`` seconds."""
    from distributed import Client, LocalCluster

    if (address is None) == (workers is None):
        raise ValueError("give either a scheduler's address or a number of local workers")
    if workers is not None:
        if workers < 1:
            raise InputError(str(workers), "a local cluster needs at least one worker")
        # One thread a worker: the work holds the interpreter's lock, so threads would only
        # take turns. The dashboard is off, and everything listens on the loopback only; the
        # scheduler's small HTTP server (health, metrics) on a free port, not on 8787, which
        # another cluster on this machine may hold.
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            ) as cluster,
            Client(cluster, set_as_default=False) as client,
        ):
            yield client
        return
    assert address is not None
    _reachable(address, timeout)
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, ValueError) as exc:
        raise InputError(address, f"no Dask scheduler answers there ({exc})") from None
    with client:
        yield client


def _reachable(address: str, timeout: float) -> None:
    """Fail at once when nothing listens at a TCP address (Dask's client would keep trying
    until its timeout), and within ``timeout`` when what answers is no Dask scheduler (the
    client would wait for its greeting for ever)."""
    from distributed.comm import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        host, port = parse_host_port(location)
    except ValueError as exc:
        raise InputError(
            address, f"not a scheduler's address ({exc}); give tcp://HOST:PORT"
        ) from None
    if scheme != "tcp":
        return  # TLS and the rest need the cluster's security settings: the client's to use
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        reason = "no answer" if isinstance(exc, TimeoutError) else exc.strerror or str(exc)
        raise InputError(
            address, f"nothing listens there ({reason}); is a `dask scheduler` running?"
        ) from None
    # Asked from a thread of its own: the caller may be inside an event loop (a notebook).
    with ThreadPoolExecutor(1) as thread:
        kind = thread.submit(asyncio.run, _identity(address, timeout)).result()
    if kind != "Scheduler":
        raise InputError(address, f"what answers there is no Dask scheduler ({kind})")


async def _identity(address: str, timeout: float) -> str:
    """What the server at ``address`` says it is, if it speaks Dask's protocol in time."""
    from distributed.core import rpc

    async def ask() -> str:
        async with rpc(address, timeout=timeout) as server:
            identity = await server.identity()
        return str(identity.get("type")) if isinstance(identity, dict) else "no identity"

    try:
        return await asyncio.wait_for(ask(), timeout)
    except TimeoutError:
        return f"no answer in Dask's protocol within {timeout:g} s"
    except (OSError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
