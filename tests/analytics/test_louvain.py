"""Louvain part by part (polgraph.analytics.louvain) against networkx's Louvain on the whole
graph."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from polgraph.analytics import louvain


def separate_parts(seed: int) -> nx.Graph:
    """Many small, separate, weighted parts, as communes' meetings make them, and a few loners."""
    rng = random.Random(seed)
    graph = nx.Graph()
    offset = 0
    for size in [50, 35, 20] + [rng.randint(2, 14) for _ in range(120)]:
        part = (
            nx.connected_watts_strogatz_graph(size, 4, 0.3, seed=rng.randrange(10**6))
            if size > 4
            else nx.path_graph(size)
        )
        for u, v in part.edges():
            graph.add_edge(f"person-{u + offset}", f"person-{v + offset}", weight=rng.randint(1, 5))
        offset += size
    graph.add_nodes_from(f"loner-{i}" for i in range(5))
    return graph


def as_sorted(groups) -> list[list]:
    return sorted(sorted(group) for group in groups)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_parts_give_the_communities_of_the_whole_graph(seed):
    graph = separate_parts(seed)
    whole = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    by_parts = louvain.communities(graph, seed=seed, processes=1)
    assert as_sorted(by_parts) == as_sorted(whole)
    assert nx.community.modularity(graph, by_parts) == pytest.approx(
        nx.community.modularity(graph, whole)
    )


def test_every_node_is_in_exactly_one_community_and_loners_alone():
    graph = separate_parts(7)
    found = louvain.communities(graph, seed=0, processes=1)
    members = [node for group in found for node in group]
    assert sorted(members) == sorted(graph)
    assert all({f"loner-{i}"} in found for i in range(5))
    # No community spans two parts: Louvain never joins nodes with no path between them.
    part_of = {node: n for n, part in enumerate(nx.connected_components(graph)) for node in part}
    assert all(len({part_of[node] for node in group}) == 1 for group in found)


def test_other_processes_find_the_same_communities(monkeypatch):
    graph = separate_parts(3)
    alone = louvain.communities(graph, seed=5, processes=1)
    monkeypatch.setattr(louvain, "PARALLEL_TIES", 1)  # share out even this small graph
    shared = louvain.communities(graph, seed=5, processes=3)
    assert as_sorted(shared) == as_sorted(alone)


def test_resolution_still_splits_a_part():
    # Two cliques joined by one weak tie: one part, two communities at resolution 1; at a very
    # low resolution the whole part is one community.
    graph = nx.Graph()
    for clique in ("a", "b"):
        for i in range(5):
            for j in range(i + 1, 5):
                graph.add_edge(f"{clique}{i}", f"{clique}{j}", weight=3)
    graph.add_edge("a0", "b0", weight=1)
    graph.add_edge("x", "y", weight=1)  # a second part, so the scaling matters
    found = louvain.communities(graph, seed=0, resolution=1.0, processes=1)
    assert {f"a{i}" for i in range(5)} in found and {f"b{i}" for i in range(5)} in found
    merged = louvain.communities(graph, seed=0, resolution=0.01, processes=1)
    assert {*(f"a{i}" for i in range(5)), *(f"b{i}" for i in range(5))} in merged


def test_self_loops_count_as_networkx_counts_them():
    graph = separate_parts(11)
    for node in list(graph)[::7]:
        graph.add_edge(node, node, weight=2)
    whole = nx.community.louvain_communities(graph, weight="weight", seed=4)
    assert as_sorted(louvain.communities(graph, seed=4, processes=1)) == as_sorted(whole)


def test_the_communities_do_not_depend_on_the_run_of_python():
    # Node names are strings, whose hashes (so the order of a set of them) change from one run
    # of Python to the next: the parts must not be read in such an order.
    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]);"
        "from test_louvain import separate_parts; from polgraph.analytics import louvain;"
        "found = louvain.communities(separate_parts(5), seed=2, processes=1);"
        "print(json.dumps(sorted(sorted(group) for group in found)))"
    )
    answers = set()
    for hash_seed in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-c", script, str(Path(__file__).parent)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        answers.add(run.stdout)
    assert len(answers) == 1
    assert len(json.loads(answers.pop())) > 100  # one community or more per part at least
