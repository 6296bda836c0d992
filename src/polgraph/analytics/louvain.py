"""networkx's Louvain, run part by part on a graph of many separate parts, on several cores.

A co-attendance graph falls apart into thousands of connected parts (each commune's people meet
among themselves), and Louvain never joins two parts: no tie runs between them. Each part can
then be searched alone, in a process of its own, if its modularity is measured against the
whole graph's weight ``m``. networkx measures it against the part's weight ``m_c`` instead, so
each part runs with resolution ``γ·m_c/m``: every gain it weighs is then the whole graph's gain
times ``m/m_c`` (a positive factor), so a part weighs its choices as Louvain does on the whole.
Two things differ: each part visits its nodes in an order of its own (networkx shuffles a graph's
nodes with the seed), and stops once its own modularity stops improving, rather than all parts
once their sum does. On the graphs tested the communities are networkx's on the whole graph.

A part's ties come in the order networkx would add the whole graph's, so its result depends only
on the part and the seed: the communities are the same whatever the number of processes, and in
every run of Python (not on the order of a set of strings).
"""

from __future__ import annotations

import math
import os
import pickle
import subprocess
import sys
from typing import Any

import networkx as nx

from polgraph.analytics.collector import collector_paused

# Below this many ties, starting another interpreter that imports networkx costs more than the
# second core saves.
PARALLEL_TIES = 200_000

# A part: its node numbers, its ties as (u, v, weight), its resolution.
Part = tuple[list[int], list[tuple[int, int, float]], float]


def communities(
    graph: nx.Graph, seed: int = 0, resolution: float = 1.0, processes: int | None = None
) -> list[set]:
    """Louvain communities of ``graph`` (weights count), as networkx finds them part by part."""
    with collector_paused():
        workers = processes if processes is not None else _cores()
        parallel = workers > 1 and graph.number_of_edges() >= PARALLEL_TIES
        # Started first, so their interpreters start while the parts are found here.
        helpers = [_helper() for _ in range(workers)] if parallel else []
        try:
            nodes = list(graph)
            index = {node: i for i, node in enumerate(nodes)}
            components = [sorted(index[node] for node in c) for c in nx.connected_components(graph)]
            total = _total_weight(graph)
            part_of = _PartMaker(graph, nodes, index, resolution, total)
            if helpers and len(components) > 1:
                found = _in_pool(components, part_of, seed, helpers)
            else:
                found = [group for c in components for group in _search(part_of(c), seed)]
        finally:
            _stop(helpers)
    return [{nodes[i] for i in group} for group in found]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def adjacency(graph: nx.Graph) -> dict[Any, dict[Any, dict[str, Any]]]:
    """The plain dicts under ``graph.adj`` (networkx's ``_adj``, which its type stubs leave out):
    they read three times faster than its views, and ties can be put straight into them."""
    return vars(graph)["_adj"]


def _total_weight(graph: nx.Graph) -> float:
    """Every tie's weight added up, exactly (fsum), so a part's scaled resolution is the same
    whatever order the sums run in: read off both ends of each tie (quicker than listing the
    ties), a self-loop's once more. The plain dicts under ``graph.adj`` (``_adj``) read three
    times faster than its views."""
    both_ends = math.fsum(
        [data.get("weight", 1) for ties in adjacency(graph).values() for data in ties.values()]
    )
    loops = math.fsum(data.get("weight", 1) for _, _, data in nx.selfloop_edges(graph, data=True))
    return (both_ends + loops) / 2


class _PartMaker:
    """A connected part (its node numbers, in order) as a ``Part``: its ties in the order
    networkx's Louvain adds the whole graph's (each node's in turn, in the graph's order of
    nodes and of its neighbours, a tie once at its first end), and its scaled resolution."""

    def __init__(
        self, graph: nx.Graph, nodes: list, index: dict, resolution: float, total: float
    ) -> None:
        # dicts: see _total_weight
        self.adjacency, self.nodes, self.index = adjacency(graph), nodes, index
        self.resolution, self.total = resolution, total

    def __call__(self, numbered: list[int]) -> Part:
        ties = []
        index, adjacency, nodes = self.index, self.adjacency, self.nodes
        for here in numbered:
            for neighbour, data in adjacency[nodes[here]].items():
                there = index[neighbour]
                if there >= here:  # each tie once (a self-loop has one end)
                    ties.append((here, there, data.get("weight", 1)))
        scaled = (
            self.resolution * math.fsum(w for _, _, w in ties) / self.total
            if self.total
            else self.resolution
        )
        return numbered, ties, scaled


def _search(part: Part, seed: int) -> list[list[int]]:
    numbered, ties, resolution = part
    if not ties:
        return [[i] for i in numbered]
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(numbered)
    # Straight into the adjacency, as add_weighted_edges_from would put them (its checks on
    # every tie cost a second per million).
    ties_of = adjacency(graph)
    for u, v, weight in ties:
        ties_of[u][v] = ties_of[v][u] = {"weight": weight}
    found = nx.community.louvain_communities(
        graph, weight="weight", resolution=resolution, seed=seed
    )
    return [sorted(group) for group in found]


def search_all(parts: list[Part], seed: int) -> list[list[int]]:
    """The communities of each of ``parts``, as lists of node numbers."""
    with collector_paused():
        return [group for part in parts for group in _search(part, seed)]


def _helper() -> subprocess.Popen[bytes]:
    """A fresh ``python -m polgraph.analytics.louvain_process`` (not multiprocessing's: that
    would run the caller's script again in each process, and a server with threads must not
    fork)."""
    return subprocess.Popen(
        [sys.executable, "-m", "polgraph.analytics.louvain_process"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )


# Building a part here takes about a fifth of the time searching it takes there: each helper
# starts that much later than the one before.
_BUILD_PER_SEARCH = 0.2


def _in_pool(
    components: list[list[int]],
    part_of: _PartMaker,
    seed: int,
    helpers: list[subprocess.Popen[bytes]],
) -> list[list[int]]:
    """The parts shared out by ties among the helpers, each helper's built and sent in turn, so
    the first searches while the next one's are built. This process searches none: in a
    process holding a graph of millions of ties the search runs a third slower than in a
    fresh one."""
    sized = [(sum(len(part_of.adjacency[part_of.nodes[i]]) for i in c), c) for c in components]
    ties = sum(size for size, _ in sized)
    shares: list[list[list[int]]] = [[] for _ in helpers]
    loads = [number * _BUILD_PER_SEARCH * ties / len(helpers) for number in range(len(helpers))]
    for size, component in sorted(sized, key=lambda sc: -sc[0]):
        lightest = loads.index(min(loads))
        shares[lightest].append(component)
        loads[lightest] += size + 1
    for helper, share in zip(helpers, shares, strict=True):
        payload = pickle.dumps(
            ([part_of(c) for c in share], seed), protocol=pickle.HIGHEST_PROTOCOL
        )
        assert helper.stdin is not None  # opened with a pipe
        try:
            helper.stdin.write(payload)
            helper.stdin.close()
        except BrokenPipeError:
            raise RuntimeError(f"a Louvain process failed (exit {helper.wait()})") from None
    found: list[list[int]] = []
    for helper in helpers:
        assert helper.stdout is not None  # opened with a pipe
        output = helper.stdout.read()
        if helper.wait() != 0:
            raise RuntimeError(f"a Louvain process failed (exit {helper.returncode})")
        found += pickle.loads(output)
    return found


def _stop(helpers: list[subprocess.Popen[bytes]]) -> None:
    """Each helper ended (killed if still running: the search failed here) and its pipes closed."""
    for helper in helpers:
        if helper.poll() is None:
            helper.kill()
            helper.wait()
        for pipe in (helper.stdin, helper.stdout):
            if pipe is not None and not pipe.closed:
                pipe.close()
