"""``/api/organizations``: find bodies by name; one body with its posts' holders over time, its
members (its own and its sub-bodies'), its sub-bodies and the events it organised. The answers
are ``polgraph.server.answers.organizations``'."""

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
    listing,
)
from polgraph.server.api.params import Limit, Offset, media_type_asked, name_words, node_id
from polgraph.server.deps import JobsDep

router = APIRouter(prefix="/organizations", tags=["organizations"])


@router.get(
    "",
    summary="Find organizations by name",
    responses=answers(shown.ORGANIZATIONS, 400),
    response_model=dict,
)
async def search_organizations(
    jobs: JobsDep,
    q: Annotated[
        str, name_words(commune_committee="dang uy xa cam loc", with_accents="Ủy ban nhân dân")
    ] = "",
    body_type: BodyType = None,
    province: Province = None,
    district: District = None,
    commune: Commune = None,
    facets: Facets = False,
    sort: Sort = None,
    order: Order = None,
    lang: Lang = None,
    facet_size: FacetSize = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Bodies whose name contains every word of ``q`` at the start of a word, accents optional
    as for persons; with no ``q``, every body. Ordered by name.

    With ``facets=true``, a facet's value (``body_type``, and the ``province``, ``district`` or
    ``commune`` the body serves), ``sort`` (``label``, ``events`` organised, ``persons`` holding
    its posts) or ``order``, the answer is the list with facets, as ``/api/places`` shows it:
    each item also has its body type, unit, parent bodies and those counts (the
    ``/organizations`` page)."""
    filters = {
        "body_type": body_type,
        "province": province,
        "district": district,
        "commune": commune,
    }
    asked = listing(facets, filters, sort, order, lang, facet_size)
    if asked is not None:
        return await jobs.respond(
            "list", of="organizations", q=q, limit=limit, offset=offset, **asked
        )
    return await jobs.respond("organizations", q=q, limit=limit, offset=offset)


@router.get(
    "/{organization_id}",
    summary="A body: post holders over time, members, sub-bodies",
    responses=answers(shown.ORGANIZATION, 404, 406, linked_data=shown.ORGANIZATION_LINKED_DATA),
)
async def get_organization(
    request: Request,
    jobs: JobsDep,
    organization_id: Annotated[
        str,
        node_id(
            "The body's id (the end of its IRI).",
            commune_party_committee="dang-uy-xa-cam-loc-e70eec11",
        ),
    ],
) -> Response:
    """The body, where it serves and where it sits (``parents``, ``sub_bodies``); for each of its
    posts the holders in date order, each tenure with the attestations and sentences behind it;
    ``members``: everyone attested in a post of the body or of its sub-bodies, with first and last
    evidence; the events it organised. ``Accept: application/ld+json`` answers JSON-LD."""
    return await jobs.respond(
        "organization", organization_id=organization_id, media_type=media_type_asked(request)
    )
