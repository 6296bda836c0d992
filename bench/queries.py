"""The named queries' latency on the embedded store of one portal's archive (bench/archive.py),
ingested with persons, tenures and rules and cached (bench/archive_store.py).

Each query runs with values drawn from the store (tests/named_values.py, as in bench/scale.py),
``--runs`` times; the median is printed. ``--compare-with REV`` runs the same queries as they
were written at a git revision too (``git show REV:queries/NAME.rq``), on the same store with
the same values, and says whether the two answer the same rows (each GROUP_CONCAT's parts in
order: the order is the engine's).

    .venv/bin/python bench/queries.py [--reports 10000] [--runs 5] [--compare-with eb5326f]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from archive_store import add_reports_option, archive_store  # noqa: E402
from named_values import comparable_rows, named_query_values  # noqa: E402

from polgraph.query.named import NamedQuery, available_queries, parse_query  # noqa: E402
from polgraph.store import OxigraphStore  # noqa: E402


def answer(store: OxigraphStore, text: str) -> tuple[float, list[tuple]]:
    started = time.perf_counter()
    rows = list(store.query(text))
    return time.perf_counter() - started, comparable_rows(rows)


def median_ms(store: OxigraphStore, text: str, runs: int) -> tuple[float, list[tuple]]:
    times, rows = [], []
    for _ in range(runs):
        seconds, rows = answer(store, text)
        times.append(seconds)
    return statistics.median(times) * 1000, rows


def written_at(revision: str, name: str) -> NamedQuery:
    text = subprocess.run(
        ["git", "show", f"{revision}:queries/{name}.rq"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_query(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_reports_option(parser)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare-with", metavar="REV", help="a git revision's queries too")
    args = parser.parse_args()
    store = OxigraphStore(archive_store(args.reports), read_only=True)
    params = named_query_values(store)
    queries = available_queries()
    header = "now" if not args.compare_with else f"now / at {args.compare_with}"
    print(f"named query latency on {args.reports:,} reports, median of {args.runs} (ms): {header}")
    for name, query in sorted(queries.items()):
        values = params.get(name, {})
        now, rows = median_ms(store, query.render(values), args.runs)
        line = f"  {name}: {now:,.1f} ms, {len(rows)} rows"
        if args.compare_with:
            before, old_rows = median_ms(
                store, written_at(args.compare_with, name).render(values), args.runs
            )
            same = "the same rows" if old_rows == rows else "OTHER ROWS"
            line += f" / {before:,.1f} ms ({before / max(now, 1e-6):,.0f}×), {same}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
