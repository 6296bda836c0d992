"""HTTP speed: who held which role at an event, via /sparql and /api/roles, and rdflib-endpoint.

Takes the store of the generated portal archive (bench/archive.py: one district's communes,
bodies and officials recurring over the years), ingested by the real pipeline with persons,
tenures and rules resolved and cached under var/bench/archive-store (bench/archive_store.py),
serves it with ``polgraph serve`` on 127.0.0.1, and puts a bounded load on it: ``--clients``
concurrent clients, each sending its next request when the last one is answered, start
requests for ``--seconds`` (after a short warm-up), and the answers still out are waited for;
requests/s is every answer over the time to the last one. A minimal keep-alive HTTP client
sends them (``--client httpx`` for httpx), as httpx would take a core from the server on a
2-core machine. Every request asks about an event drawn at random from the store:
queries/who-held-role-at-event.rq with ?event bound, through /sparql, and /api/roles?event=.
rdflib-endpoint then serves the same quads from rdflib's in-memory Dataset (default graph = the
union, as polgraph's) on another port and gets the same /sparql load twice: first with the
formulation of that query rdflib answers fastest (RDFLIB_BEST_QUERY), then with the named query
as written, which rdflib plans badly. Before any timing, both must give polgraph's rows for a
few sample events; a formulation that does not is flagged on every line that shows its figures.
Figures are printed, not asserted: requests/s, p50 and p99 per target, and polgraph's throughput
over rdflib-endpoint's for each formulation, against the targets (>= 20x rdflib-endpoint's
throughput at its best, p99 <= 50 ms). When rdflib would not fit in memory, it serves the store
of a smaller generated archive and polgraph is measured on that store too, so the two compare on
the same data.

    .venv/bin/python bench/endpoint.py [--reports 10000] [--seconds 20] [--clients 16] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from page_cache import warm  # bench/ is first on sys.path
from serving import (
    EVENT_PREFIX,
    SPARQL_JSON,
    RawConnection,
    Server,
    available_bytes,
    cached_store,
    group_cpu,
    machine_busy,
    polgraph_command,
    run_async,
    serving,
    store_facts,
)

# rdflib's in-memory Dataset costs about 1.6 kB a quad (measured on 2,000 reports); the margin
# covers the server around it and the benchmark itself.
RDFLIB_BYTES_PER_QUAD = 2_000
SLICES = (5_000, 2_000, 1_000, 500)

# queries/who-held-role-at-event.rq as rdflib answers it fastest, for the same rows. rdflib
# orders a group's patterns itself: by how many of their terms are unbound when it starts on the
# group, ties as it sorted them when parsing, where rdf:type comes before the other IRIs. As
# written, `?attestation a pg:RoleAttestation` ties with `?attestation pg:event ?event` (?event
# bound) and goes first, so every request walks every attestation in the store (about 1
# request/s on 10,000 reports). Without it the join starts from the bound event. The type
# pattern only repeats what pg:event, pg:person, pg:post and pg:source say of a node in this
# store; the rows are checked against polgraph's before timing. Kept as a type check, it costs
# rdflib about a tenth (FILTER EXISTS, or the pattern in a group of its own with the event IRI
# written into the patterns). ?event is bound the way polgraph binds it.
RDFLIB_BEST_QUERY = """\
PREFIX pg:   <https://w3id.org/polgraph/ontology#>
PREFIX org:  <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT DISTINCT ?person ?person_name ?post_label ?org ?org_label
    ?event ?event_label ?event_date ?source
WHERE {
  ?attestation pg:event ?event ;
      pg:person ?mention ;
      pg:post ?post ;
      pg:source ?source .
  ?event rdfs:label ?event_label .
  ?mention pg:mentionOf ?person .
  ?person pg:name ?person_name .
  ?post pg:postTitle ?post_label ; org:postIn ?org .
  ?org rdfs:label ?org_label .
  ?source pg:reportKey ?report .
  OPTIONAL { ?event pg:date ?event_date . }
}
ORDER BY ?event_date ?event ?person_name ?post_label ?org_label
"""


def rdflib_best_query(event: str) -> str:
    import pyoxigraph as ox

    from polgraph.query.named import with_values

    return with_values(RDFLIB_BEST_QUERY, {"event": ox.NamedNode(event)})


def rdflib_command(store: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--serve-rdflib", str(store)]


def serve_rdflib(store_path: Path, port: int) -> None:
    """The rdflib-endpoint side: every quad of the store in an rdflib Dataset, served on /sparql."""
    import pyoxigraph as ox
    import uvicorn
    from rdflib import BNode, Dataset, Literal, URIRef
    from rdflib_endpoint import SparqlEndpoint

    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    t0 = time.perf_counter()
    dataset = Dataset(default_union=True)  # the default graph is the union, as polgraph queries it
    # Built over the empty dataset: its service description counts the triples of every named
    # graph with one SPARQL query, which over a store of ~90,000 graphs did not end in 10
    # minutes. The description then lists no graphs, which no query here reads.
    app = SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)
    iris: dict[str, URIRef] = {}
    graphs: dict[str, object] = {}

    # Term by term from the store rather than through an N-Quads file: the same quads, and
    # rdflib's N-Quads parser would take half as long again. Plain strings stay plain, as the
    # parser would leave them.
    def term(node):
        if isinstance(node, ox.NamedNode):
            found = iris.get(node.value)
            if found is None:
                found = iris[node.value] = URIRef(node.value)
            return found
        if isinstance(node, ox.BlankNode):
            return BNode(node.value)
        if node.language:
            return Literal(node.value, lang=node.language)
        kind = node.datatype.value
        if kind == xsd_string:
            return Literal(node.value)
        return Literal(node.value, datatype=URIRef(kind))

    def graph(name):
        found = graphs.get(name.value)
        if found is None:
            found = graphs[name.value] = dataset.graph(URIRef(name.value))
        return found

    source = ox.Store.read_only(str(store_path))
    dataset.addN(
        (term(q.subject), term(q.predicate), term(q.object), graph(q.graph_name)) for q in source
    )
    del source
    print(f"rdflib: {len(graphs):,} graphs loaded in {time.perf_counter() - t0:.0f} s", flush=True)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


# -- the load -------------------------------------------------------------------------------


def sparql_request(query_text: Callable[[str], str]) -> Callable[[str], tuple[str, dict, dict]]:
    return lambda event: ("/sparql", {"query": query_text(event)}, {"Accept": SPARQL_JSON})


def roles_request(event: str) -> tuple[str, dict, dict]:
    # The API's event id is the IRI's last part (the full IRI is taken too).
    ident = event.removeprefix(EVENT_PREFIX)
    return "/api/roles", {"event": ident}, {"Accept": "application/json"}


@dataclass
class Figures:
    target: str
    reports: int
    latencies: list[float] = field(default_factory=list)  # seconds, answered requests only
    errors: int = 0
    first_error: str = ""
    seconds: float = 0.0  # from the first request to the last answer
    last: float = 0.0  # perf_counter of the last answer
    client_cpu: float = 0.0  # the load generator's CPU time per second of the load
    server_cpu: dict[str, float] = field(default_factory=dict)  # the same for the server
    others: float = 0.0  # the same for every other process on the machine
    note: str = ""  # why there are no figures
    differs: str = ""  # how its answers differ from polgraph's: its figures compare nothing

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, share: float) -> float | None:
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        return 1000 * ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def _load(
    base: str,
    request: Callable[[str], tuple[str, dict, dict]],
    events: list[str],
    figures: Figures,
    clients: int,
    seconds: float,
    grace: float,
    kind: str,
    seed: str = "load",
) -> None:
    """``clients`` closed loops that start requests for ``seconds``, then wait up to ``grace``
    for the last ones. Throughput is every answer over the time to the last one: a server that
    answers in bursts (rdflib-endpoint sends a whole queue's answers at once) would otherwise
    be counted by whether a burst fell just inside or just outside the window."""
    import httpx

    timeout = seconds + grace + 5
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:

        async def via_httpx(path: str, params: dict, headers: dict) -> tuple[int, bytes]:
            response = await client.get(path, params=params, headers=headers)
            return response.status_code, response.content

        async def one_client(index: int, deadline: float) -> None:
            # The same draws for every target, so they answer about the same events.
            rng = random.Random(f"{seed}-{index}")
            connection = RawConnection(base) if kind == "raw" else None
            get = connection.get if connection else via_httpx
            try:
                while time.perf_counter() < deadline:
                    path, params, headers = request(rng.choice(events))
                    t0 = time.perf_counter()
                    try:
                        status, body = await asyncio.wait_for(get(path, params, headers), timeout)
                        ok = status == 200 and bool(body)
                        problem = f"HTTP {status}: {body[:200].decode(errors='replace')}"
                    except (
                        OSError,
                        asyncio.IncompleteReadError,
                        asyncio.LimitOverrunError,
                        ValueError,
                        httpx.HTTPError,
                    ) as exc:  # OSError: timeouts too
                        ok, problem = False, f"{type(exc).__name__}: {exc}"
                    t1 = time.perf_counter()
                    figures.last = max(figures.last, t1)
                    if ok:
                        figures.latencies.append(t1 - t0)
                    else:
                        figures.errors += 1
                        figures.first_error = figures.first_error or problem
            finally:
                if connection:
                    connection.close()

        cpu = time.process_time()
        start = time.perf_counter()
        deadline = start + seconds
        tasks = [asyncio.create_task(one_client(i, deadline)) for i in range(clients)]
        _done, pending = await asyncio.wait(tasks, timeout=seconds + grace)
        for task in pending:  # not answered in time: neither counted nor timed
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        figures.seconds = (figures.last or time.perf_counter()) - start
        figures.client_cpu = (time.process_time() - cpu) / (time.perf_counter() - start)
        for task in tasks:
            if not task.cancelled():
                task.result()  # a fault in the benchmark itself, not an error answer: raise it


def measure(
    target: str, reports: int, server: Server, request, events: list[str], args, *, warmup: float
) -> Figures:
    figures = Figures(target, reports)
    print(
        f"  {target} on {reports:,} reports: {args.clients} clients for {args.seconds:g} s"
        f"{f' after {warmup:g} s of warm-up' if warmup else ''} …",
        flush=True,
    )
    if warmup:  # other events than the load's, so it warms the server, not the answers
        run_async(
            _load(
                server.base,
                request,
                events,
                Figures(target, reports),
                args.clients,
                warmup,
                grace=30 + 2 * warmup,
                kind=args.client,
                seed="warm-up",
            )
        )
    before, busy = group_cpu(server.process.pid), machine_busy()
    run_async(
        _load(
            server.base,
            request,
            events,
            figures,
            args.clients,
            args.seconds,
            grace=30 + 2 * args.seconds,
            kind=args.client,
        )
    )
    after, busy = group_cpu(server.process.pid), machine_busy() - busy
    figures.server_cpu = {k: (after[k] - before[k]) / figures.seconds for k in after}
    # Whatever else the machine did meanwhile: more than a little, and the figures are skewed.
    figures.others = max(
        0.0, busy / figures.seconds - figures.client_cpu - sum(figures.server_cpu.values())
    )
    print(
        f"    {len(figures.latencies):,} answered, {figures.errors:,} errors, "
        f"{figures.rate:.1f}/s, p50 {_ms(figures.percentile_ms(0.5))} ms, "
        f"p99 {_ms(figures.percentile_ms(0.99))} ms",
        flush=True,
    )
    return figures


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def answers(base: str, request, events: list[str]) -> list:
    """/sparql's rows (or /api/roles' total) for a few events, one request at a time: the
    answers are real, and the first request of a run is not the one that gets timed."""
    import httpx

    found = []
    for event in events:
        path, params, headers = request(event)
        response = httpx.get(base + path, params=params, headers=headers, timeout=120)
        if response.status_code != 200:
            found.append(f"HTTP {response.status_code}")
        elif path == "/sparql":
            found.append(frozenset(_row(b) for b in response.json()["results"]["bindings"]))
        else:
            found.append(response.json()["total"])
    return found


def _row(binding: dict) -> tuple:
    """A result row, as comparable across servers: a plain literal is an xsd:string one, and
    "typed-literal" (the older JSON form) a literal."""
    cells = []
    for name, cell in sorted(binding.items()):
        kind = "literal" if cell["type"] == "typed-literal" else cell["type"]
        datatype = cell.get("datatype", XSD_STRING if kind == "literal" else "")
        cells.append((name, kind, cell["value"], datatype, cell.get("xml:lang", "")))
    return tuple(cells)


def shown(found: list) -> list[int | str]:
    """Row counts for rows, as printed."""
    return [len(x) if isinstance(x, frozenset) else x for x in found]


def has_route(base: str, path: str, probe: str) -> bool:
    """Whether the app has ``path``: from its OpenAPI document, or else whether ``probe`` (a
    request for something that exists) is a 404."""
    import httpx

    response = httpx.get(f"{base}/openapi.json", timeout=30)
    if response.status_code == 200:
        return path in response.json().get("paths", {})
    return httpx.get(base + probe, timeout=30).status_code != 404


def measure_polgraph(
    store: Path, reports: int, events: list[str], query_text, samples: list[str], args, log: Path
) -> tuple[list[Figures], list]:
    """/sparql and /api/roles under load, and the rows /sparql gave for ``samples``."""
    rows = []
    with serving("polgraph serve", polgraph_command(store), log, start_timeout=120) as server:
        print(
            f"polgraph serving {reports:,} reports (ready in {server.start_seconds:.1f} s)",
            flush=True,
        )
        sparql = sparql_request(query_text)
        found = answers(server.base, sparql, samples)
        print(f"  rows for {len(samples)} sample events through /sparql: {shown(found)}")
        rows.append(
            measure("polgraph /sparql", reports, server, sparql, events, args, warmup=args.warmup)
        )
        path, params, _headers = roles_request(samples[0])
        if has_route(server.base, path, f"{path}?{urlencode(params)}"):
            print(
                f"  totals for the same events through /api/roles: "
                f"{answers(server.base, roles_request, samples)}"
            )
            rows.append(
                measure(
                    "polgraph /api/roles",
                    reports,
                    server,
                    roles_request,
                    events,
                    args,
                    warmup=args.warmup,
                )
            )
        else:
            rows.append(Figures("polgraph /api/roles", reports, note="n/a (route missing)"))
    return rows, found


RDFLIB_BEST = "rdflib-endpoint (its best)"
RDFLIB_AS_WRITTEN = "rdflib-endpoint (as written)"


def measure_rdflib(
    store: Path,
    reports: int,
    quads: int,
    events: list[str],
    formulations: list[tuple[str, Callable[[str], str]]],
    samples: list[str],
    polgraph_rows: list,
    args,
    log: Path,
) -> list[Figures]:
    """rdflib-endpoint under the same /sparql load, once per formulation of the query (target
    name, query text for an event), each checked against polgraph's rows for ``samples`` first;
    a failure to serve is a row, so that polgraph's figures are still printed."""
    import httpx

    # Loading runs at about 35 µs a quad on this kind of machine; allow for a slow one.
    start_timeout = 120 + 200e-6 * quads
    print(f"rdflib-endpoint: loading {quads:,} quads into rdflib …", flush=True)
    try:
        with serving(
            "rdflib-endpoint", rdflib_command(store), log, start_timeout=start_timeout
        ) as server:
            rss = server.rss_mb()
            print(
                f"rdflib-endpoint serving {reports:,} reports (ready in "
                f"{server.start_seconds:.0f} s{f', {rss:,.0f} MB resident' if rss else ''})",
                flush=True,
            )
            differs = {}
            for target, query_text in formulations:
                found = answers(server.base, sparql_request(query_text), samples)
                differs[target] = _differences(found, polgraph_rows)
                agree = "the same as" if not differs[target] else "NOT THE SAME AS"
                print(
                    f"  {target}: rows for the sample events through /sparql: {shown(found)} "
                    f"({agree} polgraph's)",
                    flush=True,
                )
                if differs[target]:
                    print(
                        f"  !!! {target} does not give polgraph's answers "
                        f"({differs[target]}): its figures compare nothing",
                        flush=True,
                    )
            # Its queue would outlast a warm-up by many seconds: the sample requests above
            # are its warm-up. The formulations are timed in the order given, the slow one
            # last, so that no request of its left queued slows the other's load.
            rows = []
            for target, query_text in formulations:
                figures = measure(
                    target, reports, server, sparql_request(query_text), events, args, warmup=0
                )
                figures.differs = differs[target]
                rows.append(figures)
            return rows
    except (RuntimeError, httpx.HTTPError) as exc:
        print(f"rdflib-endpoint failed: {exc}", flush=True)
        return [
            Figures(target, reports, note="n/a (failed, see above)")
            for target, _query in formulations
        ]


def _differences(found: list, expected: list) -> str:
    """How the rows of the sample events differ from polgraph's: empty when they do not."""
    problems = []
    for index, (mine, theirs) in enumerate(zip(found, expected, strict=True)):
        if not isinstance(mine, frozenset) or not isinstance(theirs, frozenset):
            if mine != theirs:
                problems.append(f"sample {index + 1}: {mine} against {theirs}")
        elif mine != theirs:
            problems.append(
                f"sample {index + 1}: {len(mine - theirs)} rows of its own, "
                f"{len(theirs - mine)} of polgraph's missing"
            )
    return "; ".join(problems)


# -- the report -----------------------------------------------------------------------------


def print_table(rows: list[Figures]) -> None:
    print()
    print(
        f"{'target':<30}{'reports':>8}{'requests':>10}{'errors':>8}{'req/s':>10}"
        f"{'p50 ms':>10}{'p99 ms':>10}"
    )
    for row in rows:
        if row.note:
            print(f"{row.target:<30}{row.reports:>8,}  {row.note}")
            continue
        p50, p99 = row.percentile_ms(0.50), row.percentile_ms(0.99)
        flag = "  !!! NOT POLGRAPH'S ANSWERS" if row.differs else ""
        print(
            f"{row.target:<30}{row.reports:>8,}{len(row.latencies):>10,}{row.errors:>8,}"
            f"{row.rate:>10.1f}{_ms(p50):>10}{_ms(p99):>10}{flag}"
        )
    for row in rows:
        if row.errors:
            print(f"  {row.target}: first error: {row.first_error}")
        if row.differs:
            print(f"  {row.target}: answers differ from polgraph's: {row.differs}")
    print(
        f"CPU per second of load ({os.cpu_count()} would be every core busy): client, "
        "server process, its query workers, other processes; then the server's CPU ms per answer"
    )
    for row in rows:
        if not row.note:
            # The server's CPU per answer depends on this machine's speed, not on the load: it
            # tells a slow run from a costlier build when the host is busy elsewhere.
            served = row.server_cpu.get("main", 0) + row.server_cpu.get("children", 0)
            per_answer = f"{served / row.rate * 1000:.2f}" if row.rate else "n/a"
            print(
                f"  {row.target:<28}{row.reports:>8,}{row.client_cpu:>8.2f}"
                f"{row.server_cpu.get('main', 0):>8.2f}"
                f"{row.server_cpu.get('children', 0):>8.2f}{row.others:>8.2f}{per_answer:>10}"
            )


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def print_verdicts(rows: list[Figures], reports: int, slice_reports: int) -> None:
    rdflibs = [r for r in rows if r.target.startswith("rdflib")]
    print()
    for row in rows:
        if row.note or not row.target.startswith("polgraph"):
            continue
        if row.reports == slice_reports:
            for rdflib in rdflibs:
                head = f"throughput {row.target} / {rdflib.target} on {slice_reports:,} reports"
                if not rdflib.rate:
                    why = rdflib.note or "n/a (rdflib-endpoint answered nothing in time)"
                    print(f"{head}: {why}")
                    continue
                ratio = row.rate / rdflib.rate
                # The target is judged against rdflib at its best: the query as written
                # measures rdflib's planner more than its engine.
                if rdflib.target == RDFLIB_BEST:
                    verdict = f"target >= 20x: {'met' if ratio >= 20 else 'missed'}"
                else:
                    verdict = "a query rdflib plans badly; the target is judged at its best"
                if rdflib.differs:
                    verdict = "!!! NOT COMPARABLE: rdflib's answers differ from polgraph's"
                print(f"{head}: {ratio:.1f}x  ({verdict})")
        if row.reports == reports:
            p99 = row.percentile_ms(0.99)
            verdict = "n/a" if p99 is None else ("met" if p99 <= 50 else "missed")
            print(
                f"p99 {row.target} on {reports:,} reports: {_ms(p99)} ms  "
                f"(target <= 50 ms: {verdict})"
            )
    busiest = max((row.others for row in rows if not row.note), default=0.0)
    if busiest > 0.25:
        print(
            f"warning: other processes kept up to {busiest:.2f} cores busy during the loads; "
            "these figures are low for this machine"
        )


# -- main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, help="reports in the store (default 10000)")
    parser.add_argument("--seconds", type=float, help="length of each load (default 20)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument(
        "--warmup",
        type=float,
        help="seconds of load on polgraph before each measured one (default 2)",
    )
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="the load's HTTP client: a minimal keep-alive one, or httpx",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: 300 reports, 3 s, 1 s of warm-up unless given",
    )
    parser.add_argument(
        "--rdflib-reports",
        type=int,
        default=None,
        help="reports rdflib-endpoint serves (default: all of them if they fit "
        "in memory, else a slice)",
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build the store again, cached or not"
    )
    parser.add_argument("--serve-rdflib", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_rdflib:
        serve_rdflib(args.serve_rdflib, args.port)
        return
    quick = args.quick
    args.reports = args.reports or (300 if quick else 10_000)
    args.seconds = args.seconds or (3 if quick else 20)
    args.warmup = args.warmup if args.warmup is not None else (1 if quick else 2)

    import pyoxigraph
    import rdflib
    import rdflib_endpoint

    from polgraph.query.named import load_query

    workers = os.environ.get("POLGRAPH_QUERY_WORKERS") or f"{(os.cpu_count() or 1) + 1} (default)"
    # Anything else busy on the machine skews every figure: the load average says whether it was.
    print(
        f"{platform.node()}: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, "
        f"{available_bytes() / 2**30:.1f} GiB available; Python {platform.python_version()}, "
        f"pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}, "
        f"rdflib-endpoint {rdflib_endpoint.__version__}; polgraph query workers: {workers}; "
        f"load client: {args.client}",
        flush=True,
    )
    named = load_query("who-held-role-at-event")

    def query_text(event: str) -> str:
        return named.render({"event": event})

    full = cached_store(args.reports, rebuild=args.rebuild)
    quads, events = store_facts(full)
    print(f"store: {quads:,} quads, {len(events):,} events with role attestations")

    slice_reports = args.rdflib_reports or args.reports
    per_report = quads / args.reports * RDFLIB_BYTES_PER_QUAD  # bytes rdflib needs a report
    if args.rdflib_reports is None:
        budget = 0.8 * available_bytes()
        if args.reports * per_report > budget:
            fitting = [n for n in SLICES if n < args.reports and n * per_report <= budget]
            slice_reports = fitting[0] if fitting else min(SLICES)
    slice_reports = min(slice_reports, args.reports)
    if slice_reports != args.reports:
        print(
            f"rdflib-endpoint would need about {args.reports * per_report / 2**30:.1f} GiB for "
            f"{args.reports:,} reports: it serves the store of a generated archive of "
            f"{slice_reports:,} reports instead, and polgraph is measured on that store too",
            flush=True,
        )
        part = cached_store(slice_reports, rebuild=args.rebuild)
        part_quads, part_events = store_facts(part)
    else:
        part, part_quads, part_events = full, quads, events

    rng = random.Random("samples")
    rows: list[Figures] = []
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-http-") as tmp:
        logs = Path(tmp)
        samples = rng.sample(events, min(5, len(events)))
        warm(full)
        found, polgraph_rows = measure_polgraph(
            full, args.reports, events, query_text, samples, args, logs / "polgraph.log"
        )
        rows += found
        part_samples = samples
        if part is not full:
            part_samples = rng.sample(part_events, min(5, len(part_events)))
            warm(part)
            found, polgraph_rows = measure_polgraph(
                part,
                slice_reports,
                part_events,
                query_text,
                part_samples,
                args,
                logs / "polgraph-slice.log",
            )
            rows += found
        formulations = [(RDFLIB_BEST, rdflib_best_query), (RDFLIB_AS_WRITTEN, query_text)]
        rows += measure_rdflib(
            part,
            slice_reports,
            part_quads,
            part_events,
            formulations,
            part_samples,
            polgraph_rows,
            args,
            logs / "rdflib.log",
        )

    print_table(rows)
    print_verdicts(rows, args.reports, slice_reports)


if __name__ == "__main__":
    main()
