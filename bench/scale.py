"""Beyond one machine: ingest on local Dask workers and into a SPARQL store (Virtuoso), against
the plain single process into the embedded store, on one portal's archive (bench/archive.py).

For each size of ``--sizes`` (reports):

- ingest (read, extract, map, validate, store, then persons, tenures and rules) into an empty
  embedded store on disk: by this process alone, with 1 local Dask worker, with 2; reports/s,
  the 2-worker speed-up over 1, and Dask's cost per report over the single process's;
- ingest by this process into an empty Virtuoso server (started here, on 127.0.0.1, through the
  Graph Store protocol), when ``virtuoso-t`` is installed (the ``virtuoso`` stage); and by 2
  local Dask workers writing to another empty one themselves (``virtuoso-dask2``);
- each named query's latency (median of ``--runs``) on the embedded store and on Virtuoso, those
  of the two the run filled (the ``queries`` stage: at 100k some take minutes each on the
  embedded store); on the Virtuoso that the single process filled, or else on the one the
  workers filled (``--stages virtuoso-dask2,queries`` fills Virtuoso once for both).

Every stage is bounded: one whose time, estimated from the stages before it, would pass what
is left of ``--budget`` seconds is skipped and says so.

    .venv/bin/python bench/scale.py [--sizes 1000,10000] [--budget 3600] [--runs 5]
        [--stages single,dask1,dask2,virtuoso,virtuoso-dask2,queries]

``--stages`` picks what runs (``dask`` is ``dask1,dask2``): at 100k each stage is an hour or more
of a 2-core machine, so a session can run one and leave the next to another. Each stage stands
alone (``--stages virtuoso,queries`` fills Virtuoso only and times the queries there); the
budget's estimates start from the first stage that runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import archive  # noqa: E402 - bench/ is on sys.path from here on
import virtuoso_service  # noqa: E402 - tests/ too: the tests' Virtuoso server
from named_values import named_query_values  # noqa: E402 - and what the queries are asked

from polgraph import Polgraph  # noqa: E402
from polgraph.errors import StoreError  # noqa: E402
from polgraph.query.named import load_query  # noqa: E402
from polgraph.settings import Settings  # noqa: E402
from polgraph.store import GraphStore, OxigraphStore  # noqa: E402


class Budget:
    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds

    def allows(self, estimate: float) -> bool:
        return estimate < self.ends - time.monotonic()


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def line(what: str, seconds: float, reports: int) -> None:
    print(f"  {what}: {seconds:,.1f} s, {reports / seconds:,.1f} reports/s", flush=True)


def latencies(store: GraphStore, params: dict[str, dict[str, str]], runs: int) -> dict[str, float]:
    """Each named query's median seconds; a query the store refuses is said and left out, so the
    others are still timed (at 100k Virtuoso refused one after a two-hour ingest)."""
    found = {}
    for name, values in params.items():
        text = load_query(name).render(values)
        times = []
        try:
            for _ in range(runs):
                started = time.perf_counter()
                rows = list(store.query(text))
                times.append(time.perf_counter() - started)
        except StoreError as refused:
            print(f"    {name}: refused by the store: {str(refused)[:300]}", flush=True)
            continue
        assert rows or name == "role-at-date", f"{name} answered nothing"
        found[name] = statistics.median(times)
    return found


def run_size(size: int, folder: Path, budget: Budget, runs: int, stages: set[str]) -> None:
    settings = Settings(identity_path=None)
    texts = folder / "texts"
    generated = archive.write(texts, size, seed=0)
    print(f"\n{generated.reports:,} reports, {generated.persons:,} officials", flush=True)
    Polgraph(settings).prepare()

    embedded: OxigraphStore | None = None
    single: float | None = None
    if "single" in stages:
        embedded = OxigraphStore(folder / "single")
        single = timed(lambda: Polgraph(settings, embedded).ingest([texts]))
        line("single process, embedded store", single, size)

    on_workers: dict[int, float] = {}
    for workers in (1, 2):
        if f"dask{workers}" not in stages:
            continue
        first = single or next(iter(on_workers.values()), None)
        if first is not None and not budget.allows(first * 1.5):
            print(f"  {workers} Dask worker(s): skipped, past the budget")
            continue
        store = OxigraphStore(folder / f"dask-{workers}")
        with Polgraph.cluster(workers=workers) as client:
            on_workers[workers] = timed(
                lambda store=store, client=client: Polgraph(settings, store).ingest_on_cluster(
                    [texts], client
                )
            )
        line(f"{workers} Dask worker(s), embedded store", on_workers[workers], size)
        if embedded is None:
            print(f"    quads: {store.stats().quads:,}")
            embedded = store  # the named queries are timed on it
            continue
        if store.stats().quads != embedded.stats().quads:
            print("    (stores a different number of quads than the single process!)")
        store.close()
    if single is not None and 1 in on_workers:
        overhead = (on_workers[1] - single) / single
        print(f"  Dask's cost per report over the single process: {overhead:+.0%}")
    if 1 in on_workers and 2 in on_workers:
        print(f"  2 workers over 1: {on_workers[1] / on_workers[2]:.2f}×")
    first = single or next(iter(on_workers.values()), None)
    timing_queries = "queries" in stages
    embedded_latency = {}
    if embedded is not None and timing_queries:
        embedded_latency = latencies(embedded, named_query_values(embedded), runs)
    remote_latency: dict[str, float] = {}
    memory = max(1024, size // 5)  # Virtuoso's buffers: about a fifth of a MB a report
    on_service: float | None = None
    if not {"virtuoso", "virtuoso-dask2"} & stages:
        pass
    elif not virtuoso_service.available():
        print("  Virtuoso: not installed (apt-get install virtuoso-opensource)")
    elif "virtuoso" in stages and first is not None and not budget.allows(first * 3):
        print("  Virtuoso: skipped, past the budget")
    elif "virtuoso" in stages:
        with virtuoso_service.running_virtuoso(
            folder / "virtuoso", memory_mb=memory, query_seconds=3600
        ) as server:
            remote = server.store()
            on_service = timed(lambda: Polgraph(settings, remote).ingest([texts]))
            line("single process, Virtuoso (Graph Store PUT)", on_service, size)
            compared = f" (embedded: {embedded.stats().quads:,})" if embedded else ""
            print(f"    quads: {remote.stats().quads:,}{compared}")
            if timing_queries:
                remote_latency = latencies(remote, named_query_values(remote), runs)
            remote.close()
    if "virtuoso-dask2" in stages and virtuoso_service.available():
        estimate = on_service or (first * 3 if first is not None else None)
        if estimate is not None and not budget.allows(estimate):
            print("  2 Dask workers writing to Virtuoso: skipped, past the budget")
        else:
            timed_there = runs if timing_queries and not remote_latency else 0
            by_workers, on_theirs = ingest_by_workers_into_virtuoso(
                folder, texts, settings, memory, timed_there
            )
            remote_latency = remote_latency or on_theirs
            line("2 Dask workers writing to Virtuoso (Graph Store PUT)", by_workers, size)
            if on_service is not None:
                print(f"    over the single process into Virtuoso: {on_service / by_workers:.2f}×")
    if timing_queries:
        print("  named query latency, median of", runs, "(ms): embedded / Virtuoso")
    for name in {**embedded_latency, **remote_latency}:
        shown = [
            f"{found[name] * 1000:,.1f}" if name in found else "-"
            for found in (embedded_latency, remote_latency)
        ]
        print(f"    {name}: {' / '.join(shown)}")
    if embedded is not None:
        embedded.close()


def ingest_by_workers_into_virtuoso(
    folder: Path, texts: Path, settings: Settings, memory: int, runs: int
) -> tuple[float, dict[str, float]]:
    """Seconds to ingest ``texts`` with 2 local Dask workers writing to a new Virtuoso server
    themselves (they read its account from the environment they start with), and with ``runs``
    the named queries' latencies on what they stored: a run can then fill Virtuoso once, not
    twice, to time them."""
    os.environ.update(
        POLGRAPH_STORE_USER=virtuoso_service.USER,
        POLGRAPH_STORE_PASSWORD=virtuoso_service.PASSWORD,
        POLGRAPH_STORE_AUTH="digest",
    )
    with virtuoso_service.running_virtuoso(
        folder / "virtuoso-workers", memory_mb=memory, query_seconds=3600
    ) as server:
        remote = server.store()
        with Polgraph.cluster(workers=2) as client:
            seconds = timed(lambda: Polgraph(settings, remote).ingest_on_cluster([texts], client))
        print(f"    quads: {remote.stats().quads:,}", flush=True)
        latency = latencies(remote, named_query_values(remote), runs) if runs else {}
        remote.close()
    return seconds, latency


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--budget", type=float, default=3600.0, help="seconds for everything")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--stages",
        default="single,dask,virtuoso,virtuoso-dask2,queries",
        help="of single, dask1, dask2 (dask: both), virtuoso, virtuoso-dask2, queries",
    )
    args = parser.parse_args()
    stages = set(args.stages.split(","))
    if "dask" in stages:
        stages |= {"dask1", "dask2"}
    budget = Budget(args.budget)
    for size in (int(s) for s in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix=f"polgraph-bench-scale-{size}-"))
        try:
            run_size(size, folder, budget, args.runs, stages)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
