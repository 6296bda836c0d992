"""Popolo (https://www.popoloproject.com/) interchange: persons, organizations, posts,
memberships and events.

Popolo persons are the persons resolved across reports (``pg:Person``). A role attestation
becomes a Popolo membership of that person whose start and end date are the event's date, with
the event and the report kept as ``event_id`` and ``sources``; reading the Popolo document back
gives the same RDF for everything Popolo can carry, each membership's person named in its report
by a mention of its own.
"""

from __future__ import annotations

import hashlib
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, XSD

from polgraph.namespaces import PG
from polgraph.store.base import QueriedStore
from polgraph.text.normalise import name_key
from polgraph.vocab import Vocabulary

_PERSONS = """
PREFIX pg: <https://w3id.org/polgraph/ontology#>
SELECT DISTINCT ?id ?name ?gender WHERE {
  ?id a pg:Person ; pg:name ?name . OPTIONAL { ?id pg:gender ?gender } }
ORDER BY ?id"""
_ORGS = """
PREFIX pg: <https://w3id.org/polgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?id ?name (SAMPLE(?class) AS ?classification) (SAMPLE(?parent) AS ?parent_id)
WHERE {
  ?id a pg:Organization ; rdfs:label ?name .
  OPTIONAL { ?id a ?class . FILTER (?class != pg:Organization && STRSTARTS(STR(?class), STR(pg:))) }
  OPTIONAL { ?id org:subOrganizationOf ?parent }
} GROUP BY ?id ?name ORDER BY ?id"""
_POSTS = """
PREFIX pg: <https://w3id.org/polgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?id ?label ?role ?organization_id WHERE {
  ?id a pg:Post ; rdfs:label ?label ; pg:postTitle ?role .
  OPTIONAL { ?id org:postIn ?organization_id }
} ORDER BY ?id"""
_MEMBERSHIPS = """
PREFIX pg: <https://w3id.org/polgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?id ?person_id ?post_id ?organization_id ?role ?event_id ?date ?source ?as_written
WHERE {
  ?id a pg:RoleAttestation ; pg:person ?mention ; pg:post ?post_id ; pg:event ?event_id ;
      pg:source ?source .
  ?mention pg:mentionOf ?person_id .
  ?post_id pg:postTitle ?role .
  OPTIONAL { ?post_id org:postIn ?organization_id }
  OPTIONAL { ?event_id pg:date ?date }
  OPTIONAL { ?id pg:asWritten ?as_written }
} ORDER BY ?id"""
_EVENTS = """
PREFIX pg: <https://w3id.org/polgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?id ?name ?classification ?start_date ?end_date ?organization_id ?source WHERE {
  ?id pg:source ?source ; rdfs:label ?name ; a ?class . ?class pg:kindCode ?classification .
  OPTIONAL { ?id pg:date ?start_date } OPTIONAL { ?id pg:endDate ?end_date }
  OPTIONAL { ?id pg:organiser ?organization_id }
} ORDER BY ?id"""


def _select(store: QueriedStore, query: str) -> list[dict[str, str]]:
    results = store.query(query)
    names = [v.value for v in results.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in results]


def to_popolo(store: QueriedStore) -> dict[str, Any]:
    """The store's people, bodies, posts, attestations and events as one Popolo document."""
    persons = _select(store, _PERSONS)
    organizations = _select(store, _ORGS)
    for org in organizations:
        if "classification" in org:
            org["classification"] = org["classification"].rsplit("#", 1)[-1]
    posts = _select(store, _POSTS)
    memberships = []
    for row in _select(store, _MEMBERSHIPS):
        membership: dict[str, Any] = {
            k: row[k]
            for k in ("id", "person_id", "post_id", "organization_id", "role", "event_id")
            if k in row
        }
        if "date" in row:
            membership["start_date"] = membership["end_date"] = row["date"]
        if "as_written" in row:
            membership["label"] = row["as_written"]
        membership["sources"] = [{"url": row["source"]}]
        memberships.append(membership)
    events = []
    for row in _select(store, _EVENTS):
        source = row.pop("source")
        events.append({**row, "sources": [{"url": source}]})
    return {
        "persons": persons,
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
        "events": events,
    }


def _mention(g: Graph, membership: dict[str, Any], names: dict[str, str]) -> URIRef:
    """The person as the membership's report names them: one mention per person and report."""
    person = membership["person_id"]
    source = next((s["url"] for s in membership.get("sources", [])), "")
    node = URIRef(f"{person}/mention-{hashlib.sha256(source.encode()).hexdigest()[:12]}")
    g.add((node, RDF.type, PG.PersonMention))
    g.add((node, PG.mentionOf, URIRef(person)))
    if person in names:
        g.add((node, PG.name, Literal(names[person])))
        g.add((node, PG.nameKey, Literal(name_key(names[person]))))
    return node


def from_popolo(document: dict[str, Any], vocabulary: Vocabulary) -> Graph:
    """The RDF a Popolo document stands for, in the polgraph ontology."""
    g = Graph()
    names = {p["id"]: p["name"] for p in document.get("persons", [])}
    for p in document.get("persons", []):
        node = URIRef(p["id"])
        g.add((node, RDF.type, PG.Person))
        g.add((node, PG.name, Literal(p["name"])))
        g.add((node, PG.nameKey, Literal(name_key(p["name"]))))
        if p.get("gender"):
            g.add((node, PG.gender, Literal(p["gender"])))
    for o in document.get("organizations", []):
        node = URIRef(o["id"])
        g.add((node, RDF.type, PG.Organization))
        g.add((node, RDFS.label, Literal(o["name"])))
        if o.get("classification"):
            g.add((node, RDF.type, PG[o["classification"]]))
        if o.get("parent_id"):
            g.add((node, ORG.subOrganizationOf, URIRef(o["parent_id"])))
    for p in document.get("posts", []):
        node = URIRef(p["id"])
        g.add((node, RDF.type, PG.Post))
        g.add((node, RDFS.label, Literal(p["label"])))
        g.add((node, PG.postTitle, Literal(p["role"])))
        if p.get("organization_id"):
            g.add((node, ORG.postIn, URIRef(p["organization_id"])))
    for m in document.get("memberships", []):
        node = URIRef(m["id"])
        g.add((node, RDF.type, PG.RoleAttestation))
        g.add((node, PG.person, _mention(g, m, names)))
        g.add((node, PG.post, URIRef(m["post_id"])))
        g.add((node, PG.event, URIRef(m["event_id"])))
        for source in m.get("sources", []):
            g.add((node, PG.source, URIRef(source["url"])))
        if m.get("label"):
            g.add((node, PG.asWritten, Literal(m["label"])))
    for e in document.get("events", []):
        node = URIRef(e["id"])
        g.add((node, RDF.type, vocabulary.event_classes.get(e["classification"], PG.Event)))
        g.add((node, RDFS.label, Literal(e["name"])))
        for key, prop in (("start_date", PG.date), ("end_date", PG.endDate)):
            if e.get(key):
                g.add((node, prop, Literal(e[key], datatype=XSD.date)))
        if e.get("organization_id"):
            g.add((node, PG.organiser, URIRef(e["organization_id"])))
        for source in e.get("sources", []):
            g.add((node, PG.source, URIRef(source["url"])))
    return g
