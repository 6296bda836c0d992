"""``/api/persons``: find persons by name, accents optional; one person's posts, events and
speeches. The answers are ``polgraph.server.answers.persons``'."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response

from polgraph.server.api import examples as shown
from polgraph.server.api.docs import answers
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
    facet,
    listing,
)
from polgraph.server.api.params import Limit, Offset, media_type_asked, name_words, node_id
from polgraph.server.deps import JobsDep

router = APIRouter(prefix="/persons", tags=["persons"])


@router.get(
    "", summary="Find persons by name", responses=answers(shown.PERSONS, 400), response_model=dict
)
async def search_persons(
    jobs: JobsDep,
    q: Annotated[
        str,
        name_words(
            without_accents="nguyen viet dong", surname="Hoàng", with_accents="Nguyễn Viết Đồng"
        ),
    ] = "",
    post: Annotated[
        list[str] | None,
        facet("A post type's code (the post vocabulary's skos:notation).", secretary="bi-thu"),
    ] = None,
    body_type: BodyType = None,
    province: Province = None,
    district: District = None,
    commune: Commune = None,
    year: Year = None,
    facets: Facets = False,
    sort: Sort = None,
    order: Order = None,
    lang: Lang = None,
    facet_size: FacetSize = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Persons whose name contains every word of ``q`` at the start of a word. A letter typed
    without marks matches it with any marks, so "nguyen viet dong" finds "Nguyễn Viết Đồng";
    with no ``q``, everyone. Ordered by name; ``reports`` counts the reports naming the person.

    With ``facets=true``, a facet's value (``post`` type held, ``body_type`` of those posts'
    bodies, ``province``, ``district``, ``commune`` and ``year`` of the events they took part
    in), ``sort`` (``name``, ``reports``, ``events``, ``first_seen``, ``last_seen``) or
    ``order``, the answer is the list with facets, as ``/api/places`` shows it: each item also
    has its events, first and last seen, post types and body types (the ``/persons`` page)."""
    filters = {
        "post": post,
        "body_type": body_type,
        "province": province,
        "district": district,
        "commune": commune,
        "year": year,
    }
    asked = listing(facets, filters, sort, order, lang, facet_size)
    if asked is not None:
        return await jobs.respond("list", of="persons", q=q, limit=limit, offset=offset, **asked)
    return await jobs.respond("persons", q=q, limit=limit, offset=offset)


@router.get(
    "/{person_id}",
    summary="A person's posts over time, events and speeches, with sources",
    responses=answers(shown.PERSON, 404, 406, linked_data=shown.PERSON_LINKED_DATA),
)
async def get_person(
    request: Request,
    jobs: JobsDep,
    person_id: Annotated[
        str,
        node_id(
            "The person's id (the end of their IRI).",
            Nguyen_Viet_Dong="nguyen-viet-dong-68682787-d5c6b1b3",
        ),
    ],
) -> Response:
    """The person as resolved across reports: the names the reports write (``mentions``), the
    posts held (one entry per tenure, in date order, each with the attestations behind it;
    undated attestations last), the events attended with what they did there, and speeches.
    Every fact cites its report and the sentence that states it. ``Accept:
    application/ld+json`` answers the person's description as JSON-LD."""
    return await jobs.respond("person", person_id=person_id, media_type=media_type_asked(request))
