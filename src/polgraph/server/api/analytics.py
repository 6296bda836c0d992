"""``/api/analytics``: the network analyses over HTTP — centrality, Louvain communities and
successions as JSON, a projection as a file (GraphML, GEXF, CSV, JSON) or a picture (PNG, SVG) —
and ``/api/persons/{id}/timeline.png``, a person's posts along time.

Every answer is computed by ``polgraph.analytics`` over a snapshot of the store, as ``polgraph
analyze``, ``network`` and ``timeline`` compute theirs. Building a projection and measuring it is
CPU work that takes from milliseconds to minutes with the store's size: it runs in a query worker
under the time limit (``polgraph.server.api.offload``), and the analyses take turns
(``polgraph.server.analysis_slots``). Nothing is kept between requests, so an answer always
reflects the store as it is.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from polgraph.analytics import open_graph
from polgraph.analytics.drawing import DEFAULT_LIMIT
from polgraph.analytics.outputs import network_output, timeline_output
from polgraph.server.analysis_slots import analysis_slot
from polgraph.server.api import analytics_examples as shown
from polgraph.server.api.analytics_params import (
    Drawn,
    Filters,
    Format,
    PersonId,
    Post,
    Projection,
    Resolution,
    Sort,
    body_ref,
    post_ref,
)
from polgraph.server.api.docs import answers, error_examples
from polgraph.server.api.graph import ask, iri
from polgraph.server.api.ids import iri_for, node, not_found
from polgraph.server.api.offload import Content, answered
from polgraph.server.api.search import Limit, Offset, page

router = APIRouter(tags=["analytics"])

# format → (media type, whether a browser should show it rather than save it)
MEDIA_TYPES = {
    "graphml": ("application/graphml+xml", False),
    "gexf": ("application/gexf+xml", False),
    "csv": ("text/csv; charset=utf-8", False),
    "json": ("application/json", True),
    "png": ("image/png", True),
    "svg": ("image/svg+xml", True),
}
_MEASURES = ("degree", "weighted_degree", "degree_centrality", "betweenness", "eigenvector")


async def analysed(request: Request, handler: str, **arguments: Any) -> Response:
    """``HANDLERS[handler]``'s answer from a query worker, one of the server's analysis slots held
    meanwhile. An unknown person, place, body or post is a 404 and any other wrong argument a
    400 (``offload.answer_job``)."""
    async with analysis_slot(request):
        return await answered(request, handler, **arguments)


def _sliced(store, filters: dict[str, Any]) -> dict[str, Any]:
    """The filters as ``KnowledgeGraph`` takes them: an organization's id stands for its IRI."""
    return {**filters, "org": body_ref(store, filters["org"])}


def file_answers(content: dict[str, Any], description: str) -> dict[int | str, dict]:
    """``responses=`` for a route answering files: each media type with its example."""

    def schema(media: str) -> dict:
        if media == "application/json":
            return {"type": "object"}
        return (
            {"type": "string", "format": "binary"} if media == "image/png" else {"type": "string"}
        )

    return {
        200: {
            "description": description,
            "content": {
                media: {"schema": schema(media), "example": example}
                for media, example in content.items()
            },
        },
        **error_examples(400, 404),
    }


def _file(response: Response, fmt: str, stem: str) -> Response:
    _, shown_inline = MEDIA_TYPES[fmt]
    disposition = "inline" if shown_inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{stem}.{fmt}"'
    return response


# -- measures -------------------------------------------------------------------------------
@router.get(
    "/analytics/centrality",
    summary="Who is central among persons tied by shared events",
    responses=answers(shown.CENTRALITY, 400, 404),
    response_model=dict,
)
async def centrality(
    request: Request,
    filters: Filters,
    sort: Sort = "weighted_degree",
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Each person of the co-attendance network (persons tied by the events they attended
    together) with their degree, weighted degree, degree centrality, betweenness (estimated
    from a sample of sources above 2,000 persons) and eigenvector centrality, ranked by
    ``sort``; ``total`` counts the persons."""
    return await analysed(
        request, "centrality", filters=filters, sort=sort, limit=limit, offset=offset
    )


def centrality_answer(store, filters: dict[str, Any], sort: str, limit: int, offset: int) -> dict:
    records = open_graph(store).centrality(sort=sort, **_sliced(store, filters))
    items = [
        {
            **node(r["person"], name=r["name"]),
            "posts": r["posts"],
            "events": r["events"],
            **{measure: r[measure] for measure in _MEASURES},
        }
        for r in records[offset : offset + limit]
    ]
    return page(items, len(records), limit, offset)


@router.get(
    "/analytics/communities",
    summary="Groups of persons who meet among themselves",
    responses=answers(shown.COMMUNITIES, 400, 404),
    response_model=dict,
)
async def communities(
    request: Request,
    filters: Filters,
    resolution: Resolution = 1.0,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Louvain communities of the co-attendance network, largest first: each with the places
    and bodies most of its members share, and its members, most tied first."""
    return await analysed(
        request, "communities", filters=filters, resolution=resolution, limit=limit, offset=offset
    )


def communities_answer(
    store, filters: dict[str, Any], resolution: float, limit: int, offset: int
) -> dict:
    found = open_graph(store).communities(resolution=resolution, **_sliced(store, filters))
    items = [
        {
            "community": c["community"],
            "size": c["size"],
            "places": _labelled(c["places"], c["place_labels"]),
            "bodies": _labelled(c["bodies"], c["body_labels"]),
            "members": [
                {
                    **node(m["person"], name=m["name"]),
                    "posts": m["posts"],
                    "weighted_degree": m["weighted_degree"],
                }
                for m in c["members"]
            ],
        }
        for c in found[offset : offset + limit]
    ]
    return page(items, len(found), limit, offset)


def _labelled(iris: list[str], labels: list[str]) -> list[dict]:
    return [node(found, label=label) for found, label in zip(iris, labels, strict=True)]


@router.get(
    "/analytics/succession",
    summary="Who handed which post to whom",
    responses=answers(shown.SUCCESSION, 400, 404),
    response_model=dict,
)
async def succession(
    request: Request, filters: Filters, post: Post = None, limit: Limit = 20, offset: Offset = 0
) -> Response:
    """The hand-overs the tenures record, by post then date: the predecessor, the successor,
    the day of the successor's first evidence (``date``, which the date window applies to),
    the predecessor's last, and whether the successor's tenure opened with an election."""
    return await analysed(
        request, "succession", filters=filters, post=post_ref(post), limit=limit, offset=offset
    )


def succession_answer(
    store, filters: dict[str, Any], post: str | None, limit: int, offset: int
) -> dict:
    records = open_graph(store).successions(post=post, **_sliced(store, filters))
    items = [
        {
            "post": node(r["post"], title=r["title"], label=r["label"]),
            "organization": node(r["body"], label=r["body_label"]),
            "predecessor": node(r["predecessor"], name=r["predecessor_name"]),
            "successor": node(r["successor"], name=r["successor_name"]),
            "date": r["date"],
            "predecessor_last": r["predecessor_last"],
            "elected": r["elected"],
        }
        for r in records[offset : offset + limit]
    ]
    return page(items, len(records), limit, offset)


# -- files and pictures ---------------------------------------------------------------------
@router.get(
    "/analytics/network",
    summary="A network as a file Gephi opens, an edge list or a picture",
    response_class=Response,
    responses=file_answers(shown.NETWORK_FILES, "the network in the format asked for"),
)
async def network(
    request: Request,
    filters: Filters,
    fmt: Format = "graphml",
    projection: Projection = "coattendance",
    post: Post = None,
    limit: Drawn = DEFAULT_LIMIT,
) -> Response:
    """The projection of the filters as GraphML or GEXF (every attribute, lists joined with
    " | "; each person's Louvain ``community`` in the co-attendance and co-speaking networks),
    a CSV edge list, JSON, or a PNG or SVG picture of its most tied nodes, named and coloured by
    community. ``post`` narrows the succession network."""
    found = await analysed(
        request,
        "network",
        filters=filters,
        fmt=fmt,
        projection=projection,
        post=post_ref(post),
        limit=limit,
    )
    return _file(found, fmt, f"polgraph-{projection}")


def network_answer(
    store, filters: dict[str, Any], fmt: str, projection: str, post: str | None, limit: int
) -> Content:
    _, data = network_output(
        open_graph(store), fmt, projection, post=post, limit=limit, **_sliced(store, filters)
    )
    return Content(MEDIA_TYPES[fmt][0], data)


async def _timeline(request: Request, person_id: str, fmt: str) -> Response:
    found = await analysed(request, "timeline", person_id=person_id, fmt=fmt)
    return _file(found, fmt, f"{person_id}-timeline")


def timeline_answer(store, person_id: str, fmt: str) -> Content:
    person = iri_for("persons", person_id)
    if not ask(store, "ASK WHERE { ?person a pg:Person }", {"person": iri(person)}):
        raise not_found("persons", person_id)
    _, data = timeline_output(open_graph(store), person, fmt)
    return Content(MEDIA_TYPES[fmt][0], data)


@router.get(
    "/persons/{person_id}/timeline.png",
    summary="A person's posts along time, as a PNG picture",
    response_class=Response,
    responses=file_answers({"image/png": shown.PNG}, "the picture"),
)
async def person_timeline_png(request: Request, person_id: PersonId) -> Response:
    """Each post the person held as a bar from its first to its last evidence (green when it
    opened with an election), and the events they took part in as marks above."""
    return await _timeline(request, person_id, "png")


@router.get(
    "/persons/{person_id}/timeline.svg",
    summary="A person's posts along time, as an SVG picture",
    response_class=Response,
    responses=file_answers({"image/svg+xml": shown.TIMELINE_SVG}, "the picture"),
)
async def person_timeline_svg(request: Request, person_id: PersonId) -> Response:
    """The picture of ``timeline.png`` as SVG, its names and dates kept as text."""
    return await _timeline(request, person_id, "svg")
