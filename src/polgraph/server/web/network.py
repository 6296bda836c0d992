"""The network page: who attended events together (``polgraph.analytics``' co-attendance
projection) in a place or a body over a date window, drawn as a picture, with the most central
persons in a table."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

from polgraph.analytics import AnalysisError, KnowledgeGraph, NotFoundError, Slice
from polgraph.analytics.descriptions import labels
from polgraph.analytics.drawing import draw_network
from polgraph.namespaces import ID
from polgraph.server.api.graph import store_of
from polgraph.server.errors import ApiError
from polgraph.server.web.language import language_of
from polgraph.server.web.links import with_params
from polgraph.server.web.messages import translator
from polgraph.server.web.rendering import page_router, render

router = page_router()

CENTRAL = 25  # persons in the table
MEASURES = ("weighted_degree", "degree", "betweenness", "eigenvector", "events")
_PICTURE_TYPES = {"svg": "image/svg+xml", "png": "image/png"}

Place = Annotated[str, Query(max_length=300)]
Body = Annotated[str, Query(max_length=300)]
From = Annotated[str, Query(alias="from", max_length=10)]
To = Annotated[str, Query(max_length=10)]


def _filters(place: str, org: str, start: str, end: str) -> dict:
    """The analytics' filters, checked: a bad date or an empty window raises ``AnalysisError``."""
    given = Slice.of(start or None, end or None, place or None, org or None)
    return {"start": given.start, "end": given.end, "place": given.place, "org": given.org}


def _scope(request: Request, lang: str, place: str, org: str, start: str, end: str) -> str:
    """What the network is of, in words: the place and body (their labels when given by IRI)
    and the window."""
    t = translator(lang)
    iris = {ref for ref in (place, org) if ref.startswith(str(ID))}
    named = labels(store_of(request), iris) if iris else {}
    parts = [named.get(ref, ref) for ref in (place, org) if ref]
    if start or end:
        parts.append(t("window", start=start or "…", end=end or "…"))
    return ", ".join(parts) or t("everything")


@router.get("/network", name="network_page")
def network_page(request: Request, place: Place = "", org: Body = "", from_: From = "", to: To = "",
                 sort: Annotated[str, Query(max_length=30)] = "weighted_degree"):
    params = {"place": place, "org": org, "from": from_, "to": to}
    sort = sort if sort in MEASURES else "weighted_degree"
    shown = {"params": params, "sort": sort, "measures": MEASURES}
    graph_of = KnowledgeGraph(store_of(request))
    try:
        graph = graph_of.coattendance(**_filters(place, org, from_, to))
    except AnalysisError as exc:  # an unknown place or body, a bad date: say so above the form
        status = 404 if isinstance(exc, NotFoundError) else 400
        return render(request, "network.html", status=status, problem=str(exc), graph=None, **shown)
    central = graph_of.centrality(graph, sort=sort)[:CENTRAL] if len(graph) else []
    return render(request, "network.html", problem=None, graph=graph, central=central,
                  scope=_scope(request, language_of(request), place, org, from_, to),
                  pictures={fmt: with_params(f"/network/picture.{fmt}", **params) for fmt in _PICTURE_TYPES},
                  **shown)


@router.get("/network/picture.{fmt}", name="network_picture")
def network_picture(request: Request, fmt: str, place: Place = "", org: Body = "", from_: From = "",
                    to: To = ""):
    """The same network as a picture (SVG or PNG), titled in the reader's language."""
    if fmt not in _PICTURE_TYPES:
        raise ApiError(404, "not found", "a picture is .svg or .png")
    graph = KnowledgeGraph(store_of(request)).coattendance(**_filters(place, org, from_, to))
    lang = language_of(request)
    title = translator(lang)("network_picture_title", scope=_scope(request, lang, place, org, from_, to),
                             persons=len(graph), ties=graph.number_of_edges())
    return Response(draw_network(graph, fmt, title=title), media_type=_PICTURE_TYPES[fmt],
                    headers={"vary": "Accept-Language, Cookie"})
