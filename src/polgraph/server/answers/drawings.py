"""The networks the pages draw, worked out for ``/api/analytics/network/ranked`` and
``/api/persons/{id}/network``: a projection ranked by a measure (the network page's, a body's
hand-overs) and a person's ego network, as JSON to draw (static/network.js) and as the files
Gephi opens (GraphML, GEXF, the node and edge tables) or, for a person's, a picture."""

from __future__ import annotations

from typing import Any

import networkx as nx

from polgraph.analytics import KnowledgeGraph
from polgraph.analytics.drawing import MAX_LIMIT, draw_network
from polgraph.analytics.ego import ego_network
from polgraph.analytics.export import gephi_edges, gephi_nodes, network_bytes
from polgraph.analytics.ranked import MEASURES, ranked
from polgraph.server.answers.analytics import body_ref
from polgraph.server.answers.content import Content
from polgraph.server.answers.graph import ask, iri
from polgraph.server.answers.ids import describe_iri, iri_for, not_found
from polgraph.server.answers.snapshot import Snapshot

PICTURE_TYPES = {"svg": "image/svg+xml", "png": "image/png"}
# a drawn network's formats → media types: JSON to draw, the files Gephi opens, pictures
FILE_TYPES = {
    "json": "application/json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "nodes-csv": "text/csv; charset=utf-8",
    "edges-csv": "text/csv; charset=utf-8",
    **PICTURE_TYPES,
}
# A tie's attributes a drawing shows as they are (lists of events and bodies as their number).
_TIE_FIELDS = ("first", "last", "dates", "post", "title", "label", "date", "elected")


def ranked_answer(
    store: Snapshot,
    filters: dict[str, Any],
    projection: str,
    post: str | None,
    measure: str,
    limit: int | None,
    fmt: str,
) -> dict | Content:
    """The projection of the filters, its ``limit`` most central nodes by ``measure`` (all when
    None) and their ties, as ``fmt``: JSON to draw (``drawing``) or a file."""
    graph_of = KnowledgeGraph(store)
    sliced = {**filters, "org": body_ref(store, filters["org"])}
    whole = graph_of.projection(projection, post=post, **sliced)
    return _as(ranked(graph_of, whole, measure, limit), fmt, measure, whole, title=None)


def ego_answer(
    store: Snapshot, person_id: str, measure: str, limit: int, fmt: str
) -> dict | Content:
    """The person's ego network (``polgraph.analytics.ego``), at most ``limit`` others, with
    their measures within it, as ``fmt``: JSON to draw, a file, or a picture named after them."""
    person = iri_for("persons", person_id)
    if not ask(store, "ASK WHERE { ?person a pg:Person }", {"person": iri(person)}):
        raise not_found("persons", person_id)
    graph_of = KnowledgeGraph(store)
    around = ego_network(store, person, limit)
    return _as(
        ranked(graph_of, around, measure), fmt, measure, around, title=around.nodes[person]["name"]
    )


def _as(
    graph: nx.Graph, fmt: str, measure: str, whole: nx.Graph, title: str | None
) -> dict | Content:
    if fmt == "json":
        return drawing(graph, measure, whole)
    if fmt == "nodes-csv":
        return Content(FILE_TYPES[fmt], gephi_nodes(graph).encode("utf-8"))
    if fmt == "edges-csv":
        return Content(FILE_TYPES[fmt], gephi_edges(graph).encode("utf-8"))
    if fmt in PICTURE_TYPES:
        return Content(FILE_TYPES[fmt], draw_network(graph, fmt, limit=MAX_LIMIT, title=title))
    return Content(FILE_TYPES[fmt], network_bytes(graph, fmt))


def drawing(graph: nx.Graph, measure: str, whole: nx.Graph) -> dict:
    """What a page's script draws: each node with its name, page, posts, community and measures
    (``size`` the one chosen), each tie with its weight, the dates of its events and, for a
    hand-over, its post and date; and how large the whole network is."""
    nodes = []
    for node, data in graph.nodes(data=True):
        page = describe_iri(node).get("href", "").removeprefix("/api") or None
        nodes.append(
            {
                "id": node,
                "name": data.get("name") or node,
                "page": page,
                "kind": data.get("kind"),
                "posts": data.get("posts", []),
                "community": data.get("community"),
                "ego": bool(data.get("ego")),
                "rank": data["rank"],
                "events": data.get("events"),
                **{name: data[name] for name in MEASURES},
                "size": data.get(measure) or 0,
            }
        )
    edges = [
        {
            "source": u,
            "target": v,
            "weight": data.get("weight", 1),
            **{name: data[name] for name in _TIE_FIELDS if name in data},
            **{name: len(data[name]) for name in ("events", "bodies") if name in data},
        }
        for u, v, data in graph.edges(data=True)
    ]
    return {
        "projection": graph.graph.get("projection"),
        "directed": graph.is_directed(),
        "measure": measure,
        "network": {"nodes": len(whole), "ties": whole.number_of_edges()},
        "nodes": nodes,
        "edges": edges,
    }
