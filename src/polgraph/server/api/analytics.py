"""``/api/analytics``: the network analyses over HTTP — centrality, Louvain communities and
successions as JSON, a projection as a file (GraphML, GEXF, CSV, JSON) or a picture (PNG, SVG) —
and ``/api/persons/{id}/timeline.png``, a person's posts along time.

Every answer is computed by ``polgraph.analytics`` over the app's store, as ``polgraph analyze``,
``network`` and ``timeline`` compute theirs. Building a projection and measuring it is CPU work
that takes from milliseconds to minutes with the store's size: the routes are plain functions,
which FastAPI runs in its thread pool, so the event loop goes on answering meanwhile, and they
take turns (``polgraph.server.analysis_slots``). Nothing is kept between requests, so an answer
always reflects the store as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from polgraph.analytics import AnalysisError, KnowledgeGraph, NotFoundError, open_graph
from polgraph.analytics.drawing import DEFAULT_LIMIT
from polgraph.analytics.outputs import network_output, timeline_output
from polgraph.server.analysis_slots import analysis_slot
from polgraph.server.api import analytics_examples as shown
from polgraph.server.api.analytics_params import (
    Drawn,
    Filters,
    Format,
    PersonId,
    Post,
    Projection,
    Resolution,
    Sort,
    post_ref,
)
from polgraph.server.api.docs import answers, error_examples
from polgraph.server.api.graph import ask, iri, store_of
from polgraph.server.api.ids import iri_for, node, not_found
from polgraph.server.api.search import Limit, Offset, page
from polgraph.server.errors import ApiError

router = APIRouter(tags=["analytics"])

# format → (media type, whether a browser should show it rather than save it)
MEDIA_TYPES = {"graphml": ("application/graphml+xml", False), "gexf": ("application/gexf+xml", False),
               "csv": ("text/csv; charset=utf-8", False), "json": ("application/json", True),
               "png": ("image/png", True), "svg": ("image/svg+xml", True)}
_MEASURES = ("degree", "weighted_degree", "degree_centrality", "betweenness", "eigenvector")


@contextmanager
def analysis(request: Request) -> Iterator[KnowledgeGraph]:
    """The analyses over the app's store, one of the server's analysis slots held meanwhile; an
    unknown person, place, body or post is a 404 and any other wrong argument a 400."""
    try:
        with analysis_slot(request):
            yield open_graph(store_of(request))
    except NotFoundError as exc:
        raise ApiError(404, "not found", str(exc)) from None
    except AnalysisError as exc:
        raise ApiError(400, "bad request", str(exc)) from None


def file_answers(content: dict[str, Any], description: str) -> dict[int | str, dict]:
    """``responses=`` for a route answering files: each media type with its example."""
    def schema(media: str) -> dict:
        if media == "application/json":
            return {"type": "object"}
        return {"type": "string", "format": "binary"} if media == "image/png" else {"type": "string"}

    return {200: {"description": description,
                  "content": {media: {"schema": schema(media), "example": example}
                              for media, example in content.items()}},
            **error_examples(400, 404)}


def _file(data: bytes, fmt: str, stem: str) -> Response:
    media_type, shown_inline = MEDIA_TYPES[fmt]
    disposition = "inline" if shown_inline else "attachment"
    return Response(data, media_type=media_type,
                    headers={"Content-Disposition": f'{disposition}; filename="{stem}.{fmt}"'})


# -- measures -------------------------------------------------------------------------------
@router.get("/analytics/centrality", summary="Who is central among persons tied by shared events",
            responses=answers(shown.CENTRALITY, 400, 404))
def centrality(request: Request, filters: Filters, sort: Sort = "weighted_degree",
               limit: Limit = 20, offset: Offset = 0) -> dict:
    """Each person of the co-attendance network (persons tied by the events they attended
    together) with their degree, weighted degree, degree centrality, betweenness (estimated
    from a sample of sources above 2,000 persons) and eigenvector centrality, ranked by
    ``sort``; ``total`` counts the persons."""
    with analysis(request) as kg:
        records = kg.centrality(sort=sort, **filters)
    items = [{**node(r["person"], name=r["name"]), "posts": r["posts"], "events": r["events"],
              **{measure: r[measure] for measure in _MEASURES}}
             for r in records[offset:offset + limit]]
    return page(items, len(records), limit, offset)


@router.get("/analytics/communities", summary="Groups of persons who meet among themselves",
            responses=answers(shown.COMMUNITIES, 400, 404))
def communities(request: Request, filters: Filters, resolution: Resolution = 1.0,
                limit: Limit = 20, offset: Offset = 0) -> dict:
    """Louvain communities of the co-attendance network, largest first: each with the places
    and bodies most of its members share, and its members, most tied first."""
    with analysis(request) as kg:
        found = kg.communities(resolution=resolution, **filters)
    items = [{"community": c["community"], "size": c["size"],
              "places": _labelled(c["places"], c["place_labels"]),
              "bodies": _labelled(c["bodies"], c["body_labels"]),
              "members": [{**node(m["person"], name=m["name"]), "posts": m["posts"],
                           "weighted_degree": m["weighted_degree"]} for m in c["members"]]}
             for c in found[offset:offset + limit]]
    return page(items, len(found), limit, offset)


def _labelled(iris: list[str], labels: list[str]) -> list[dict]:
    return [node(found, label=label) for found, label in zip(iris, labels, strict=True)]


@router.get("/analytics/succession", summary="Who handed which post to whom",
            responses=answers(shown.SUCCESSION, 400, 404))
def succession(request: Request, filters: Filters, post: Post = None,
               limit: Limit = 20, offset: Offset = 0) -> dict:
    """The hand-overs the tenures record, by post then date: the predecessor, the successor,
    the day of the successor's first evidence (``date``, which the date window applies to),
    the predecessor's last, and whether the successor's tenure opened with an election."""
    with analysis(request) as kg:
        records = kg.successions(post=post_ref(post), **filters)
    items = [{"post": node(r["post"], title=r["title"], label=r["label"]),
              "organization": node(r["body"], label=r["body_label"]),
              "predecessor": node(r["predecessor"], name=r["predecessor_name"]),
              "successor": node(r["successor"], name=r["successor_name"]),
              "date": r["date"], "predecessor_last": r["predecessor_last"], "elected": r["elected"]}
             for r in records[offset:offset + limit]]
    return page(items, len(records), limit, offset)


# -- files and pictures ---------------------------------------------------------------------
@router.get("/analytics/network", summary="A network as a file Gephi opens, an edge list or a picture",
            response_class=Response,
            responses=file_answers(shown.NETWORK_FILES, "the network in the format asked for"))
def network(request: Request, filters: Filters, fmt: Format = "graphml",
            projection: Projection = "coattendance", post: Post = None,
            limit: Drawn = DEFAULT_LIMIT) -> Response:
    """The projection of the filters as GraphML or GEXF (every attribute, lists joined with
    " | "; each person's Louvain ``community`` in the co-attendance and co-speaking networks),
    a CSV edge list, JSON, or a PNG or SVG picture of its most tied nodes, named and coloured by
    community. ``post`` narrows the succession network."""
    with analysis(request) as kg:
        _, data = network_output(kg, fmt, projection, post=post_ref(post), limit=limit, **filters)
    return _file(data, fmt, f"polgraph-{projection}")


def _timeline(request: Request, person_id: str, fmt: str) -> Response:
    person = iri_for("persons", person_id)
    if not ask(store_of(request), "ASK WHERE { ?person a pg:Person }", {"person": iri(person)}):
        raise not_found("persons", person_id)
    with analysis(request) as kg:
        _, data = timeline_output(kg, person, fmt)
    return _file(data, fmt, f"{person_id}-timeline")


@router.get("/persons/{person_id}/timeline.png", summary="A person's posts along time, as a PNG picture",
            response_class=Response, responses=file_answers({"image/png": shown.PNG}, "the picture"))
def person_timeline_png(request: Request, person_id: PersonId) -> Response:
    """Each post the person held as a bar from its first to its last evidence (green when it
    opened with an election), and the events they took part in as marks above."""
    return _timeline(request, person_id, "png")


@router.get("/persons/{person_id}/timeline.svg", summary="A person's posts along time, as an SVG picture",
            response_class=Response,
            responses=file_answers({"image/svg+xml": shown.TIMELINE_SVG}, "the picture"))
def person_timeline_svg(request: Request, person_id: PersonId) -> Response:
    """The picture of ``timeline.png`` as SVG, its names and dates kept as text."""
    return _timeline(request, person_id, "svg")
