"""Identities and tenures across the stored reports.

Each report keeps its own person nodes (mentions). After an ingest, mentions are resolved into
persons (``polgraph.identity.persons``) with the researchers' corrections (``data/identity.yaml``),
and the persons' attestations into tenures (``polgraph.identity.tenures``).

Resolution is local: one name's mentions make its persons, one post's attestations its tenures. So
each name has its own graph of persons and each post its own graph of tenures, and an ingest
recomputes only the names and posts it touched: those the writes left pending
(``polgraph.store.layout``: the names and posts of reports added, replaced or removed), names the
corrections mention, and the posts held by mentions whose person the resolution changed. Everything
is read by index from the names and posts in question, so the cost follows what changed, not the
size of the store. Each graph is a function of what is stored, never of the order it came in, and a
changed correction file recomputes everything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from polgraph.identity.overrides import Overrides, load_overrides
from polgraph.identity.persons import Cluster, Mention, explain, resolve_persons
from polgraph.identity.tenures import Attestation, Tenure, derive_tenures
from polgraph.namespaces import ID, MODEL_GRAPH_PREFIX, PG, PREFIXES
from polgraph.store.base import GraphChange, GraphStore
from polgraph.store.layout import clear_pending, read_pending
from polgraph.text.normalise import name_key, stable_slug

IDENTITY_PREFIX = MODEL_GRAPH_PREFIX + "identity/"
TENURE_PREFIX = MODEL_GRAPH_PREFIX + "tenures/"
STATE_GRAPH = URIRef(MODEL_GRAPH_PREFIX + "identity-state")
_STATE = ID["identity-state"]

_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

# Each query runs for all names (or posts), or with a VALUES block of those in question where
# {scope} stands; the store starts from those values and its indexes. Mentions, participations
# and attestations live in report graphs only, so the union of graphs can be read.
# A participant is a mention (persons, which also have name keys, never take part). What each
# mention shares with the others of its report (the report's key, the event's place) is read once
# per event, not per mention: a third fewer lookups.
_MENTIONS = (
    _PREFIXES
    + """
SELECT ?mention ?name ?key ?event WHERE { {scope}
  ?mention pg:nameKey ?key ; pg:name ?name . ?part pg:participant ?mention ; pg:event ?event .
}"""
)
_EVENTS = (
    _PREFIXES
    + """
SELECT ?event ?report ?place WHERE { {scope}
  ?event pg:source ?r . ?r pg:reportKey ?report . OPTIONAL { ?event pg:place ?place }
}"""
)

# The official units of each place the mentions' events were at: the unit itself and those above
# it, and the units that succeeded any of them (old reports meet new ones). Read once per place (a
# few hundred places hold thousands of events), not per mention. The hierarchy is walked here, a
# level a query, not with pg:partOf*: Virtuoso 7 answers such a path joined to other patterns
# with no rows in some database states, which left persons without their province there.
_PARENTS = _PREFIXES + "SELECT DISTINCT ?unit ?parent WHERE { {scope} ?unit pg:partOf ?parent }"
_NEXT_UNITS = (
    _PREFIXES + "SELECT DISTINCT ?unit ?next WHERE { {scope} ?unit pg:successorUnit ?next }"
)
_UNIT_CODES = (
    _PREFIXES
    + """
SELECT DISTINCT ?unit ?cls ?code ?structure WHERE { {scope}
  ?unit pg:officialCode ?code ; a ?cls .
  VALUES ?cls { pg:Commune pg:District pg:Province }
  OPTIONAL { ?unit pg:adminStructure ?structure }
}"""
)

# pg:person's domain is pg:RoleAttestation; each post's body is read once per post.
_POSTS = (
    _PREFIXES
    + """
SELECT DISTINCT ?key ?mention ?post WHERE { {scope}
  ?mention pg:nameKey ?key . ?a pg:person ?mention ; pg:post ?post .
}"""
)
_BODIES = _PREFIXES + "SELECT ?post ?body WHERE { {scope} ?post org:postIn ?body }"

# One row per attestation: each has one post, person and event. What many attestations share
# (an event's date) or few have (an election, a stored person for a mention not resolved now) is
# read apart, once each: per attestation it doubled the cost.
_ATTESTATIONS = (
    _PREFIXES
    + """
SELECT ?a ?mention ?post ?event WHERE {
  {scope} ?a pg:post ?post ; pg:person ?mention ; pg:event ?event . }"""
)
_DATES = _PREFIXES + "SELECT ?event ?date WHERE { {scope} ?event pg:date ?date }"
_ELECTED = _PREFIXES + "SELECT ?a WHERE { {scope} ?a pg:post ?post ; pg:elected true }"
_PERSON_OF = _PREFIXES + "SELECT ?mention ?person WHERE { {scope} ?mention pg:mentionOf ?person }"
_EXCLUSIVE_POSTS = (
    _PREFIXES
    + """
SELECT DISTINCT ?post WHERE { {scope} ?post pg:postType ?type . ?type pg:exclusive true . }"""
)

_COUNTS = (
    _PREFIXES
    + """
SELECT (COUNT(DISTINCT ?person) AS ?persons) (COUNT(DISTINCT ?mention) AS ?mentions) WHERE {
  ?mention pg:mentionOf ?person .
}"""
)
_TENURES = _PREFIXES + "SELECT (COUNT(DISTINCT ?t) AS ?tenures) WHERE { ?t a pg:Tenure }"

_LEVEL = {str(PG.Commune): "commune", str(PG.District): "district", str(PG.Province): "province"}


@dataclass
class Resolution:
    """Persons and tenures resolved for some names (all of them, or those an ingest touched)."""

    mentions: dict[str, Mention]
    clusters: list[Cluster]
    tenures: list[Tenure]
    names: set[str] | None = None  # None: every name
    posts: set[str] | None = None  # None: every post


@dataclass
class IdentitySummary:
    names_resolved: int
    posts_resolved: int
    full: bool = False
    resolution: Resolution | None = field(default=None, repr=False)
    reports: set[str] | None = None  # the reports whose writes were resolved (None: all)


def person_iri(cluster: Cluster) -> URIRef:
    return ID[f"person/{cluster.key}"]


def tenure_iri(tenure: Tenure) -> URIRef:
    return ID[f"tenure/{tenure.key}"]


_MANY = 5000  # above this many names or posts, one query for all and a filter is quicker


def _rows(
    store: GraphStore,
    sparql: str,
    variable: str,
    values: set[str] | None,
    *,
    iri: bool = False,
    narrow: bool = False,
) -> Iterator[ox.QuerySolution]:
    """The query's rows for ``values`` of ``variable`` (all rows when ``values`` is None). A
    ``narrow`` query reads many more rows unscoped than its values ask for (the events among
    every fact with a source): many values are then asked for in parts, never all at once."""
    if values is not None and not values:
        return  # nothing asked for: no rows (and an empty VALUES block some services refuse)
    if values is None or (not narrow and len(values) > _MANY):
        rows = store.query(sparql.replace("{scope}", ""))
        yield from (rows if values is None else (r for r in rows if r[variable].value in values))
        return
    ordered = sorted(values)
    step = min(_MANY, store.values_limit)  # a service may take fewer values in one query
    for first in range(0, len(ordered), step):
        part = ordered[first : first + step]
        terms = " ".join(str(ox.NamedNode(v) if iri else ox.Literal(v)) for v in part)
        yield from store.query(sparql.replace("{scope}", f"VALUES ?{variable} {{ {terms} }}"))


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    return None if term is None else term.value


def _parents(store: GraphStore, units: set[str] | None) -> dict[str, set[str]]:
    """The units each of ``units`` lies in (pg:partOf), and theirs, up to the top; every unit's
    when ``units`` is None."""
    parents: dict[str, set[str]] = defaultdict(set)
    if units is None:
        for row in _rows(store, _PARENTS, "unit", None):
            parents[row["unit"].value].add(row["parent"].value)
        return parents
    seen: set[str] = set()
    level = set(units)
    while level:
        seen |= level
        found = set()
        for row in _rows(store, _PARENTS, "unit", level, iri=True):
            parents[row["unit"].value].add(row["parent"].value)
            found.add(row["parent"].value)
        level = found - seen
    return parents


def _up(unit: str, parents: Mapping[str, set[str]]) -> set[str]:
    """The unit and every unit above it."""
    above, todo = {unit}, [unit]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in above:
                above.add(parent)
                todo.append(parent)
    return above


def _areas(store: GraphStore, places: set[str], *, everything: bool) -> dict[str, set[str]]:
    """For each place, the official units it lies in ("province:42") and those that succeeded
    them ("province:2025/42"). ``everything``: read every unit of the store at once instead of
    those of ``places`` (a whole rebuild)."""

    def scoped(units: set[str]) -> set[str] | None:
        return None if everything else units

    parents = _parents(store, scoped(places))
    above = {place: _up(place, parents) for place in places}
    units = set().union(*above.values())
    successors: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _NEXT_UNITS, "unit", scoped(units), iri=True):
        successors[row["unit"].value].add(row["next"].value)
    later = set().union(*successors.values())
    if not everything:  # the successors' own tree, where the places' did not reach
        for unit, found in _parents(store, later - units).items():
            parents[unit] |= found
    later_above = {unit: _up(unit, parents) for unit in later}
    codes: dict[str, set[tuple[str, str | None, str]]] = defaultdict(set)
    for row in _rows(
        store, _UNIT_CODES, "unit", scoped(units.union(*later_above.values())), iri=True
    ):
        structure = row["structure"].value if row["structure"] is not None else None
        codes[row["unit"].value].add((_LEVEL[row["cls"].value], structure, row["code"].value))

    def unit_areas(unit: str) -> set[str]:
        """The unit's own key, and those of the communes and provinces that succeeded it."""
        # Units after 2025 reuse codes of the old ones: their keys carry the structure.
        own = {
            f"{level}:{'' if structure == 'legacy' else '2025/'}{code}"
            for level, structure, code in codes.get(unit, ())
            if structure is not None
        }
        return own | {
            f"{level}:2025/{code}"
            for successor in successors.get(unit, ())
            for up in later_above[successor]
            for level, _, code in codes.get(up, ())
            if level in ("commune", "province")
        }

    by_unit = {unit: unit_areas(unit) for unit in units}
    return {place: set().union(*(by_unit[unit] for unit in above[place])) for place in places}


def read_mentions(store: GraphStore, names: set[str] | None = None) -> dict[str, Mention]:
    """The mentions of ``names`` (normalised name keys), or of everyone, with what they share."""
    found = [
        (row["mention"].value, row["name"].value, row["key"].value, row["event"].value)
        for row in _rows(store, _MENTIONS, "key", names)
    ]
    events = {
        row["event"].value: (row["report"].value, _value(row["place"]))
        for row in _rows(store, _EVENTS, "event", {f[3] for f in found}, iri=True, narrow=True)
    }
    event_places = {place for _, place in events.values() if place is not None}
    areas = _areas(store, event_places, everything=names is None)
    posts: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _POSTS, "key", names):
        posts[row["mention"].value].add(row["post"].value)
    held = None if names is None else {post for each in posts.values() for post in each}
    body_of = {
        row["post"].value: row["body"].value
        for row in _rows(store, _BODIES, "post", held, iri=True)
    }
    shared_areas = {place: frozenset(units) for place, units in areas.items()}  # one set a place
    mentions = {}
    for iri, name, key, event in found:
        report, place = events[event]
        bodies = frozenset(body_of[post] for post in posts[iri] if post in body_of)
        mentions[iri] = Mention(
            iri=iri,
            name=name,
            name_key=key,
            report=report,
            areas=shared_areas.get(place, frozenset()) if place is not None else frozenset(),
            bodies=bodies,
            posts=frozenset(posts[iri]),
        )
    return mentions


def read_attestations(
    store: GraphStore, posts: set[str] | None = None, resolved: dict[str, str] | None = None
) -> list[Attestation]:
    """The attestations of ``posts`` (or of every post), by resolved person: the person of a
    mention in ``resolved`` is taken from there, the others' as stored."""
    resolved = resolved or {}
    exclusive = {
        row["post"].value for row in _rows(store, _EXCLUSIVE_POSTS, "post", posts, iri=True)
    }
    found = [
        (row["a"].value, row["mention"].value, row["post"].value, row["event"].value)
        for row in _rows(store, _ATTESTATIONS, "post", posts, iri=True)
    ]
    elected = {row["a"].value for row in _rows(store, _ELECTED, "post", posts, iri=True)}
    events = None if posts is None else {event for *_, event in found}
    dates = {
        row["event"].value: dt.date.fromisoformat(row["date"].value)
        for row in _rows(store, _DATES, "event", events, iri=True, narrow=True)
    }
    others = {mention for _, mention, _, _ in found if mention not in resolved}
    stored = (
        {
            row["mention"].value: row["person"].value
            for row in _rows(store, _PERSON_OF, "mention", others, iri=True, narrow=True)
        }
        if others
        else {}
    )
    out = []
    for iri, mention, post, event in found:
        person = resolved.get(mention) or stored.get(mention)
        if person is None:
            continue
        out.append(
            Attestation(
                iri=iri,
                person=person,
                post=post,
                date=dates.get(event),
                elected=iri in elected,
                exclusive=post in exclusive,
            )
        )
    return out


def _connected_names(
    names: set[str], overrides: Overrides | None, mentions_by_iri: dict[str, str]
) -> set[str]:
    """``names`` and every name a "same" correction ties to one of them, transitively."""
    if overrides is None:
        return names
    groups = []
    for assertion in overrides.same:
        keys = {name_key(s.name) for s in assertion.persons if s.name}
        keys |= {
            mentions_by_iri[s.mention] for s in assertion.persons if s.mention in mentions_by_iri
        }
        groups.append(keys)
    grown = set(names)
    changed = True
    while changed:
        changed = False
        for keys in groups:
            if keys & grown and not keys <= grown:
                grown |= keys
                changed = True
    return grown


def _correction_names(
    store: GraphStore, overrides: Overrides | None
) -> tuple[set[str], dict[str, str]]:
    """The names the corrections are about, and the name of each mention they name by IRI."""
    if overrides is None:
        return set(), {}
    selectors = [s for a in (*overrides.same, *overrides.different) for s in a.persons]
    by_iri: dict[str, str] = {}
    wanted = [s.mention for s in selectors if s.mention]
    if wanted:
        iris = " ".join(f"<{m}>" for m in wanted)
        query = _PREFIXES + f"SELECT ?m ?key WHERE {{ VALUES ?m {{ {iris} }} ?m pg:nameKey ?key }}"
        by_iri = {row["m"].value: row["key"].value for row in store.query(query)}
    return {name_key(s.name) for s in selectors if s.name} | set(by_iri.values()), by_iri


def resolve(
    store: GraphStore, overrides: Overrides | None = None, names: set[str] | None = None
) -> Resolution:
    """Resolve the mentions of ``names`` (or everyone) into persons, without writing anything;
    tenures are left to ``update_identities``, which needs the persons stored first."""
    if names is not None:
        _, by_iri = _correction_names(store, overrides)
        names = _connected_names(names, overrides, by_iri)
    mentions = read_mentions(store, names)
    return Resolution(mentions, resolve_persons(mentions.values(), overrides), [], names)


def _graph_of_name(key: str) -> URIRef:
    return URIRef(IDENTITY_PREFIX + stable_slug(key))


def _graph_of_post(post: str) -> URIRef:
    return URIRef(TENURE_PREFIX + hashlib.sha256(post.encode("utf-8")).hexdigest()[:24])


def _put_groups(
    change: GraphChange,
    store: GraphStore,
    prefix: str,
    wanted: Graphs,
    touched: set[URIRef] | None,
) -> None:
    """Each touched group's graph made to hold what is wanted of it; a touched group with
    nothing left loses its graph (with ``touched`` None, every graph under ``prefix`` is)."""
    change.put.update(wanted)
    stale = set(store.graphs_under(prefix)) if touched is None else {str(g) for g in touched}
    for graph in stale - {str(g) for g in wanted}:
        change.put[URIRef(graph)] = ()


# The terms every person and tenure is written with, looked up once: a Namespace lookup costs a
# microsecond, and a full resolution writes a million triples.
(
    _PERSON,
    _NAME,
    _NAME_KEY,
    _MENTION_OF,
    _HAS_LINK,
    _LINK,
    _LINKED_MENTION,
    _LINK_REASON,
    _LINK_DETAIL,
    _TENURE,
    _HOLDER,
    _POST,
    _FIRST_EVIDENCE,
    _LAST_EVIDENCE,
    _OPENED_BY_ELECTION,
    _ATTESTED_BY,
    _SUCCESSOR,
    _PREDECESSOR,
) = (
    PG[term]
    for term in (
        "Person",
        "name",
        "nameKey",
        "mentionOf",
        "identityLink",
        "IdentityLink",
        "linkedMention",
        "linkReason",
        "linkDetail",
        "Tenure",
        "holder",
        "post",
        "firstEvidence",
        "lastEvidence",
        "openedByElection",
        "attestedBy",
        "successor",
        "predecessor",
    )
)


def cluster_triples(cluster: Cluster) -> set[tuple]:
    triples: set[tuple] = set()
    person = person_iri(cluster)
    triples.add((person, RDF.type, _PERSON))
    triples.add((person, _NAME, Literal(cluster.name)))
    triples.add((person, _NAME_KEY, Literal(name_key(cluster.name))))
    for mention in cluster.mentions:
        triples.add((URIRef(mention), _MENTION_OF, person))
    for link in cluster.links:
        node = ID[f"identity-link/{hashlib.sha256(f'{link.a} {link.b}'.encode()).hexdigest()[:16]}"]
        triples.add((person, _HAS_LINK, node))
        triples.add((node, RDF.type, _LINK))
        triples.add((node, _LINKED_MENTION, URIRef(link.a)))
        triples.add((node, _LINKED_MENTION, URIRef(link.b)))
        triples.add((node, _LINK_REASON, Literal(link.reason)))
        triples.add((node, _LINK_DETAIL, Literal(link.detail)))
    return triples


def tenure_triples(tenures: list[Tenure]) -> set[tuple]:
    by_key = {t.key: t for t in tenures}
    triples: set[tuple] = set()
    for tenure in tenures:
        node = tenure_iri(tenure)
        triples.add((node, RDF.type, _TENURE))
        triples.add((node, _HOLDER, URIRef(tenure.person)))
        triples.add((node, _POST, URIRef(tenure.post)))
        triples.add((node, _FIRST_EVIDENCE, Literal(tenure.first.isoformat(), datatype=XSD.date)))
        triples.add((node, _LAST_EVIDENCE, Literal(tenure.last.isoformat(), datatype=XSD.date)))
        triples.add((node, _OPENED_BY_ELECTION, Literal(tenure.opened_by_election)))
        for attestation in tenure.attestations:
            triples.add((node, _ATTESTED_BY, URIRef(attestation)))
        if tenure.successor is not None and tenure.successor in by_key:
            following = tenure_iri(by_key[tenure.successor])
            triples.add((node, _SUCCESSOR, following))
            triples.add((following, _PREDECESSOR, node))
    return triples


def person_graphs(
    mentions: Mapping[str, Mention], overrides: Overrides | None = None
) -> tuple[list[Cluster], dict[URIRef, set[tuple]]]:
    """The persons among ``mentions`` and the triples of each name's graph."""
    clusters = resolve_persons(mentions.values(), overrides)
    by_name: dict[URIRef, set[tuple]] = defaultdict(set)
    for cluster in clusters:  # a cluster joined across names by a correction lives with the first
        key = min(mentions[m].name_key for m in cluster.mentions)
        by_name[_graph_of_name(key)] |= cluster_triples(cluster)
    return clusters, dict(by_name)


def tenure_graphs(
    attestations: Iterable[Attestation],
) -> tuple[list[Tenure], dict[URIRef, set[tuple]]]:
    """The tenures the attestations make and the triples of each post's graph."""
    tenures = derive_tenures(attestations)
    by_post: dict[URIRef, list[Tenure]] = defaultdict(list)
    for tenure in tenures:
        by_post[_graph_of_post(tenure.post)].append(tenure)
    return tenures, {graph: tenure_triples(held) for graph, held in by_post.items()}


# The triples of each graph of persons (by name) or of tenures (by post).
Graphs = Mapping[URIRef, AbstractSet[tuple]]


class GroupWork(Protocol):
    """Where ``person_graphs`` and ``tenure_graphs`` run: in this process (``LOCAL``), or split
    by name and by post over a cluster's workers, which must give the same result."""

    def person_graphs(
        self, mentions: Mapping[str, Mention], overrides: Overrides | None
    ) -> tuple[list[Cluster], Graphs]: ...

    def tenure_graphs(self, attestations: list[Attestation]) -> tuple[list[Tenure], Graphs]: ...


class _Here:
    @staticmethod
    def person_graphs(
        mentions: Mapping[str, Mention], overrides: Overrides | None
    ) -> tuple[list[Cluster], Graphs]:
        return person_graphs(mentions, overrides)

    @staticmethod
    def tenure_graphs(
        attestations: list[Attestation],
    ) -> tuple[list[Tenure], Graphs]:
        return tenure_graphs(attestations)


LOCAL: GroupWork = _Here()


def _digest(path: Path | None) -> str:
    content = path.read_bytes() if path is not None and path.exists() else b""
    return hashlib.sha256(content).hexdigest()


def _stored_digest(store: GraphStore) -> str | None:
    found = [str(o) for _, p, o in store.graph_triples(STATE_GRAPH) if p == PG.correctionsDigest]
    return found[0] if len(found) == 1 else None


def _posts_of_changed(
    store: GraphStore, mentions: dict[str, Mention], resolved: dict[str, str]
) -> set[str]:
    """The posts held by those of ``mentions`` whose person the resolution changes: only those
    posts' tenures can change, apart from the posts the writes themselves touched."""
    stored = {
        row["mention"].value: row["person"].value
        for row in _rows(store, _PERSON_OF, "mention", set(mentions), iri=True, narrow=True)
    }
    return {
        post
        for iri, mention in mentions.items()
        if stored.get(iri) != resolved.get(iri)
        for post in mention.posts
    }


def update_identities(
    store: GraphStore,
    overrides_path: Path | None = None,
    *,
    full: bool = False,
    work: GroupWork = LOCAL,
) -> IdentitySummary:
    """Resolve the names and posts that writes left pending (or, with ``full`` or changed
    corrections, all of them) and write their graphs, with the pending list cleared, in one
    transaction: an interrupted resolution leaves everything pending for the next one. ``work``
    says where the per-name and per-post work runs; what is read and written is the same."""
    overrides = load_overrides(overrides_path) if overrides_path is not None else None
    digest = _digest(overrides_path)
    full = full or _stored_digest(store) != digest
    pending = read_pending(store)
    if not full and not pending:
        return IdentitySummary(0, 0, resolution=Resolution({}, [], [], set(), set()), reports=set())
    correction_names, by_iri = _correction_names(store, overrides)
    names = None if full else _connected_names(pending.names | correction_names, overrides, by_iri)
    mentions = read_mentions(store, names)
    clusters, by_name = work.person_graphs(mentions, overrides)
    change = GraphChange()
    _put_groups(
        change,
        store,
        IDENTITY_PREFIX,
        by_name,
        None if names is None else {_graph_of_name(k) for k in names},
    )

    # The persons just resolved are not stored yet: their mentions are read from the clusters.
    resolved = {m: str(person_iri(c)) for c in clusters for m in c.mentions}
    posts = None if names is None else pending.posts | _posts_of_changed(store, mentions, resolved)
    tenures, by_post = work.tenure_graphs(read_attestations(store, posts, resolved))
    _put_groups(
        change,
        store,
        TENURE_PREFIX,
        by_post,
        None if posts is None else {_graph_of_post(p) for p in posts},
    )
    change.put[STATE_GRAPH] = {(_STATE, PG.correctionsDigest, Literal(digest))}
    clear_pending(change, pending)
    store.apply(change)
    return IdentitySummary(
        names_resolved=len({m.name_key for m in mentions.values()}),
        posts_resolved=len(by_post) if posts is None else len(posts),
        full=full,
        resolution=Resolution(mentions, clusters, tenures, names, posts),
        reports=None if full else pending.reports,
    )


def identity_counts(store: GraphStore) -> tuple[int, int, int]:
    """Persons, the mentions resolved into them, and tenures, in the whole store."""
    counts = next(iter(store.query(_COUNTS)))
    tenures = next(iter(store.query(_TENURES)))
    return (
        int(counts["persons"].value),
        int(counts["mentions"].value),
        int(tenures["tenures"].value),
    )


def explain_person(store: GraphStore, overrides: Overrides | None, person: str) -> list[str] | None:
    """Why a person's mentions are one person; ``person`` is an IRI, its last segment or a name."""
    wanted = person.rstrip("/").rsplit("/", 1)[-1]
    suffix = json.dumps("/" + wanted, ensure_ascii=False)
    query = _PREFIXES + (
        "SELECT DISTINCT ?key WHERE { ?p a pg:Person ; pg:nameKey ?key . "
        f"FILTER (STRENDS(STR(?p), {suffix})) }}"
    )
    keys = {row["key"].value for row in store.query(query)}
    keys = keys or {name_key(person)}
    resolution = resolve(store, overrides, keys)
    found = [
        c
        for c in resolution.clusters
        if c.key == wanted or str(person_iri(c)) == person or name_key(c.name) == name_key(person)
    ]
    if not found:
        return None
    lines: list[str] = []
    for cluster in found:
        reports = sorted({resolution.mentions[m].report for m in cluster.mentions})
        lines.append(
            f"{cluster.name} <{person_iri(cluster)}>: {len(cluster.mentions)} mention(s) "
            f"in {', '.join(reports)}"
        )
        lines.extend(f"  {line}" for line in explain(cluster, resolution.mentions))
    return lines
