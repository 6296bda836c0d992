"""The node and edge tables Gephi imports (``polgraph.analytics.export``): read back with the
csv module, they hold every node and tie with its attributes, lists joined as in GraphML."""

from __future__ import annotations

import csv
import io

import networkx as nx

from polgraph.analytics.export import SEPARATOR, gephi_edges, gephi_nodes


def _rows(table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(table)))


def test_an_undirected_network_s_tables():
    graph: nx.Graph = nx.Graph()
    graph.add_node("p:1", name="Người Một", posts=["Chủ tịch", "Bí thư"], events=2)
    graph.add_node("p:2", name="Người, Hai", community=0)  # a comma in a name stays one cell
    graph.add_node("p:3")
    graph.add_edge("p:1", "p:2", weight=2, dates=["2023-01-02", "2024-03-04"], first="2023-01-02")
    nodes = _rows(gephi_nodes(graph))
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert [(r["Id"], r["Label"]) for r in nodes] == [
        ("p:1", "Người Một"),
        ("p:2", "Người, Hai"),
        ("p:3", "p:3"),  # no name: its id
    ]
    assert nodes[0]["posts"] == SEPARATOR.join(["Chủ tịch", "Bí thư"])
    assert (nodes[1]["community"], nodes[2]["events"]) == ("0", "")
    (edge,) = _rows(gephi_edges(graph))
    assert edge == {
        "Source": "p:1",
        "Target": "p:2",
        "Type": "Undirected",
        "Weight": "2",
        "dates": "2023-01-02 | 2024-03-04",
        "first": "2023-01-02",
    }


def test_a_directed_multigraph_s_edges_keep_their_keys():
    graph: nx.MultiDiGraph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="post/1", title="Chủ tịch", date="2024-06-12", weight=1)
    graph.add_edge("a", "b", key="post/2", title="Bí thư", date="2024-07-01", weight=1)
    edges = _rows(gephi_edges(graph))
    assert [(r["Source"], r["Target"], r["Type"], r["key"], r["title"]) for r in edges] == [
        ("a", "b", "Directed", "post/1", "Chủ tịch"),
        ("a", "b", "Directed", "post/2", "Bí thư"),
    ]
    assert {r["Id"] for r in _rows(gephi_nodes(graph))} == {"a", "b"}
