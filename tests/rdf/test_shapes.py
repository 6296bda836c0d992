"""The shapes accept a valid report graph and reject hand-broken ones with the right words."""

import pytest
from conftest import RESOURCES
from rdflib import Graph, URIRef

PREFIXES = """
@prefix pg:   <https://w3id.org/polgraph/ontology#> .
@prefix id:   <https://w3id.org/polgraph/id/> .
@prefix act:  <https://w3id.org/polgraph/vocab/act/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix oa:   <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""


def base() -> Graph:
    return Graph().parse(RESOURCES / "shapes" / "base.ttl")


def edited(remove: str = "", add: str = "") -> Graph:
    graph = base()
    for triple in Graph().parse(data=PREFIXES + remove, format="turtle"):
        assert triple in graph, f"test bug: {triple} is not in the base graph"
        graph.remove(triple)
    graph += Graph().parse(data=PREFIXES + add, format="turtle")
    return graph


def test_the_base_graph_conforms(validator):
    report = validator.validate(base())
    assert report.conforms, report.violations


# (case, what to remove, what to add, the message the violation must carry)
BROKEN = [
    (
        "missing person",
        "<https://w3id.org/polgraph/id/attestation/a1> pg:person <https://w3id.org/polgraph/id/person/p1> .",
        "",
        "A role attestation must name exactly one person.",
    ),
    (
        "two persons",
        "",
        '<https://w3id.org/polgraph/id/attestation/a1> pg:person <https://w3id.org/polgraph/id/person/p2> . <https://w3id.org/polgraph/id/person/p2> a pg:PersonMention ; pg:name "Lê Văn A" ; pg:nameKey "lê văn a" .',
        "A role attestation must name exactly one person.",
    ),
    (
        "two events on one attestation",
        "",
        '<https://w3id.org/polgraph/id/attestation/a1> pg:event <https://w3id.org/polgraph/id/event/e2> . <https://w3id.org/polgraph/id/event/e2> a pg:Congress ; rdfs:label "Đại hội" ; pg:source <https://w3id.org/polgraph/id/report/r1> .',
        "A role attestation must belong to exactly one event.",
    ),
    (
        "event of the wrong class",
        "<https://w3id.org/polgraph/id/attestation/a1> pg:event <https://w3id.org/polgraph/id/event/e1> .",
        "<https://w3id.org/polgraph/id/attestation/a1> pg:event <https://w3id.org/polgraph/id/person/p1> .",
        "A role attestation must belong to exactly one event.",
    ),
    (
        "no source",
        "<https://w3id.org/polgraph/id/attestation/a1> pg:source <https://w3id.org/polgraph/id/report/r1> .",
        "",
        "A role attestation must cite exactly one source report.",
    ),
    (
        "bad date",
        '<https://w3id.org/polgraph/id/event/e1> pg:date "2023-05-16"^^xsd:date .',
        '<https://w3id.org/polgraph/id/event/e1> pg:date "2023-02-30"^^xsd:date .',
        "it must be a real calendar date",
    ),
    (
        "date as plain text",
        '<https://w3id.org/polgraph/id/event/e1> pg:date "2023-05-16"^^xsd:date .',
        '<https://w3id.org/polgraph/id/event/e1> pg:date "16/5/2023" .',
        "it must be a real calendar date",
    ),
    (
        "empty name",
        '<https://w3id.org/polgraph/id/person/p1> pg:name "Võ Nam" .',
        '<https://w3id.org/polgraph/id/person/p1> pg:name "" .',
        "A person must have exactly one non-empty name.",
    ),
    (
        "blank name",
        '<https://w3id.org/polgraph/id/person/p1> pg:name "Võ Nam" .',
        '<https://w3id.org/polgraph/id/person/p1> pg:name "   " .',
        "A person must have exactly one non-empty name.",
    ),
    (
        "unknown act",
        "",
        "<https://w3id.org/polgraph/id/participation/pa1> pg:act act:danced .",
        "An act must be one of",
    ),
    (
        "span ends before it starts",
        '<https://w3id.org/polgraph/id/report/r1#span-21-37> oa:end "37"^^xsd:integer .',
        '<https://w3id.org/polgraph/id/report/r1#span-21-37> oa:end "3"^^xsd:integer .',
        "A span has exactly one start, before its end.",
    ),
    (
        "post in a person",
        "<https://w3id.org/polgraph/id/post/ubnd/chu-tich> org:postIn <https://w3id.org/polgraph/id/org/ubnd> .",
        "<https://w3id.org/polgraph/id/post/ubnd/chu-tich> org:postIn <https://w3id.org/polgraph/id/person/p1> .",
        "A post belongs to at most one organisation.",
    ),
    (
        "malformed text hash",
        '<https://w3id.org/polgraph/id/report/r1> pg:textHash "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0" .',
        '<https://w3id.org/polgraph/id/report/r1> pg:textHash "abc" .',
        "SHA-256",
    ),
]


@pytest.mark.parametrize(
    ("remove", "add", "message"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_broken_graphs_are_rejected_with_a_plain_message(validator, remove, add, message):
    report = validator.validate(edited(remove, add))
    assert not report.conforms
    assert any(message in v.message for v in report.violations), [str(v) for v in report.violations]


DOUBTFUL = [
    (
        "no date",
        '<https://w3id.org/polgraph/id/event/e1> pg:date "2023-05-16"^^xsd:date .',
        "",
        "The event has no date",
    ),
    (
        "date in 1900",
        '<https://w3id.org/polgraph/id/event/e1> pg:date "2023-05-16"^^xsd:date .',
        '<https://w3id.org/polgraph/id/event/e1> pg:date "1900-01-01"^^xsd:date .',
        "before 1945 or after 2100",
    ),
    (
        "name with digits",
        '<https://w3id.org/polgraph/id/person/p1> pg:name "Võ Nam" .',
        '<https://w3id.org/polgraph/id/person/p1> pg:name "Võ Nam 2" .',
        "contains digits",
    ),
    (
        "unknown title",
        "",
        "<https://w3id.org/polgraph/id/post/ubnd/chu-tich> pg:postType <https://w3id.org/polgraph/vocab/post/no-such-title> .",
        "not in the posts vocabulary",
    ),
]


@pytest.mark.parametrize(
    ("remove", "add", "message"),
    [case[1:] for case in DOUBTFUL],
    ids=[case[0] for case in DOUBTFUL],
)
def test_doubtful_facts_are_warnings_not_rejections(validator, remove, add, message):
    report = validator.validate(edited(remove, add))
    assert report.conforms, [str(v) for v in report.violations]
    assert any(message in w.message and w.severity == "Warning" for w in report.warnings), (
        report.warnings
    )


def test_context_from_the_store_satisfies_class_checks(validator):
    """A report may point at a person described in another graph: one hop of context suffices."""
    graph = base()
    person = URIRef("https://w3id.org/polgraph/id/person/p1")
    person_triples = list(graph.triples((person, None, None)))
    for triple in person_triples:
        graph.remove(triple)
    assert not validator.validate(graph).conforms
    assert validator.validate(graph, context=person_triples).conforms
