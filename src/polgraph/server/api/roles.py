"""``/api/roles``: who held which role at which event, or, given a date, who held it that day.
The answers are ``polgraph.server.answers.roles``'."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from polgraph.server.api import examples as shown
from polgraph.server.api.days import Day
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.params import Limit, Offset
from polgraph.server.deps import JobsDep
from polgraph.server.errors import ApiError

router = APIRouter(prefix="/roles", tags=["roles"])

Event = Annotated[
    str | None,
    Query(
        description="An event's id: the roles held at it.",
        openapi_examples=examples(seed_conference="796dc11ec1a8f094e6fcca85"),
    ),
]
Person = Annotated[
    str | None,
    Query(
        description="A person's id: the roles they held.",
        openapi_examples=examples(Nguyen_Viet_Dong="nguyen-viet-dong-68682787-d5c6b1b3"),
    ),
]
Organization = Annotated[
    str | None,
    Query(
        description="An organisation's id: the roles in it and in its sub-bodies.",
        openapi_examples=examples(commune_committee="uy-ban-nhan-dan-xa-cam-loc-799af1ba"),
    ),
]
OnDate = Annotated[
    Day | None,
    Query(
        alias="date",
        openapi_examples=examples(mid_2023="2023-06-01"),
        description=(
            "A day (YYYY-MM-DD): who held the roles that day, from the tenures — attested on both "
            "sides of it, or continuing until a successor's first evidence. Not with event."
        ),
    ),
]


@router.get(
    "",
    summary="Who held which role at which event, or on a date",
    responses=answers(
        shown.ROLES,
        400,
        404,
        description="Without ``date`` each item is an attestation at an event; with "
        "``date`` a tenure: person, post, organization, first_evidence, "
        "last_evidence, status, successor, evidence.",
    ),
    response_model=None,
)
async def list_roles(
    jobs: JobsDep,
    event: Event = None,
    person: Person = None,
    org: Organization = None,
    on: OnDate = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Role attestations in date order (the report, the event, the words as written, the
    sentence); with ``date``, the tenures covering that day instead."""
    if on is not None and event is not None:
        raise ApiError(
            400,
            "bad request",
            "date asks who held a role on a day, event who held one at an event: give one of them",
        )
    if on is not None and person is None and org is None:
        return await jobs.respond("roles on a day", day=on.isoformat(), limit=limit, offset=offset)
    return await jobs.respond(
        "roles",
        event=event,
        person=person,
        org=org,
        on=on.isoformat() if on else None,
        limit=limit,
        offset=offset,
    )
