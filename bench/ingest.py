"""Structured ingest speed: 1,000 reports into an empty store and into a 10,000-report store.

Prints reports/s and ms per report (map + validate + store, validated in batches as
``polgraph ingest`` does) for both, the ratio between them (the per-report cost must stay flat:
ratio <= 1.5), validation ms per report (<= 15 ms), and validation of one report on its own.

    .venv/bin/python bench/ingest.py [--measure 1000] [--background 10000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import post_titles, synthetic_report

from polgraph.ingest import Pipeline
from polgraph.rdf.mapping import map_extraction
from polgraph.store import OxigraphStore
from polgraph.vocab import vocabulary


def fill(store: OxigraphStore, count: int, titles, vocab) -> float:
    """Background reports, stored without validation (only their presence matters here)."""
    start = time.perf_counter()
    for index in range(count):
        report = map_extraction(synthetic_report(1_000_000 + index, vocab, titles), vocab)
        store.replace_graph(report.iri, report.triples)
    return time.perf_counter() - start


def measure(pipeline: Pipeline, first: int, count: int, titles, vocab, batch: int) -> dict[str, float]:
    """Ingest ``count`` reports the way ``polgraph ingest`` does: validated ``batch`` at a time."""
    reports = [synthetic_report(first + i, vocab, titles) for i in range(count)]
    total = validating = 0.0
    for start in range(0, count, batch):
        t0 = time.perf_counter()
        graphs = [map_extraction(x, vocab) for x in reports[start:start + batch]]
        t1 = time.perf_counter()
        results = pipeline.check([g.triples for g in graphs])
        t2 = time.perf_counter()
        for result in results:
            assert result.conforms, result.violations[:3]
        pipeline.store.replace_graphs([(g.iri, g.triples) for g in graphs])
        total += time.perf_counter() - t0
        validating += t2 - t1
    return {
        "reports_per_s": count / total,
        "ms_per_report": 1000 * total / count,
        "validation_ms": 1000 * validating / count,
    }


def single_validation_ms(pipeline: Pipeline, vocab, titles, count: int = 200) -> float:
    """One report at a time, as a single upload is checked."""
    graphs = [map_extraction(synthetic_report(5_000_000 + i, vocab, titles), vocab) for i in range(count)]
    t0 = time.perf_counter()
    for graph in graphs:
        pipeline.check([graph.triples])
    return 1000 * (time.perf_counter() - t0) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", type=int, default=1000)
    parser.add_argument("--background", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=64, help="reports validated per pySHACL pass")
    args = parser.parse_args()
    vocab = vocabulary()
    titles = post_titles(vocab)
    with tempfile.TemporaryDirectory() as tmp:
        empty = OxigraphStore(Path(tmp) / "empty")
        pipe = Pipeline(empty, vocab)
        pipe.ensure_model_graphs()
        cold = measure(pipe, 0, args.measure, titles, vocab, args.batch)

        full = OxigraphStore(Path(tmp) / "full")
        pipe_full = Pipeline(full, vocab, pipe.validator)
        pipe_full.ensure_model_graphs()
        seconds = fill(full, args.background, titles, vocab)
        print(f"background: {args.background} reports stored in {seconds:.1f} s "
              f"({full.stats().quads:,} quads)")
        warm = measure(pipe_full, 0, args.measure, titles, vocab, args.batch)
        single = single_validation_ms(pipe_full, vocab, titles)
        # What `polgraph ingest` does once at the end: persons, tenures and the store-wide rules.
        t0 = time.perf_counter()
        everything = pipe_full.resolve_identities()
        resolve_s = time.perf_counter() - t0
        # And after one more report, as an upload through the API would be: only its names.
        extra = map_extraction(synthetic_report(9_000_000, vocab, titles), vocab)
        assert pipe_full.check([extra.triples])[0].conforms
        full.replace_graph(extra.iri, extra.triples)
        t0 = time.perf_counter()
        one = pipe_full.resolve_identities()
        one_s = time.perf_counter() - t0

    print(f"{'store':<22}{'reports/s':>10}{'ms/report':>11}{'validate ms':>13}")
    for label, row in (("empty", cold), (f"{args.background:,} reports", warm)):
        print(f"{label:<22}{row['reports_per_s']:>10.1f}{row['ms_per_report']:>11.2f}"
              f"{row['validation_ms']:>13.2f}")
    ratio = warm["ms_per_report"] / cold["ms_per_report"]
    print(f"per-report cost ratio (full/empty): {ratio:.2f}  (target <= 1.5)")
    print(f"validation per report, batches of {args.batch}: "
          f"{max(cold['validation_ms'], warm['validation_ms']):.2f} ms  (target <= 15)")
    print(f"validation of a single report on its own: {single:.2f} ms")
    print(f"identities, tenures and store-wide rules over {args.background + args.measure:,} reports: "
          f"{resolve_s:.1f} s ({everything.mentions:,} mentions → {everything.persons:,} persons, "
          f"{everything.tenures:,} tenures)")
    print(f"the same after one more report ({one.names_resolved} names, {one.posts_resolved} posts "
          f"recomputed): {one_s:.2f} s")


if __name__ == "__main__":
    main()
