"""``KnowledgeGraph``: the store seen as networks of persons, with the measures researchers ask
of them. ``polgraph.open`` returns one.

Every projection and measure takes the same filters as keywords: ``start`` and ``end`` (dates
or YYYY-MM-DD), ``place`` and ``org`` (a name, an IRI, or for places an official code); see
``polgraph.analytics.slicing`` for what each keeps. Results are networkx graphs or lists of
plain dicts (strings, numbers, lists), ready for JSON.
"""

from __future__ import annotations

import contextlib
from collections import Counter, OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self, TypeVar, cast

import networkx as nx

from polgraph.analytics import (
    brokers as _brokers,
)
from polgraph.analytics import (
    careers as _careers,
)
from polgraph.analytics import (
    connection as _connection,
)
from polgraph.analytics import (
    descriptions,
    lookup,
    measures,
    projections,
)
from polgraph.analytics.errors import AnalysisError
from polgraph.analytics.hierarchy import INSIDE_AREA, UNDER_BODY, within
from polgraph.analytics.slicing import ResolvedSlice, Slice
from polgraph.store.base import GraphStore, QueriedStore

_G = TypeVar("_G", bound=nx.Graph)

PROJECTIONS = ("coattendance", "person_org", "cospeaking", "succession")
_FILTERS = {"start", "end", "place", "org"}
_CACHED = 4  # projections kept, so that centrality then communities on one slice build it once


class KnowledgeGraph:
    """Networks of local elites over a store (anything with a SPARQL ``query`` over the union
    of its graphs). Projections are cached per slice while the object lives: call ``clear()``
    after the store changes, and copy a graph before changing it."""

    def __init__(self, store: QueriedStore, *, seed: int = 0, owns_store: bool = False) -> None:
        self._store: QueriedStore | None = store
        self.seed = seed  # Louvain and sampled betweenness are repeatable for one seed
        self._owns_store = owns_store
        self._cache: OrderedDict[tuple, nx.Graph] = OrderedDict()

    @property
    def store(self) -> QueriedStore:
        """The store the networks are read from (``close()`` lets go of one it owns)."""
        if self._store is None:
            raise AnalysisError("the knowledge graph is closed")
        return self._store

    # -- housekeeping ----------------------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store if ``polgraph.open`` opened it."""
        self._cache.clear()
        if self._owns_store:
            # A read-only store has nothing to flush: letting go of it closes it.
            owned = cast(GraphStore, self._store)  # open_graph opened it with open_store
            with contextlib.suppress(RuntimeError):
                owned.close()
            self._store = None
            self._owns_store = False

    def clear(self) -> None:
        self._cache.clear()

    # -- arguments -------------------------------------------------------------------------
    def slice(self, **filters: Any) -> ResolvedSlice:
        """The filters resolved to IRIs; an unknown place or body raises ``NotFoundError``."""
        unknown = set(filters) - _FILTERS
        if unknown:
            raise AnalysisError(
                f"unknown filter {', '.join(sorted(unknown))}: use start, end, place, org"
            )
        given = Slice.of(**filters)
        areas = lookup.find_areas(self.store, given.place) if given.place else None
        bodies = lookup.find_bodies(self.store, given.org) if given.org else None
        return ResolvedSlice(
            start=given.start,
            end=given.end,
            areas=areas,
            bodies=bodies,
            label=given.describe(),
            places=None if areas is None else within(self.store, areas, INSIDE_AREA),
            orgs=None if bodies is None else within(self.store, bodies, UNDER_BODY),
        )

    def person(self, ref: str) -> str:
        """The IRI of the person ``ref`` names (an IRI, the end of one, or a name)."""
        return lookup.find_person(self.store, ref)

    # -- projections -----------------------------------------------------------------------
    def projection(self, name: str, post: str | None = None, **filters: Any) -> nx.Graph:
        """The projection called ``name`` (one of ``PROJECTIONS``; "person-org" is accepted too)."""
        name = name.replace("-", "_")
        if name not in PROJECTIONS:
            raise AnalysisError(f"unknown projection {name!r}: choose {', '.join(PROJECTIONS)}")
        if name == "succession":
            return self.succession(post=post, **filters)
        return getattr(self, name)(**filters)

    def _cached(self, key: tuple, build: Callable[[], _G]) -> _G:
        if key in self._cache:
            self._cache.move_to_end(key)
            return cast(_G, self._cache[key])  # the key names the projection, and so its class
        graph = self._cache[key] = build()
        while len(self._cache) > _CACHED:
            self._cache.popitem(last=False)
        return graph

    def coattendance(self, **filters: Any) -> nx.Graph:
        """Persons tied by shared events: ``weight`` counts them, ``events`` lists their IRIs
        (in date order), ``first``/``last`` date them. Nodes carry ``name``, ``posts`` (held at
        those events), ``bodies``, ``places`` and ``events`` (how many)."""
        resolved = self.slice(**filters)
        return self._cached(
            ("coattendance", resolved), lambda: projections.coattendance(self.store, resolved)
        )

    def cospeaking(self, **filters: Any) -> nx.Graph:
        """Persons tied by the events at which both spoke; nodes carry their ``topics``."""
        resolved = self.slice(**filters)
        return self._cached(
            ("cospeaking", resolved), lambda: projections.cospeaking(self.store, resolved)
        )

    def person_org(self, **filters: Any) -> nx.Graph:
        """Bipartite persons–bodies by posts held (``bipartite`` 0 and 1, ``kind`` person or
        organization); ``weight`` counts the events attesting the posts, ``posts`` names them."""
        resolved = self.slice(**filters)
        return self._cached(
            ("person_org", resolved), lambda: projections.person_org(self.store, resolved)
        )

    def succession(self, post: str | None = None, **filters: Any) -> nx.MultiDiGraph:
        """Directed predecessor → successor, one edge per post handed over (keyed by the post's
        IRI) with its ``date``, ``label`` and the predecessor's last evidence. ``post`` is a title
        ("Chủ tịch"), a post IRI or a post-type IRI; ``org`` narrows it to one body."""
        resolved = self.slice(**filters)
        posts = lookup.find_posts(self.store, post, resolved.bodies) if post else None
        return self._cached(
            ("succession", resolved, posts),
            lambda: projections.succession(self.store, resolved, posts),
        )

    # -- measures --------------------------------------------------------------------------
    def centrality(
        self,
        graph: nx.Graph | None = None,
        *,
        sort: str = "weighted_degree",
        betweenness_samples: int | None = None,
        **filters: Any,
    ) -> list[dict]:
        """Degree, weighted degree, degree centrality, betweenness (sampled above
        ``measures.EXACT_BETWEENNESS_NODES`` nodes) and eigenvector centrality of each node of
        ``graph`` (default: the co-attendance projection of the filters), ranked by ``sort``."""
        if graph is None:
            graph = self.coattendance(**filters)
        elif graph.is_directed() or graph.is_multigraph():
            graph = nx.Graph(graph)  # the measures read ties, not their direction or number
        degree, weighted, share = measures.degrees(graph)
        between = measures.betweenness(graph, betweenness_samples, seed=self.seed)
        eigen = measures.eigenvector(graph)
        records = [
            {
                "person": node,
                "name": data.get("name"),
                "kind": data.get("kind"),
                "posts": data.get("posts", []),
                "events": data.get("events"),
                "degree": degree[node],
                "weighted_degree": weighted[node],
                "degree_centrality": share[node],
                "betweenness": between[node],
                "eigenvector": eigen[node],
            }
            for node, data in graph.nodes(data=True)
        ]
        if records and sort not in records[0]:
            raise AnalysisError(
                f"cannot sort by {sort!r}: choose degree, weighted_degree, "
                "degree_centrality, betweenness, eigenvector or events"
            )
        return sorted(records, key=lambda r: (-(r[sort] or 0), r["name"] or "", r["person"]))

    def communities(
        self, graph: nx.Graph | None = None, *, resolution: float = 1.0, **filters: Any
    ) -> list[dict]:
        """Louvain communities of ``graph`` (default: co-attendance), largest first, each with
        its members (most tied first) and the places and bodies most of them share. Also sets
        each node's ``community`` attribute."""
        graph = self.coattendance(**filters) if graph is None else graph
        groups = measures.communities(graph, seed=self.seed, resolution=resolution)
        measures.label_communities(graph, groups)
        weighted = dict(graph.degree(weight="weight"))
        found: list[dict[str, Any]] = []
        wanted: set[str] = set()
        for number, members in enumerate(groups):
            ordered = sorted(
                members, key=lambda n: (-weighted[n], graph.nodes[n].get("name") or "", n)
            )
            places = Counter(p for n in members for p in graph.nodes[n].get("places", ()))
            bodies = Counter(b for n in members for b in graph.nodes[n].get("bodies", ()))
            top_places, top_bodies = _most_common(places), _most_common(bodies)
            wanted.update(top_places, top_bodies)
            found.append(
                {
                    "community": number,
                    "size": len(members),
                    "places": top_places,
                    "bodies": top_bodies,
                    "members": [
                        {
                            "person": n,
                            "name": graph.nodes[n].get("name"),
                            "posts": graph.nodes[n].get("posts", []),
                            "weighted_degree": weighted[n],
                        }
                        for n in ordered
                    ],
                }
            )
        names = descriptions.labels(self.store, wanted)
        for community in found:
            community["place_labels"] = [names.get(p, p) for p in community["places"]]
            community["body_labels"] = [names.get(b, b) for b in community["bodies"]]
        return found

    def brokers(self, graph: nx.Graph | None = None, **filters: Any) -> list[dict]:
        """Persons whose ties span areas or bodies (see ``polgraph.analytics.brokers``)."""
        return _brokers.brokers(
            self.store, self.coattendance(**filters) if graph is None else graph
        )

    def successions(self, post: str | None = None, **filters: Any) -> list[dict]:
        """The edges of ``succession`` as records, by post then date."""
        graph = self.succession(post=post, **filters)
        records = []
        for a, b, data in graph.edges(data=True):
            records.append(
                {
                    "post": data["post"],
                    "title": data["title"],
                    "label": data["label"],
                    "body": data.get("body"),
                    "body_label": data.get("body_label"),
                    "predecessor": a,
                    "predecessor_name": graph.nodes[a]["name"],
                    "successor": b,
                    "successor_name": graph.nodes[b]["name"],
                    "date": data["date"],
                    "predecessor_last": data["predecessor_last"],
                    "elected": data["elected"],
                }
            )
        return sorted(records, key=lambda r: (r["label"], r["date"], r["successor_name"]))

    def careers(self, person: str | None = None, **filters: Any) -> list[dict]:
        """Careers (posts in order, promotions) of ``person`` or of everyone with a tenure in
        the filters' slice, the most promoted first."""
        persons = (self.person(person),) if person else None
        return _careers.careers(self.store, self.slice(**filters), persons)

    def career(self, person: str) -> dict:
        """One person's posts in order, with promotions."""
        iri = self.person(person)
        found = _careers.careers(self.store, self.slice(), (iri,))
        if found:
            return found[0]
        name = descriptions.labels(self.store, {iri}).get(iri)
        return {"person": iri, "name": name, "posts": [], "promotions": []}

    def events_of(self, person: str) -> list[dict]:
        """The events a person took part in, in date order."""
        return _careers.person_events(self.store, self.person(person))

    def connection(self, a: str, b: str, **filters: Any) -> dict:
        """The shortest chain of shared events from person ``a`` to person ``b``, each link with
        its events (label, date, place, report)."""
        first, second = self.person(a), self.person(b)
        return _connection.connection(self.store, self.coattendance(**filters), first, second)


def _most_common(counts: Counter, n: int = 3) -> list[str]:
    """The ``n`` commonest, ties broken by name so that every run says the same."""
    return [key for key, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]]


def open_graph(store: str | Path | Any | None = None, *, seed: int = 0) -> KnowledgeGraph:
    """A ``KnowledgeGraph`` over ``store``: an opened store (anything with ``query``), or the
    folder of one (default: ``POLGRAPH_STORE`` or ./var/store), opened read-only if it can be."""
    if store is not None and hasattr(store, "query"):
        return KnowledgeGraph(store, seed=seed)
    from polgraph.errors import StoreError
    from polgraph.settings import Settings
    from polgraph.store import open_store

    path = Settings.from_env(store=Path(store) if store is not None else None).store_path
    try:
        handle = open_store(path, read_only=True)
    except StoreError as first:
        if not path.exists():
            raise
        try:
            handle = open_store(path)
        except StoreError:
            raise first from None
    return KnowledgeGraph(handle, seed=seed, owns_store=True)
