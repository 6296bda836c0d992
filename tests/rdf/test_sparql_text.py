"""polgraph's SPARQL as a SPARQL 1.1 service takes it."""

from __future__ import annotations

import re

import pyoxigraph as ox

from polgraph.rdf.sparql_text import without_lateral


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_a_lateral_optional_becomes_the_optional():
    text = "SELECT * WHERE { ?s ?p ?o . LATERAL { OPTIONAL { ?o <urn:x:label> ?label } } }"
    assert _spaced(without_lateral(text)) == (
        "SELECT * WHERE { ?s ?p ?o . OPTIONAL { ?o <urn:x:label> ?label } }"
    )


def test_any_other_lateral_group_is_joined_as_a_group():
    text = "SELECT * WHERE { ?s ?p ?o . LATERAL { ?o <urn:x:a> ?a . ?a <urn:x:b> ?b . } }"
    assert _spaced(without_lateral(text)) == (
        "SELECT * WHERE { ?s ?p ?o . { ?o <urn:x:a> ?a . ?a <urn:x:b> ?b . } }"
    )


def test_a_lateral_within_a_lateral_goes_too():
    text = (
        "SELECT * WHERE { ?s ?p ?o . LATERAL { OPTIONAL { ?o <urn:x:a> ?a . "
        "LATERAL { OPTIONAL { ?a <urn:x:b> ?b } } } } }"
    )
    plain = without_lateral(text)
    assert "LATERAL" not in plain
    assert _spaced(plain) == (
        "SELECT * WHERE { ?s ?p ?o . OPTIONAL { ?o <urn:x:a> ?a . OPTIONAL { ?a <urn:x:b> ?b } } }"
    )


def test_a_text_without_lateral_is_left_as_it_is():
    text = 'SELECT * WHERE { ?s ?p "LATERAL" }'
    assert without_lateral(text) == text


def test_a_lateral_holding_a_filter_alone_becomes_the_filter():
    exists = "SELECT * WHERE { ?s ?p ?o . LATERAL { FILTER EXISTS { ?o <urn:x:up>* ?s } } }"
    assert _spaced(without_lateral(exists)) == (
        "SELECT * WHERE { ?s ?p ?o . FILTER EXISTS { ?o <urn:x:up>* ?s } }"
    )
    negated = "SELECT * WHERE { ?s ?p ?o LATERAL { FILTER NOT EXISTS { ?o ?q ?s } } }"
    assert _spaced(without_lateral(negated)) == (
        "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { ?o ?q ?s } }"
    )
    test = "SELECT * WHERE { ?s ?p ?o LATERAL { FILTER (?o = ?s || EXISTS { ?o ?q ?s }) } }"
    assert _spaced(without_lateral(test)) == (
        "SELECT * WHERE { ?s ?p ?o FILTER (?o = ?s || EXISTS { ?o ?q ?s }) }"
    )


def test_a_lateral_with_more_than_a_filter_stays_a_group():
    text = "SELECT * WHERE { ?s ?p ?o LATERAL { FILTER (?o != ?s) ?o ?q ?r } }"
    assert _spaced(without_lateral(text)) == (
        "SELECT * WHERE { ?s ?p ?o { FILTER (?o != ?s) ?o ?q ?r } }"
    )
    two = "SELECT * WHERE { ?s ?p ?o LATERAL { FILTER EXISTS { ?o ?q ?s } FILTER (?o != ?s) } }"
    assert _spaced(without_lateral(two)).startswith("SELECT * WHERE { ?s ?p ?o { FILTER EXISTS")


def test_a_lone_filter_answers_the_same_rows_both_ways():
    store = ox.Store()
    up = ox.NamedNode("urn:x:up")
    chain = [ox.NamedNode(f"urn:x:n{i}") for i in range(4)]
    for lower, upper in zip(chain[1:], chain, strict=False):
        store.add(ox.Quad(lower, up, upper))
    store.add(ox.Quad(ox.NamedNode("urn:x:apart"), up, ox.NamedNode("urn:x:elsewhere")))
    text = (
        "SELECT ?n WHERE { VALUES ?top { <urn:x:n1> } ?n <urn:x:up> ?any . "
        "LATERAL { FILTER (?n = ?top || EXISTS { ?n <urn:x:up>+ ?top }) } } ORDER BY ?n"
    )
    lateral = [row["n"].value for row in store.query(text)]
    assert lateral == ["urn:x:n1", "urn:x:n2", "urn:x:n3"]
    assert [row["n"].value for row in store.query(without_lateral(text))] == lateral
