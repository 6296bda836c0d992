"""The Accept parser, table-driven: q-values, wildcards, specificity and the server's order."""

import pytest

from polgraph.server.formats import GRAPH_FORMATS, RESULT_FORMATS
from polgraph.server.negotiation import choose, parse_accept

RESULTS = list(RESULT_FORMATS)
GRAPHS = list(GRAPH_FORMATS)

CASES = [
    # header, offers, expected
    (None, RESULTS, "application/sparql-results+json"),
    ("", RESULTS, "application/sparql-results+json"),
    ("*/*", RESULTS, "application/sparql-results+json"),
    ("*/*", GRAPHS, "text/turtle"),
    ("text/csv", RESULTS, "text/csv"),
    ("text/tab-separated-values", RESULTS, "text/tab-separated-values"),
    ("application/sparql-results+xml", RESULTS, "application/sparql-results+xml"),
    (
        "application/sparql-results+xml;q=0.5, application/sparql-results+json",
        RESULTS,
        "application/sparql-results+json",
    ),
    ("application/sparql-results+json;q=0.2, text/csv;q=0.9", RESULTS, "text/csv"),
    ("text/*", RESULTS, "text/csv"),
    ("text/*;q=0.5, */*;q=0.1", GRAPHS, "text/turtle"),
    ("text/*, text/csv;q=0", RESULTS, "text/tab-separated-values"),  # the specific range wins
    ("*/*;q=0.1, application/ld+json", GRAPHS, "application/ld+json"),
    ("application/n-triples;q=1, text/turtle;q=1", GRAPHS, "text/turtle"),  # tie: server order
    ("application/rdf+xml, application/xml;q=0.9", GRAPHS, "application/rdf+xml"),
    ("image/png", RESULTS, None),
    ("text/csv;q=0", RESULTS, None),
    ("text/csv; charset=utf-8", RESULTS, "text/csv"),
    ("TEXT/CSV", RESULTS, "text/csv"),
    ("garbage, text/csv", RESULTS, "text/csv"),  # a malformed range is skipped
    (
        "text/csv;q=abc, application/sparql-results+xml;q=0.1",
        RESULTS,
        "application/sparql-results+xml",
    ),  # an unreadable q counts as 0
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", RESULTS, "application/xml"),
    ("application/sparql-results+json", GRAPHS, None),
]


@pytest.mark.parametrize(("header", "offers", "expected"), CASES)
def test_choose(header, offers, expected):
    assert choose(header, offers) == expected


def test_parse_accept_reads_q_and_parameters():
    ranges = parse_accept('text/csv;charset="utf-8";q=0.7, */*;q=0.1')
    assert [(r.type, r.subtype, r.q) for r in ranges] == [("text", "csv", 0.7), ("*", "*", 0.1)]
    assert ranges[0].params == (("charset", "utf-8"),)
    assert ranges[0].specificity > ranges[1].specificity
