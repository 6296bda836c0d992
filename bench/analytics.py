"""Network analysis at scale: the time to build each projection and compute each measure, and
whether the co-attendance projection and Louvain together stay under 60 s.

By default on the store of the generated portal archive (bench/archive.py: one district's
communes, bodies and officials recurring over 2015-2025), ingested by the real pipeline with
persons, tenures and rules resolved, built once and cached under var/bench/archive-store/ by
bench/archive_store.py; the sliced projection takes the commune of the most tied person.

``--synthetic N`` runs on N reports of the synthetic world instead (bench/synthetic_store.py:
63 provinces of 10,080 communes, written as quads straight into the store in its layout, as
validating 100,000 reports through the pipeline would take most of an hour), the way to reach
the 100,000-report scale; the sliced projection takes a province. That store is built once and
kept under var/bench/analytics-<reports>-<world version>/.

    .venv/bin/python bench/analytics.py [--reports 10000] [--quick] [--rebuild]
    .venv/bin/python bench/analytics.py --synthetic 100000 [--rebuild]

--quick uses 300 archive reports (a smoke run).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import networkx as nx
from archive_store import add_reports_option, archive_store
from page_cache import warm

import polgraph
from polgraph.analytics import measures
from polgraph.analytics.drawing import draw_network
from polgraph.analytics.export import network_bytes

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 60.0


def synthetic_store_for(reports: int, rebuild: bool) -> Path:
    from synthetic_store import WORLD_VERSION, build

    from polgraph.vocab import vocabulary

    path = ROOT / "var" / "bench" / f"analytics-{reports}-{WORLD_VERSION}"
    done = path / ".complete"
    if rebuild or not done.exists():
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        print(f"building a synthetic store of {reports:,} reports in {path.relative_to(ROOT)} …")
        started = time.perf_counter()
        build(path, reports, vocabulary())
        done.write_text(f"{time.perf_counter() - started:.0f} s\n")
        print(f"built in {time.perf_counter() - started:.0f} s")
    return path


class Timer:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, str]] = []

    def __call__(self, step: str, work, size=lambda result: ""):
        started = time.perf_counter()
        result = work()
        seconds = time.perf_counter() - started
        self.rows.append((step, seconds, size(result)))
        print(f"  {step:<42} {seconds:8.2f} s  {size(result)}", flush=True)
        return result

    def seconds(self, step: str) -> float:
        return next(s for name, s, _ in self.rows if name == step)


def graph_size(graph) -> str:
    return f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges"


def far_apart(graph) -> tuple[str, str]:
    """The most tied person and the person farthest from them (the longest chain to find)."""
    strength = dict(graph.degree(weight="weight"))
    start = max(graph, key=lambda n: (strength[n], n))
    distances = nx.single_source_shortest_path_length(graph, start)
    return start, max(distances, key=lambda n: (distances[n], n))


def sliced_place(graph, synthetic: bool) -> tuple[str, str]:
    """What the sliced projection takes, and what it is: in the synthetic world the province of
    the most tied person's commune (by its official code), in the archive (one district) the
    most tied person's commune (by its IRI)."""
    strength = dict(graph.degree(weight="weight"))
    commune = graph.nodes[max(graph, key=lambda n: (strength[n], n))]["places"][0]
    if synthetic:
        # synthetic commune codes begin with their province's
        return commune.rsplit("/", 1)[-1][:2], "province"
    return commune, "commune"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_reports_option(parser)
    parser.add_argument("--quick", action="store_true", help="300 archive reports")
    parser.add_argument(
        "--synthetic",
        type=int,
        metavar="N",
        help="N reports of the synthetic world instead of the archive (for 100,000)",
    )
    parser.add_argument("--rebuild", action="store_true", help="build the store again")
    args = parser.parse_args()
    if args.synthetic:
        reports, kind = args.synthetic, "synthetic"
        path = synthetic_store_for(reports, args.rebuild)
    else:
        reports, kind = (300 if args.quick else args.reports), "generated archive"
        path = archive_store(reports, rebuild=args.rebuild)
    warm(path)
    kg = polgraph.open(path)
    timer = Timer()
    print(f"\nanalytics on {reports:,} {kind} reports ({kg.store.stats().quads:,} quads)")
    graph = timer("co-attendance projection", kg.coattendance, graph_size)
    groups = timer(
        "Louvain communities",
        lambda: measures.communities(graph, seed=0),
        lambda found: f"{len(found):,} communities",
    )
    timer("degree and weighted degree", lambda: measures.degrees(graph))
    timer("eigenvector centrality", lambda: measures.eigenvector(graph))
    samples = measures.betweenness_samples(graph)
    timer(
        f"betweenness ({'exact' if samples is None else f'{samples} sampled sources'})",
        lambda: measures.betweenness(graph, samples),
    )
    measures.label_communities(graph, groups)
    timer("brokers", kg.brokers, lambda found: f"{len(found):,} brokers")
    timer(
        "connection between two persons",
        lambda: kg.connection(*far_apart(graph)),
        lambda found: f"{found['length']} links" if found["connected"] else "not connected",
    )
    timer("co-speaking projection", kg.cospeaking, graph_size)
    timer("person–body projection", kg.person_org, graph_size)
    timer("succession projection", kg.succession, graph_size)
    timer(
        "careers and promotions (everyone)",
        kg.careers,
        lambda found: (
            f"{len(found):,} careers, {sum(len(c['promotions']) for c in found):,} promotions"
        ),
    )
    place, level = sliced_place(graph, bool(args.synthetic))
    sliced = timer(
        f"co-attendance of one {level} (sliced)", lambda: kg.coattendance(place=place), graph_size
    )
    timer(
        f"GraphML of that {level}",
        lambda: network_bytes(sliced, "graphml"),
        lambda data: f"{len(data) / 1e6:.1f} MB",
    )
    timer(
        "PNG of the 150 most tied persons",
        lambda: draw_network(graph, "png"),
        lambda data: f"{len(data) / 1e3:.0f} kB",
    )
    together = timer.seconds("co-attendance projection") + timer.seconds("Louvain communities")
    verdict = "met" if together < TARGET_SECONDS else "MISSED"
    print(
        f"\nco-attendance projection + Louvain on {reports:,} {kind} reports: {together:.1f} s "
        f"(target < {TARGET_SECONDS:.0f} s, set for 100,000 reports): {verdict}"
    )


if __name__ == "__main__":
    main()
