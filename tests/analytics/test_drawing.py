"""Network pictures people can read at the size pages show them: names sized to the number of
nodes, beside their nodes and not on one another, a title that fits, the same bytes every time."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from itertools import combinations

import networkx as nx
import pytest

from polgraph.analytics.drawing import (
    FIGURE_INCHES,
    LARGEST_LABEL,
    SMALLEST_LABEL,
    TITLE_SIZE,
    label_size,
    network_figure,
    node_diameters,
)

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng"]
GIVEN = ["Đồng", "Nam", "Loan", "Thuyết", "Ngọ", "Hùng", "Tuân", "Điệp", "Dũng", "Huấn", "Lộc"]


def meetings(persons: int, groups: int, size: int) -> nx.Graph:
    """Persons tied by shared events, as the co-attendance projection ties them: ``groups``
    events of ``size`` consecutive persons each, overlapping."""
    graph = nx.Graph()
    for number in range(persons):
        graph.add_node(
            f"p{number:03d}", name=f"{SURNAMES[number % 7]} Văn {GIVEN[number % 11]} {number}"
        )
    step = max(1, (persons - size) // max(1, groups - 1))
    for event in range(groups):
        members = [f"p{(event * step + i) % persons:03d}" for i in range(size)]
        for a, b in combinations(members, 2):
            graph.add_edge(a, b, weight=graph.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    return graph


@pytest.mark.parametrize("nodes", [1, 5, 9, 15])
def test_a_small_network_has_the_largest_names(nodes):
    assert label_size(nodes) == LARGEST_LABEL == 12


def test_names_shrink_as_nodes_grow_and_stay_readable():
    sizes = [label_size(n) for n in range(10, 151)]
    assert all(SMALLEST_LABEL <= size <= LARGEST_LABEL for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert 9 <= label_size(40) <= 11 and 7 <= label_size(150) <= 8
    assert label_size(1000) == SMALLEST_LABEL >= 7
    assert label_size(40, inches=2 * FIGURE_INCHES) == 2 * label_size(40)


def test_nodes_shrink_as_they_grow_more_numerous():
    smallest, largest = zip(*(node_diameters(n) for n in (5, 15, 40, 150, 400)), strict=True)
    assert list(largest) == sorted(largest, reverse=True) and largest[0] > 2 * largest[-1] > 0
    assert all(0 < low < high for low, high in zip(smallest, largest, strict=True))


@pytest.mark.parametrize("persons", [9, 40, 150])
def test_names_sit_beside_their_nodes_and_never_on_one_another(persons):
    graph = meetings(persons, groups=max(2, persons // 4), size=min(persons, 8))
    figure = network_figure(graph, title="A title " * 30)
    renderer = figure.canvas.get_renderer()
    ax = figure.axes[0]
    names = [text for text in ax.texts if text.get_text()]
    boxes = [text.get_window_extent(renderer) for text in names]
    assert len(names) >= min(persons, 25)  # most persons are named, all of a small network
    if persons <= 9:
        assert {text.get_text() for text in names} == {d["name"] for _, d in graph.nodes(data=True)}
    assert all(text.get_fontsize() == label_size(persons) for text in names)
    for text, box in zip(names, boxes, strict=True):
        node = ax.transData.transform(text.xy)
        assert not box.contains(*node)  # offset from the node's centre
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= figure.bbox.x1 and box.y1 <= figure.bbox.y1
    assert not any(a.overlaps(b) for a, b in combinations(boxes, 2))
    (title,) = figure.texts
    assert title.get_fontsize() == TITLE_SIZE >= 12
    heading = title.get_window_extent(renderer)
    # wrapped to fit
    assert heading.x0 >= 0 and heading.x1 <= figure.bbox.x1 and "\n" in title.get_text()
    assert heading.y0 > max(box.y1 for box in boxes)  # above every name


DRAW = """
import hashlib, sys
sys.path.insert(0, {tests!r})
from test_drawing import meetings
from polgraph.analytics.drawing import draw_network
graph = meetings(60, 8, 6)
graph.add_edges_from([("x-a", "x-b"), ("x-b", "x-c"), ("y-a", "y-b")])  # parts of their own
print(*(hashlib.sha256(draw_network(graph, fmt, limit=50)).hexdigest() for fmt in ("png", "svg")))
"""


@pytest.mark.slow  # pictures drawn in other processes
def test_the_same_network_gives_the_same_picture_in_every_process():
    code = DRAW.format(tests=os.path.dirname(__file__))
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1, outputs  # string hashing, and so set order, differs between them
    assert hashlib.sha256(b"").hexdigest() not in outputs.pop()
