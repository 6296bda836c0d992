"""How two persons are connected: the shortest chain of shared events between them, each link
with the events behind it and the reports that say so."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import networkx as nx

from polgraph.analytics.rows import select, values_block
from polgraph.store.base import QueriedStore


def event_details(store: QueriedStore, events: set[str]) -> dict[str, dict]:
    """Label, date, place and source report of each event."""
    if not events:
        return {}
    rows = select(
        store,
        f"""
SELECT ?event ?label ?date ?place ?report ?key ?title ?url WHERE {{
  {values_block("event", sorted(events))}
  ?event rdfs:label ?label ; pg:source ?report .
  OPTIONAL {{ ?event pg:date ?date }}
  OPTIONAL {{ ?event pg:place/rdfs:label ?place }}
  OPTIONAL {{ ?report pg:reportKey ?key }}
  OPTIONAL {{ ?report pg:title ?title }}
  OPTIONAL {{ ?report pg:url ?url }}
}}""",
    )
    found = {}
    for event, label, date, place, report, key, title, url in rows:
        found[event] = {
            "event": event,
            "label": label,
            "date": date,
            "place": place,
            "report": report,
            "report_key": key,
            "report_title": title,
            "url": url,
        }
    return found


def _person(graph: nx.Graph, node: str) -> dict:
    data = graph.nodes[node]
    return {"person": node, "name": data.get("name"), "posts": data.get("posts", [])}


def connection(store: QueriedStore, graph: nx.Graph, a: str, b: str) -> dict:
    """The fewest links of shared events from ``a`` to ``b`` in a co-attendance ``graph``;
    ``connected`` is false (and ``links`` empty) when no chain joins them."""
    result: dict[str, Any] = {
        "from": _person(graph, a) if a in graph else {"person": a, "posts": []},
        "to": _person(graph, b) if b in graph else {"person": b, "posts": []},
        "connected": False,
        "length": None,
        "path": [],
        "links": [],
    }
    if a not in graph or b not in graph:
        return result
    try:
        path = nx.shortest_path(graph, a, b)
    except nx.NetworkXNoPath:
        return result
    pairs = list(pairwise(path))
    details = event_details(store, {e for u, v in pairs for e in graph.edges[u, v]["events"]})
    links = []
    for u, v in pairs:
        events = [details.get(e, {"event": e}) for e in graph.edges[u, v]["events"]]
        links.append(
            {
                "from": u,
                "from_name": graph.nodes[u].get("name"),
                "to": v,
                "to_name": graph.nodes[v].get("name"),
                "events": events,
            }
        )
    result.update(
        connected=True, length=len(pairs), path=[_person(graph, p) for p in path], links=links
    )
    return result
