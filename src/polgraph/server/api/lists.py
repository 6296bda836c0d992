"""``/api/places``: the provinces, districts, communes and villages the store knows, as a list
with facets (``polgraph.server.answers.place_list``). The other lists with facets are
``/api/events``, ``/api/persons`` and ``/api/organizations`` with ``facets=true``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi.responses import Response

from polgraph.server.api import list_examples as shown
from polgraph.server.api.docs import answers
from polgraph.server.api.list_params import (
    District,
    FacetSize,
    Lang,
    Order,
    Province,
    Sort,
    Values,
    facet,
    listing,
)
from polgraph.server.api.params import Limit, Offset, name_words
from polgraph.server.deps import JobsDep

router = APIRouter(prefix="/places", tags=["places"])

Level = Annotated[
    Values, facet("A level: province, district, commune or village.", communes="commune")
]
Structure = Annotated[
    Values,
    facet(
        "legacy (the units before the reorganisation of 1 July 2025) or 2025 (after it).",
        after_2025="2025",
    ),
]


@router.get(
    "",
    summary="List places with facets",
    responses=answers(shown.PLACE_LIST, 400),
    response_model=dict,
)
async def list_places(
    jobs: JobsDep,
    q: Annotated[str, name_words(commune="cam loc", with_accents="Hà Tĩnh")] = "",
    level: Level = None,
    structure: Structure = None,
    province: Province = None,
    district: District = None,
    sort: Sort = None,
    order: Order = None,
    lang: Lang = None,
    facet_size: FacetSize = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Places by name, with how many events were held and bodies serve in each (or in a unit
    within it), and the facets ``level``, ``structure``, ``province`` and ``district`` counted
    over every matching place. Sorted by ``label`` (default), ``code``, ``events`` or
    ``bodies``."""
    filters = {"level": level, "structure": structure, "province": province, "district": district}
    asked = listing(True, filters, sort, order, lang, facet_size) or {}
    return await jobs.respond("list", of="places", q=q, limit=limit, offset=offset, **asked)
