"""A store of the generated portal archive (bench/archive.py), ingested as ``polgraph ingest``
ingests it (read, map, validate, store, then identities, tenures and the rules), built once and
kept under var/bench/archive-store/<reports>-seed<seed>-<version>/ for the benches that read it.

    from archive_store import archive_store   # bench/ is first on sys.path in a bench script
    path = archive_store(10_000)
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CACHE = REPO / "var" / "bench" / "archive-store"


def _version() -> str:
    """Changes with the generator, the mapping, the shapes or the ontology: a store built by other
    code is rebuilt, not reused."""
    digest = hashlib.sha256()
    sources = [
        BENCH / "archive.py",
        *sorted((REPO / "src" / "polgraph" / "rdf").glob("*.py")),
        *sorted((REPO / "ontology").rglob("*.ttl")),
        REPO / "src" / "polgraph" / "store" / "layout.py",
    ]
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def add_reports_option(parser: argparse.ArgumentParser, default: int = 10_000) -> None:
    """The ``--reports`` option of the benches that serve or analyse the archive's store."""
    parser.add_argument(
        "--reports", type=int, default=default, help=f"reports in the archive (default {default})"
    )


def archive_store(count: int, *, seed: int = 0, rebuild: bool = False) -> Path:
    """The folder of a store holding ``count`` generated reports, persons and tenures resolved."""
    target = CACHE / f"{count}-seed{seed}-{_version()}"
    if target.is_dir() and not rebuild:
        print(
            f"store: {count:,} generated archive reports, cached at {target.relative_to(REPO)}",
            flush=True,
        )
        return target
    import archive

    from polgraph.pipeline.ingest import Pipeline
    from polgraph.store import OxigraphStore

    # Built beside the cache and renamed when complete, so an interrupted build is never reused.
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    print(
        f"store: ingesting {count:,} generated archive reports (about 3 minutes for 10,000) …",
        flush=True,
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="polgraph-archive-") as texts:
        archive.write(texts, count, seed=seed)
        store = OxigraphStore(partial)
        pipeline = Pipeline(store)
        pipeline.ensure_model_graphs()
        summary = pipeline.run([Path(texts)])
        if summary.rejected:
            raise SystemExit(
                f"{len(summary.rejected)} generated reports were rejected: "
                f"{summary.rejected[0].source}: {summary.rejected[0].error}"
            )
        quads = store.stats().quads
        store.close()
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    print(
        f"store: built in {time.perf_counter() - started:.0f} s, {quads:,} quads, "
        f"cached at {target.relative_to(REPO)}",
        flush=True,
    )
    return target
