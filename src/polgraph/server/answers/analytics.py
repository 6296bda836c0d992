"""The network analyses' answers: centrality, Louvain communities and successions as JSON, a
projection as a file (GraphML, GEXF, CSV, JSON) or a picture (PNG, SVG), and a person's posts
along time (``/api/analytics``, ``/api/persons/{id}/timeline.png``).

Every answer is computed by ``polgraph.analytics`` over the worker's snapshot, as ``polgraph
analyze``, ``network`` and ``timeline`` compute theirs. Nothing is kept between requests, so an
answer always reflects the store as it is.
"""

from __future__ import annotations

from typing import Any

from polgraph.analytics import open_graph
from polgraph.analytics.outputs import network_output, timeline_output
from polgraph.analytics.timeline import TimelineWords
from polgraph.server.answers.content import Content
from polgraph.server.answers.graph import Readable, ask, iri
from polgraph.server.answers.ids import iri_for, node, not_found
from polgraph.server.answers.search import page
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.errors import ApiError
from polgraph.server.translations import translator

# format → (media type, whether a browser should show it rather than save it)
MEDIA_TYPES = {
    "graphml": ("application/graphml+xml", False),
    "gexf": ("application/gexf+xml", False),
    "csv": ("text/csv; charset=utf-8", False),
    "json": ("application/json", True),
    "png": ("image/png", True),
    "svg": ("image/svg+xml", True),
}
_MEASURES = ("degree", "weighted_degree", "degree_centrality", "betweenness", "eigenvector")


def body_ref(store: Readable, org: str | None) -> str | None:
    """An organization's id stands for its IRI, as everywhere in the API; anything else (a name,
    an IRI) is the analyses' to look up."""
    if not org or any(ch.isspace() for ch in org):
        return org
    try:
        candidate = iri_for("organizations", org)
    except ApiError:
        return org
    known = ask(store, "ASK WHERE { ?org a pg:Organization }", {"org": iri(candidate)})
    return candidate if known else org


def _sliced(store: Readable, filters: dict[str, Any]) -> dict[str, Any]:
    """The filters as ``KnowledgeGraph`` takes them: an organization's id stands for its IRI."""
    return {**filters, "org": body_ref(store, filters["org"])}


def centrality_answer(
    store: Snapshot, filters: dict[str, Any], sort: str, limit: int, offset: int
) -> dict:
    records = open_graph(store).centrality(sort=sort, **_sliced(store, filters))
    items = [
        {
            **node(r["person"], name=r["name"]),
            "posts": r["posts"],
            "events": r["events"],
            **{measure: r[measure] for measure in _MEASURES},
        }
        for r in records[offset : offset + limit]
    ]
    return page(items, len(records), limit, offset)


def communities_answer(
    store: Snapshot, filters: dict[str, Any], resolution: float, limit: int, offset: int
) -> dict:
    found = open_graph(store).communities(resolution=resolution, **_sliced(store, filters))
    items = [
        {
            "community": c["community"],
            "size": c["size"],
            "places": _labelled(c["places"], c["place_labels"]),
            "bodies": _labelled(c["bodies"], c["body_labels"]),
            "members": [
                {
                    **node(m["person"], name=m["name"]),
                    "posts": m["posts"],
                    "weighted_degree": m["weighted_degree"],
                }
                for m in c["members"]
            ],
        }
        for c in found[offset : offset + limit]
    ]
    return page(items, len(found), limit, offset)


def _labelled(iris: list[str], labels: list[str]) -> list[dict]:
    return [node(found, label=label) for found, label in zip(iris, labels, strict=True)]


def succession_answer(
    store: Snapshot, filters: dict[str, Any], post: str | None, limit: int, offset: int
) -> dict:
    records = open_graph(store).successions(post=post, **_sliced(store, filters))
    items = [
        {
            "post": node(r["post"], title=r["title"], label=r["label"]),
            "organization": node(r["body"], label=r["body_label"]),
            "predecessor": node(r["predecessor"], name=r["predecessor_name"]),
            "successor": node(r["successor"], name=r["successor_name"]),
            "date": r["date"],
            "predecessor_last": r["predecessor_last"],
            "elected": r["elected"],
        }
        for r in records[offset : offset + limit]
    ]
    return page(items, len(records), limit, offset)


def network_answer(
    store: Snapshot,
    filters: dict[str, Any],
    fmt: str,
    projection: str,
    post: str | None,
    limit: int,
) -> Content:
    _, data = network_output(
        open_graph(store), fmt, projection, post=post, limit=limit, **_sliced(store, filters)
    )
    return Content(MEDIA_TYPES[fmt][0], data)


def timeline_words(lang: str) -> TimelineWords:
    """The timeline picture's words in ``lang``, from the server's catalogues."""
    t = translator(lang)
    return TimelineWords(
        heading=lambda name, posts, dated: t(
            "timeline_picture_title",
            name=name,
            posts=t("timeline_posts", n=posts),
            events=t("timeline_dated_events", n=dated),
        ),
        events=t("timeline_events_row"),
        nothing_dated=t("timeline_nothing_dated"),
        attested=t("timeline_attested"),
        elected=t("timeline_elected"),
    )


def timeline_answer(store: Snapshot, person_id: str, fmt: str, lang: str = "en") -> Content:
    person = iri_for("persons", person_id)
    if not ask(store, "ASK WHERE { ?person a pg:Person }", {"person": iri(person)}):
        raise not_found("persons", person_id)
    _, data = timeline_output(open_graph(store), person, fmt, timeline_words(lang))
    return Content(MEDIA_TYPES[fmt][0], data)
