"""The home page (search box, counts, the latest events) and the search results (from the
full-text index: ``polgraph.server.answers.full_text``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from polgraph.server.answers.full_text import Section as SearchSection
from polgraph.server.deps import JobsDep, SearchIndexDep
from polgraph.server.web.rendering import page_router, render

router = page_router()

PAGE_SIZE = 20


@router.get("/", name="home_page")
async def home_page(request: Request, jobs: JobsDep) -> HTMLResponse:
    """What the lists count, as ``/api/persons?limit=1`` and the others answer it (each read
    under its own time limit, and kept as theirs are), and the latest events."""
    first = {"limit": 1, "offset": 0}
    counts = {
        "persons": (await jobs.read("persons", q="", **first))["total"],
        "events": (
            await jobs.read("events", from_=None, to=None, place=None, kind=None, org=None, **first)
        )["total"],
        "organizations": (await jobs.read("organizations", q="", **first))["total"],
        "sources": (await jobs.read("sources", q="", key=None, **first))["total"],
    }
    recent = await jobs.read("recent events")
    return await render(request, jobs, "home.html", counts=counts, recent=recent)


@router.get("/search", name="search_page")
async def search_page(
    request: Request,
    jobs: JobsDep,
    index: SearchIndexDep,
    q: Annotated[str, Query(max_length=200)] = "",
    section: Annotated[SearchSection | None, Query()] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """What the full-text index finds for ``q``: a page of each section (persons, bodies,
    places, events, reports), or with ``section`` that section paged by ``offset`` (an offset
    alone pages persons, as this page's links once did)."""
    if section is None and offset:
        section = "persons"
    found = await jobs.read(
        "search", q=q, index=index, section=section, limit=PAGE_SIZE, offset=offset
    )
    return await render(request, jobs, "search.html", q=q, section=section, found=found)
