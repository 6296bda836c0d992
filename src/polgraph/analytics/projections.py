"""The graph seen from one angle: persons tied by shared events or shared speaking, persons tied
to the bodies they held posts in, and the hand-over of posts.

Each projection reads who is tied to which event (``links.tied``: one query, or one per block of
events), looks up what those rows share (names, each event's date and place, each post's label
and body) once per node (``descriptions``), and assembles the graph in Python. Persons are the
persons resolved across reports (``pg:mentionOf``); a mention whose identity is not resolved
stands for itself. Nodes and edges carry names, posts and IRIs, so a result reads without
another query; list-valued attributes are flattened when a graph is written to a file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from itertools import combinations

import networkx as nx

from polgraph.analytics import descriptions, louvain
from polgraph.analytics.collector import collector_paused
from polgraph.analytics.links import tied, tied_by_event
from polgraph.analytics.rows import Row, select, values_block
from polgraph.analytics.slicing import ResolvedSlice
from polgraph.store.base import QueriedStore

_POST = "?link pg:post ?post ."


class _Ties:
    """Who was at which event of a slice, and what each person is described by."""

    def __init__(
        self,
        store: QueriedStore,
        slice_: ResolvedSlice,
        rows: Iterable[Row],
        extra: str | None = None,
    ) -> None:
        self.members: dict[str, set[str]] = defaultdict(set)
        self.persons: dict[str, dict] = {}
        # The store reads without holding Python's lock, so independent reads run side by side:
        # the posts held (and, over the whole store, every name, event's details and post's
        # label, read in bulk) while the events' members are read; then, for a slice, the names
        # and events' details of those members while their posts are described.
        whole = slice_.areas is None and slice_.bodies is None and not slice_.windowed
        with ThreadPoolExecutor(2) as pool:
            held = pool.submit(
                lambda: list(
                    tied(store, slice_, "person", "?person ?post", detail=_POST, distinct=True)
                )
            )
            if whole:
                names_read = pool.submit(descriptions.names, store, None)
                about_read = pool.submit(descriptions.event_details, store, None)
                labels = pool.submit(descriptions.post_labels, store, None)
            for row in rows:
                event, person = row[0], row[1]
                self.members[event].add(person)
                info = self.persons.get(person)
                if info is None:
                    info = self.persons[person] = {"posts": set(), "events": set()}
                    if extra:
                        info[extra] = set()
                info["events"].add(event)
                if extra and row[2]:
                    info[extra].add(row[2])
            if not whole:
                names_read = pool.submit(descriptions.names, store, list(self.persons))
                about_read = pool.submit(descriptions.event_details, store, list(self.members))
            for person, post in held.result():
                if person in self.persons:
                    self.persons[person]["posts"].add(post)
            if whole:
                posts = labels.result()
            else:
                posts = descriptions.post_labels(
                    store, {p for info in self.persons.values() for p in info["posts"]}
                )
            names, about = names_read.result(), about_read.result()
        # Mentions standing for themselves have no person's name among everyone's.
        unnamed = [p for p in self.persons if p not in names]
        if whole and unnamed:
            names.update(descriptions.names(store, unnamed))
        self.event_info = {
            e: (about.get(e, {}).get("date"), about.get(e, {}).get("place")) for e in self.members
        }
        for person, info in self.persons.items():
            info["name"] = names.get(person)
            info["places"] = {self.event_info[e][1] for e in info["events"]} - {None}
            described = [posts.get(p, {}) for p in info["posts"]]
            info["bodies"] = {d["body"] for d in described if "body" in d}
            info["posts"] = {
                d.get("label") or p for d, p in zip(described, info["posts"], strict=True)
            }

    def graph(self, projection: str, slice_: ResolvedSlice) -> nx.Graph:
        """Persons as nodes; two persons tied by the events they share, weighted by how many.

        Every pair at an event becomes a tie, so an event of n persons costs n(n-1)/2 pairs:
        nothing for local meetings of 5–30, a lot for a province congress of hundreds.
        """
        graph: nx.Graph[str] = nx.Graph(projection=projection, slice=slice_.label)
        graph.add_nodes_from(
            (p, _person_attributes(p, self.persons[p])) for p in sorted(self.persons)
        )
        # Ties go straight into networkx's adjacency, one dict shared by both ends as add_edge
        # makes it, and grow in place event by event: collecting each pair's events first and
        # adding the ties after (add_edges_from checks every one) costs twice the time at
        # millions of ties. The events come in date order (undated last), so each tie's events
        # come out sorted, its first date is its first event's and its last the latest seen.
        adjacency = louvain.adjacency(graph)
        for event in sorted(self.event_info, key=lambda e: (self.event_info[e][0] or "9999", e)):
            date = self.event_info[event][0]
            for a, b in combinations(sorted(self.members[event]), 2):
                ties = adjacency[a]
                tie = ties.get(b)
                if tie is None:
                    tie = ties[b] = adjacency[b][a] = {"weight": 1, "events": [event]}
                    if date:
                        tie["first"] = tie["last"] = date
                else:
                    tie["weight"] += 1
                    tie["events"].append(event)
                    if date:
                        tie["last"] = date
        return graph


def _person_attributes(iri: str, info: dict) -> dict:
    data = {"kind": "person", "iri": iri, "name": info["name"], "events": len(info["events"])}
    for key, value in info.items():
        if isinstance(value, set) and key != "events":
            data[key] = sorted(value)
    return data


def coattendance(store: QueriedStore, slice_: ResolvedSlice) -> nx.Graph:
    """Persons tied by the events they attended together (any participation: attending,
    chairing, reporting, speaking…); ``weight`` counts the events, ``events`` lists them."""
    with collector_paused():
        return _Ties(store, slice_, tied_by_event(store, slice_, "participant")).graph(
            "coattendance", slice_
        )


def cospeaking(store: QueriedStore, slice_: ResolvedSlice) -> nx.Graph:
    """Persons tied by the events at which both spoke; each person carries the topics."""
    rows = tied(
        store,
        slice_,
        "speaker",
        "?event ?person ?topic",
        detail="OPTIONAL { ?link pg:topic ?topic }",
    )
    with collector_paused():
        return _Ties(store, slice_, rows, extra="topics").graph("cospeaking", slice_)


def person_org(store: QueriedStore, slice_: ResolvedSlice) -> nx.Graph:
    """Bipartite: persons and the bodies they held posts in, as attested at events of the
    slice; ``weight`` counts those events, ``posts`` names the titles."""
    rows = list(tied(store, slice_, "person", "?event ?person ?post", detail=_POST, distinct=True))
    if slice_.bodies is not None:
        allowed = {post for (post,) in select(store, f"SELECT ?post WHERE {{ {slice_.posts()} }}")}
        rows = [row for row in rows if row[2] in allowed]
    posts = descriptions.post_details(store, {row[2] for row in rows})
    dates = descriptions.event_details(store, {row[0] for row in rows})
    ties: dict[tuple[str, str], dict] = {}
    for event, person, post in rows:
        described = posts.get(post, {})
        if "body" not in described:
            continue  # a post of no body ties the person to nothing
        tie = ties.setdefault((person, described["body"]), {"events": {}, "posts": set()})
        tie["events"][event] = dates.get(event, {}).get("date")
        tie["posts"].add(described["title"])
    people = descriptions.names(store, {person for person, _ in ties})
    bodies = descriptions.labels(store, {body for _, body in ties})
    graph: nx.Graph[str] = nx.Graph(projection="person_org", slice=slice_.label)
    graph.add_nodes_from(
        (p, {"kind": "person", "iri": p, "name": n, "bipartite": 0}) for p, n in people.items()
    )
    graph.add_nodes_from(
        (b, {"kind": "organization", "iri": b, "name": bodies.get(b, b), "bipartite": 1})
        for b in {body for _, body in ties}
    )
    for (person, body), tie in ties.items():
        ordered = sorted(tie["events"].items(), key=lambda item: (item[1] or "9999", item[0]))
        data = {
            "weight": len(ordered),
            "events": [e for e, _ in ordered],
            "posts": sorted(tie["posts"]),
        }
        dated = [d for _, d in ordered if d]
        if dated:
            data["first"], data["last"] = dated[0], dated[-1]
        graph.add_edge(person, body, **data)
    return graph


def succession(
    store: QueriedStore, slice_: ResolvedSlice, posts: tuple[str, ...] | None = None
) -> nx.MultiDiGraph:
    """Who handed which post to whom: an edge predecessor → successor per post (its key is the
    post's IRI), dated by the successor's first evidence; the window applies to that date."""
    scope = "" if posts is None else values_block("post", posts)
    # The names come before the optional part: after it, the store's planner reads every
    # pg:name in the store to join them.
    rows = list(
        select(
            store,
            f"""
SELECT ?post ?a ?a_name ?a_first ?a_last ?b ?b_name ?b_first ?b_last ?elected WHERE {{
  {scope}
  ?tenure pg:successor ?next ; pg:post ?post ; pg:holder ?a ;
      pg:firstEvidence ?a_first ; pg:lastEvidence ?a_last .
  ?next pg:holder ?b ; pg:firstEvidence ?b_first ; pg:lastEvidence ?b_last .
  ?a pg:name ?a_name . ?b pg:name ?b_name .
  {slice_.posts()}
  {slice_.tenures("next", "b_first", "b_first")}
  OPTIONAL {{ ?next pg:openedByElection ?elected }}
}}""",
        )
    )
    rows.sort(key=lambda row: (row[7], row[0]))  # by the hand-over's date
    described = descriptions.post_details(store, {row[0] for row in rows})
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(projection="succession", slice=slice_.label)
    for post, a, a_name, a_first, a_last, b, b_name, b_first, b_last, elected in rows:
        for person, name in ((a, a_name), (b, b_name)):
            if person not in graph:
                graph.add_node(person, kind="person", iri=person, name=name)
        about = described.get(post, {})
        data = {
            "weight": 1,
            "post": post,
            "title": about.get("title", ""),
            "label": about.get("label", post),
            "date": b_first,
            "predecessor_first": a_first,
            "predecessor_last": a_last,
            "successor_last": b_last,
            "elected": elected == "true",
        }
        if "body" in about:
            data.update(body=about["body"], body_label=about["body_label"])
        graph.add_edge(a, b, key=post, **data)
    return graph
