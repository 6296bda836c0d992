"""The query parameters of the networks the pages draw (``/api/analytics/network/ranked`` and
``/api/persons/{id}/network``): the measure that ranks and sizes the nodes, how many to keep,
and the format, each with its examples."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from polgraph.analytics.drawing import MAX_LIMIT
from polgraph.analytics.ego import EGO_LIMIT
from polgraph.server.api.docs import examples

Measure = Annotated[
    Literal[
        "weighted_degree", "degree", "degree_centrality", "betweenness", "eigenvector", "events"
    ],
    Query(
        description="The measure that ranks the nodes (the most central are kept) and sizes "
        "them in a drawing: weighted degree, degree, degree centrality, betweenness, "
        "eigenvector, events.",
        openapi_examples=examples(weighted_degree="weighted_degree", betweenness="betweenness"),
    ),
]
Kept = Annotated[
    int | None,
    Query(
        ge=1,
        description="Keep only this many of the most central nodes by `measure`, and the ties "
        "among them; every node when left out.",
        openapi_examples=examples(a_page_s_drawing=150),
    ),
]
Others = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_LIMIT,
        description=f"How many others to keep around the person, the most tied first (1 to "
        f"{MAX_LIMIT}; {EGO_LIMIT} by default).",
        openapi_examples=examples(default=EGO_LIMIT),
    ),
]
DrawnFormat = Annotated[
    Literal["json", "graphml", "gexf", "nodes-csv", "edges-csv"],
    Query(
        alias="format",
        description="json (nodes and ties to draw), graphml or gexf (Gephi opens both), "
        "nodes-csv or edges-csv (the node and edge tables Gephi imports).",
        openapi_examples=examples(JSON="json", GraphML="graphml", nodes_table="nodes-csv"),
    ),
]
EgoFormat = Annotated[
    Literal["json", "graphml", "gexf", "nodes-csv", "edges-csv", "svg", "png"],
    Query(
        alias="format",
        description="json (nodes and ties to draw), graphml or gexf (Gephi opens both), "
        "nodes-csv or edges-csv (the node and edge tables Gephi imports), or a picture: svg "
        "or png.",
        openapi_examples=examples(JSON="json", GEXF="gexf", SVG="svg"),
    ),
]
