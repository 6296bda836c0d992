"""Full-text search speed: building the index of the generated portal archive's store, checking it
as a server does when it starts, keeping it in step with one report removed and stored again,
and answering queries as ``/api/search`` does.

Takes the store of the generated portal archive (bench/archive.py) that bench/archive_store.py
builds with the real ingest pipeline and caches under var/bench/archive-store (built on the first
run, about 3 minutes for 10,000 reports on an idle machine). It works on a checkpoint of that
store in a temporary folder (hard links, from the store opened read-only), so the cached store
and its own index are never written.

- ``build``: the whole index from the store (``polgraph search rebuild``), its size on disk and
  what it holds;
- ``check``: ``SearchIndex.staleness``, what a starting server asks before serving;
- ``update``: one report removed, then stored again, each through the pipeline: the index's own
  part of the ingest's time (writing the report's, its event's, its bodies' and places' and its
  names' persons' rows), and that the index is then what a rebuild makes;
- ``query``: for each query, every section's first page of 20 as the API answers it, the
  reports' sentences cut from their text in the store included: the first answer (a new
  connection) and the median and slowest of ``--runs`` more; and the median of the index's
  part alone (the five pages and their totals, without the sentences).

Figures are printed, not asserted; the machine's other work shows in them.

    nice -n 10 .venv/bin/python bench/search.py [--reports 10000] [--runs 20]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from archive_store import add_reports_option, archive_store  # bench/ is first on sys.path

BENCH = Path(__file__).resolve().parent
SECTIONS = ("person", "body", "place", "event", "report")
PG = "https://w3id.org/polgraph/ontology#"


def checkpoint(source: Path, target: Path):
    """The store at ``source`` as a writable store at ``target`` (a checkpoint of hard links)."""
    from polgraph.store import OxigraphStore

    reader = OxigraphStore(source, read_only=True)
    reader.native.backup(str(target))
    del reader
    return OxigraphStore(target)


def size_on_disk(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def queries(index_path: Path) -> list[tuple[str, str]]:
    """What people type: names of the archive's best attested person and of a commune, with and
    without accents, unfinished; kinds of events; a post in a commune; a word of every report."""
    from polgraph.search import find
    from polgraph.search.folding import comparable

    person = find(index_path, "person", "", 1000).items
    best = max(person, key=lambda p: p["reports"])["name"]
    commune = next(p for p in find(index_path, "place", "xa", 50).items if p["level"] == "commune")
    place = commune["label"].split(" ", 1)[1]
    folded = comparable(best)
    return [
        ("a name, without accents", folded),
        ("a name, with accents", best),
        ("a name, unfinished", folded[: max(3, len(folded) - 2)]),
        ("a surname alone", folded.split()[0]),
        ("one letter", folded[0]),
        ("a commune", comparable(place)),
        ("hoi nghi", "hoi nghi"),
        ("dai hoi, a commune", f"dai hoi {comparable(place)}"),
        ("a post and a commune", f"chu tich {comparable(place)}"),
        ("a word of every report", "dong chi"),
        ("nothing", "khong co gi ca"),
    ]


def answer(store, index_path: Path, query: str) -> dict:
    """Every section's first page, as ``/api/search`` answers it (the reports' sentences too)."""
    from polgraph.server.answers.full_text import search_answer

    return search_answer(store, query, str(index_path), None, 20, 0)


def timed_update(pipeline) -> list[float]:
    """Seconds the index's own update took in each resolution of ``pipeline`` from now on."""
    taken: list[float] = []
    finish = pipeline._finish_search_update

    def timing(update, resolution) -> None:
        started = time.perf_counter()
        finish(update, resolution)
        taken.append(time.perf_counter() - started)

    pipeline._finish_search_update = timing
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_reports_option(parser)
    parser.add_argument("--runs", type=int, default=20, help="warm answers per query")
    args = parser.parse_args()
    cached = archive_store(args.reports)

    from rdflib import URIRef

    from polgraph.pipeline.ingest import Pipeline
    from polgraph.search import SearchIndex, counts_line, find, finding, index_for

    with tempfile.TemporaryDirectory(prefix="polgraph-search-bench-") as folder:
        store = checkpoint(cached, Path(folder) / "store")
        index = index_for(store)
        print(f"store: {store.stats().reports:,} reports; index at {index.path}", flush=True)

        started = time.perf_counter()
        counts = index.rebuild(store)
        built = time.perf_counter() - started
        print(
            f"build: {built:.1f} s, {size_on_disk(index.path) / 1e6:.1f} MB: {counts_line(counts)}",
            flush=True,
        )
        started = time.perf_counter()
        reason = index.staleness(store)
        print(f"check: {1000 * (time.perf_counter() - started):.0f} ms ({reason or 'in step'})")

        pipeline = Pipeline(store)
        taken = timed_update(pipeline)
        report = find(index.path, "report", "hoi nghi", 1).items[0]["iri"]
        text = next(iter(store.query(f"SELECT ?t WHERE {{ <{report}> <{PG}text> ?t }}")))["t"].value
        started = time.perf_counter()
        pipeline.remove(URIRef(report))
        removed = time.perf_counter() - started
        source = Path(folder) / "again.txt"
        source.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        pipeline.run([source])
        stored = time.perf_counter() - started
        print(
            f"update: one report removed {removed:.2f} s (index {taken[0]:.2f} s), stored "
            f"again {stored:.2f} s (index {taken[-1]:.2f} s); index "
            f"{index.staleness(store) or 'in step'}",
            flush=True,
        )
        fresh = SearchIndex(Path(folder) / "rebuilt.sqlite")
        fresh.rebuild(store)
        same = fresh.counts() == index.counts()
        print(f"update: counts equal a rebuild's: {same}")

        print(f"query: {args.runs} warm answers each, every section's first 20")
        print(
            f"  {'query':<28} {'first ms':>9} {'p50 ms':>8} {'max ms':>8} {'index ms':>9}  "
            "found: persons bodies places events reports"
        )
        medians = []
        for what, query in queries(index.path):
            finding._forget(index.path)  # the first answer opens the connection, as a worker's
            started = time.perf_counter()
            found = answer(store, index.path, query)
            first = time.perf_counter() - started
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                answer(store, index.path, query)
                times.append(time.perf_counter() - started)
            medians.append(statistics.median(times))
            alone = []  # the index's part: the five sections' pages and totals, no sentences
            for _ in range(args.runs):
                started = time.perf_counter()
                for kind in SECTIONS:
                    find(index.path, kind, query, 20)
                alone.append(time.perf_counter() - started)
            totals = " ".join(str(found[name]["total"]) for name in found if name != "q")
            print(
                f"  {what:<28} {1000 * first:>9.1f} {1000 * statistics.median(times):>8.1f} "
                f"{1000 * max(times):>8.1f} {1000 * statistics.median(alone):>9.1f}  {totals}",
                flush=True,
            )
        print(
            f"query: median of the medians {1000 * statistics.median(medians):.1f} ms; "
            f"memory at most {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
        store.close()


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH))
    main()
