import io

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from polgraph.errors import StoreError
from polgraph.store import GraphChange, OxigraphStore, ReplaceOutcome, open_store
from polgraph.store.layout import PENDING_GRAPH

G = URIRef("https://w3id.org/polgraph/id/report/test")
S = URIRef("https://w3id.org/polgraph/id/person/x")
P = URIRef("https://w3id.org/polgraph/ontology#name")


def graph(*names: str) -> Graph:
    g = Graph()
    for name in names:
        g.add((S, P, Literal(name)))
    return g


def test_replace_reports_added_unchanged_replaced(store):
    assert store.replace_graph(G, graph("A")) is ReplaceOutcome.ADDED
    assert store.replace_graph(G, graph("A")) is ReplaceOutcome.UNCHANGED
    assert store.replace_graph(G, graph("B")) is ReplaceOutcome.REPLACED
    values = {t[2].toPython() for t in store.describe([S])}
    assert values == {"B"}


def test_a_failed_replace_leaves_the_old_graph_whole(store):
    store.replace_graph(G, graph("A", "B"))
    broken = graph("C")
    broken.add((URIRef("not an iri"), P, Literal("D")))
    with pytest.raises((StoreError, ValueError)):
        store.replace_graph(G, broken)
    assert {t[2].toPython() for t in store.describe([S])} == {"A", "B"}


def test_queries_see_the_union_of_graphs(store):
    other = URIRef("https://w3id.org/polgraph/id/report/other")
    store.replace_graph(G, graph("A"))
    store.replace_graph(other, graph("B"))
    rows = store.query("SELECT ?n WHERE { ?s <https://w3id.org/polgraph/ontology#name> ?n }")
    assert sorted(r["n"].value for r in rows) == ["A", "B"]
    assert store.remove_graph(other)
    assert not store.remove_graph(other)
    assert store.report_graphs() == [str(G)]


def test_an_answer_may_hold_blank_nodes(store):
    described = graph("A")
    span = BNode()
    described.add((S, URIRef("https://w3id.org/polgraph/ontology#evidence"), span))
    described.add((span, P, Literal("from 3 to 9")))
    store.replace_graph(G, described)
    rows = list(store.query(f"SELECT ?span ?n WHERE {{ ?span <{P}> ?n FILTER isBlank(?span) }}"))
    assert [type(row["span"]) for row in rows] == [ox.BlankNode]
    assert rows[0]["n"].value == "from 3 to 9"


def test_on_disk_store_keeps_graphs_across_openings(tmp_path):
    path = tmp_path / "store"
    first = OxigraphStore(path)
    first.replace_graph(G, graph("A"))
    first.close()
    second = open_store(path, read_only=True)
    assert second.has_graph(G)
    assert second.stats().reports == 1
    buffer = io.BytesIO()
    second.dump(buffer, "nq")
    assert b'"A"' in buffer.getvalue()


def test_opening_a_missing_store_read_only_says_so(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "absent", read_only=True)


def test_a_store_in_use_is_named_as_such(tmp_path):
    first = OxigraphStore(tmp_path / "store")
    with pytest.raises(StoreError, match="in use by another process"):
        OxigraphStore(tmp_path / "store")
    first.close()


def test_a_change_to_several_graphs_is_made_whole_or_not_at_all(store):
    other = URIRef("https://w3id.org/polgraph/id/report/other")
    gone = URIRef("https://w3id.org/polgraph/id/report/gone")
    store.replace_graph(G, graph("A"))
    store.replace_graph(gone, graph("Z"))
    outcomes = store.apply(
        GraphChange(
            put={G: graph("B"), other: graph("C"), gone: ()}, add={G: {(S, P, Literal("E"))}}
        )
    )
    assert outcomes == {
        G: ReplaceOutcome.REPLACED,
        other: ReplaceOutcome.ADDED,
        gone: ReplaceOutcome.REPLACED,
    }
    assert {str(o) for _, _, o in store.graph_triples(G)} == {"B", "E"}
    assert not store.has_graph(gone)
    assert store.apply(GraphChange(put={other: graph("C")})) == {other: ReplaceOutcome.UNCHANGED}
    broken = GraphChange(
        put={G: graph("X")},
        remove={other: {(S, P, Literal("C"))}},
        add={gone: {(URIRef("not an iri"), P, Literal("D"))}},
    )
    with pytest.raises((StoreError, ValueError)):
        store.apply(broken)
    assert {str(o) for _, _, o in store.graph_triples(G)} == {"B", "E"}
    assert {str(o) for _, _, o in store.graph_triples(other)} == {"C"}


def test_a_replacement_writes_only_the_difference_and_leaves_exactly_the_new_graph(store):
    from rdflib import BNode

    other = URIRef("https://w3id.org/polgraph/id/report/other")
    store.replace_graph(other, graph("kept elsewhere"))
    store.replace_graph(G, graph("A", "B", "C"))
    assert store.replace_graph(G, graph("B", "C", "D")) is ReplaceOutcome.REPLACED
    assert {str(o) for _, _, o in store.graph_triples(G)} == {"B", "C", "D"}
    assert {str(o) for _, _, o in store.graph_triples(other)} == {"kept elsewhere"}
    # Blank nodes cannot be deleted by name: such a graph is rewritten whole, still exactly.
    blank = graph("E")
    blank.add((BNode(), P, Literal("F")))
    store.replace_graph(G, blank)
    store.replace_graph(G, graph("G"))
    assert {str(o) for _, _, o in store.graph_triples(G)} == {"G"}


def _archive_like_change(old: OxigraphStore) -> GraphChange:
    """A resolution's kind of change: graphs added, replaced, emptied, a blank-node graph
    rewritten, pending triples recorded and others cleared, one both (the insert wins)."""
    from rdflib import BNode

    blank = graph("old")
    blank.add((BNode(), P, Literal("blank")))
    for name, content in {
        G: graph("A", "B"),
        URIRef(f"{G}/emptied"): graph("E"),
        URIRef(f"{G}/blank"): blank,
    }.items():
        old.replace_graph(name, content)
    old.apply(GraphChange(add={PENDING_GRAPH: {(S, P, Literal(f"p{i}")) for i in range(3)}}))
    fresh = {URIRef(f"{G}/new/{i}"): graph(f"n{i}", f"m{i}") for i in range(20)}
    return GraphChange(
        put={G: graph("B", "C"), URIRef(f"{G}/emptied"): (), URIRef(f"{G}/blank"): graph("new")}
        | fresh,
        add={PENDING_GRAPH: {(S, P, Literal("p2")), (S, P, Literal("p9"))}},
        remove={
            PENDING_GRAPH: {(S, P, Literal("p0")), (S, P, Literal("p1")), (S, P, Literal("p2"))}
        },
    )


def _quads(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store._store.quads_for_pattern(None, None, None, None)}


def test_a_change_too_large_for_one_update_ends_as_one_update_ends_it(monkeypatch):
    from polgraph.store import oxigraph

    whole = OxigraphStore(None)
    whole_outcomes = whole.apply(_archive_like_change(whole))
    monkeypatch.setattr(oxigraph, "_ONE_UPDATE", 5)  # so that this change is written in steps
    stepped = OxigraphStore(None)
    stepped_outcomes = stepped.apply(_archive_like_change(stepped))
    assert stepped_outcomes == whole_outcomes
    assert _quads(stepped) == _quads(whole)
    pending = {str(o) for _, _, o in stepped.graph_triples(PENDING_GRAPH)}
    assert pending == {"p2", "p9"}
    assert not stepped.has_graph(URIRef(f"{G}/emptied"))


class _FailingUpdates:
    """A pyoxigraph store whose SPARQL updates fail, as a crash between two steps would."""

    def __init__(self, store) -> None:
        self._store = store

    def update(self, text: str) -> None:
        raise OSError("the disk went away")

    def __getattr__(self, name: str):
        return getattr(self._store, name)


def test_a_change_in_steps_that_stops_midway_loses_nothing_pending(monkeypatch):
    from polgraph.store import oxigraph

    monkeypatch.setattr(oxigraph, "_ONE_UPDATE", 5)
    store = OxigraphStore(None)
    change = _archive_like_change(store)
    real = store._store
    store._store = _FailingUpdates(real)
    with pytest.raises(StoreError, match="the disk went away"):
        store.apply(change)
    store._store = real
    # The new graphs are in, and what was pending still is: the next resolution does it again.
    pending = {str(o) for _, _, o in store.graph_triples(PENDING_GRAPH)}
    assert pending == {"p0", "p1", "p2", "p9"}
    assert store.has_graph(URIRef(f"{G}/new/19"))
    assert {str(o) for _, _, o in store.graph_triples(G)} >= {"B", "C"}
