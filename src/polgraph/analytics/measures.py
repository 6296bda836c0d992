"""Measures on a projection: degree, weighted degree, betweenness, eigenvector centrality and
Louvain communities. Each takes a networkx graph and returns plain values keyed by node."""

from __future__ import annotations

import networkx as nx
import numpy as np

from polgraph.analytics import louvain
from polgraph.analytics.collector import collector_paused

# Exact betweenness runs one search from every node; above this many nodes it is estimated from
# a sample of sources (networkx's ``k``), sized so the work stays near a fixed budget of edges.
EXACT_BETWEENNESS_NODES = 2000
_BETWEENNESS_BUDGET = 20_000_000  # edges visited, summed over the sampled searches


def betweenness_samples(graph: nx.Graph) -> int | None:
    """How many sources betweenness samples on ``graph``; None means every node (exact)."""
    n = graph.number_of_nodes()
    if n <= EXACT_BETWEENNESS_NODES:
        return None
    return max(16, min(n, _BETWEENNESS_BUDGET // max(1, graph.number_of_edges())))


def betweenness(graph: nx.Graph, samples: int | None = None, seed: int = 0) -> dict:
    """Normalised betweenness over hops (ties are not shortened by their weight); estimated
    from ``samples`` sources when the graph is large (see ``betweenness_samples``)."""
    k = samples if samples is not None else betweenness_samples(graph)
    if k is not None and k >= graph.number_of_nodes():
        k = None
    with collector_paused():
        return nx.betweenness_centrality(graph, k=k, seed=seed, normalized=True)


def eigenvector(
    graph: nx.Graph, weight: str = "weight", max_iter: int = 1000, tol: float = 1e-9
) -> dict:
    """Eigenvector centrality by power iteration on A + I, as networkx computes it, with the
    adjacency held in numpy arrays so a graph of millions of ties takes seconds."""
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    m = graph.number_of_edges()
    with collector_paused():
        edges = list(graph.edges(data=weight, default=1))
        heads = np.fromiter((index[u] for u, _, _ in edges), dtype=np.int64, count=m)
        tails = np.fromiter((index[v] for _, v, _ in edges), dtype=np.int64, count=m)
        ties = np.fromiter((w for _, _, w in edges), dtype=np.float64, count=m)
        del edges
    # Each tie counts both ways: rows[i] receives from cols[i].
    rows, cols = np.concatenate((heads, tails)), np.concatenate((tails, heads))
    weights = np.concatenate((ties, ties))
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        previous = x
        x = previous + np.bincount(rows, weights=weights * previous[cols], minlength=n)
        norm = np.linalg.norm(x)
        x = x / (norm if norm else 1.0)
        if np.abs(x - previous).sum() < n * tol:
            break
    return dict(zip(nodes, x.tolist(), strict=True))


def communities(
    graph: nx.Graph, seed: int = 0, resolution: float = 1.0, processes: int | None = None
) -> list[set]:
    """Louvain communities (networkx's, part by part and on every core: see ``louvain``),
    largest first; weights count."""
    found = louvain.communities(graph, seed=seed, resolution=resolution, processes=processes)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def label_communities(graph: nx.Graph, groups: list[set]) -> None:
    """Write each node's community number (0 = the largest) as its ``community`` attribute."""
    for number, members in enumerate(groups):
        for node in members:
            graph.nodes[node]["community"] = number


def degrees(graph: nx.Graph) -> tuple[dict, dict, dict]:
    """Degree, weighted degree and degree centrality (degree over the n - 1 others)."""
    degree = dict(graph.degree())
    weighted = dict(graph.degree(weight="weight"))
    scale = 1.0 / (len(graph) - 1) if len(graph) > 1 else 0.0
    return degree, weighted, {node: d * scale for node, d in degree.items()}
