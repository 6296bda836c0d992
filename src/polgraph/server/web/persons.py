"""A person's page: posts as a timeline and a table, events with the role held at each,
speeches with their topics; every fact with its sentence and a link to its report."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse

from polgraph.server.api.graph import iri, select
from polgraph.server.api.ids import iri_for
from polgraph.server.api.linked_data import JSON
from polgraph.server.api.offload import read
from polgraph.server.api.persons import person_answer
from polgraph.server.errors import ApiError
from polgraph.server.web.links import page_for
from polgraph.server.web.rendering import page_router, render
from polgraph.server.web.timeline import timeline

router = page_router()


@router.get("/persons/{person_id}", name="person_page")
async def person_page(request: Request, person_id: str):
    found = await read(request, "person page", person_id=person_id)
    if "person of mention" in found:  # a report's own node for someone: go to the person
        return RedirectResponse(found["person of mention"], status_code=303)
    person = found["person"]
    return await render(
        request, "person.html", person=person, timeline=timeline(person["posts"], person["events"])
    )


def person_page_answer(store, person_id: str) -> dict:
    """``{"person": …}`` as ``/api/persons/{id}`` answers it, or, for a report's own node for
    someone, ``{"person of mention": the person's page}``."""
    try:
        return {"person": person_answer(store, person_id, JSON)}
    except ApiError as exc:
        resolved = _person_of_mention(store, person_id) if exc.status_code == 404 else None
        if resolved is None:
            raise
        return {"person of mention": resolved}


def _person_of_mention(store, person_id: str) -> str | None:
    rows = select(
        store,
        "SELECT ?of WHERE { ?mention pg:mentionOf ?of }",
        {"mention": iri(iri_for("persons", person_id))},
    )
    return page_for(rows[0]["of"]) if rows else None
