"""Projections as files: GraphML and GEXF (Gephi opens both), CSV edge lists, the node and edge
tables Gephi imports, and JSON.

GraphML, GEXF and CSV hold one value per attribute, so list attributes (a tie's events, a
person's posts) are joined with " | " and missing values left out; every node gets a ``label``
(its name), which Gephi shows. JSON keeps lists as lists.
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

from polgraph.analytics.errors import AnalysisError

FILE_FORMATS = ("graphml", "gexf", "csv", "json")
SEPARATOR = " | "


def _flat(value):
    if isinstance(value, (list, tuple, set)):
        return SEPARATOR.join(str(v) for v in value)
    return value


def _flat_data(data: dict) -> dict:
    return {k: _flat(v) for k, v in data.items() if v is not None}


def flattened(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` with one plain value per attribute, and a ``label`` on every node."""
    copy = graph.__class__()
    copy.graph.update(
        {k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float, bool))}
    )
    for node, data in graph.nodes(data=True):
        copy.add_node(node, **{"label": data.get("name") or str(node), **_flat_data(data)})
    if isinstance(graph, nx.MultiGraph):
        # The stubs give MultiGraph.add_edges_from Graph's signature; it takes keyed ties too.
        keyed = (
            (u, v, key, _flat_data(data)) for u, v, key, data in graph.edges(keys=True, data=True)
        )
        copy.add_edges_from(keyed)  # type: ignore[arg-type]
    else:
        copy.add_edges_from((u, v, _flat_data(data)) for u, v, data in graph.edges(data=True))
    return copy


def graph_to_dict(graph: nx.Graph) -> dict:
    """The graph as JSON-able data: its attributes, nodes (``id`` and attributes) and edges
    (``source``, ``target``, ``key`` for multigraphs, and attributes)."""
    nodes = [{"id": node, **data} for node, data in graph.nodes(data=True)]
    if isinstance(graph, nx.MultiGraph):
        edges = [
            {"source": u, "target": v, "key": k, **d}
            for u, v, k, d in graph.edges(keys=True, data=True)
        ]
    else:
        edges = [{"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)]
    graph_data = {k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float, bool))}
    return {
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "graph": graph_data,
        "nodes": nodes,
        "edges": edges,
    }


def edge_table(graph: nx.Graph) -> str:
    """One CSV row per edge: source, target, their names, weight, then the other attributes."""
    rows = []
    columns: set[str] = set()
    for u, v, data in graph.edges(data=True):
        row = {
            "source": u,
            "target": v,
            "source_name": graph.nodes[u].get("name"),
            "target_name": graph.nodes[v].get("name"),
            **_flat_data(data),
        }
        columns.update(data)
        rows.append(row)
    header = [
        "source",
        "target",
        "source_name",
        "target_name",
        "weight",
        *sorted(columns - {"weight"}),
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _csv(header: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def gephi_nodes(graph: nx.Graph) -> str:
    """The nodes as a CSV table Gephi imports (its "Nodes table"): ``Id``, ``Label`` (the name),
    then every other attribute, lists joined with " | "."""
    rows: list[dict] = []
    columns: set[str] = set()
    for node, data in graph.nodes(data=True):
        flat = _flat_data(data)
        columns.update(flat)
        rows.append({**flat, "Id": node, "Label": data.get("name") or str(node)})
    return _csv(["Id", "Label", *sorted(columns - {"Id", "Label"})], rows)


def gephi_edges(graph: nx.Graph) -> str:
    """The edges as a CSV table Gephi imports (its "Edges table"): ``Source``, ``Target``,
    ``Type`` (Directed or Undirected), ``Weight``, then every other attribute (a multigraph's
    ``key`` among them), lists joined with " | "."""
    kind = "Directed" if graph.is_directed() else "Undirected"
    if isinstance(graph, nx.MultiGraph):
        ties = [(u, v, {"key": k, **d}) for u, v, k, d in graph.edges(keys=True, data=True)]
    else:
        ties = list(graph.edges(data=True))
    rows: list[dict] = []
    columns: set[str] = set()
    for u, v, data in ties:
        flat = {k: v for k, v in _flat_data(data).items() if k != "weight"}
        columns.update(flat)
        rows.append(
            {**flat, "Source": u, "Target": v, "Type": kind, "Weight": data.get("weight", 1)}
        )
    fixed = ["Source", "Target", "Type", "Weight"]
    return _csv([*fixed, *sorted(columns - set(fixed))], rows)


def network_bytes(graph: nx.Graph, fmt: str) -> bytes:
    """``graph`` written as ``fmt`` (one of ``FILE_FORMATS``)."""
    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(flattened(graph), buffer, encoding="utf-8")
        return buffer.getvalue()
    if fmt == "gexf":
        buffer = io.BytesIO()
        nx.write_gexf(flattened(graph), buffer, encoding="utf-8")
        return buffer.getvalue()
    if fmt == "csv":
        return edge_table(graph).encode("utf-8")
    if fmt == "json":
        return json.dumps(graph_to_dict(graph), ensure_ascii=False).encode("utf-8")
    raise AnalysisError(
        f"unknown network format {fmt!r}: choose {', '.join(FILE_FORMATS)}, png or svg"
    )
