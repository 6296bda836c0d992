"""The query parameters of ``/api/analytics``: the filters every analysis takes (``from``, ``to``,
``place``, ``org``, as ``polgraph analyze`` takes them) and the choices of each route, each with
its examples."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Path, Query

from polgraph.analytics.drawing import DEFAULT_LIMIT, MAX_LIMIT
from polgraph.namespaces import ID
from polgraph.server.api.days import Day
from polgraph.server.api.docs import examples

From = Annotated[
    Day | None,
    Query(
        alias="from",
        description="Only events (and tenures) on or after this day, YYYY-MM-DD.",
        openapi_examples=examples(May_2023="2023-05-01"),
    ),
]
To = Annotated[
    Day | None,
    Query(
        alias="to",
        description="Only events (and tenures) on or before this day, YYYY-MM-DD.",
        openapi_examples=examples(end_of_2023="2023-12-31"),
    ),
]
Place = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Only events held in this area: a name (accents and the level word "
        "optional), an official code or an IRI.",
        openapi_examples=examples(
            commune="xã Cẩm Lộc", district="huyện Cẩm Xuyên", official_code="18730"
        ),
    ),
]
Org = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Only this body and its sub-bodies: the events it organised or had a "
        "post-holder at, and its posts. An organization's id, its name as "
        "reports write it, or its IRI.",
        openapi_examples=examples(name="UBND xã Cẩm Lộc", id="uy-ban-nhan-dan-xa-cam-loc-799af1ba"),
    ),
]


def slice_filters(
    start: From = None, end: To = None, place: Place = None, org: Org = None
) -> dict[str, Any]:
    """The filters, as ``KnowledgeGraph`` takes them once ``org`` is read by
    ``polgraph.server.answers.analytics.body_ref``."""
    return {"start": start, "end": end, "place": place, "org": org}


Filters = Annotated[dict, Depends(slice_filters)]

Post = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Only this post: a title (with org: of that body), a post's IRI or id.",
        openapi_examples=examples(chair="Chủ tịch"),
    ),
]


def post_ref(post: str | None) -> str | None:
    """A post's id (``post/…``, as answers show it) stands for its IRI."""
    if post and post.startswith("post/") and not any(ch.isspace() for ch in post):
        return str(ID) + post
    return post


Sort = Annotated[
    Literal[
        "weighted_degree", "degree", "degree_centrality", "betweenness", "eigenvector", "events"
    ],
    Query(
        description="The measure to rank by, highest first: weighted degree (events shared, "
        "counted per person met), degree (persons met), degree centrality, "
        "betweenness, eigenvector, events.",
        openapi_examples=examples(weighted_degree="weighted_degree", betweenness="betweenness"),
    ),
]
Resolution = Annotated[
    float,
    Query(
        gt=0,
        le=10,
        description="Louvain's resolution: below 1 fewer, larger "
        "communities; above 1 more, smaller ones.",
        openapi_examples=examples(default=1.0, larger_communities=0.5),
    ),
]

Format = Annotated[
    Literal["graphml", "gexf", "csv", "json", "png", "svg"],
    Query(
        alias="format",
        description="graphml or gexf (Gephi opens both), csv (one row per edge), json, "
        "or a picture: png or svg.",
        openapi_examples=examples(GraphML="graphml", PNG="png"),
    ),
]
Projection = Annotated[
    Literal["coattendance", "person-org", "cospeaking", "succession"],
    Query(
        description="coattendance (persons tied by shared events), person-org (persons and the "
        "bodies they held posts in), cospeaking (persons who spoke at one event) or "
        "succession (predecessor → successor).",
        openapi_examples=examples(coattendance="coattendance", succession="succession"),
    ),
]
Drawn = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_LIMIT,
        openapi_examples=examples(default=DEFAULT_LIMIT),
        description=f"png and svg: how many of the most tied nodes to draw (1 to {MAX_LIMIT}).",
    ),
]

PersonId = Annotated[
    str,
    Path(
        description="The person's id (the end of their IRI).",
        openapi_examples=examples(Nguyen_Viet_Dong="nguyen-viet-dong-68682787-d5c6b1b3"),
    ),
]
