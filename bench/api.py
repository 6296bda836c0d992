"""API speed: each /api route and the home page over the generated portal archive, first answer and
after.

Takes the store of the generated portal archive (bench/archive.py: one district's communes,
bodies and officials recurring over the years) that bench/archive_store.py builds with the real
ingest pipeline and caches under var/bench/archive-store (built on the first run, about 3
minutes for 10,000 reports). The app runs in this process (FastAPI's TestClient) over a
checkpoint of that store in a temporary folder: hard links, taken from the store opened
read-only, so the cached store is never written. The routes ask about one event with role
attestations, its organiser, report, place and one of its participants.

For each route: ``first``, the answer right after a write (the store generation is moved on, so
a list reads its whole-store table again, as it does after every write; a route without a table
answers as fast as ever), then the median and the slowest of ``--runs`` answers more, and at the
end the most memory the process held. The warm medians of GET /api/events/{id},
GET /api/persons/{id} and GET / (the home page) are then set against the target, p50 <= 50 ms
warm at 10,000 reports. Figures are printed, not asserted; the machine's other work shows in
them, so compare runs made alike.

    .venv/bin/python bench/api.py [--reports 10000] [--runs 5] [--only persons]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import urlencode

from archive_store import add_reports_option, archive_store  # bench/ is first on sys.path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TARGET_MS = 50.0  # the warm p50 the routes of ``targeted`` should keep to at 10,000 reports
PG = "https://w3id.org/polgraph/ontology#"


def checkpoint(source: Path, target: Path):
    """The store at ``source`` as a writable store at ``target`` (a checkpoint of hard links)."""
    from polgraph.store import OxigraphStore

    reader = OxigraphStore(source, read_only=True)
    reader.native.backup(str(target))
    del reader
    return OxigraphStore(target)


def sample(store) -> dict[str, str]:
    """Ids and words for the routes: the middle event (by IRI) that has role attestations."""
    events = [
        row["event"].value
        for row in store.query(
            f"SELECT DISTINCT ?event WHERE {{ ?a a <{PG}RoleAttestation> "
            f"; <{PG}event> ?event }} ORDER BY ?event"
        )
    ]
    if not events:
        raise SystemExit("the store holds no event with role attestations")
    event = events[len(events) // 2]

    def one(pattern: str, variable: str) -> str:
        rows = list(
            store.query(f"SELECT ?{variable} WHERE {{ {pattern} }} ORDER BY ?{variable} LIMIT 1")
        )
        if not rows:
            raise SystemExit(f"the sample event has no {variable}: {event}")
        return rows[0][variable].value

    person = one(
        f"?part <{PG}event> <{event}> ; <{PG}participant>/<{PG}mentionOf> ?person", "person"
    )
    unit = one(
        f"<{event}> <{PG}place>/<{PG}partOf>* ?unit . "
        f"FILTER NOT EXISTS {{ ?unit <{PG}partOf> ?up }}",
        "unit",
    )
    return {
        "event": event.rsplit("/", 1)[1],
        "organiser": one(f"<{event}> <{PG}organiser> ?org", "org").rsplit("/", 1)[1],
        "report": one(f"<{event}> <{PG}source> ?report", "report").rsplit("/", 1)[1],
        "place": one(f"<{event}> <{PG}place> ?place", "place").split("/id/", 1)[1],
        "place_words": one(
            f"<{event}> <{PG}place> ?place . ?place "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?label",
            "label",
        ),
        "region_words": one(
            f"<{unit}> <http://www.w3.org/2000/01/rdf-schema#label> ?label", "label"
        ),
        "person": person.rsplit("/", 1)[1],
        "name": one(f"<{person}> <{PG}name> ?name", "name"),
        "date": one(f"<{event}> <{PG}date> ?date", "date"),
    }


def routes(ids: dict[str, str]) -> list[str]:
    def query(path: str, **params) -> str:
        return f"{path}?{urlencode(params)}"

    return [
        "/",
        f"/api/events/{ids['event']}",
        "/api/events?limit=20",
        query("/api/events", place=ids["place"]),
        query("/api/events", place=ids["place_words"]),
        query("/api/events", place=ids["region_words"]),
        query("/api/events", org=ids["organiser"]),
        "/api/events?kind=conference",
        query("/api/events", **{"from": ids["date"], "to": ids["date"]}),
        f"/api/organizations/{ids['organiser']}",
        "/api/organizations?q=uy+ban",
        "/api/organizations",
        f"/api/persons/{ids['person']}",
        "/api/persons?q=nguyen",
        query("/api/persons", q=ids["name"]),
        "/api/persons",
        "/api/persons?q=nguyen&offset=40",
        f"/api/roles?event={ids['event']}",
        f"/api/roles?person={ids['person']}",
        f"/api/roles?org={ids['organiser']}",
        query("/api/roles", date=ids["date"]),
        query("/api/roles", org=ids["organiser"], date=ids["date"]),
        f"/api/sources/{ids['report']}",
        "/api/sources?limit=20",
        "/api/sources?q=hoi+nghi",
    ]


def timed(client, route: str) -> tuple[float, int, str]:
    started = time.perf_counter()
    answer = client.get(route)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.headers.get("content-type", "").startswith("application/json"):
        body = answer.json()
        size = f"{body['total']} found" if isinstance(body, dict) and "total" in body else ""
    else:  # a page
        kind = answer.headers.get("content-type", "").split(";")[0]
        size = f"{len(answer.content) / 1e3:.0f} kB {kind}"
    return elapsed, answer.status_code, size


def targeted(ids: dict[str, str]) -> dict[str, str]:
    """The routes set against the target (p50 <= 50 ms warm at 10,000 reports), by name."""
    return {
        "GET /api/events/{id}": f"/api/events/{ids['event']}",
        "GET /api/persons/{id}": f"/api/persons/{ids['person']}",
        "GET / (home page)": "/",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_reports_option(parser)
    parser.add_argument(
        "--runs", type=int, default=5, help="answers timed after the first (default 5)"
    )
    parser.add_argument(
        "--only", action="append", default=[], help="only routes containing this text"
    )
    args = parser.parse_args()

    cached = archive_store(args.reports)

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from fastapi.testclient import TestClient

    from polgraph.server import create_app
    from polgraph.settings import Settings

    warm_ms: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-api-") as tmp:
        store = checkpoint(cached, Path(tmp) / "store")
        ids = sample(store)
        chosen = [r for r in routes(ids) if not args.only or any(text in r for text in args.only)]
        app = create_app(Settings(query_workers=1), store)
        print(
            f"store: {args.reports:,} generated archive reports (a checkpoint of "
            f"{cached.relative_to(REPO)}); {args.runs} runs after the first",
            flush=True,
        )
        print(f"{'route':<72} {'status':>6} {'first':>9} {'median':>9} {'max':>9}  answer")
        with TestClient(app) as client:
            for route in chosen:
                # as after a write: the lists read their tables again
                app.state.store_generation += 1
                first, status, size = timed(client, route)
                runs = [timed(client, route)[0] for _ in range(args.runs)]
                warm_ms[route] = statistics.median(runs)
                print(
                    f"{route[:72]:<72} {status:>6} {first:>7.1f}ms {warm_ms[route]:>7.1f}ms "
                    f"{max(runs):>7.1f}ms  {size}",
                    flush=True,
                )
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"memory: {peak:,.0f} MB at most (this process: the app, its tables and the test client)")
    measured = {name: warm_ms[route] for name, route in targeted(ids).items() if route in warm_ms}
    if measured:
        print(
            f"\nwarm median (p50 of {args.runs} answers after the first) on {args.reports:,} "
            f"reports; target p50 <= {TARGET_MS:.0f} ms warm at 10,000 reports:"
        )
        for name, median in measured.items():
            verdict = "met" if median <= TARGET_MS else "MISSED"
            if args.reports != 10_000:
                verdict = (
                    f"{'within' if median <= TARGET_MS else 'over'} {TARGET_MS:.0f} ms "
                    "(not the target's scale)"
                )
            print(f"  {name:<24} p50 {median:7.1f} ms  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
