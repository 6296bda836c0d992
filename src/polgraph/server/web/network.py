"""The network page: who attended events together (``polgraph.analytics``' co-attendance
projection) in a place or a body over a date window, drawn as a picture, with the most central
persons in a table."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated

import networkx as nx
from fastapi import Query, Request

from polgraph.analytics import AnalysisError, KnowledgeGraph, NotFoundError, Slice
from polgraph.analytics.descriptions import labels
from polgraph.analytics.drawing import draw_network
from polgraph.analytics.slicing import ResolvedSlice
from polgraph.namespaces import ID
from polgraph.server.analysis_slots import analysis_slot
from polgraph.server.api.offload import Content, answered, read
from polgraph.server.errors import ApiError
from polgraph.server.web.language import VARY, language_of
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
# The IRI a place or body field stood for when the page showed its label in it.
Kept = Annotated[str, Query(max_length=300)]


@dataclass(frozen=True)
class Chosen:
    """A place or body as the form gives it: ``ref``, what the network is filtered by; ``shown``,
    the words in the field (a node's label rather than its IRI); ``kept``, the IRI a label in
    the field stands for, sent back with the form so that the same node stays chosen."""

    ref: str
    shown: str
    kept: str = ""


def chosen(store, typed: str, kept: str) -> Chosen:
    """A field's value: an IRI is shown as its label (and kept); the label of the IRI kept from
    the last page, left as it was, stands for that IRI; anything else is what was typed."""
    typed = typed.strip()
    if typed.startswith(str(ID)):
        label = labels(store, {typed}).get(typed)
        return Chosen(typed, label, typed) if label else Chosen(typed, typed)
    if kept.startswith(str(ID)) and typed and labels(store, {kept}).get(kept) == typed:
        return Chosen(kept, typed, kept)
    return Chosen(typed, typed)


def _network(
    store, place: str, org: str, start: str, end: str
) -> tuple[KnowledgeGraph, ResolvedSlice, nx.Graph]:
    """The co-attendance network the filters pick out and what they resolved to, for the page
    and its picture alike; a bad date, an empty window or an unknown place or body raises
    ``AnalysisError``."""
    given = Slice.of(start or None, end or None, place or None, org or None)
    filters = {"start": given.start, "end": given.end, "place": given.place, "org": given.org}
    graph_of = KnowledgeGraph(store)
    return graph_of, graph_of.slice(**filters), graph_of.coattendance(**filters)


def _scope(store, lang: str, resolved: ResolvedSlice) -> str:
    """What the network is of, in words: the labels of the places and bodies the filters
    resolved to (so "xa cam loc" reads "Xã Cẩm Lộc"), and the window."""
    t = translator(lang)
    named = labels(store, set(resolved.areas or ()) | set(resolved.bodies or ()))
    parts = [
        " / ".join(dict.fromkeys(named.get(ref, ref) for ref in refs))
        for refs in (resolved.areas, resolved.bodies)
        if refs
    ]
    if resolved.windowed:
        parts.append(t("window", start=resolved.start or "…", end=resolved.end or "…"))
    return ", ".join(parts) or t("everything")


@router.get("/network", name="network_page")
async def network_page(
    request: Request,
    place: Place = "",
    org: Body = "",
    from_: From = "",
    to: To = "",
    sort: Annotated[str, Query(max_length=30)] = "weighted_degree",
    place_iri: Kept = "",
    org_iri: Kept = "",
):
    sort = sort if sort in MEASURES else "weighted_degree"
    async with analysis_slot(request):
        found = await read(
            request,
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
            "network.html",
            status=found["status"],
            problem=found["problem"],
            network=None,
            **shown,
        )
    return await render(
        request,
        "network.html",
        problem=None,
        network=found["network"],
        central=found["central"],
        scope=found["scope"],
        pictures={fmt: with_params(f"/network/picture.{fmt}", **params) for fmt in _PICTURE_TYPES},
        **shown,
    )


def network_answer(
    store,
    place: str,
    org: str,
    start: str,
    end: str,
    sort: str,
    place_iri: str,
    org_iri: str,
    lang: str,
) -> dict:
    """What the network page shows: the fields as ``chosen`` reads them; then either the
    ``problem`` with the filters (and its ``status``), or the ``network``'s size, its
    ``central`` persons and its ``scope`` in words."""
    where, body = chosen(store, place, place_iri), chosen(store, org, org_iri)
    found = {"fields": {"place": asdict(where), "org": asdict(body)}, "problem": None}
    try:
        graph_of, resolved, graph = _network(store, where.ref, body.ref, start, end)
        central = graph_of.centrality(graph, sort=sort)[:CENTRAL] if len(graph) else []
    except AnalysisError as exc:
        return {
            **found,
            "problem": str(exc),
            "status": 404 if isinstance(exc, NotFoundError) else 400,
        }
    return {
        **found,
        "network": {"persons": len(graph), "ties": graph.number_of_edges()},
        "central": central,
        "scope": _scope(store, lang, resolved),
    }


@router.get("/network/picture.{fmt}", name="network_picture")
async def network_picture(
    request: Request, fmt: str, place: Place = "", org: Body = "", from_: From = "", to: To = ""
):
    """The same network as a picture (SVG or PNG), titled in the reader's language."""
    if fmt not in _PICTURE_TYPES:
        raise ApiError(404, "not found", "a picture is .svg or .png")
    async with analysis_slot(request):
        picture = await answered(
            request,
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


def picture_answer(
    store, fmt: str, place: str, org: str, start: str, end: str, lang: str
) -> Content:
    _, resolved, graph = _network(store, place, org, start, end)
    title = translator(lang)(
        "network_picture_title",
        scope=_scope(store, lang, resolved),
        persons=len(graph),
        ties=graph.number_of_edges(),
    )
    return Content(_PICTURE_TYPES[fmt], draw_network(graph, fmt, title=title))
