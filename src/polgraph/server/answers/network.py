"""The network page's answers: who attended events together (``polgraph.analytics``'
co-attendance projection) in a place or a body over a date window, its most central persons,
and its picture. What the page draws is ``polgraph.server.answers.drawings``'."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import networkx as nx

from polgraph.analytics import AnalysisError, KnowledgeGraph, NotFoundError, Slice
from polgraph.analytics.descriptions import labels
from polgraph.analytics.drawing import draw_network
from polgraph.analytics.slicing import ResolvedSlice
from polgraph.namespaces import ID
from polgraph.server.answers.content import Content
from polgraph.server.answers.graph import Readable
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.translations import translator

CENTRAL = 25  # persons in the table
MEASURES = ("weighted_degree", "degree", "betweenness", "eigenvector", "events")
PICTURE_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


@dataclass(frozen=True)
class Chosen:
    """A place or body as the form gives it: ``ref``, what the network is filtered by; ``shown``,
    the words in the field (a node's label rather than its IRI); ``kept``, the IRI a label in
    the field stands for, sent back with the form so that the same node stays chosen."""

    ref: str
    shown: str
    kept: str = ""


def chosen(store: Readable, typed: str, kept: str) -> Chosen:
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
    store: Readable, place: str, org: str, start: str, end: str
) -> tuple[KnowledgeGraph, ResolvedSlice, nx.Graph]:
    """The co-attendance network the filters pick out and what they resolved to, for the page
    and its picture alike; a bad date, an empty window or an unknown place or body raises
    ``AnalysisError``."""
    given = Slice.of(start or None, end or None, place or None, org or None)
    filters = {"start": given.start, "end": given.end, "place": given.place, "org": given.org}
    graph_of = KnowledgeGraph(store)
    return graph_of, graph_of.slice(**filters), graph_of.coattendance(**filters)


def _scope(store: Readable, lang: str, resolved: ResolvedSlice) -> str:
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


def network_answer(
    store: Snapshot,
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


def picture_answer(
    store: Snapshot, fmt: str, place: str, org: str, start: str, end: str, lang: str
) -> Content:
    _, resolved, graph = _network(store, place, org, start, end)
    title = translator(lang)(
        "network_picture_title",
        scope=_scope(store, lang, resolved),
        persons=len(graph),
        ties=graph.number_of_edges(),
    )
    return Content(PICTURE_TYPES[fmt], draw_network(graph, fmt, title=title))
