"""A body's page: who held each of its posts over time (the latest known holder first among
them), the successions between them, its members, sub-bodies, parent bodies and place."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from polgraph.server.answers.linked_data import JSON
from polgraph.server.deps import JobsDep
from polgraph.server.web.rendering import page_router, render

router = page_router()


@router.get("/organizations/{organization_id}", name="organization_page")
async def organization_page(request: Request, jobs: JobsDep, organization_id: str) -> HTMLResponse:
    body = await jobs.read("organization", organization_id=organization_id, media_type=JSON)
    return await render(
        request,
        jobs,
        "organization.html",
        body=body,
        latest=latest_holders(body["posts"]),
        successions=successions(body["posts"]),
    )


def latest_holders(posts: list[dict[str, Any]]) -> set[str]:
    """The tenures (IRIs) with the latest evidence of each post: its holder as far as the
    reports tell, not necessarily today's."""
    latest = set()
    for post in posts:
        dated = [h for h in post["holders"] if h["last_evidence"]]
        if dated:
            latest.add(max(dated, key=lambda h: (h["last_evidence"], h["first_evidence"]))["iri"])
    return latest


def successions(posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each post handed from one holder to the next: post, predecessor, successor, and the
    successor's first evidence."""
    found = []
    for post in posts:
        for holder in post["holders"]:
            if holder["predecessor"]:
                found.append(
                    {
                        "post": post["post"],
                        "predecessor": holder["predecessor"],
                        "successor": holder["holder"],
                        "date": holder["first_evidence"],
                    }
                )
    return sorted(found, key=lambda s: (s["post"]["title"], s["date"] or ""))
