"""A person's page: posts as a timeline and a table, events with the role held at each,
speeches with their topics; every fact with its sentence and a link to its report."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse

from polgraph.server.api import persons as api_persons
from polgraph.server.api.graph import iri, select, store_of
from polgraph.server.api.ids import iri_for
from polgraph.server.errors import ApiError
from polgraph.server.web.from_api import ask
from polgraph.server.web.links import page_for
from polgraph.server.web.rendering import page_router, render
from polgraph.server.web.timeline import timeline

router = page_router()


@router.get("/persons/{person_id}", name="person_page")
def person_page(request: Request, person_id: str):
    try:
        person = ask(request, api_persons.get_person, person_id)
    except ApiError as exc:
        # A report's own node for someone is named like a person: go to the person.
        resolved = _person_of_mention(request, person_id) if exc.status_code == 404 else None
        if resolved is None:
            raise
        return RedirectResponse(resolved, status_code=303)
    return render(request, "person.html", person=person,
                  timeline=timeline(person["posts"], person["events"]))


def _person_of_mention(request: Request, person_id: str) -> str | None:
    rows = select(store_of(request), "SELECT ?of WHERE { ?mention pg:mentionOf ?of }",
                  {"mention": iri(iri_for("persons", person_id))})
    return page_for(rows[0]["of"]) if rows else None
