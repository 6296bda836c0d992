"""An event's page: when, where, organised by whom, of what kind; who took part in which role
and did what; the speeches; the documents it implements or cites; its report."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from polgraph.server.answers.linked_data import JSON
from polgraph.server.deps import JobsDep
from polgraph.server.web.links import with_params
from polgraph.server.web.rendering import page_router, render

router = page_router()


@router.get("/events/{event_id}", name="event_page")
async def event_page(request: Request, jobs: JobsDep, event_id: str) -> HTMLResponse:
    event = await jobs.read("event", event_id=event_id, media_type=JSON)
    return await render(request, jobs, "event.html", event=event, network=network_around(event))


def network_around(event: dict[str, Any]) -> str | None:
    """The network page of the event's most specific place, over the year of its date."""
    if not event["place"]:
        return None
    year = event["date"][:4] if event["date"] else None
    window = {"from": f"{year}-01-01", "to": f"{year}-12-31"} if year else {}
    return with_params("/network", place=event["place"][0]["iri"], **window)
