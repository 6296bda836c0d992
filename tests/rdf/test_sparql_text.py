"""polgraph's SPARQL as a SPARQL 1.1 service takes it."""

from __future__ import annotations

import re

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
