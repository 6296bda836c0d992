"""Load with runaway queries: do short requests stay fast while queries that cannot finish run?

Serves the store of the generated portal archive (bench/archive_store.py: one district's
communes, bodies and officials recurring over the years; 10,000 reports by default) with
``polgraph serve`` on 127.0.0.1 and runs ``--clients`` clients for ``--seconds``. Each draws its
requests from a fixed mix: short ones, from /sparql (the named query "who held which role at
an event", a count of a body's posts) and /api routes (an event, its roles, a person, a list of
events, a name search), and, ``--runaway-share`` of the time, a runaway query from a fixed set
(a cross product sorted, a triple cross product counted, a regular expression over every
literal). ``--think`` seconds (on average, drawn at random) pass between a client's requests, as
a person reads an answer; ``--think 0`` sends the next request as soon as the last is answered,
which measures throughput (the latency is then the queue of clients over the throughput).
``--attackers`` more clients send runaway queries back to back, ignoring Retry-After.

The first ``--first-sight`` seconds, in which the server meets each runaway query for the first
time (until it has run ``POLGRAPH_LONG_QUERY`` seconds it may be a short one, and it holds a
worker meanwhile), are reported apart from the measured run that follows.

Printed, not asserted: for the short requests, errors (any answer but 200, or no answer) and
p50/p99 per kind and overall, against the goal (0 errors, p99 <= 200 ms); for the runaway
queries, how they ended (503 at the time limit, 503 when the long share was full, 500 when a
worker outgrew its memory); the peak memory of one query worker and of the whole server.

    .venv/bin/python bench/load.py [--reports 10000] [--clients 32] [--seconds 60] [--think 0.5]
                                   [--runaway-share 0.05] [--attackers 0] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import platform
import random
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from archive_store import add_reports_option
from serving import (
    EVENT_PREFIX,
    SPARQL_JSON,
    RawConnection,
    available_bytes,
    cached_store,
    polgraph_command,
    process_stats,
    rss_mb,
    run_async,
    server_processes,
    serving,
    store_facts,
)

PG = "https://w3id.org/polgraph/ontology#"
PERSON_PREFIX = "https://w3id.org/polgraph/id/person/"
RUNAWAY = {
    "cross product sorted": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
    "triple cross product counted": "SELECT (COUNT(*) AS ?n) WHERE { "
    "?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "regex over every literal": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?s2 ?p2 ?o2 "
    'FILTER(regex(str(?o), "(a|b)*c$") && ?o = ?o2) }',
}
GOAL_P99_MS = 200.0


@dataclass
class Sample:
    """What the short mix draws from: events, persons, bodies, and words of persons' names."""

    events: list[str]
    persons: list[str]
    orgs: list[str]
    name_words: list[str]


def sample_of(path: Path, events: list[str]) -> Sample:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(path))
    persons = sorted(
        {
            row["p"].value
            for row in store.query(
                f"SELECT DISTINCT ?p WHERE {{ ?m <{PG}mentionOf> ?p }}",
                use_default_graph_as_union=True,
            )
        }
    )
    orgs = sorted(
        {
            row["o"].value
            for row in store.query(
                "SELECT DISTINCT ?o WHERE { ?post <http://www.w3.org/ns/org#postIn> ?o }",
                use_default_graph_as_union=True,
            )
        }
    )
    words = sorted(
        {
            word
            for row in store.query(
                f"SELECT ?n WHERE {{ ?p <{PG}name> ?n }} LIMIT 2000",
                use_default_graph_as_union=True,
            )
            for word in row["n"].value.split()[-1:]
        }
    )
    del store
    return Sample(events, persons, orgs, words)


@functools.cache
def who_held_role_at_event():
    from polgraph.query.named import load_query

    return load_query("who-held-role-at-event")


def short_request(rng: random.Random, sample: Sample) -> tuple[str, str, dict, dict]:
    """(kind, path, params, headers) of one short request, drawn from the fixed mix."""
    event = rng.choice(sample.events)
    event_id = event.removeprefix(EVENT_PREFIX)
    kind = rng.choice(
        [
            "sparql who-held-role-at-event",
            "sparql posts of a body",
            "api event",
            "api roles",
            "api person",
            "api events list",
            "api person search",
        ]
    )
    json_ = {"Accept": "application/json"}
    if kind == "sparql who-held-role-at-event":
        return (
            kind,
            "/sparql",
            {"query": who_held_role_at_event().render({"event": event})},
            {"Accept": SPARQL_JSON},
        )
    if kind == "sparql posts of a body":
        query = (
            "SELECT (COUNT(DISTINCT ?post) AS ?n) WHERE { ?post "
            "<http://www.w3.org/ns/org#postIn> "
            f"<{rng.choice(sample.orgs)}> }}"
        )
        return kind, "/sparql", {"query": query}, {"Accept": SPARQL_JSON}
    if kind == "api event":
        return kind, f"/api/events/{event_id}", {}, json_
    if kind == "api roles":
        return kind, "/api/roles", {"event": event_id}, json_
    if kind == "api person":
        return (
            kind,
            f"/api/persons/{rng.choice(sample.persons).removeprefix(PERSON_PREFIX)}",
            {},
            json_,
        )
    if kind == "api events list":
        return kind, "/api/events", {"limit": 20, "offset": rng.randrange(0, 2000)}, json_
    return kind, "/api/persons", {"q": rng.choice(sample.name_words), "limit": 10}, json_


@dataclass
class Outcomes:
    # short, 200s
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)  # short requests: kind → not answered 200
    first_errors: dict[str, str] = field(default_factory=dict)
    runaway: Counter = field(default_factory=Counter)  # how runaway queries ended
    runaway_seconds: list[float] = field(default_factory=list)


def ending_of(status: int, body: bytes) -> str:
    text = body[:400].decode(errors="replace")
    for words, name in (
        ("query time limit", "503 time limit"),
        ("server busy", "503 server busy"),
        ("worker stopped", "500 worker out of memory"),
    ):
        if words in text:
            return name
    return f"{status} {text[:80]}"


async def load(
    base: str,
    sample: Sample,
    outcomes: Outcomes,
    *,
    clients: int,
    attackers: int,
    runaway_share: float,
    seconds: float,
    think: float,
    timeout: float,
) -> None:
    async def one_client(index: int, deadline: float) -> None:
        rng = random.Random(f"load-{index}")
        connection = RawConnection(base)
        attacker = index >= clients
        try:
            while time.perf_counter() < deadline:
                sends_runaway = attacker or rng.random() < runaway_share
                if sends_runaway:
                    name = rng.choice(list(RUNAWAY))
                    kind, path, params, headers = (
                        name,
                        "/sparql",
                        {"query": RUNAWAY[name]},
                        {"Accept": SPARQL_JSON},
                    )
                else:
                    kind, path, params, headers = short_request(rng, sample)
                started = time.perf_counter()
                try:
                    status, body = await asyncio.wait_for(
                        connection.get(path, params, headers), timeout
                    )
                except (
                    OSError,
                    asyncio.IncompleteReadError,
                    asyncio.LimitOverrunError,
                    ValueError,
                ) as exc:
                    status, body = 0, f"{type(exc).__name__}: {exc}".encode()
                took = time.perf_counter() - started
                if sends_runaway:
                    outcomes.runaway[
                        "200 finished" if status == 200 else ending_of(status, body)
                    ] += 1
                    outcomes.runaway_seconds.append(took)
                elif status == 200:
                    outcomes.latencies[kind].append(took)
                else:
                    outcomes.errors[kind] += 1
                    outcomes.first_errors.setdefault(
                        kind, f"{status}: {body[:200].decode(errors='replace')}"
                    )
                if think and not attacker:
                    await asyncio.sleep(rng.expovariate(1 / think))
        finally:
            connection.close()

    deadline = time.perf_counter() + seconds
    await asyncio.gather(*(one_client(i, deadline) for i in range(clients + attackers)))


class MemoryWatch:
    """The peak resident memory of any one query worker and of the server with all its workers,
    sampled every 0.2 s (a worker that is killed takes its own peak figure with it)."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.worker_peak_mb = 0.0
        self.total_peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            sizes = dict(self._tree())
            workers = [mb for pid, mb in sizes.items() if pid != self.server_pid]
            self.worker_peak_mb = max(self.worker_peak_mb, *workers, 0.0)
            self.total_peak_mb = max(self.total_peak_mb, sum(sizes.values()))

    def _tree(self):
        for pid in server_processes(self.server_pid, process_stats()):
            size = rss_mb(pid)
            if size is not None:
                yield pid, size


def percentile_ms(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return 1000 * ordered[max(0, int(share * len(ordered) + 0.999999) - 1)]


def report(outcomes: Outcomes, seconds: float, memory: MemoryWatch) -> None:
    def ms(value: float | None) -> str:
        return "-" if value is None else f"{value:.0f}"

    print(f"\n{'short requests':34} {'answered':>9} {'errors':>7} {'p50 ms':>7} {'p99 ms':>7}")
    everything: list[float] = []
    for kind in sorted(set(outcomes.latencies) | set(outcomes.errors)):
        times = outcomes.latencies[kind]
        everything += times
        print(
            f"{kind:34} {len(times):>9,} {outcomes.errors[kind]:>7} "
            f"{ms(percentile_ms(times, 0.5)):>7} "
            f"{ms(percentile_ms(times, 0.99)):>7}"
        )
    errors = sum(outcomes.errors.values())
    p99 = percentile_ms(everything, 0.99)
    print(
        f"{'all short':34} {len(everything):>9,} {errors:>7} "
        f"{ms(percentile_ms(everything, 0.5)):>7} "
        f"{ms(p99):>7}   ({len(everything) / seconds:.0f}/s)"
    )
    for kind, first in outcomes.first_errors.items():
        print(f"  first error, {kind}: {first}")
    print(
        "\nrunaway queries: "
        + ", ".join(f"{n} {ending}" for ending, n in outcomes.runaway.most_common())
        + (
            f"; median {percentile_ms(outcomes.runaway_seconds, 0.5) / 1000:.1f} s to the answer"
            if outcomes.runaway_seconds
            else ""
        )
    )
    print(
        f"memory: one worker at most {memory.worker_peak_mb:,.0f} MB, the server with its workers "
        f"at most {memory.total_peak_mb:,.0f} MB"
    )
    met = errors == 0 and p99 is not None and p99 <= GOAL_P99_MS
    print(
        f"\ngoal (0 errors, short p99 <= {GOAL_P99_MS:.0f} ms while runaway queries run): "
        f"{'met' if met else 'NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_reports_option(parser)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--think", type=float, default=0.5, help="mean seconds between a client's requests"
    )
    parser.add_argument(
        "--runaway-share", type=float, default=0.05, help="share of requests that are runaway"
    )
    parser.add_argument(
        "--attackers", type=int, default=0, help="more clients sending runaway queries back to back"
    )
    parser.add_argument(
        "--first-sight",
        type=float,
        default=15,
        help="seconds of the same load before the measured run, reported apart",
    )
    parser.add_argument("--quick", action="store_true", help="1,000 reports for 15 s")
    args = parser.parse_args()
    if args.quick:
        args.reports, args.seconds = 1_000, 15
    import pyoxigraph

    print(
        f"{platform.node()}: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, "
        f"{available_bytes() / 2**30:.1f} GiB available; pyoxigraph {pyoxigraph.__version__}"
    )
    path = cached_store(args.reports)
    quads, events = store_facts(path)
    sample = sample_of(path, events)
    print(
        f"store: {quads:,} quads, {len(events):,} events, {len(sample.persons):,} persons, "
        f"{len(sample.orgs):,} bodies"
    )
    settings = {key: value for key, value in os.environ.items() if key.startswith("POLGRAPH_")}
    print(f"server settings: {settings or 'the defaults'}")
    outcomes = Outcomes()
    with (
        tempfile.TemporaryDirectory() as scratch,
        serving(
            "polgraph serve", polgraph_command(path), Path(scratch) / "serve.log", start_timeout=120
        ) as server,
    ):
        print(
            f"{args.clients} clients ({args.runaway_share:.0%} of their requests runaway, think "
            f"{args.think:g} s) and {args.attackers} attackers, {args.seconds:g} s …",
            flush=True,
        )

        def run_load(into: Outcomes, seconds: float) -> None:
            run_async(
                load(
                    server.base,
                    sample,
                    into,
                    clients=args.clients,
                    attackers=args.attackers,
                    runaway_share=args.runaway_share,
                    seconds=seconds,
                    think=args.think,
                    timeout=120,
                )
            )

        # The first sight of each runaway query costs up to POLGRAPH_LONG_QUERY seconds of a
        # worker (until then it may be a short one): measured apart, before the steady state.
        first = Outcomes()
        run_load(first, args.first_sight)
        short = [t for times in first.latencies.values() for t in times]
        print(
            f"first {args.first_sight:g} s, each runaway query new to the server: {len(short)} "
            f"short requests, {sum(first.errors.values())} errors, p50 "
            f"{percentile_ms(short, 0.5) or 0:.0f} ms, p99 {percentile_ms(short, 0.99) or 0:.0f} "
            f"ms; then {args.seconds:g} s measured …",
            flush=True,
        )
        with MemoryWatch(server.process.pid) as memory:
            started = time.perf_counter()
            run_load(outcomes, args.seconds)
            seconds = time.perf_counter() - started
    report(outcomes, seconds, memory)


if __name__ == "__main__":
    main()
