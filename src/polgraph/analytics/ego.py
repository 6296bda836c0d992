"""A person's ego network: the person, the persons they met at events (their co-attendance
neighbours) or held posts in the same body with (their neighbours through a body of the
person–body graph), one step out and cut to the most tied, with every tie among them all.

It is read from the person outwards (their events and bodies, the others there, then those
others' own events and bodies), so its cost follows the person and not the store: a person's
page can draw it where a projection of the whole store would take minutes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from polgraph.analytics import descriptions
from polgraph.analytics.rows import select, values_block
from polgraph.store.base import QueriedStore

EGO_LIMIT = 40  # others drawn around a person: more would not read on a page

# The person a mention stands for: its resolved person, or itself while it has none.
_PERSON_OF_MENTION = (
    "OPTIONAL { ?other_mention pg:mentionOf ?canonical } "
    "BIND (COALESCE(?canonical, ?other_mention) AS ?other)"
)


def _mentions_of(persons: Iterable[str]) -> str:
    """Patterns binding ``?mention`` to the mentions of each ``?person`` of ``persons``: those
    resolved to it, or the person itself when it is a mention standing for itself."""
    block = values_block("person", sorted(persons))
    return f"""{{ {block} ?mention pg:mentionOf ?person }}
  UNION {{ {block} ?person a pg:PersonMention .
           FILTER NOT EXISTS {{ ?person pg:mentionOf ?resolved }} BIND (?person AS ?mention) }}"""


def _met(store: QueriedStore, person: str) -> dict[str, set[str]]:
    """Each other person at one of ``person``'s events → those events."""
    rows = select(
        store,
        f"""SELECT DISTINCT ?event ?other WHERE {{
  {{ SELECT DISTINCT ?event WHERE {{ {_mentions_of([person])}
     ?link pg:participant ?mention ; pg:event ?event }} }}
  ?other_link pg:event ?event ; pg:participant ?other_mention .
  {_PERSON_OF_MENTION}
}}""",
    )
    found: dict[str, set[str]] = defaultdict(set)
    for event, other in rows:
        if other != person:
            found[other].add(event)
    return found


def _served_with(store: QueriedStore, person: str) -> dict[str, set[str]]:
    """Each other person attested in a post of a body ``person`` held a post in → those
    bodies (as ``person_org`` ties persons to bodies: by attestations at events)."""
    rows = select(
        store,
        f"""SELECT DISTINCT ?body ?other WHERE {{
  {{ SELECT DISTINCT ?body WHERE {{ {_mentions_of([person])}
     ?link pg:person ?mention ; pg:post ?post ; pg:event ?event . ?post org:postIn ?body }} }}
  ?other_post org:postIn ?body .
  ?other_link pg:post ?other_post ; pg:person ?other_mention ; pg:event ?other_event .
  {_PERSON_OF_MENTION}
}}""",
    )
    found: dict[str, set[str]] = defaultdict(set)
    for body, other in rows:
        if other != person:
            found[other].add(body)
    return found


def _events_of(store: QueriedStore, persons: set[str]) -> dict[str, set[str]]:
    """Each event any of ``persons`` took part in → those of them who did."""
    rows = select(
        store,
        f"""SELECT DISTINCT ?event ?person WHERE {{ {_mentions_of(persons)}
  ?link pg:participant ?mention ; pg:event ?event }}""",
    )
    found: dict[str, set[str]] = defaultdict(set)
    for event, person in rows:
        found[event].add(person)
    return found


def _posts_of(store: QueriedStore, persons: set[str]) -> list[tuple[str, str, str | None]]:
    """``(person, post, body)`` for each post any of ``persons`` is attested in at an event
    (``body`` None for a post of no body)."""
    return list(
        select(
            store,
            f"""SELECT DISTINCT ?person ?post ?body WHERE {{ {_mentions_of(persons)}
  ?link pg:person ?mention ; pg:post ?post ; pg:event ?event .
  OPTIONAL {{ ?post org:postIn ?body }} }}""",
        )
    )


def ego_network(store: QueriedStore, person: str, limit: int = EGO_LIMIT) -> nx.Graph:
    """The ego network of ``person`` (an IRI): the person (``ego`` true) and at most ``limit``
    others, those with the most events and bodies shared with the person first. Two of them
    are tied when they took part in an event together or were attested in posts of one body:
    ``weight`` counts both, ``events`` lists the events (in date order, ``first``/``last``
    dating them) and ``bodies`` the bodies. Nodes carry ``name``, ``posts`` (labels),
    ``bodies`` and ``events`` (how many), as the co-attendance projection's do."""
    met, served = _met(store, person), _served_with(store, person)
    others = set(met) | set(served)
    names = descriptions.names(store, others | {person})
    strength = {o: len(met.get(o, ())) + len(served.get(o, ())) for o in others}
    kept = sorted(others, key=lambda o: (-strength[o], names.get(o) or "", o))[:limit]
    members = {person, *kept}

    events = _events_of(store, members)
    dates = {e: d.get("date") for e, d in descriptions.event_details(store, events).items()}
    held = _posts_of(store, members)
    labels = descriptions.post_labels(store, {post for _, post, _ in held})
    bodies_of: dict[str, set[str]] = defaultdict(set)
    posts_of: dict[str, set[str]] = defaultdict(set)
    for who, post, body in held:
        if body:
            bodies_of[who].add(body)
        posts_of[who].add(labels.get(post, {}).get("label") or post)
    attended: dict[str, int] = defaultdict(int)
    for present in events.values():
        for who in present:
            attended[who] += 1

    graph: nx.Graph[str] = nx.Graph(projection="ego", person=person)
    for node in (person, *kept):
        graph.add_node(
            node,
            kind="person",
            iri=node,
            name=names.get(node),
            events=attended[node],
            posts=sorted(posts_of[node]),
            bodies=sorted(bodies_of[node]),
            ego=node == person,
        )
    # Events in date order (undated last), as the projection ties them: each tie's events come
    # out sorted, its first date is its first event's and its last the latest seen.
    for event in sorted(events, key=lambda e: (dates.get(e) or "9999", e)):
        date = dates.get(event)
        for a, b in combinations(sorted(events[event]), 2):
            if graph.has_edge(a, b):
                tie = graph.edges[a, b]
                tie["weight"] += 1
                tie["events"].append(event)
            else:
                graph.add_edge(a, b, weight=1, events=[event], bodies=[])
                tie = graph.edges[a, b]
                if date:
                    tie["first"] = date
            if date:
                tie["last"] = date
    for a, b in combinations(sorted(members), 2):
        shared = sorted(bodies_of[a] & bodies_of[b])
        if not shared:
            continue
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, weight=0, events=[], bodies=[])
        graph.edges[a, b]["weight"] += len(shared)
        graph.edges[a, b]["bodies"] = shared
    return graph
