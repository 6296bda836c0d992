"""Graphs packed for sending between processes come back as the same rdflib terms."""

import datetime as dt
import pickle

from conftest import SEED_YAML
from rdflib import BNode, Literal, URIRef

from polgraph.extract.structured import load_structured
from polgraph.pipeline.packing import (
    Unpacker,
    pack_graphs,
    pack_report,
    unpack_graphs,
    unpack_report,
)
from polgraph.rdf.mapping import map_extraction

EX = "https://example.org/"


def test_a_report_graph_comes_back_equal(vocabulary):
    report = map_extraction(load_structured(SEED_YAML), vocabulary)
    sent = pickle.loads(pickle.dumps(pack_report(report)))
    back = unpack_report(sent, Unpacker())

    assert back.iri == report.iri
    assert back.own == report.own
    assert back.shared == report.shared
    assert (back.key, back.digest) == (report.key, report.digest)
    assert back.triples == report.triples


def test_every_kind_of_term_keeps_its_type_language_and_datatype():
    from rdflib.namespace import XSD  # here: pytest's look at a module's names warns on XSD

    s = URIRef(EX + "s")
    terms = [
        URIRef(EX + "o"),
        BNode("b1"),
        Literal("chữ"),
        Literal("chữ", lang="vi"),
        Literal("chữ", datatype=XSD.string),
        Literal(5),
        Literal(dt.date(2023, 5, 16)),
        Literal("2023-02-30", datatype=XSD.date),  # ill-typed: kept as written
        Literal(True),
        Literal("x" * 500),  # long: built again each time, not kept
    ]
    graph = {(s, URIRef(EX + f"p{i}"), term) for i, term in enumerate(terms)}
    unpacker = Unpacker()
    for _ in range(2):  # the second time from what the unpacker kept
        back = unpack_graphs(pickle.loads(pickle.dumps(pack_graphs({s: graph}))), unpacker)[s]
        assert back == graph
        by_predicate = {p: o for _, p, o in back}
        for i, term in enumerate(terms):
            got = by_predicate[URIRef(EX + f"p{i}")]
            assert type(got) is type(term)
            if isinstance(term, Literal):
                assert (got.language, got.datatype, str(got)) == (
                    term.language,
                    term.datatype,
                    str(term),
                )


def test_the_unpacker_keeps_a_bounded_number_of_terms():
    unpacker = Unpacker(limit=10)
    for batch in range(5):
        triples = {(URIRef(f"{EX}s{batch}-{i}"), URIRef(EX + "p"), Literal(i)) for i in range(8)}
        assert unpack_graphs(pack_graphs({URIRef(EX): triples}), unpacker)[URIRef(EX)] == triples
        assert len(unpacker._known) <= 10 + 8 + 2
