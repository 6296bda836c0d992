"""Brokers: persons whose ties span areas or bodies.

A person at events in several places ties those places' people together; a person holding posts
in several bodies interlocks them (a post in a body and one in its own sub-body, such as the
party committee and its standing committee, count as one body). The spans are read from the
``places`` and ``bodies`` a projection's person nodes carry.
"""

from __future__ import annotations

import networkx as nx

from polgraph.analytics.descriptions import labels
from polgraph.analytics.hierarchy import ABOVE_BODY, reachable
from polgraph.store.base import QueriedStore


def _ancestors(store: QueriedStore, bodies: set[str]) -> dict[str, set[str]]:
    """Every body above each of ``bodies`` (org:subOrganizationOf, transitively)."""
    return {
        body: above - {body}
        for body, above in reachable(store, bodies, ABOVE_BODY).items()
        if above - {body}
    }


def independent_bodies(bodies: set[str], ancestors: dict[str, set[str]]) -> set[str]:
    """``bodies`` without those that lie inside another of them."""
    return {b for b in bodies if not (ancestors.get(b, set()) & bodies)}


def brokers(store: QueriedStore, graph: nx.Graph) -> list[dict]:
    """Persons with ties whose events lie in two areas or more, or whose posts lie in two
    independent bodies or more; the widest span first, then the most ties."""
    candidates = [
        n
        for n, data in graph.nodes(data=True)
        if graph.degree(n) and (len(data.get("places", ())) > 1 or len(data.get("bodies", ())) > 1)
    ]
    ancestors = _ancestors(store, {b for n in candidates for b in graph.nodes[n].get("bodies", ())})
    found = []
    for node in candidates:
        data = graph.nodes[node]
        bodies = independent_bodies(set(data.get("bodies", ())), ancestors)
        places = set(data.get("places", ()))
        if len(places) < 2 and len(bodies) < 2:
            continue
        found.append(
            {
                "person": node,
                "name": data.get("name"),
                "posts": data.get("posts", []),
                "area_span": len(places),
                "body_span": len(bodies),
                "areas": sorted(places),
                "bodies": sorted(bodies),
                "degree": graph.degree(node),
                "weighted_degree": graph.degree(node, weight="weight"),
            }
        )
    names = labels(store, {x for b in found for x in (*b["areas"], *b["bodies"])})
    for broker in found:
        broker["area_labels"] = [names.get(a, a) for a in broker["areas"]]
        broker["body_labels"] = [names.get(b, b) for b in broker["bodies"]]
    return sorted(
        found,
        key=lambda b: (
            -(b["area_span"] + b["body_span"]),
            -b["weighted_degree"],
            b["name"] or "",
            b["person"],
        ),
    )
