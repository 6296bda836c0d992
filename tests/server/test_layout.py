"""How the server's parts depend on each other: a query worker runs without the web framework,
its replies cross the pipe as ``polgraph.server.messages``' classes, and only
``polgraph.server.deps`` (and the app that builds the state) reads the app's state."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from own_loop import run_in_own_loop

from polgraph.server import messages
from polgraph.server.answers.registry import WARM_UP
from polgraph.server.engine import QueryEngine
from polgraph.store import OxigraphStore

SERVER = Path(__file__).resolve().parents[2] / "src" / "polgraph" / "server"


# What a worker process imports: the worker's module and every answer it may be asked for.
WORKER_IMPORTS = (
    "import sys; import polgraph.server.worker, polgraph.server.answers.registry; "
    "print(sorted({m.split('.')[0] for m in sys.modules} & {'fastapi', 'starlette'}))"
)


def test_a_query_worker_loads_no_web_framework():
    loaded = subprocess.run(
        [sys.executable, "-c", WORKER_IMPORTS], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"


def test_a_workers_replies_are_the_messages_classes():
    """The worker runs as ``__main__``; its replies must still unpickle as the server's own
    classes, or the engine would take every answer for a failure."""
    store = OxigraphStore(None)
    store.native.add(
        ox.Quad(
            ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o"), ox.DefaultGraph()
        )
    )
    query = messages.QueryJob("ASK { ?s ?p ?o }", result_format="JSON", graph_format=None)
    bad_query = messages.QueryJob("ASK {", result_format="JSON", graph_format=None)

    async def replies():
        engine = QueryEngine(store, workers=1, timeout=30)
        await engine.start()
        try:
            return [await engine.run(job) for job in (query, bad_query, WARM_UP)]
        finally:
            engine.stop()

    answered, refused, warmed = run_in_own_loop(replies())
    assert type(answered) is messages.Answer and b"true" in answered.body
    assert type(refused) is messages.Refusal and refused.status == 400
    assert type(warmed) is messages.Answer and warmed.format == "application/json"


def test_only_deps_reads_the_app_state():
    """Routes and pages declare what they need (``polgraph.server.deps``); the app that puts it
    on its state is the one other module that touches it."""
    readers = sorted(
        str(path.relative_to(SERVER))
        for path in SERVER.rglob("*.py")
        if re.search(r"app\.state\b", path.read_text(encoding="utf-8"))
    )
    assert readers == ["app.py", "deps.py"]
