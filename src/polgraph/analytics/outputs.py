"""A projection as a file or a picture, and a person's career as a picture: the bytes
``polgraph network`` and ``polgraph timeline`` write and the server answers, made in one place
so that both give the same."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from polgraph.analytics import measures
from polgraph.analytics.drawing import DEFAULT_LIMIT, IMAGE_FORMATS, draw_network
from polgraph.analytics.errors import AnalysisError
from polgraph.analytics.export import FILE_FORMATS, network_bytes
from polgraph.analytics.timeline import ENGLISH, TimelineWords, draw_timeline

if TYPE_CHECKING:
    from polgraph.analytics.graph import KnowledgeGraph

NETWORK_FORMATS = FILE_FORMATS + IMAGE_FORMATS
_COMMUNITY_COLOURED = ("coattendance", "cospeaking")


def network_output(
    kg: KnowledgeGraph,
    fmt: str,
    projection: str = "coattendance",
    *,
    post: str | None = None,
    limit: int = DEFAULT_LIMIT,
    **filters: Any,
) -> tuple[nx.Graph, bytes]:
    """The projection of the filters and its bytes as ``fmt`` (one of ``NETWORK_FORMATS``);
    ``limit`` is how many of the most tied nodes a picture shows."""
    if fmt not in NETWORK_FORMATS:
        raise AnalysisError(f"unknown format {fmt!r}: choose {', '.join(NETWORK_FORMATS)}")
    graph = kg.projection(projection, post=post, **filters)
    if graph.graph.get("projection") in _COMMUNITY_COLOURED and graph.number_of_edges():
        # Gephi and the pictures colour by community; Louvain is worth computing once here.
        measures.label_communities(graph, measures.communities(graph, seed=kg.seed))
    if fmt in IMAGE_FORMATS:
        return graph, draw_network(graph, fmt, limit=limit, seed=kg.seed)
    return graph, network_bytes(graph, fmt)


def timeline_output(
    kg: KnowledgeGraph, person: str, fmt: str, words: TimelineWords = ENGLISH
) -> tuple[dict, bytes]:
    """The career of ``person`` (a name or an IRI) and its picture as ``fmt`` (png or svg),
    saying ``words``."""
    career = kg.career(person)
    return career, draw_timeline(career, kg.events_of(career["person"]), fmt, words)
