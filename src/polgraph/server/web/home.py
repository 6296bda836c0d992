"""The home page (search box, counts, the latest events) and the search results."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from polgraph.server.api import events as api_events
from polgraph.server.api import organizations as api_organizations
from polgraph.server.api import persons as api_persons
from polgraph.server.api import sources as api_sources
from polgraph.server.api.graph import select, store_of
from polgraph.server.web.from_api import ask
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
def home_page(request: Request):
    counts = {
        "persons": ask(request, api_persons.search_persons, q="", limit=1, offset=0)["total"],
        "events": ask(request, api_events.list_events, limit=1, offset=0)["total"],
        "organizations": ask(request, api_organizations.search_organizations, q="", limit=1,
                             offset=0)["total"],
        "sources": ask(request, api_sources.list_sources, q="", key=None, limit=1, offset=0)["total"],
    }
    recent = select(store_of(request), _RECENT)
    return render(request, "home.html", counts=counts, recent=recent)


@router.get("/search", name="search_page")
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                offset: Annotated[int, Query(ge=0)] = 0):
    """Persons (paged) and bodies whose names hold every word of ``q``, accents optional."""
    persons = ask(request, api_persons.search_persons, q=q, limit=PAGE_SIZE, offset=offset)
    bodies = ask(request, api_organizations.search_organizations, q=q, limit=PAGE_SIZE, offset=0)
    return render(request, "search.html", q=q, persons=persons, bodies=bodies,
                  previous=max(0, offset - PAGE_SIZE) if offset else None,
                  following=offset + PAGE_SIZE if offset + PAGE_SIZE < persons["total"] else None)
