"""Reading speed on the generated portal archive (bench/archive.py): a page's classification
(whether it reports an event, as a harvest decides before keeping it), extraction alone, then each
stage of an ingest (extraction, mapping, validation, storing, and the identities, tenures and
rules that follow), in one process after start-up; then the whole `polgraph ingest` command on
the same files into an empty store, start-up included, as a user runs it.
Target: >= 30 reports/s for the whole ingest, identities and rules included.

    .venv/bin/python bench/extract.py [--reports 1000]
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from polgraph.extract.classify import classify_page
from polgraph.extract.reader import Reader
from polgraph.extract.source import read_source
from polgraph.pipeline.ingest import Pipeline
from polgraph.rdf.mapping import map_extraction
from polgraph.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import archive  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    inputs = [(r.name, r.text.encode("utf-8")) for r in archive.generate(args.reports)]
    reader = Reader()
    reader.read(read_source(inputs[0][1], inputs[0][0], ".txt"))  # start-up: vocabularies, regexes
    gc.set_threshold(100_000, 50, 100)  # as `polgraph ingest` does
    gc.freeze()  # the vocabularies are never garbage; stop rescanning them

    texts = [data.decode("utf-8") for _, data in inputs]
    classify_page(None, texts[0])  # its patterns compiled
    t0 = time.perf_counter()
    for text in texts:
        classify_page(None, text)
    classify_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    extractions = [
        reader.read(read_source(data, name, ".txt"), report_id=name) for name, data in inputs
    ]
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
            chunk = inputs[start : start + args.batch]
            t1 = time.perf_counter()
            read = [
                reader.read(read_source(data, name, ".txt"), report_id=name) for name, data in chunk
            ]
            t2 = time.perf_counter()
            graphs = [map_extraction(x, reader.lexicon.vocabulary) for x in read]
            t3 = time.perf_counter()
            for report in pipeline.check([g.triples for g in graphs]):
                assert report.conforms, report.violations[:3]
            t4 = time.perf_counter()
            pipeline.writer.write(graphs)
            t5 = time.perf_counter()
            for stage, seconds in zip(stages, (t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                stages[stage] += seconds
        t6 = time.perf_counter()
        pipeline.resolve_identities()
        stages["identities and rules"] = time.perf_counter() - t6
        full_s = time.perf_counter() - t0
        stored = pipeline.store.stats().reports

        folder = Path(tmp) / "texts"
        folder.mkdir()
        for name, data in inputs:
            (folder / name).write_bytes(data)
        t0 = time.perf_counter()
        subprocess.run(
            [
                str(Path(sys.executable).with_name("polgraph")),
                "ingest",
                "--quiet",
                "--store",
                str(Path(tmp) / "cli"),
                str(folder),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        command_s = time.perf_counter() - t0

    n = len(inputs)
    print(f"{n} generated archive reports, {persons} persons named, {stored} graphs stored")
    print(f"{'stage':<44}{'reports/s':>10}{'ms/report':>11}")
    print(f"{'classification':<44}{n / classify_s:>10.1f}{1000 * classify_s / n:>11.2f}")
    print(f"{'extraction':<44}{n / extract_s:>10.1f}{1000 * extract_s / n:>11.2f}")
    print(
        f"{'extraction to identities and rules, in-process':<44}"
        f"{n / full_s:>10.1f}{1000 * full_s / n:>11.2f}"
    )
    print(
        "  of which, ms/report: " + ", ".join(f"{k} {1000 * v / n:.2f}" for k, v in stages.items())
    )
    print(
        f"{'`polgraph ingest` (start-up included)':<44}"
        f"{n / command_s:>10.1f}{1000 * command_s / n:>11.2f}"
    )
    print("target: >= 30 reports/s for the whole ingest, identities and rules included")


if __name__ == "__main__":
    main()
