"""The home page (search box, counts, the latest events) and the search results."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from polgraph.server.deps import JobsDep
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
    q: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """Persons (paged) and bodies whose names hold every word of ``q``, accents optional."""
    persons = await jobs.read("persons", q=q, limit=PAGE_SIZE, offset=offset)
    bodies = await jobs.read("organizations", q=q, limit=PAGE_SIZE, offset=0)
    return await render(
        request,
        jobs,
        "search.html",
        q=q,
        persons=persons,
        bodies=bodies,
        previous=max(0, offset - PAGE_SIZE) if offset else None,
        following=offset + PAGE_SIZE if offset + PAGE_SIZE < persons["total"] else None,
    )
