"""Identities and tenures across the stored reports.

Each report keeps its own person nodes (mentions). After an ingest, the mentions of the whole
store are resolved into persons (``polgraph.identity.persons``) with the researchers' corrections
(``data/identity.yaml``), and the persons' attestations into tenures
(``polgraph.identity.tenures``). Both are functions of what is stored, not of the order it came
in, and each is written as one named graph in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from polgraph.identity.overrides import Overrides, load_overrides
from polgraph.identity.persons import Cluster, Mention, explain, resolve_persons
from polgraph.identity.tenures import Attestation, Tenure, derive_tenures
from polgraph.namespaces import ID, MODEL_GRAPH_PREFIX, PG, PREFIXES
from polgraph.store.base import GraphStore
from polgraph.text.normalise import name_key

IDENTITY_GRAPH = URIRef(MODEL_GRAPH_PREFIX + "identity")
TENURE_GRAPH = URIRef(MODEL_GRAPH_PREFIX + "tenures")
DERIVED_GRAPHS = (IDENTITY_GRAPH, TENURE_GRAPH)

_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

# Each mention with the report that names it. Derived graphs are left out: only reports count.
_MENTIONS = _PREFIXES + """
SELECT DISTINCT ?mention ?name ?key ?report WHERE {
  GRAPH ?g { ?mention a pg:PersonMention ; pg:name ?name ; pg:nameKey ?key .
             ?part pg:participant ?mention ; pg:source ?r . ?r pg:reportKey ?report . }
}"""

# The official units of the event each mention was at, the unit itself and those above it.
_AREAS = _PREFIXES + """
SELECT DISTINCT ?mention ?cls ?code ?structure WHERE {
  GRAPH ?g { ?part pg:participant ?mention ; pg:event ?event . ?event pg:place ?place . }
  ?place pg:partOf* ?unit .
  ?unit pg:officialCode ?code ; pg:adminStructure ?structure ; a ?cls .
  VALUES ?cls { pg:Commune pg:District pg:Province }
}"""

_SUCCESSORS = _PREFIXES + """
SELECT DISTINCT ?mention ?cls ?code WHERE {
  GRAPH ?g { ?part pg:participant ?mention ; pg:event ?event . ?event pg:place ?place . }
  ?place pg:partOf* ?unit . ?unit pg:successorUnit ?next . ?next pg:partOf* ?up .
  ?up pg:officialCode ?code ; a ?cls .
  VALUES ?cls { pg:Commune pg:Province }
}"""

_POSTS = _PREFIXES + """
SELECT DISTINCT ?mention ?post ?body WHERE {
  GRAPH ?g { ?a a pg:RoleAttestation ; pg:person ?mention ; pg:post ?post . }
  OPTIONAL { ?post org:postIn ?body }
}"""

_ATTESTATIONS = _PREFIXES + """
SELECT DISTINCT ?a ?mention ?post ?date ?elected ?exclusive WHERE {
  GRAPH ?g { ?a a pg:RoleAttestation ; pg:person ?mention ; pg:post ?post ; pg:event ?event .
             OPTIONAL { ?event pg:date ?date } OPTIONAL { ?a pg:elected ?elected } }
  OPTIONAL { ?post pg:postType ?type . ?type pg:exclusive ?exclusive }
}"""

_LEVEL = {str(PG.Commune): "commune", str(PG.District): "district", str(PG.Province): "province"}


@dataclass
class Resolution:
    mentions: dict[str, Mention]
    clusters: list[Cluster]
    tenures: list[Tenure]

    def person_of(self) -> dict[str, str]:
        return {m: str(person_iri(c)) for c in self.clusters for m in c.mentions}


def person_iri(cluster: Cluster) -> URIRef:
    return ID[f"person/{cluster.key}"]


def tenure_iri(tenure: Tenure) -> URIRef:
    return ID[f"tenure/{tenure.key}"]


def _rows(store: GraphStore, sparql: str):
    return store.query(sparql)


def _value(term) -> str | None:
    return None if term is None else term.value


def read_mentions(store: GraphStore) -> dict[str, Mention]:
    areas: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _AREAS):
        level = _LEVEL[row["cls"].value]
        # Units after 2025 reuse codes of the old ones: their keys carry the structure.
        prefix = "" if row["structure"].value == "legacy" else "2025/"
        areas[row["mention"].value].add(f"{level}:{prefix}{row['code'].value}")
    for row in _rows(store, _SUCCESSORS):  # an old report meets a new one in the unit it became
        areas[row["mention"].value].add(f"{_LEVEL[row['cls'].value]}:2025/{row['code'].value}")
    posts: dict[str, set[str]] = defaultdict(set)
    bodies: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _POSTS):
        posts[row["mention"].value].add(row["post"].value)
        if row["body"] is not None:
            bodies[row["mention"].value].add(row["body"].value)
    mentions = {}
    for row in _rows(store, _MENTIONS):
        iri = row["mention"].value
        mentions[iri] = Mention(
            iri=iri, name=row["name"].value, name_key=row["key"].value, report=row["report"].value,
            areas=frozenset(areas[iri]), bodies=frozenset(bodies[iri]), posts=frozenset(posts[iri]),
        )
    return mentions


def read_attestations(store: GraphStore, person_of: dict[str, str]) -> list[Attestation]:
    out = []
    for row in _rows(store, _ATTESTATIONS):
        person = person_of.get(row["mention"].value)
        if person is None:
            continue
        date = _value(row["date"])
        out.append(Attestation(
            iri=row["a"].value, person=person, post=row["post"].value,
            date=dt.date.fromisoformat(date) if date else None,
            elected=_value(row["elected"]) == "true",
            exclusive=_value(row["exclusive"]) == "true",
        ))
    return out


def resolve(store: GraphStore, overrides: Overrides | None = None) -> Resolution:
    """Resolve the stored mentions into persons and tenures, without writing anything."""
    mentions = read_mentions(store)
    clusters = resolve_persons(mentions.values(), overrides)
    person_of = {m: str(person_iri(c)) for c in clusters for m in c.mentions}
    tenures = derive_tenures(read_attestations(store, person_of))
    return Resolution(mentions, clusters, tenures)


def identity_triples(resolution: Resolution) -> set[tuple]:
    triples: set[tuple] = set()
    for cluster in resolution.clusters:
        person = person_iri(cluster)
        triples.add((person, RDF.type, PG.Person))
        triples.add((person, PG.name, Literal(cluster.name)))
        triples.add((person, PG.nameKey, Literal(name_key(cluster.name))))
        for mention in cluster.mentions:
            triples.add((URIRef(mention), PG.mentionOf, person))
        for link in cluster.links:
            node = ID[f"identity-link/{hashlib.sha256(f'{link.a} {link.b}'.encode()).hexdigest()[:16]}"]
            triples.add((person, PG.identityLink, node))
            triples.add((node, RDF.type, PG.IdentityLink))
            triples.add((node, PG.linkedMention, URIRef(link.a)))
            triples.add((node, PG.linkedMention, URIRef(link.b)))
            triples.add((node, PG.linkReason, Literal(link.reason)))
            triples.add((node, PG.linkDetail, Literal(link.detail)))
    return triples


def tenure_triples(tenures: list[Tenure]) -> set[tuple]:
    by_key = {t.key: t for t in tenures}
    triples: set[tuple] = set()
    for tenure in tenures:
        node = tenure_iri(tenure)
        triples.add((node, RDF.type, PG.Tenure))
        triples.add((node, PG.holder, URIRef(tenure.person)))
        triples.add((node, PG.post, URIRef(tenure.post)))
        triples.add((node, PG.firstEvidence, Literal(tenure.first.isoformat(), datatype=XSD.date)))
        triples.add((node, PG.lastEvidence, Literal(tenure.last.isoformat(), datatype=XSD.date)))
        triples.add((node, PG.openedByElection, Literal(tenure.opened_by_election)))
        for attestation in tenure.attestations:
            triples.add((node, PG.attestedBy, URIRef(attestation)))
        if tenure.successor is not None and tenure.successor in by_key:
            following = tenure_iri(by_key[tenure.successor])
            triples.add((node, PG.successor, following))
            triples.add((following, PG.predecessor, node))
    return triples


def update_identities(store: GraphStore, overrides_path: Path | None = None) -> Resolution:
    """Resolve and write the identity and tenure graphs (each replaced in one transaction)."""
    overrides = load_overrides(overrides_path) if overrides_path is not None else None
    resolution = resolve(store, overrides)
    store.replace_graph(IDENTITY_GRAPH, identity_triples(resolution))
    store.replace_graph(TENURE_GRAPH, tenure_triples(resolution.tenures))
    return resolution


def explain_person(resolution: Resolution, person: str) -> list[str] | None:
    """Why a person's mentions are one person; ``person`` is an IRI, its last segment or a name."""
    wanted = person.rstrip("/").rsplit("/", 1)[-1]
    found = [c for c in resolution.clusters
             if c.key == wanted or str(person_iri(c)) == person or name_key(c.name) == name_key(person)]
    if not found:
        return None
    lines: list[str] = []
    for cluster in found:
        reports = sorted({resolution.mentions[m].report for m in cluster.mentions})
        lines.append(f"{cluster.name} <{person_iri(cluster)}>: {len(cluster.mentions)} mention(s) "
                     f"in {', '.join(reports)}")
        lines.extend(f"  {line}" for line in explain(cluster, resolution.mentions))
    return lines
