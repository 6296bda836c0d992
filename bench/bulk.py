"""Bulk output speed on a portal archive (bench/archive.py): `polgraph ingest --nquads` against
`polgraph ingest` into an empty store, and what loading the files and resolving costs after.

For ``--reports`` generated text reports:

- ingest into an empty embedded store on disk (read, extract, map, validate, store, then
  persons, tenures and rules): seconds and reports/s;
- the same reports written as gzipped N-Quads (no store): seconds, reports/s, files and bytes;
- the files bulk-loaded into an empty embedded store by pyoxigraph, then ``identity rebuild``:
  seconds of each, and whether the store holds as many quads as the ingested one.

    .venv/bin/python bench/bulk.py [--reports 1000]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import archive
import pyoxigraph as ox

from polgraph import Polgraph
from polgraph.settings import Settings
from polgraph.store import OxigraphStore


def timed(what: str, count: int, action):
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    rate = f", {count / seconds:,.0f} reports/s" if count else ""
    print(f"  {what}: {seconds:,.1f} s{rate}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    settings = Settings(identity_path=None)
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-bulk-") as tmp:
        folder = Path(tmp)
        generated = archive.write(folder / "texts", args.reports, seed=args.seed)
        texts = [folder / "texts"]
        print(f"archive: {generated.reports:,} text reports, {generated.persons:,} officials")
        Polgraph(settings).prepare()  # the lexicon, vocabularies and shapes, out of the timings

        ingested = OxigraphStore(folder / "ingested")
        timed(
            "ingest into an empty store",
            args.reports,
            lambda: Polgraph(settings, ingested).ingest(texts),
        )

        nquads = folder / "nq"
        written = timed(
            "ingest --nquads (no store)",
            args.reports,
            lambda: Polgraph(settings).write_nquads(texts, nquads),
        )
        size = sum(path.stat().st_size for path in written.files)
        print(f"    {len(written.files)} files, {size / 1e6:,.1f} MB gzipped")

        loaded = OxigraphStore(folder / "loaded")

        def load() -> None:
            for path in written.files:
                with gzip.open(path, "rb") as source:
                    loaded.native.bulk_load(source, ox.RdfFormat.N_QUADS)

        timed("bulk load of the files (pyoxigraph)", 0, load)
        timed(
            "identity rebuild on the loaded store", 0, lambda: Polgraph(settings, loaded).rebuild()
        )
        quads = loaded.stats().quads, ingested.stats().quads
        verdict = "the same" if quads[0] == quads[1] else "DIFFERENT"
        print(f"  quads: {quads[0]:,} loaded, {quads[1]:,} ingested ({verdict})")
        loaded.close()
        ingested.close()


if __name__ == "__main__":
    main()
