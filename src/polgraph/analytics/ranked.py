"""A network as a page draws it and its downloads hold it: cut to its most central nodes by a
measure, each node carrying its measures and its community, each tie the dates of its events
(so that a reader can narrow the drawing to some years without asking again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from polgraph.analytics import descriptions, measures

if TYPE_CHECKING:
    from polgraph.analytics.graph import KnowledgeGraph

MEASURES = ("degree", "weighted_degree", "degree_centrality", "betweenness", "eigenvector")


def ranked(kg: KnowledgeGraph, graph: nx.Graph, measure: str, limit: int | None = None) -> nx.Graph:
    """A copy of ``graph`` with its ``limit`` most central nodes by ``measure`` (every node when
    None), in that order, and the ties among them. Each node gets its measures over the whole
    of ``graph`` (``MEASURES``) and its ``rank`` (0 = the most central); each node of an
    undirected graph with ties its Louvain ``community`` among those kept; each tie with
    ``events`` the ``dates`` of those that are dated, in order."""
    records = kg.centrality(graph, sort=measure)
    kept = records if limit is None else records[:limit]
    cut = graph.__class__()
    cut.graph.update(graph.graph)
    for rank, record in enumerate(kept):
        node = record["person"]
        scores = {name: record[name] for name in MEASURES}
        cut.add_node(node, **{**graph.nodes[node], **scores, "rank": rank})
    shown = graph.subgraph(cut)
    if isinstance(shown, nx.MultiGraph):
        # The stubs give MultiGraph.add_edges_from Graph's signature; it takes keyed ties too.
        keyed = ((u, v, k, dict(d)) for u, v, k, d in shown.edges(keys=True, data=True))
        cut.add_edges_from(keyed)  # type: ignore[arg-type]
    else:
        cut.add_edges_from((u, v, dict(d)) for u, v, d in shown.edges(data=True))
    if not cut.is_directed() and cut.number_of_edges():
        measures.label_communities(cut, measures.communities(cut, seed=kg.seed))
    _date_ties(kg, cut)
    return cut


def _date_ties(kg: KnowledgeGraph, graph: nx.Graph) -> None:
    """Each tie listing ``events`` gets ``dates``: those of its dated events, in order."""
    events = {e for _, _, data in graph.edges(data=True) for e in data.get("events", ())}
    if not events:
        return
    dates = {e: d.get("date") for e, d in descriptions.event_details(kg.store, events).items()}
    for _, _, data in graph.edges(data=True):
        if "events" in data:
            data["dates"] = sorted(d for d in (dates.get(e) for e in data["events"]) if d)
