"""A person's page: posts as a timeline and a table, events with the role held at each,
speeches with their topics; every fact with its sentence and a link to its report."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from polgraph.server.deps import JobsDep
from polgraph.server.errors import ApiError
from polgraph.server.web.links import page_for
from polgraph.server.web.rendering import page_router, render
from polgraph.server.web.timeline import timeline

router = page_router()


@router.get("/persons/{person_id}", name="person_page")
async def person_page(request: Request, jobs: JobsDep, person_id: str) -> Response:
    found = await jobs.read("person page", person_id=person_id)
    if "person of mention" in found:  # a report's own node for someone: go to the person
        page = page_for(found["person of mention"])
        if page is None:
            raise ApiError(404, "not found", f"there is no person {person_id!r}")
        return RedirectResponse(page, status_code=303)
    person = found["person"]
    return await render(
        request,
        jobs,
        "person.html",
        person=person,
        timeline=timeline(person["posts"], person["events"]),
    )
