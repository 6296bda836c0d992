"""What /sparql answers that a person reads: a query that does not parse is told with its line,
column and fault in words, and a graph comes as Turtle with polgraph's prefixes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.compare import isomorphic

from polgraph.namespaces import PG, PREFIXES
from polgraph.server import create_app
from polgraph.server.formats import GRAPH_PREFIXES
from polgraph.server.syntax_errors import read_syntax_error
from polgraph.settings import Settings

ATTESTATIONS = f"""PREFIX pg: <{PG}>
CONSTRUCT {{ ?a a pg:RoleAttestation ; pg:person ?p ; pg:asWritten ?title }}
WHERE {{ ?a a pg:RoleAttestation ; pg:person ?p ; pg:asWritten ?title }}"""


@pytest.fixture(scope="module")
def client(data_reports_store):
    app = create_app(Settings(query_workers=1), data_reports_store())
    with TestClient(app) as running:
        yield running


def _syntax_error_of(client, query: str) -> dict:
    answer = client.post("/sparql", data={"query": query})
    assert answer.status_code == 400
    return answer.json()


def test_a_query_that_does_not_parse_is_told_where_and_what(client):
    query = "CONSTRUCT WHERE {\n  ?s ?p ?o\n  FILTER (?o > 1)\n}"
    body = _syntax_error_of(client, query)
    assert body["error"] == "query syntax"
    assert (body["line"], body["column"]) == (3, 3)
    first, excerpt, caret = body["detail"].split("\n")
    assert first == "line 3, column 3: unexpected 'FILTER'; expected one of ',', '.', ';', '}'"
    assert excerpt == "3:   FILTER (?o > 1)"
    assert caret == " " * len("3:   ") + "^"  # under column 3


def test_the_parsers_internals_are_left_out_of_its_expected_tokens(client):
    body = _syntax_error_of(client, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER (?o > )\n}")
    assert "expected one of ABS, AVG" in body["detail"]
    assert "[_]" not in body["detail"] and "\\u{" not in body["detail"]


def test_an_undeclared_prefix_is_named_with_the_namespace_polgraph_gives_it(client):
    body = _syntax_error_of(client, "SELECT * WHERE {\n  ?s a pg:Person ; foo:bar ?o\n}")
    assert (body["line"], body["column"]) == (2, 8)
    assert body["detail"].startswith(
        f"line 2, column 8: the prefix 'pg:' is not declared: add PREFIX pg: <{PG}> at the top"
    )


def test_the_parsers_own_words_are_preferred_to_a_list_of_tokens(client):
    body = _syntax_error_of(client, "SELECT ?x WHERE { ?x a ?y } GROUP BY ?y")
    assert body["detail"].startswith("line 1, column ")
    assert "the SELECT contains a variable that is unbound" in body["detail"]
    bad_iri = _syntax_error_of(client, "SELECT * WHERE { ?s <http://a b> ?o }")
    assert "is not a valid IRI" in bad_iri["detail"]


def test_a_query_cut_short_is_pointed_at_its_last_word_not_the_empty_line_after(client):
    body = _syntax_error_of(client, "SELECT * WHERE {\n  ?s ?p ?o\n\n\n")
    assert (body["line"], body["column"]) == (2, 11)
    assert "the query ends here; expected one of ',', '.', ';'" in body["detail"]


def test_an_update_that_does_not_parse_is_told_the_same_way(data_reports_store):
    settings = Settings(query_workers=1, write_token="secret")
    with TestClient(create_app(settings, data_reports_store())) as writer:
        answer = writer.post(
            "/update",
            content="INSERT DATA {\n  <urn:x:a> <urn:x:b> \n}",
            headers={
                "Authorization": "Bearer secret",
                "Content-Type": "application/sparql-update",
            },
        )
    assert answer.status_code == 400
    body = answer.json()
    assert body["error"] == "update syntax" and (body["line"], body["column"]) == (3, 1)
    assert body["detail"].startswith("line 3, column 1: unexpected '}'")


def test_a_message_with_no_position_is_passed_on_as_it_is():
    assert read_syntax_error("Virtuoso 37000 Error SP030: syntax error", "SELECT") is None


def test_construct_comes_as_turtle_with_polgraphs_prefixes(client):
    turtle = client.post("/sparql", data={"query": ATTESTATIONS}, headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"] == "text/turtle"
    text = turtle.text
    assert f"@prefix pg: <{PG}> ." in text
    assert "pg:RoleAttestation" in text and f"<{PG}RoleAttestation>" not in text
    # The data's own names hold slashes: written whole, not escaped behind a prefix.
    assert "@prefix id:" not in text and "id:" not in GRAPH_PREFIXES
    triples = client.post(
        "/sparql", data={"query": ATTESTATIONS}, headers={"Accept": "application/n-triples"}
    )
    expected = Graph().parse(data=triples.text, format="nt")
    assert len(expected) > 20
    assert isomorphic(Graph().parse(data=text, format="turtle"), expected)


def test_trig_has_the_prefixes_and_the_line_formats_do_not(client):
    trig = client.post(
        "/sparql", data={"query": ATTESTATIONS}, headers={"Accept": "application/trig"}
    )
    assert f"@prefix pg: <{PG}> ." in trig.text
    for line_format in ("application/n-triples", "application/n-quads"):
        lines = client.post(
            "/sparql", data={"query": ATTESTATIONS}, headers={"Accept": line_format}
        )
        assert "@prefix" not in lines.text and f"<{PG}RoleAttestation>" in lines.text
    assert set(GRAPH_PREFIXES) == set(PREFIXES) - {"id"}
