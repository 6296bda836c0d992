"""RDF → Popolo → RDF keeps people, bodies, posts, attestations and events."""

import json

from conftest import RESOURCES, SEED_YAML, stored_quads
from rdflib import Graph
from rdflib.namespace import ORG, RDF, RDFS

from polgraph.namespaces import PG
from polgraph.query.popolo import from_popolo, to_popolo

# What Popolo carries: every triple of these predicates, and the types it names.
CARRIED = {
    PG.name,
    PG.nameKey,
    PG.gender,
    RDFS.label,
    ORG.subOrganizationOf,
    PG.postTitle,
    ORG.postIn,
    PG.person,
    PG.post,
    PG.event,
    PG.source,
    PG.asWritten,
    PG.date,
    PG.endDate,
    PG.organiser,
}


KINDS = {PG.Person, PG.Organization, PG.Post, PG.RoleAttestation, PG.Event}


def carried(graph: Graph, ancestors) -> set:
    """What Popolo carries, with each attestation naming the person its mention refers to: a
    report's own person node is not a Popolo thing, the person resolved across reports is."""
    person_of = dict(graph.subject_objects(PG.mentionOf))
    nodes = {
        s
        for s, cls in graph.subject_objects(RDF.type)
        if ({cls} | ancestors.get(cls, frozenset())) & KINDS
    }
    return {
        (s, p, person_of.get(o, o) if p == PG.person else o)
        for s in nodes
        for p, o in graph.predicate_objects(s)
        if p in CARRIED
    }


def test_round_trip(pipeline, store, vocabulary):
    pipeline.run([SEED_YAML, RESOURCES / "reports" / "council-session.yaml"])
    stored = Graph()
    for graph, *triple in stored_quads(store):
        if any(part in graph for part in ("/id/", "/graph/identity/", "/graph/shared/")):
            stored.add(tuple(triple))
    document = json.loads(json.dumps(to_popolo(store)))
    assert len(document["persons"]) == 12
    assert {m["role"] for m in document["memberships"]} >= {"Bí thư", "Chủ tịch", "Phó Chủ tịch"}
    back = from_popolo(document, vocabulary)
    ancestors = vocabulary.ancestors()
    assert carried(back, ancestors) == carried(stored, ancestors)
    # Popolo has no mentions: reading it back names
    # each membership's person by a mention of its own.
    own_mentions = set(back.subjects(RDF.type, PG.PersonMention))
    assert {t for t in back.triples((None, RDF.type, None)) if t[0] not in own_mentions} <= set(
        stored.triples((None, RDF.type, None))
    )
