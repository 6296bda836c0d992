"""Pictures of a projection, PNG or SVG: the most tied persons, labelled with their names and
coloured by community (persons and bodies apart in the person–body graph; arrows for
succession).

Drawn on a ``matplotlib.figure.Figure`` of its own, never through pyplot, so nothing global
(the backend, the current figure) changes and a server can draw in several threads.
"""

from __future__ import annotations

import io
import math
import textwrap
from typing import Any

import matplotlib
import networkx as nx
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from polgraph.analytics.errors import AnalysisError
from polgraph.analytics.measures import communities

IMAGE_FORMATS = ("png", "svg")
DEFAULT_LIMIT = 150
MAX_LIMIT = 400  # networkx lays out larger graphs with scipy, which polgraph does without
FIGURE_INCHES = 12  # square, at 100 dpi: 1200 pixels a side
LABELLED = 150  # names tried, the most tied first (a name that would cover another is left out)
# Font sizes in points on a FIGURE_INCHES picture, which pages show about two thirds of its size.
LARGEST_LABEL, SMALLEST_LABEL = 12.0, 7.0
TITLE_SIZE = 15.0
_PALETTE = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
]


def _most_tied(graph: nx.Graph, limit: int) -> nx.Graph:
    if len(graph) <= limit:
        return graph
    strength = dict(graph.degree(weight="weight"))
    keep = sorted(graph, key=lambda n: (-strength[n], str(n)))[:limit]
    # A copy in a fixed order: a subgraph view's order is a set's, which changes between processes.
    kept = graph.__class__()
    kept.graph.update(graph.graph)
    kept.add_nodes_from((n, graph.nodes[n]) for n in keep)
    shown = graph.subgraph(keep)
    if isinstance(shown, nx.MultiGraph):
        # The stubs give MultiGraph.add_edges_from Graph's signature; it takes keyed ties too.
        kept.add_edges_from(shown.edges(data=True, keys=True))  # type: ignore[arg-type]
    else:
        kept.add_edges_from(shown.edges(data=True))
    return kept


def _colours(graph: nx.Graph, seed: int) -> list[str]:
    kinds = {data.get("kind") for _, data in graph.nodes(data=True)}
    if "organization" in kinds:
        return [
            "#d62728" if graph.nodes[n].get("kind") == "organization" else "#1f77b4" for n in graph
        ]
    if graph.is_directed() or graph.number_of_edges() == 0:
        return [_PALETTE[0]] * len(graph)
    if any("community" not in graph.nodes[n] for n in graph):
        groups = communities(nx.Graph(graph), seed=seed)
        number = {n: i for i, group in enumerate(groups) for n in group}
    else:
        number = {n: graph.nodes[n]["community"] for n in graph}
    return [_PALETTE[number[n] % len(_PALETTE)] for n in graph]


def _title(graph: nx.Graph, shown: int, total: int) -> str:
    what = {
        "coattendance": "co-attendance",
        "person_org": "persons and bodies",
        "cospeaking": "co-speaking",
        "succession": "succession",
    }.get(graph.graph.get("projection", ""), "network")
    scope = graph.graph.get("slice", "")
    part = f"the {shown} most tied of {total} nodes" if shown < total else f"{total} nodes"
    return f"polgraph {what} ({scope}): {part}"


def label_size(nodes: int, inches: float = FIGURE_INCHES) -> float:
    """The font size (points) of the names on a picture of ``nodes`` nodes ``inches`` wide: the
    largest up to 15 nodes, 1.5 points less each time their number doubles, never below the
    smallest; in proportion to the picture's width, so a larger picture keeps its look."""
    step = 1.5 * math.log2(max(nodes, 15) / 15)
    return max(SMALLEST_LABEL, LARGEST_LABEL - step) * inches / FIGURE_INCHES


def node_diameters(nodes: int, inches: float = FIGURE_INCHES) -> tuple[float, float]:
    """The diameters (points) of the least and the most tied node on a picture of ``nodes``
    nodes: large for a handful, shrinking as they grow more numerous and closer together."""
    largest = min(36.0, max(14.0, 36.0 * (15 / max(nodes, 1)) ** 0.4)) * inches / FIGURE_INCHES
    return 0.4 * largest, largest


def draw_network(
    graph: nx.Graph,
    fmt: str = "png",
    *,
    limit: int = DEFAULT_LIMIT,
    seed: int = 0,
    title: str | None = None,
) -> bytes:
    """``graph`` drawn as PNG or SVG bytes (``network_figure``)."""
    if fmt not in IMAGE_FORMATS:
        raise AnalysisError(f"unknown picture format {fmt!r}: choose png or svg")
    return figure_bytes(network_figure(graph, limit=limit, seed=seed, title=title), fmt)


def figure_bytes(figure: Figure, fmt: str) -> bytes:
    """A figure as PNG or SVG bytes. Text stays text in SVG, so names can be searched and read
    by a program; no date in it, so the same picture gives the same bytes."""
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "polgraph"}):
        figure.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()


def network_figure(
    graph: nx.Graph, *, limit: int = DEFAULT_LIMIT, seed: int = 0, title: str | None = None
) -> Figure:
    """``graph`` drawn: its ``limit`` most tied nodes (by weighted degree), sized by it, with
    their names beside them, the most tied first, each where it covers no other name and no
    node (a name with no such place is left out); ties drawn thicker the more events they
    share. Text is sized to the number of nodes (``label_size``); the layout is seeded, so the
    same graph is drawn the same way every time."""
    if not 1 <= limit <= MAX_LIMIT:
        raise AnalysisError(f"a picture shows 1 to {MAX_LIMIT} nodes, not {limit}")
    shown = _most_tied(graph, limit)
    figure = Figure(figsize=(FIGURE_INCHES, FIGURE_INCHES), dpi=100)
    FigureCanvasAgg(figure)  # a renderer, to measure the names before placing them
    heading = _wrapped(title or _title(graph, len(shown), len(graph)))
    lines = heading.count("\n") + 1
    top = 1 - (lines * 1.4 * TITLE_SIZE + 14) / (FIGURE_INCHES * 72)  # the title's lines, and a gap
    ax = figure.add_axes((0.02, 0.02, 0.96, top - 0.02))
    ax.set_axis_off()
    figure.text(
        0.5,
        1 - 10 / (FIGURE_INCHES * 72),
        heading,
        fontsize=TITLE_SIZE,
        ha="center",
        va="top",
        linespacing=1.3,
    )
    if len(shown):
        _draw(ax, shown, seed)
    return figure


def _wrapped(title: str) -> str:
    """The title in lines that fit the picture's width (a character is about 0.55 em wide)."""
    width = int(0.92 * FIGURE_INCHES * 72 / (0.55 * TITLE_SIZE))
    return textwrap.fill(title, width=width, break_long_words=False, break_on_hyphens=False)


def _layout(graph: nx.Graph, seed: int) -> dict:
    """Each connected part laid out on its own, the parts in a grid, largest first: one layout
    of them all would push the parts to the edges and crush each into a knot."""
    parts = sorted(
        nx.connected_components(graph.to_undirected(as_view=True)),
        key=lambda c: (-len(c), min(map(str, c))),
    )
    columns = math.ceil(math.sqrt(len(parts)))
    largest = len(parts[0])
    positions = {}
    for number, part in enumerate(parts):
        row, column = divmod(number, columns)
        scale = 0.42 * max(0.35, math.sqrt(len(part) / largest))
        placed: dict[Any, Any]  # node → (x, y)
        if len(part) == 1:
            placed = {next(iter(part)): (0.0, 0.0)}
        else:
            # Nodes in a fixed order: the layout follows it, and a subgraph view would iterate
            # the set ``part``, whose order changes from one process to the next.
            sub: nx.Graph = nx.Graph()
            sub.add_nodes_from(sorted(part, key=str))
            sub.add_edges_from(graph.subgraph(part).edges(data=True))
            placed = nx.spring_layout(
                sub, seed=seed, weight="weight", k=2 / math.sqrt(len(part)), center=(0, 0), scale=1
            )
        for node, (x, y) in placed.items():
            positions[node] = (column + scale * x, -row + scale * y)
    return positions


def _draw(ax: Axes, graph: nx.Graph, seed: int) -> None:
    positions = _layout(graph, seed)
    weights = [data.get("weight", 1) for _, _, data in graph.edges(data=True)]
    heaviest = max(weights, default=1)
    segments = [(positions[u], positions[v]) for u, v in graph.edges()]
    ax.add_collection(
        LineCollection(
            segments,
            colors="#999999",
            alpha=0.5,
            zorder=1,
            linewidths=[0.4 + 2.6 * w / heaviest for w in weights],
        )
    )
    smallest, largest = node_diameters(len(graph))
    strength = dict(graph.degree(weight="weight"))
    strongest = max(strength.values(), default=1) or 1
    # Marker sizes are areas (points squared): the most tied node is the largest disc.
    diameter = {
        n: math.sqrt(smallest**2 + (largest**2 - smallest**2) * strength[n] / strongest)
        for n in graph
    }
    if graph.is_directed():
        for u, v in graph.edges():
            ax.annotate(
                "",
                xy=positions[v],
                xytext=positions[u],
                zorder=2,
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": "#555555",
                    "shrinkA": diameter[u] / 2 + 1,
                    "shrinkB": diameter[v] / 2 + 1,
                },
            )
    xs, ys = zip(*(positions[n] for n in graph), strict=True)
    ax.scatter(
        xs,
        ys,
        s=[diameter[n] ** 2 for n in graph],
        c=_colours(graph, seed),
        edgecolors="white",
        linewidths=0.8,
        zorder=3,
    )
    ax.margins(0.1)
    ax.autoscale_view()  # now, not when drawn: the names are placed in the final view
    strongest_first = sorted(graph, key=lambda n: (-strength[n], str(n)))[:LABELLED]
    _name(ax, graph, positions, diameter, strongest_first)


# Where a name may go, in order of preference: above its node, below, right, left.
_PLACES = (
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
)


def _name(ax: Axes, graph: nx.Graph, positions: dict, diameter: dict, nodes: list) -> None:
    """Each node's name beside its disc (never on its centre), on a pale ground that keeps the
    ties from crossing it: in the first place where it covers no node and no name already
    written, inside the picture; nowhere when there is none, for names on names read as none."""
    figure = ax.figure
    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)  # draw_network gives the figure one
    renderer = canvas.get_renderer()
    area = figure.bbox
    points = figure.dpi / 72
    taken = []
    for node in graph:  # the discs, a little smaller than drawn: a name may touch one
        x, y = ax.transData.transform(positions[node])
        r = 0.8 * diameter[node] / 2 * points
        taken.append(Bbox.from_extents(x - r, y - r, x + r, y + r))
    size = label_size(len(graph))
    for node in nodes:
        gap = diameter[node] / 2 + 2
        for dx, dy, across, up in _PLACES:
            text = ax.annotate(
                graph.nodes[node].get("name") or str(node),
                xy=positions[node],
                xytext=(dx * gap, dy * gap),
                textcoords="offset points",
                fontsize=size,
                ha=across,
                va=up,
                zorder=4,
                bbox={
                    "boxstyle": "round,pad=0.15",
                    "facecolor": "white",
                    "edgecolor": "none",
                    "alpha": 0.75,
                },
            )
            box = text.get_window_extent(renderer)
            inside = (
                area.x0 <= box.x0 and box.x1 <= area.x1 and area.y0 <= box.y0 and box.y1 <= area.y1
            )
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                break
            text.remove()
