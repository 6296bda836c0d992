"""networkx's Louvain, run part by part on a graph of many separate parts, on several cores.

A co-attendance graph falls apart into thousands of connected parts (each commune's people meet
among themselves), and Louvain never joins two parts: no tie runs between them. Each part can
then be searched alone, in a process of its own, if its modularity is measured against the
whole graph's weight ``m``. networkx measures it against the part's weight ``m_c`` instead, so
each part runs with resolution ``γ·m_c/m``: every gain it weighs is then the whole graph's gain
times ``m/m_c`` (a positive factor), and every move is the one Louvain would make on the whole.
The one difference is when to stop: each part stops once its own modularity stops improving,
rather than all parts once their sum does.

A part's result depends only on the part and the seed, so the communities are the same whatever
the number of processes.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import networkx as nx

from polgraph.analytics.collector import collector_paused

# Below this many ties, starting another interpreter that imports networkx costs more than the
# second core saves.
PARALLEL_TIES = 200_000

# A part: its node numbers, its ties as (u, v, weight), its resolution.
Part = tuple[list[int], list[tuple[int, int, float]], float]


def communities(graph: nx.Graph, seed: int = 0, resolution: float = 1.0,
                processes: int | None = None) -> list[set]:
    """Louvain communities of ``graph`` (weights count), as networkx finds them part by part."""
    with collector_paused():
        nodes = list(graph)
        parts = _parts(graph, nodes, resolution)
        workers = processes if processes is not None else _cores()
        ties = sum(len(edges) for _, edges, _ in parts)
        if workers > 1 and ties >= PARALLEL_TIES and len(parts) > 1:
            found = _in_pool(parts, seed, workers, ties)
        else:
            found = [group for part in parts for group in _search(part, seed)]
    return [{nodes[i] for i in group} for group in found]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _parts(graph: nx.Graph, nodes: list, resolution: float) -> list[Part]:
    """The connected parts, numbered, each with its ties and scaled resolution."""
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = graph.adj
    found: list[tuple[list[int], list[tuple[int, int, float]], float]] = []
    for component in nx.connected_components(graph):
        ties = []
        weight = 0.0
        for node in component:
            here = index[node]
            for neighbour, data in adjacency[node].items():
                there = index[neighbour]
                if there >= here:  # each tie once (a self-loop has one end)
                    tie = data.get("weight", 1)
                    ties.append((here, there, tie))
                    weight += tie
        found.append((sorted(index[node] for node in component), ties, weight))
    total = sum(weight for _, _, weight in found)
    return [(numbered, ties, resolution * weight / total if total else resolution)
            for numbered, ties, weight in found]


def _search(part: Part, seed: int) -> list[list[int]]:
    numbered, ties, resolution = part
    if not ties:
        return [[i] for i in numbered]
    graph = nx.Graph()
    graph.add_nodes_from(numbered)
    graph.add_weighted_edges_from(ties)
    found = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    return [sorted(group) for group in found]


def search_all(parts: list[Part], seed: int) -> list[list[int]]:
    """The communities of each of ``parts``, as lists of node numbers."""
    with collector_paused():
        return [group for part in parts for group in _search(part, seed)]


def _in_pool(parts: list[Part], seed: int, workers: int, ties: int) -> list[list[int]]:
    """The parts shared out by ties among this process and ``workers - 1`` others, each a fresh
    ``python -m polgraph.analytics.louvain_process`` (not multiprocessing's: that would run the
    caller's script again in each process, and a server with threads must not fork)."""
    shares: list[list[Part]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for part in sorted(parts, key=lambda p: -len(p[1])):
        lightest = loads.index(min(loads))
        shares[lightest].append(part)
        loads[lightest] += len(part[1]) + 1
    helpers = [subprocess.Popen([sys.executable, "-m", "polgraph.analytics.louvain_process"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE) for _ in shares[1:]]
    try:
        with ThreadPoolExecutor(len(helpers)) as threads:
            # The pipes are fed and drained by threads while this process searches its share.
            replies = [threads.submit(helper.communicate, pickle.dumps((share, seed)))
                       for helper, share in zip(helpers, shares[1:], strict=True)]
            found = search_all(shares[0], seed)
            for helper, reply in zip(helpers, replies, strict=True):
                output, _ = reply.result()
                if helper.returncode != 0:
                    raise RuntimeError(f"a Louvain process failed (exit {helper.returncode})")
                found += pickle.loads(output)
    finally:
        for helper in helpers:
            if helper.poll() is None:
                helper.kill()
                helper.wait()
    return found

