"""The home page (search box, counts, the latest events) and the search results."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from polgraph.server.api.graph import select
from polgraph.server.api.offload import read
from polgraph.server.web.rendering import page_router, render

router = page_router()

RECENT_EVENTS = 10
PAGE_SIZE = 20
# The API lists events oldest first (undated last); the home page wants the newest. Each is a
# node (``iri``, ``label``) as the API gives them, for the pages' event list.
_RECENT = """
SELECT ?iri ?label ?date ?kind WHERE {
  ?iri a ?class ; rdfs:label ?label ; pg:date ?date . ?class pg:kindCode ?kind .
} ORDER BY DESC(?date) ?iri LIMIT """ + str(RECENT_EVENTS)


@router.get("/", name="home_page")
async def home_page(request: Request):
    """What the lists count, as ``/api/persons?limit=1`` and the others answer it (each read
    under its own time limit, and kept as theirs are), and the latest events."""
    first = {"limit": 1, "offset": 0}
    counts = {
        "persons": (await read(request, "persons", q="", **first))["total"],
        "events": (
            await read(
                request, "events", from_=None, to=None, place=None, kind=None, org=None, **first
            )
        )["total"],
        "organizations": (await read(request, "organizations", q="", **first))["total"],
        "sources": (await read(request, "sources", q="", key=None, **first))["total"],
    }
    recent = await read(request, "recent events")
    return await render(request, "home.html", counts=counts, recent=recent)


def recent_answer(store) -> list[dict]:
    return select(store, _RECENT)


@router.get("/search", name="search_page")
async def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
):
    """Persons (paged) and bodies whose names hold every word of ``q``, accents optional."""
    persons = await read(request, "persons", q=q, limit=PAGE_SIZE, offset=offset)
    bodies = await read(request, "organizations", q=q, limit=PAGE_SIZE, offset=0)
    return await render(
        request,
        "search.html",
        q=q,
        persons=persons,
        bodies=bodies,
        previous=max(0, offset - PAGE_SIZE) if offset else None,
        following=offset + PAGE_SIZE if offset + PAGE_SIZE < persons["total"] else None,
    )
