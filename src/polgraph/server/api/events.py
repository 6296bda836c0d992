"""``/api/events``: events by date, place, kind and organiser; one event with everyone at it. The
answers are ``polgraph.server.answers.events``'."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from polgraph.server.api import examples as shown
from polgraph.server.api.days import Day
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.list_params import (
    BodyType,
    Commune,
    District,
    Facets,
    FacetSize,
    Lang,
    Order,
    Province,
    Sort,
    Year,
    listing,
)
from polgraph.server.api.params import Limit, Offset, media_type_asked, node_id
from polgraph.server.deps import JobsDep

router = APIRouter(prefix="/events", tags=["events"])

From = Annotated[
    Day | None,
    Query(
        alias="from",
        description="On or after this day (YYYY-MM-DD).",
        openapi_examples=examples(since_2023="2023-01-01"),
    ),
]
To = Annotated[
    Day | None,
    Query(
        description="On or before this day (YYYY-MM-DD).",
        openapi_examples=examples(until_mid_2024="2024-06-30"),
    ),
]
Place = Annotated[
    str | None,
    Query(
        max_length=200,
        description=(
            "A place in words, accents optional (the event's unit or one it lies in, under its "
            "name before or after the 2025 reorganisation), or a unit's id."
        ),
        openapi_examples=examples(
            commune="cam loc", province="Hà Tĩnh", unit_id="unit/legacy/commune/18730"
        ),
    ),
]
Kind = Annotated[
    list[str] | None,
    Query(
        description="The event kind code (repeated, with facets: every one must hold).",
        openapi_examples=examples(conference=["conference"], congress=["congress"]),
    ),
]
Organiser = Annotated[
    str | None,
    Query(
        description="An organisation's id: the events it or one of its sub-bodies organised.",
        openapi_examples=examples(party_committee="ban-chap-hanh-dang-bo-xa-cam-loc-9f56921f"),
    ),
]


@router.get(
    "",
    summary="Find events by date, place, kind and organiser",
    responses=answers(shown.EVENTS, 400, 404),
    response_model=dict,
)
async def list_events(
    jobs: JobsDep,
    from_: From = None,
    to: To = None,
    place: Place = None,
    kind: Kind = None,
    org: Organiser = None,
    year: Year = None,
    province: Province = None,
    district: District = None,
    commune: Commune = None,
    body_type: BodyType = None,
    facets: Facets = False,
    sort: Sort = None,
    order: Order = None,
    lang: Lang = None,
    facet_size: FacetSize = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Events in date order (undated ones last), each with its place, organisers and report.

    With ``facets=true``, a facet's value (``kind``, ``year``, ``province``, ``district``,
    ``commune``, ``body_type`` of an organiser), ``sort`` (``date``, ``label``, ``place``) or
    ``order``, the answer is the list with facets, as ``/api/places`` shows it: each item also
    has its commune, district, province, kind label and organisers' body types, and ``facets``
    counts every facet's values over every matching event (the same list as the ``/events``
    page)."""
    days = {"from_": from_ and from_.isoformat(), "to": to and to.isoformat()}
    filters = {
        "kind": kind if kind and len(kind) > 1 else None,
        "year": year,
        "province": province,
        "district": district,
        "commune": commune,
        "body_type": body_type,
    }
    asked = listing(facets, filters, sort, order, lang, facet_size)
    if asked is not None:
        asked["filters"].update({"kind": kind} if kind else {})
        return await jobs.respond(
            "list", of="events", **days, place=place, org=org, limit=limit, offset=offset, **asked
        )
    return await jobs.respond(
        "events",
        **days,
        place=place,
        kind=kind[0] if kind else None,
        org=org,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/{event_id}",
    summary="An event: who took part in which role, acts, speeches, documents",
    responses=answers(shown.EVENT_DETAIL, 404, 406, linked_data=shown.EVENT_LINKED_DATA),
)
async def get_event(
    request: Request,
    jobs: JobsDep,
    event_id: Annotated[
        str,
        node_id("The event's id (the end of its IRI).", seed_conference="796dc11ec1a8f094e6fcca85"),
    ],
) -> Response:
    """Everyone the report names at the event, in the order it names them: the person they
    resolve to, the roles they held there, what they did; the speeches with their topics; the
    documents cited or implemented; the report. Every fact cites its sentence. ``Accept:
    application/ld+json`` answers the event's description as JSON-LD."""
    return await jobs.respond("event", event_id=event_id, media_type=media_type_asked(request))
