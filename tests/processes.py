"""What the tests' own servers (polgraph serve, Virtuoso) share: a free port on 127.0.0.1, and
stopping a process for sure."""

from __future__ import annotations

import signal
import socket
import subprocess


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(process: subprocess.Popen, how: signal.Signals, grace: float) -> None:
    """Ask ``process`` to end with ``how`` (unless it has ended), wait ``grace`` seconds for it,
    then kill it; it is waited for either way, so no zombie or open port is left."""
    if process.poll() is None:
        process.send_signal(how)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
