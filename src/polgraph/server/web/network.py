"""The network page: who attended events together (``polgraph.analytics``' co-attendance
projection) in a place or a body over a date window, with the most central persons in a table.
It is drawn in the page (static/network.js, with cytoscape.js from /vendor/) from
``/api/analytics/network/ranked``, which also gives the files to download; where cytoscape.js is
not installed, and for readers without scripts, it is a picture. The answers are
``polgraph.server.answers.network``'."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response

from polgraph.server.answers.network import MEASURES, PICTURE_TYPES
from polgraph.server.deps import AnalysisSlotsDep, JobsDep
from polgraph.server.errors import ApiError
from polgraph.server.web import vendor
from polgraph.server.web.language import VARY, language_of
from polgraph.server.web.links import with_params
from polgraph.server.web.rendering import page_router, render

router = page_router()

RANKED = "/api/analytics/network/ranked"  # the network to draw and download, as the API gives it
DRAWN = 150  # persons drawn, the most central first: more would not read
DOWNLOADS = ("graphml", "gexf", "nodes-csv", "edges-csv")

Place = Annotated[str, Query(max_length=300)]
Body = Annotated[str, Query(max_length=300)]
From = Annotated[str, Query(alias="from", max_length=10)]
To = Annotated[str, Query(max_length=10)]
# The IRI a place or body field stood for when the page showed its label in it.
Kept = Annotated[str, Query(max_length=300)]


@router.get("/network", name="network_page")
async def network_page(
    request: Request,
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
    place: Place = "",
    org: Body = "",
    from_: From = "",
    to: To = "",
    sort: Annotated[str, Query(max_length=30)] = "weighted_degree",
    place_iri: Kept = "",
    org_iri: Kept = "",
) -> HTMLResponse:
    sort = sort if sort in MEASURES else "weighted_degree"
    async with slots.held():
        found = await jobs.read(
            "network page",
            place=place,
            org=org,
            start=from_,
            end=to,
            sort=sort,
            place_iri=place_iri,
            org_iri=org_iri,
            lang=language_of(request),
        )
    fields = found["fields"]
    params = {"place": fields["place"]["ref"], "org": fields["org"]["ref"], "from": from_, "to": to}
    shown = {"params": params, "fields": fields, "sort": sort, "measures": MEASURES}
    if found["problem"]:  # an unknown place or body, a bad date: say so above the form
        return await render(
            request,
            jobs,
            "network.html",
            status=found["status"],
            problem=found["problem"],
            network=None,
            **shown,
        )
    return await render(
        request,
        jobs,
        "network.html",
        problem=None,
        network=found["network"],
        central=found["central"],
        scope=found["scope"],
        pictures={fmt: with_params(f"/network/picture.{fmt}", **params) for fmt in PICTURE_TYPES},
        interactive=vendor.available("cytoscape.js"),
        drawn=DRAWN,
        drawing=with_params(RANKED, format="json", measure=sort, limit=str(DRAWN), **params),
        downloads={
            fmt: with_params(RANKED, format=fmt, measure=sort, **params) for fmt in DOWNLOADS
        },
        **shown,
    )


@router.get("/network/picture.{fmt}", name="network_picture")
async def network_picture(
    request: Request,
    jobs: JobsDep,
    slots: AnalysisSlotsDep,
    fmt: str,
    place: Place = "",
    org: Body = "",
    from_: From = "",
    to: To = "",
) -> Response:
    """The same network as a picture (SVG or PNG), titled in the reader's language."""
    if fmt not in PICTURE_TYPES:
        raise ApiError(404, "not found", "a picture is .svg or .png")
    async with slots.held():
        picture = await jobs.respond(
            "network picture",
            fmt=fmt,
            place=place,
            org=org,
            start=from_,
            end=to,
            lang=language_of(request),
        )
    picture.headers["vary"] = VARY
    return picture
