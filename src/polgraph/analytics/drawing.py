"""Pictures of a projection, PNG or SVG: the most tied persons, labelled with their names and
coloured by community (persons and bodies apart in the person–body graph; arrows for
succession).

Drawn on a ``matplotlib.figure.Figure`` of its own, never through pyplot, so nothing global
(the backend, the current figure) changes and a server can draw in several threads.
"""

from __future__ import annotations

import io
import math

import matplotlib
import networkx as nx
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from polgraph.analytics.errors import AnalysisError
from polgraph.analytics.measures import communities

IMAGE_FORMATS = ("png", "svg")
DEFAULT_LIMIT = 150
MAX_LIMIT = 400  # networkx lays out larger graphs with scipy, which polgraph does without
_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94"]


def _most_tied(graph: nx.Graph, limit: int) -> nx.Graph:
    if len(graph) <= limit:
        return graph
    strength = dict(graph.degree(weight="weight"))
    keep = sorted(graph, key=lambda n: (-strength[n], str(n)))[:limit]
    return graph.subgraph(keep)


def _colours(graph: nx.Graph, seed: int) -> list[str]:
    kinds = {data.get("kind") for _, data in graph.nodes(data=True)}
    if "organization" in kinds:
        return ["#d62728" if graph.nodes[n].get("kind") == "organization" else "#1f77b4" for n in graph]
    if graph.is_directed() or graph.number_of_edges() == 0:
        return [_PALETTE[0]] * len(graph)
    if any("community" not in graph.nodes[n] for n in graph):
        groups = communities(nx.Graph(graph), seed=seed)
        number = {n: i for i, group in enumerate(groups) for n in group}
    else:
        number = {n: graph.nodes[n]["community"] for n in graph}
    return [_PALETTE[number[n] % len(_PALETTE)] for n in graph]


def _title(graph: nx.Graph, shown: int, total: int) -> str:
    what = {"coattendance": "co-attendance", "person_org": "persons and bodies",
            "cospeaking": "co-speaking", "succession": "succession"}.get(graph.graph.get("projection"), "network")
    scope = graph.graph.get("slice", "")
    part = f"the {shown} most tied of {total} nodes" if shown < total else f"{total} nodes"
    return f"polgraph {what} ({scope}): {part}"


def draw_network(graph: nx.Graph, fmt: str = "png", *, limit: int = DEFAULT_LIMIT, seed: int = 0,
                 title: str | None = None) -> bytes:
    """``graph`` drawn as PNG or SVG bytes: its ``limit`` most tied nodes (by weighted degree),
    sized by it, with their names; ties drawn thicker the more events they share."""
    if fmt not in IMAGE_FORMATS:
        raise AnalysisError(f"unknown picture format {fmt!r}: choose png or svg")
    if not 1 <= limit <= MAX_LIMIT:
        raise AnalysisError(f"a picture shows 1 to {MAX_LIMIT} nodes, not {limit}")
    shown = _most_tied(graph, limit)
    figure = Figure(figsize=(12, 12), dpi=100)
    ax = figure.add_axes((0.02, 0.02, 0.96, 0.93))
    ax.set_axis_off()
    ax.set_title(title or _title(graph, len(shown), len(graph)), fontsize=11)
    if len(shown):
        _draw(ax, shown, seed)
    buffer = io.BytesIO()
    # Text stays text in SVG, so the names can be searched and read by a program.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt)
    return buffer.getvalue()


def _layout(graph: nx.Graph, seed: int) -> dict:
    """Each connected part laid out on its own, the parts in a grid, largest first: one layout
    of them all would push the parts to the edges and crush each into a knot."""
    parts = sorted(nx.connected_components(graph.to_undirected(as_view=True)), key=lambda c: (-len(c), min(map(str, c))))
    columns = math.ceil(math.sqrt(len(parts)))
    largest = len(parts[0])
    positions = {}
    for number, part in enumerate(parts):
        row, column = divmod(number, columns)
        scale = 0.42 * max(0.35, math.sqrt(len(part) / largest))
        if len(part) == 1:
            placed = {next(iter(part)): (0.0, 0.0)}
        else:
            sub = graph.subgraph(part)
            placed = nx.spring_layout(sub, seed=seed, weight="weight", k=2 / math.sqrt(len(part)),
                                      center=(0, 0), scale=1)
        for node, (x, y) in placed.items():
            positions[node] = (column + scale * x, -row + scale * y)
    return positions


def _draw(ax, graph: nx.Graph, seed: int) -> None:
    positions = _layout(graph, seed)
    weights = [data.get("weight", 1) for _, _, data in graph.edges(data=True)]
    heaviest = max(weights, default=1)
    segments = [(positions[u], positions[v]) for u, v in graph.edges()]
    ax.add_collection(LineCollection(segments, colors="#999999", alpha=0.5, zorder=1,
                                     linewidths=[0.4 + 2.6 * w / heaviest for w in weights]))
    if graph.is_directed():
        for u, v in graph.edges():
            ax.annotate("", xy=positions[v], xytext=positions[u], zorder=2,
                        arrowprops={"arrowstyle": "-|>", "color": "#555555", "shrinkA": 8, "shrinkB": 8})
    strength = dict(graph.degree(weight="weight"))
    largest = max(strength.values(), default=1) or 1
    xs, ys = zip(*(positions[n] for n in graph))
    ax.scatter(xs, ys, s=[30 + 270 * strength[n] / largest for n in graph], c=_colours(graph, seed),
               edgecolors="white", linewidths=0.6, zorder=3)
    for node in graph:
        x, y = positions[node]
        ax.text(x, y, graph.nodes[node].get("name") or str(node), fontsize=7, ha="center", va="bottom",
                zorder=4)
    ax.autoscale_view()
    ax.margins(0.08)
