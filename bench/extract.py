"""Reading speed: extraction alone, and extraction + validation + store, over the dev corpus
(../shared/dev-corpus, or data/reports where it is absent) repeated to 1,000 reports, in one
process after start-up. Target: >= 50 reports/s for extraction + validation + store on one core.

    .venv/bin/python bench/extract.py [--reports 1000]
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

from polgraph.extract.reader import Reader
from polgraph.extract.source import read_source
from polgraph.ingest import Pipeline
from polgraph.rdf.mapping import map_extraction
from polgraph.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[tuple[str, bytes]]:
    folder = ROOT.parent / "shared" / "dev-corpus" / "reports"
    if not folder.is_dir():
        folder = ROOT / "data" / "reports"
    return [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    files = corpus()
    # Each copy gets its own text (a numbered line), so each is a report of its own in the store.
    inputs = [(f"{i}-{name}", data + f"\n{i}".encode()) for i in range(args.reports // len(files) + 1)
              for name, data in files][: args.reports]
    reader = Reader()
    reader.read(read_source(files[0][1], files[0][0], ".txt"))  # start-up: vocabularies, regexes
    gc.set_threshold(100_000, 50, 100)  # as `polgraph ingest` does
    gc.freeze()  # the vocabularies are never garbage; stop rescanning them

    t0 = time.perf_counter()
    extractions = [reader.read(read_source(data, name, ".txt"), report_id=name) for name, data in inputs]
    extract_s = time.perf_counter() - t0
    persons = sum(len(x.persons) for x in extractions)
    del extractions  # the second stage must not pay the collector for the first stage's results
    gc.collect()

    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(OxigraphStore(Path(tmp) / "store"), reader.lexicon.vocabulary)
        pipeline.ensure_model_graphs()
        stages = dict.fromkeys(("extraction", "mapping", "validation", "store"), 0.0)
        t0 = time.perf_counter()
        for start in range(0, len(inputs), args.batch):
            chunk = inputs[start:start + args.batch]
            t1 = time.perf_counter()
            read = [reader.read(read_source(data, name, ".txt"), report_id=name) for name, data in chunk]
            t2 = time.perf_counter()
            graphs = [map_extraction(x, reader.lexicon.vocabulary) for x in read]
            t3 = time.perf_counter()
            for report in pipeline.check([g.triples for g in graphs]):
                assert report.conforms, report.violations[:3]
            t4 = time.perf_counter()
            pipeline.store.replace_graphs([(g.iri, g.triples) for g in graphs])
            t5 = time.perf_counter()
            for stage, seconds in zip(stages, (t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                stages[stage] += seconds
        full_s = time.perf_counter() - t0
        stored = pipeline.store.stats().reports

    n = len(inputs)
    print(f"{n} reports ({len(files)} distinct texts), {persons} persons, {stored} graphs stored")
    print(f"{'stage':<36}{'reports/s':>10}{'ms/report':>11}")
    print(f"{'extraction':<36}{n / extract_s:>10.1f}{1000 * extract_s / n:>11.2f}")
    print(f"{'extraction + validation + store':<36}{n / full_s:>10.1f}{1000 * full_s / n:>11.2f}")
    print("  of which, ms/report: " + ", ".join(f"{k} {1000 * v / n:.2f}" for k, v in stages.items()))
    print("target: >= 50 reports/s for extraction + validation + store")


if __name__ == "__main__":
    main()
