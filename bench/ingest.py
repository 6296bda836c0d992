"""Ingest speed on a portal archive (bench/archive.py: one district's communes, bodies and
officials recurring over years), identities, tenures and the store-wide rules included.

Three figures, each as `polgraph ingest` does the work (``Pipeline.run``):

- one run of ``--reports`` text reports into an empty store: reports/s over the whole run, the
  seconds of each successive thousand (the persons, tenures and rules of the whole run are
  worked out at its end and shown apart), and the most memory the process held;
- the same reports as successive runs of ``--chunk`` each (as a portal harvested every week
  would be), each run resolving what it touched: the seconds of each, and the last over the first
  (target <= 1.5);
- one more report into the full store, as ``polgraph ingest FILE`` or ``POST /api/reports``
  stores it: seconds until it is stored and resolved (target <= 1 s), and who-held-role-at-event
  for one event in-process, p50 over a hundred events (target <= 20 ms).

    .venv/bin/python bench/ingest.py [--reports 10000] [--chunk 1000] [--skip-single]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import archive
import pyoxigraph as ox

from polgraph.pipeline.ingest import Pipeline
from polgraph.query.named import load_query
from polgraph.rdf.validate import ReportValidator
from polgraph.store import OxigraphStore
from polgraph.vocab import vocabulary


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """The memory the process holds now."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def _timed_resolution(pipeline: Pipeline) -> list[float]:
    """The seconds of each of the pipeline's resolutions, as they happen."""
    resolving: list[float] = []
    resolve = pipeline.resolve_identities

    def timed(**kwargs):
        t0 = time.perf_counter()
        try:
            return resolve(**kwargs)
        finally:
            resolving.append(time.perf_counter() - t0)

    pipeline.resolve_identities = timed  # type: ignore[method-assign]
    return resolving


def single_run(files: list[Path], folder: Path, pipeline_for, chunk: int) -> None:
    """All the reports in one run; the time of each thousand from the progress of the run."""
    store = OxigraphStore(folder / "single")
    pipeline = pipeline_for(store)
    marks: list[float] = []
    started = time.perf_counter()
    resolving = _timed_resolution(pipeline)
    held: list[float] = []

    def progress(_: Path) -> None:
        marks.append(time.perf_counter())
        if len(marks) % chunk == 0:
            held.append(rss_mb())

    summary = pipeline.run(files, progress=progress)
    total = time.perf_counter() - started
    assert not summary.rejected, summary.rejected[:3]
    marks.append(time.perf_counter() - sum(resolving))  # the end of the last report's storing
    steps = [marks[min(i + chunk, len(marks) - 1)] - marks[i] for i in range(0, len(files), chunk)]
    print(
        f"one run of {len(files):,} reports: {total:.0f} s, {len(files) / total:.1f} reports/s "
        f"(target >= 30), identities, tenures and rules at the end {sum(resolving):.1f} s; "
        f"peak memory {peak_mb():,.0f} MB",
        flush=True,
    )
    print(
        f"  seconds per {chunk:,} as read, mapped, validated and stored: "
        + " ".join(f"{s:.1f}" for s in steps),
        flush=True,
    )
    print(
        f"  MB held every {chunk:,} while storing: " + " ".join(f"{mb:.0f}" for mb in held),
        flush=True,
    )
    store.close()


def chunked_runs(
    files: list[Path], folder: Path, pipeline_for, chunk: int
) -> tuple[OxigraphStore, Pipeline]:
    store = OxigraphStore(folder / "chunked")
    pipeline = pipeline_for(store)
    seconds = []
    resolving = _timed_resolution(pipeline)
    for first in range(0, len(files), chunk):
        t0 = time.perf_counter()
        summary = pipeline.run(files[first : first + chunk])
        seconds.append(time.perf_counter() - t0)
        assert not summary.rejected, summary.rejected[:3]
        resolved = pipeline.resolution
        print(
            f"  run {first // chunk + 1}: {seconds[-1]:.1f} s "
            f"({len(files[first : first + chunk]) / seconds[-1]:.0f} "
            f"reports/s; identities, tenures and rules {resolving[-1]:.1f} s for "
            f"{resolved.names_resolved} names "
            f"and {resolved.posts_resolved} posts; {rss_mb():,.0f} MB held)",
            flush=True,
        )
    print(
        f"successive runs of {chunk:,}: last / first = {seconds[-1] / seconds[0]:.2f} (target <= "
        f"1.5); {len(files) / sum(seconds):.1f} reports/s overall; peak memory {peak_mb():,.0f} MB",
        flush=True,
    )
    return store, pipeline


def one_more(store: OxigraphStore, pipeline: Pipeline, texts: Path, count: int, seed: int) -> None:
    """The newest report of the same archive (same district, bodies and officials), into the
    full store, as one `polgraph ingest FILE` stores it: seconds until stored and resolved."""
    *_, newest = archive.generate(count + 1, seed=seed)
    path = texts / f"later-{newest.name}"
    path.write_text(newest.text, encoding="utf-8")
    t0 = time.perf_counter()
    summary = pipeline.run([path])
    seconds = time.perf_counter() - t0
    outcome = summary.outcomes[0]
    assert outcome.status in {"added", "replaced"}, outcome
    unresolved = list(
        store.query(
            "PREFIX pg: <https://w3id.org/polgraph/ontology#> SELECT ?m WHERE { "
            f"GRAPH {ox.NamedNode(outcome.graph)} {{ ?m a pg:PersonMention }} FILTER NOT EXISTS {{ "
            "?m pg:mentionOf ?p } }"
        )
    )
    print(
        f"one more report into {count:,}: {seconds * 1000:.0f} ms, stored and "
        f"{'resolved' if not unresolved else 'NOT resolved'} (target <= 1 s)",
        flush=True,
    )


def one_more_posted(store: OxigraphStore, count: int, seed: int) -> None:
    """Another new report of the archive through `POST /api/reports` of the app in this process:
    the time of the answer, which comes once the report is stored and its persons resolved."""
    import warnings

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from fastapi.testclient import TestClient

    from polgraph.server import create_app
    from polgraph.settings import Settings

    newest = list(archive.generate(count + 5, seed=seed))[-4:]
    # The store was resolved without identity corrections: the app too (with others, its first
    # write would rightly recompute every identity, as a changed corrections file does).
    app = create_app(Settings(query_workers=1, write_token="bench", identity_path=None), store)
    timings, names, unresolved = [], 0, 0
    with TestClient(app) as client:
        for report in newest:
            t0 = time.perf_counter()
            answer = client.post(
                "/api/reports",
                params={"key": f"posted-{Path(report.name).stem}"},
                content=report.text.encode("utf-8"),
                headers={
                    "Authorization": "Bearer bench",
                    "Content-Type": "text/plain; charset=utf-8",
                },
            )
            timings.append((time.perf_counter() - t0) * 1000)
            assert answer.status_code in (200, 201), answer.text
            resolved = answer.json()["resolved"]
            names += len(resolved)
            unresolved += sum(1 for r in resolved if r["person"] is None)
    print(
        f"one more report by POST /api/reports into {count:,}: {timings[0]:.0f} ms the first (the "
        f"app reads its shapes), then {' '.join(f'{t:.0f}' for t in timings[1:])} ms; {names} "
        f"names, {'all resolved' if not unresolved else f'{unresolved} NOT resolved'} "
        "(target <= 1 s)",
        flush=True,
    )


def who_held(store: OxigraphStore) -> None:
    events = [
        row["e"].value
        for row in store.query(
            "PREFIX pg: <https://w3id.org/polgraph/ontology#> "
            "SELECT DISTINCT ?e WHERE { ?a a pg:RoleAttestation ; pg:event ?e } ORDER BY ?e"
        )
    ]
    query = load_query("who-held-role-at-event")
    step = max(1, len(events) // 100)
    times, rows = [], 0
    for event in events[::step][:100]:
        text = query.render({"event": event})
        t0 = time.perf_counter()
        rows += len(list(store.query(text)))
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"who-held-role-at-event, {len(times)} events in-process: p50 "
        f"{statistics.median(times):.1f} ms, "
        f"max {max(times):.1f} ms, {rows / len(times):.1f} rows each (target p50 <= 20 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-single", action="store_true", help="only the successive runs")
    args = parser.parse_args()
    vocab = vocabulary()
    validator = ReportValidator(vocab)

    def pipeline_for(store: OxigraphStore) -> Pipeline:
        pipeline = Pipeline(store, vocab, validator)
        pipeline.ensure_model_graphs()
        return pipeline

    with tempfile.TemporaryDirectory(prefix="polgraph-bench-ingest-") as tmp:
        folder = Path(tmp)
        generated = archive.write(folder / "texts", args.reports, seed=args.seed)
        print(
            f"archive: {generated.reports:,} text reports, {generated.communes} communes, "
            f"{generated.persons:,} officials, {generated.bodies} bodies",
            flush=True,
        )
        files = sorted((folder / "texts").iterdir())
        if not args.skip_single:
            single_run(files, folder, pipeline_for, args.chunk)
        store, pipeline = chunked_runs(files, folder, pipeline_for, args.chunk)
        one_more(store, pipeline, folder, args.reports, args.seed)
        one_more_posted(store, args.reports, args.seed)
        who_held(store)
        store.close()


if __name__ == "__main__":
    main()
