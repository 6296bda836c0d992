"""List speed: the list pages with facets, the API's lists with facets, a filtered list, a deep
page, a sorted list and each export, over the generated portal archive.

Takes the store of the generated portal archive (bench/archive.py) that bench/archive_store.py
builds with the real ingest pipeline and caches under var/bench/archive-store (built on the first
run: minutes for 10,000 reports). The app runs in this process (FastAPI's TestClient) over a
checkpoint of that store in a temporary folder, with one query worker, as bench/api.py runs it.

For each route:
  after a write  the first answer after the store changed: a new snapshot, so the lists' tables
                 are read from the store again (once per write, by the first request to need them)
  median, p95    of ``--runs`` answers worked out again by the worker (the answers kept between
                 writes are dropped before each), its tables read
  kept           the median of answers the server kept (pages and API lists; files are not kept)
Figures are printed, not asserted; the machine's other work shows in them.

    .venv/bin/python bench/lists.py [--reports 10000] [--runs 10] [--only csv]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import urlencode

from api import checkpoint  # bench/ is first on sys.path in a bench script
from archive_store import add_reports_option, archive_store

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TARGET_MS = 1000.0  # a page or an API list should answer well under a second at 10,000 reports


def routes(client) -> list[str]:
    """The routes timed, with filters taken from the store's own facets."""
    facets = client.get("/api/events", params={"facets": "true", "limit": 1}).json()
    first = {f["name"]: f["values"][0]["value"] for f in facets["facets"] if f["values"]}
    total = facets["total"]
    persons = client.get("/api/persons", params={"facets": "true", "limit": 1}).json()
    person_first = {f["name"]: f["values"][0]["value"] for f in persons["facets"] if f["values"]}
    last_page = max(1, math.ceil(total / 25))

    def query(path: str, **params) -> str:
        return f"{path}?{urlencode(params, doseq=True)}"

    return [
        "/events",
        "/persons",
        "/organizations",
        "/places",
        "/api/events?facets=true",
        "/api/persons?facets=true",
        "/api/organizations?facets=true",
        "/api/places",
        query("/events", kind=first["kind"], year=first["year"]),
        query("/events", commune=first.get("commune", ""), body_type=first.get("body_type", "")),
        query("/api/persons", post=person_first["post"], commune=person_first.get("commune", "")),
        query("/persons", q="nguyen", sort="last_seen"),
        query("/events", page=last_page),
        query("/api/events", facets="true", offset=max(0, total - 20)),
        query("/persons", sort="events", page=20),
        "/events.csv",
        "/events.csv?bom=1",
        "/events.json",
        "/events.xlsx",
        query("/events.csv", kind=first["kind"]),
        "/persons.csv",
        "/persons.xlsx",
        "/organizations.xlsx",
        "/places.csv",
    ]


def timed(client, route: str) -> tuple[float, int, str]:
    started = time.perf_counter()
    answer = client.get(route)
    elapsed = (time.perf_counter() - started) * 1000
    kind = answer.headers.get("content-type", "").split(";")[0]
    if kind == "application/json" and route.startswith("/api"):
        size = f"{answer.json().get('total', '?')} found"
    else:
        size = f"{len(answer.content) / 1e3:,.0f} kB {kind.rsplit('/', 1)[-1]}"
    return elapsed, answer.status_code, size


def _is_file(route: str) -> bool:
    return route.split("?")[0].endswith((".csv", ".json", ".xlsx"))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_reports_option(parser)
    parser.add_argument("--runs", type=int, default=10, help="answers timed per route (default 10)")
    parser.add_argument(
        "--only", action="append", default=[], help="only routes containing this text"
    )
    args = parser.parse_args()
    cached = archive_store(args.reports)

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from fastapi.testclient import TestClient

    from polgraph.server import create_app
    from polgraph.settings import Settings

    slowest: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-lists-") as tmp:
        store = checkpoint(cached, Path(tmp) / "store")
        app = create_app(Settings(query_workers=1), store)
        print(
            f"store: {args.reports:,} generated archive reports (a checkpoint of "
            f"{cached.relative_to(REPO)}); {args.runs} runs per route",
            flush=True,
        )
        with TestClient(app) as client:
            chosen = [r for r in routes(client) if not args.only or any(t in r for t in args.only)]
            print(
                f"{'route':<66} {'status':>6} {'after a write':>13} {'median':>9} {'p95':>9} "
                f"{'kept':>8}  answer"
            )
            for route in chosen:
                app.state.engine.mark_changed()  # as after a write: a new snapshot, tables read
                app.state.store_generation += 1
                first, status, size = timed(client, route)
                runs = []
                for _ in range(args.runs):
                    app.state.store_generation += 1  # the answers kept are dropped, not the tables
                    runs.append(timed(client, route)[0])
                timed(client, route)  # kept, for the pages and lists
                kept = statistics.median(timed(client, route)[0] for _ in range(3))
                median = statistics.median(runs)
                slowest.append((median, route))
                print(
                    f"{route[:66]:<66} {status:>6} {first:>11.0f}ms {median:>7.1f}ms "
                    f"{p95(runs):>7.1f}ms {kept:>6.1f}ms  {size}",
                    flush=True,
                )
        store.close()
    pages = [(ms, route) for ms, route in slowest if not _is_file(route)]
    files = [(ms, route) for ms, route in slowest if _is_file(route)]
    if pages:
        worst, where = max(pages)
        verdict = "within" if worst <= TARGET_MS else "OVER"
        print(
            f"\npages and lists: slowest median {worst:.0f} ms ({where}); {verdict} "
            f"{TARGET_MS:.0f} ms on {args.reports:,} reports"
        )
    if files:
        worst, where = max(files)
        print(f"files: slowest median {worst:.0f} ms ({where}), every matching row")


if __name__ == "__main__":
    sys.exit(main())
