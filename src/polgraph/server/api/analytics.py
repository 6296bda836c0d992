"""``/api/analytics``: the network analyses over HTTP — centrality, Louvain communities and
successions as JSON, a projection as a file (GraphML, GEXF, CSV, JSON) or a picture (PNG, SVG),
a projection ranked by a measure as the pages draw it (``/network/ranked``) —,
``/api/persons/{id}/timeline.png``, a person's posts along time, and
``/api/persons/{id}/network``, the network around a person.

The answers are ``polgraph.server.answers.analytics``' (the drawn networks'
``polgraph.server.answers.drawings``'). Building a projection and measuring it is
CPU work that takes from milliseconds to minutes with the store's size: it runs in a query worker
under the analyses' time limit (``polgraph.server.jobs``), and the analyses take turns
(``polgraph.server.analysis_slots``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from polgraph.analytics.drawing import DEFAULT_LIMIT
from polgraph.analytics.ego import EGO_LIMIT
from polgraph.server.analysis_slots import AnalysisSlots
from polgraph.server.answers.analytics import MEDIA_TYPES
from polgraph.server.api import analytics_examples as shown
from polgraph.server.api import drawing_examples as drawn
from polgraph.server.api.analytics_params import (
    Drawn,
    Filters,
    Format,
    PersonId,
    Post,
    Projection,
    Resolution,
    Sort,
    post_ref,
)
from polgraph.server.api.docs import answers, error_examples, examples
from polgraph.server.api.drawing_params import DrawnFormat, EgoFormat, Kept, Measure, Others
from polgraph.server.api.params import Limit, Offset
from polgraph.server.deps import AnalysisSlotsDep, JobsDep
from polgraph.server.jobs import Jobs
from polgraph.server.web.language import from_accept_language

router = APIRouter(tags=["analytics"])


async def analysed(jobs: Jobs, slots: AnalysisSlots, handler: str, **arguments: Any) -> Response:
    """``HANDLERS[handler]``'s answer from a query worker, one of the server's analysis slots held
    meanwhile. An unknown person, place, body or post is a 404 and any other wrong argument a
    400 (``polgraph.server.answers.registry.answer_job``)."""
    async with slots.held():
        return await jobs.respond(handler, **arguments)


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
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
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
        jobs, slots, "centrality", filters=filters, sort=sort, limit=limit, offset=offset
    )


@router.get(
    "/analytics/communities",
    summary="Groups of persons who meet among themselves",
    responses=answers(shown.COMMUNITIES, 400, 404),
    response_model=dict,
)
async def communities(
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
    filters: Filters,
    resolution: Resolution = 1.0,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Louvain communities of the co-attendance network, largest first: each with the places
    and bodies most of its members share, and its members, most tied first."""
    return await analysed(
        jobs,
        slots,
        "communities",
        filters=filters,
        resolution=resolution,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/analytics/succession",
    summary="Who handed which post to whom",
    responses=answers(shown.SUCCESSION, 400, 404),
    response_model=dict,
)
async def succession(
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
    filters: Filters,
    post: Post = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """The hand-overs the tenures record, by post then date: the predecessor, the successor,
    the day of the successor's first evidence (``date``, which the date window applies to),
    the predecessor's last, and whether the successor's tenure opened with an election."""
    return await analysed(
        jobs, slots, "succession", filters=filters, post=post_ref(post), limit=limit, offset=offset
    )


@router.get(
    "/analytics/network",
    summary="A network as a file Gephi opens, an edge list or a picture",
    response_class=Response,
    responses=file_answers(shown.NETWORK_FILES, "the network in the format asked for"),
)
async def network(
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
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
        jobs,
        slots,
        "network",
        filters=filters,
        fmt=fmt,
        projection=projection,
        post=post_ref(post),
        limit=limit,
    )
    return _file(found, fmt, f"polgraph-{projection}")


async def _timeline(
    jobs: Jobs, slots: AnalysisSlots, person_id: str, fmt: str, lang: str
) -> Response:
    found = await analysed(jobs, slots, "timeline", person_id=person_id, fmt=fmt, lang=lang)
    found.headers["vary"] = "Accept-Language"
    return _file(found, fmt, f"{person_id}-timeline")


Language = Annotated[
    Literal["vi", "en"] | None,
    Query(
        description="The language of the picture's title and legend; without it, "
        "`Accept-Language` chooses, and failing that English.",
        openapi_examples=examples(in_vietnamese="vi", in_english="en"),
    ),
]


def _picture_language(request: Request, lang: str | None) -> str:
    return lang or from_accept_language(request.headers.get("accept-language")) or "en"


@router.get(
    "/persons/{person_id}/timeline.png",
    summary="A person's posts along time, as a PNG picture",
    response_class=Response,
    responses=file_answers({"image/png": shown.PNG}, "the picture"),
)
async def person_timeline_png(
    request: Request,
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
    person_id: PersonId,
    lang: Language = None,
) -> Response:
    """Each post the person held as a bar from its first to its last evidence (green when it
    opened with an election), and the events they took part in as marks above."""
    return await _timeline(jobs, slots, person_id, "png", _picture_language(request, lang))


@router.get(
    "/persons/{person_id}/timeline.svg",
    summary="A person's posts along time, as an SVG picture",
    response_class=Response,
    responses=file_answers({"image/svg+xml": shown.TIMELINE_SVG}, "the picture"),
)
async def person_timeline_svg(
    request: Request,
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
    person_id: PersonId,
    lang: Language = None,
) -> Response:
    """The picture of ``timeline.png`` as SVG, its names and dates kept as text."""
    return await _timeline(jobs, slots, person_id, "svg", _picture_language(request, lang))


# -- the networks the pages draw ----------------------------------------------------------------
def _drawn(response: Response, fmt: str, stem: str) -> Response:
    """A drawn network's answer named for saving: JSON and pictures shown, files saved."""
    shown_inline = fmt in ("json", "svg", "png")
    name = f"{stem}-{fmt.removesuffix('-csv')}.csv" if fmt.endswith("-csv") else f"{stem}.{fmt}"
    disposition = "inline" if shown_inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@router.get(
    "/analytics/network/ranked",
    summary="A network ranked by a measure, to draw or to open in Gephi",
    response_class=Response,
    responses=file_answers(drawn.RANKED_FILES, "the network in the format asked for"),
)
async def ranked_network(
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
    filters: Filters,
    fmt: DrawnFormat = "json",
    projection: Projection = "coattendance",
    post: Post = None,
    measure: Measure = "weighted_degree",
    limit: Kept = None,
) -> Response:
    """The projection of the filters with its nodes ranked by ``measure`` (cut to the ``limit``
    most central, and the ties among them), each node with its measures over the whole network,
    its Louvain community (undirected networks) and its page; each tie with its weight and the
    dates of its events (``dates``), or, for a hand-over, its post and date. As JSON to draw
    (what ``/network`` draws), GraphML or GEXF, or the node and edge tables Gephi imports."""
    found = await analysed(
        jobs,
        slots,
        "ranked network",
        filters=filters,
        projection=projection,
        post=post_ref(post),
        measure=measure,
        limit=limit,
        fmt=fmt,
    )
    return _drawn(found, fmt, f"polgraph-{projection}")


@router.get(
    "/persons/{person_id}/network",
    summary="The persons around a person: met at events or in the same body",
    response_class=Response,
    responses=file_answers(drawn.EGO_FILES, "the network in the format asked for"),
)
async def ego_network(
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
    person_id: PersonId,
    fmt: EgoFormat = "json",
    measure: Measure = "weighted_degree",
    limit: Others = EGO_LIMIT,
) -> Response:
    """The person, the persons they took part in an event with or held a post in the same
    body with (one step out, the ``limit`` most tied kept), and every tie among them:
    ``weight`` counts the shared events and bodies, ``events`` and ``bodies`` how many of
    each, ``dates`` the events' dates. Measures are within this network; ``ego`` marks the
    person. As JSON to draw (what the person's page draws), a file or a picture."""
    found = await analysed(
        jobs,
        slots,
        "ego network",
        person_id=person_id,
        measure=measure,
        limit=limit,
        fmt=fmt,
    )
    return _drawn(found, fmt, f"{person_id}-network")
