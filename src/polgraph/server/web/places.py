"""A place's page: a commune, district or province (or a village under one) with its official
code, the units above and below it, the unit it became in the 2025 reorganisation (or the ones
merged into it), the bodies serving there and the events held there."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from polgraph.server.answers.places import MAX_BODIES
from polgraph.server.deps import JobsDep
from polgraph.server.errors import ApiError
from polgraph.server.web.language import language_of
from polgraph.server.web.links import PLACE_ID
from polgraph.server.web.rendering import page_router, render

router = page_router()


@router.get("/places/{place_id:path}", name="place_page")
async def place_page(request: Request, jobs: JobsDep, place_id: str) -> HTMLResponse:
    if not PLACE_ID.fullmatch(place_id):
        raise ApiError(404, "not found", f"{place_id!r} is not a place id")
    found = await jobs.read("place page", place_id=place_id, lang=language_of(request))
    return await render(
        request,
        jobs,
        "place.html",
        place=found["place"],
        events=found["events"],
        max_bodies=MAX_BODIES,
    )
