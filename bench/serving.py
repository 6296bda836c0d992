"""What the HTTP benchmarks share: the store of the generated portal archive, a server run as a
process on 127.0.0.1 and stopped with everything it started, the CPU its processes use, and a
minimal keep-alive HTTP client (httpx spends about 2 ms of CPU a request, which on 2 cores
takes a whole core from the server being measured)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
EVENT_PREFIX = "https://w3id.org/polgraph/id/event/"
SPARQL_JSON = "application/sparql-results+json"

# -- the store ------------------------------------------------------------------------------


def cached_store(count: int, *, rebuild: bool = False) -> Path:
    """The store of a generated portal archive of ``count`` reports, persons and tenures
    resolved: built once by bench/archive_store.py and kept under var/bench/archive-store."""
    from archive_store import archive_store  # bench/ is first on sys.path

    return archive_store(count, rebuild=rebuild)


def store_facts(path: Path) -> tuple[int, list[str]]:
    """The store's quad count and its events that have role attestations, sorted."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(path))  # released when it goes, before a server opens it
    events = sorted(
        row["event"].value
        for row in store.query(
            "SELECT DISTINCT ?event WHERE {"
            " ?a a <https://w3id.org/polgraph/ontology#RoleAttestation> ;"
            " <https://w3id.org/polgraph/ontology#event> ?event }",
            use_default_graph_as_union=True,
        )
    )
    if not events:
        raise SystemExit(f"{path} holds no event with role attestations: try --rebuild")
    return len(store), events


def available_bytes() -> int:
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return 0


# -- servers --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    base: str
    process: subprocess.Popen
    start_seconds: float

    def rss_mb(self) -> float | None:
        return rss_mb(self.process.pid)


@contextlib.contextmanager
def serving(name: str, command: list[str], log: Path, *, start_timeout: float) -> Iterator[Server]:
    """Run ``command`` (a server taking ``--port`` last) until it answers GET /sparql; stop it,
    and whatever it started, on the way out."""
    port = free_port()
    with log.open("wb") as sink:
        # Its own session, so the query workers it forks can be stopped with it by its id.
        process = subprocess.Popen(
            [*command, "--port", str(port)],
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    try:
        import httpx

        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}:\n{tail(log)}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/sparql", timeout=2).status_code == 200:
                    break
            if time.perf_counter() - started > start_timeout:
                raise RuntimeError(
                    f"{name} did not answer within {start_timeout:.0f} s:\n{tail(log)}"
                )
            time.sleep(0.2)
        yield Server(base, process, time.perf_counter() - started)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # the server if it hung, and any worker it left
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(10)


def tail(log: Path, lines: int = 20) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    return ""


def process_stats() -> dict[int, list[str]]:
    """Each process's /proc/PID/stat fields after its name (the 3rd field is at index 0)."""
    stats: dict[int, list[str]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError):
            stats[int(stat.parent.name)] = stat.read_text().rpartition(")")[2].split()
    return stats


def server_processes(group: int, stats: dict[int, list[str]]) -> set[int]:
    """The processes of a server's process group and the processes they started (polgraph's
    query workers lead process groups of their own)."""
    counted = {pid for pid, fields in stats.items() if fields[2:3] == [str(group)]}
    while grown := {
        pid
        for pid, fields in stats.items()
        if fields[1:2] and int(fields[1]) in counted and pid not in counted
    }:
        counted |= grown
    return counted


def rss_mb(pid: int) -> float | None:
    """The resident memory of process ``pid``, or None once it has ended."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def group_cpu(group: int) -> dict[str, float]:
    """CPU seconds used so far by a server's processes (``server_processes``), the one that
    leads its group ("main") apart from the others ("children")."""
    tick = os.sysconf("SC_CLK_TCK")
    stats = process_stats()
    used = {"main": 0.0, "children": 0.0}
    for pid in server_processes(group, stats):
        with contextlib.suppress(ValueError, IndexError):
            cpu = (int(stats[pid][11]) + int(stats[pid][12])) / tick
            used["main" if pid == group else "children"] += cpu
    return used


def machine_busy() -> float:
    """CPU seconds all cores have spent running processes since boot (user, nice, system:
    interrupt time, loopback traffic's included, belongs to no process and is left out)."""
    with open("/proc/stat") as stat:
        user, nice, system = (int(x) for x in stat.readline().split()[1:4])
    return (user + nice + system) / os.sysconf("SC_CLK_TCK")


def polgraph_command(store: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "polgraph.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--store",
        str(store),
    ]


class RawConnection:
    """One keep-alive HTTP/1.1 connection, as little client as the load needs. httpx spends
    about 2 ms of CPU a request here (URL handling, h11), which on 2 cores takes a whole core
    from the server it is measuring."""

    def __init__(self, base: str) -> None:
        host, _, port = base.removeprefix("http://").partition(":")
        self.host, self.port = host, int(port)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str, params: dict, headers: dict) -> tuple[int, bytes]:
        try:
            return await self._get(path, params, headers)
        except BaseException:
            self.close()  # a half-read answer would garble the next one
            raise

    async def _get(self, path: str, params: dict, headers: dict) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        lines = [
            f"GET {path}?{urlencode(params)} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            *(f"{k}: {v}" for k, v in headers.items()),
        ]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        fields = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip().lower()
        if "content-length" in fields:
            body = await reader.readexactly(int(fields["content-length"]))
        elif "chunked" in fields.get("transfer-encoding", ""):
            chunks = []
            while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                chunks.append((await reader.readexactly(size + 2))[:-2])
            while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers
                pass
            body = b"".join(chunks)
        else:
            body = await reader.read()
            fields["connection"] = "close"
        if fields.get("connection") == "close":
            self.close()
        return status, body

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


def run_async(coroutine):
    try:
        import uvloop  # the client shares the 2 cores with the server: the cheaper loop
    except ImportError:
        return asyncio.run(coroutine)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)
