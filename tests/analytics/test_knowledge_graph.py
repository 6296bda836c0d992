"""The network analyses over the sample reports in data/, checked against direct SPARQL counts."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections import defaultdict
from itertools import combinations

import networkx as nx
import pytest
from conftest import ROOT
from sparql_rows import rows

import polgraph
from polgraph.analytics import AnalysisError, KnowledgeGraph, NotFoundError
from polgraph.analytics.export import network_bytes
from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore


@pytest.fixture(scope="module")
def store(vocabulary, validator):
    handle = OxigraphStore(None)
    pipeline = Pipeline(handle, vocabulary, validator)
    pipeline.ensure_model_graphs()
    summary = pipeline.run([ROOT / "data" / "reports"])
    assert not summary.rejected
    return handle


@pytest.fixture(scope="module")
def kg(store):
    return polgraph.open(store)


def participants(store) -> dict[str, set[str]]:
    """Each event's persons, straight from the store."""
    found: dict[str, set[str]] = defaultdict(set)
    for event, person in rows(
        store,
        """SELECT DISTINCT ?event ?person WHERE {
            ?part pg:participant ?mention ; pg:event ?event . ?mention pg:mentionOf ?person }""",
    ):
        found[event].add(person)
    return found


def test_open_takes_a_store_object_or_a_folder(store, tmp_path):
    assert isinstance(polgraph.open(store), KnowledgeGraph)
    folder = tmp_path / "store"
    on_disk = OxigraphStore(folder)
    on_disk.native.extend(store.native)
    on_disk.close()
    with polgraph.open(folder) as kg:
        assert kg.coattendance().number_of_nodes() == len(
            set().union(*participants(store).values())
        )


def test_importing_polgraph_stays_light():
    code = "import sys, polgraph; print('networkx' in sys.modules, 'matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_coattendance_ties_are_the_pairs_at_each_event(store, kg):
    graph = kg.coattendance()
    expected: dict[frozenset, int] = defaultdict(int)
    for members in participants(store).values():
        for a, b in combinations(sorted(members), 2):
            expected[frozenset((a, b))] += 1
    assert {frozenset(e) for e in graph.edges} == set(expected)
    assert all(graph.edges[tuple(pair)]["weight"] == n for pair, n in expected.items())
    assert set(graph) == set().union(*participants(store).values())


def test_nodes_and_edges_read_without_another_query(store, kg):
    graph = kg.coattendance()
    names = dict(rows(store, "SELECT ?p ?name WHERE { ?p a pg:Person ; pg:name ?name }"))
    for node, data in graph.nodes(data=True):
        assert data["name"] == names[node] and data["iri"] == node and data["kind"] == "person"
    posts = rows(
        store,
        """SELECT DISTINCT ?person ?title WHERE {
        ?att pg:person/pg:mentionOf ?person ; pg:post/pg:postTitle ?title }""",
    )
    for person, title in posts:
        assert any(label.startswith(title) for label in graph.nodes[person]["posts"])
    event_labels = dict(
        rows(
            store,
            "SELECT ?e ?l WHERE { ?e a ?k ; pg:source ?s ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }",
        )
    )
    for _, _, data in graph.edges(data=True):
        assert set(data["events"]) <= set(event_labels) and data["first"] <= data["last"]


def test_each_community_is_the_people_of_one_meeting(store, kg):
    # No one in data/ was at two of its events, so each meeting is a clique apart from the rest.
    communities = kg.communities()
    assert {frozenset(m["person"] for m in c["members"]) for c in communities} == {
        frozenset(m) for m in participants(store).values()
    }
    assert len(communities) == len(participants(store))
    assert [c["size"] for c in communities] == sorted(
        (c["size"] for c in communities), reverse=True
    )
    assert all(len(c["place_labels"]) == 1 for c in communities)


def test_centrality_matches_networkx_and_the_store(store, kg):
    records = {r["person"]: r for r in kg.centrality()}
    graph = kg.coattendance()
    eigen = nx.eigenvector_centrality(graph, weight="weight", max_iter=1000, tol=1e-10)
    between = nx.betweenness_centrality(graph)
    sizes = {p: len(m) for m in participants(store).values() for p in m}
    for person, record in records.items():
        assert record["degree"] == sizes[person] - 1
        assert record["weighted_degree"] == sizes[person] - 1  # one shared event per tie
        assert record["eigenvector"] == pytest.approx(eigen[person], abs=1e-6)
        assert record["betweenness"] == pytest.approx(between[person])
    ranked = list(records.values())
    assert [r["weighted_degree"] for r in ranked] == sorted(
        (r["weighted_degree"] for r in ranked), reverse=True
    )
    json.dumps(ranked)  # plain values, ready for an HTTP answer


def test_a_date_window_keeps_the_events_inside_it(store, kg):
    dated = dict(rows(store, "SELECT ?e ?d WHERE { ?e pg:source ?s ; pg:date ?d }"))
    inside = {e for e, d in dated.items() if "2023-05-01" <= d <= "2023-12-31"}
    expected = set().union(*(m for e, m in participants(store).items() if e in inside))
    assert set(kg.coattendance(start="2023-05-01", end="2023-12-31")) == expected
    with pytest.raises(AnalysisError, match="YYYY-MM-DD"):
        kg.coattendance(start="16/05/2023")
    with pytest.raises(AnalysisError, match="empty"):
        kg.coattendance(start="2024-01-01", end="2023-01-01")


def test_an_area_keeps_the_events_held_in_it(store, kg):
    (seed_event,) = [
        e
        for (e,) in rows(
            store, 'SELECT DISTINCT ?e WHERE { ?part pg:event ?e ; pg:source/pg:reportKey "seed" }'
        )
    ]
    expected = participants(store)[seed_event]
    for place in ("xã Cẩm Lộc", "Cẩm Lộc", "huyện Cẩm Xuyên", "18730"):
        assert set(kg.coattendance(place=place)) == expected, place
    with pytest.raises(NotFoundError):
        kg.coattendance(place="xã Không Có")


def same_network(a: nx.Graph, b: nx.Graph) -> bool:
    """The same nodes and ties with the same data (the slice's description, which repeats the
    filters as given, aside)."""
    return dict(a.nodes(data=True)) == dict(b.nodes(data=True)) and {
        frozenset((u, v)): d for u, v, d in a.edges(data=True)
    } == {frozenset((u, v)): d for u, v, d in b.edges(data=True)}


def test_a_place_or_body_typed_without_accents_gives_the_same_network(kg):
    for accented, bare in (
        ("xã Cẩm Lộc", "xa cam loc"),
        ("Cẩm Lộc", "CAM LOC"),
        ("huyện Cẩm Xuyên", "huyen cam xuyen"),
    ):
        expected = kg.coattendance(place=accented)
        assert len(expected) and same_network(kg.coattendance(place=bare), expected), bare
    bodies = kg.person_org(org="UBND xã Cẩm Lộc")
    assert len(bodies) and same_network(kg.person_org(org="ubnd xa cam loc"), bodies)
    with pytest.raises(NotFoundError):  # a letter typed with its marks stands only for itself
        kg.coattendance(place="xã Cấm Lộc")


def test_a_body_keeps_its_events_and_its_posts(store, kg):
    graph = kg.person_org(org="UBND xã Cẩm Lộc")
    holders = {
        p
        for (p,) in rows(
            store,
            """SELECT DISTINCT ?p WHERE {
        ?att pg:person/pg:mentionOf ?p ;
             pg:post/org:postIn/<http://www.w3.org/2000/01/rdf-schema#label>
               "Ủy ban nhân dân xã Cẩm Lộc" }""",
        )
    }
    assert {n for n, d in graph.nodes(data=True) if d["kind"] == "person"} == holders
    assert [d["name"] for _, d in graph.nodes(data=True) if d["kind"] == "organization"] == [
        "Ủy ban nhân dân xã Cẩm Lộc"
    ]


def test_person_org_is_bipartite_by_posts_held(store, kg):
    graph = kg.person_org()
    expected = set(
        rows(
            store,
            """SELECT DISTINCT ?person ?body WHERE {
        ?att pg:person/pg:mentionOf ?person ; pg:post/org:postIn ?body }""",
        )
    )
    assert {
        (p, b) if graph.nodes[p]["kind"] == "person" else (b, p) for p, b in graph.edges
    } == expected
    assert nx.is_bipartite(graph)


def test_cospeaking_ties_persons_who_spoke_at_one_event(store, kg):
    speakers: dict[str, set[str]] = defaultdict(set)
    for event, person in rows(
        store, "SELECT DISTINCT ?e ?p WHERE { ?s pg:speaker/pg:mentionOf ?p ; pg:event ?e }"
    ):
        speakers[event].add(person)
    graph = kg.cospeaking()
    assert set(graph) == set().union(*speakers.values())
    assert graph.number_of_edges() == sum(len(m) * (len(m) - 1) // 2 for m in speakers.values())


def test_graphml_read_back_by_networkx_is_the_projection(kg):
    graph = kg.coattendance()
    back = nx.read_graphml(io.BytesIO(network_bytes(graph, "graphml")))
    assert set(back) == set(graph)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in graph.edges}
    for u, v, data in graph.edges(data=True):
        assert back.edges[u, v]["weight"] == data["weight"]
        assert back.edges[u, v]["events"].split(" | ") == data["events"]
    assert all(back.nodes[n]["name"] == graph.nodes[n]["name"] for n in graph)


def test_gexf_csv_and_json_hold_the_same_graph(kg):
    graph = kg.person_org()
    back = nx.read_gexf(io.BytesIO(network_bytes(graph, "gexf")))
    assert set(back) == set(graph) and back.number_of_edges() == graph.number_of_edges()
    lines = network_bytes(graph, "csv").decode().splitlines()
    assert lines[0].startswith("source,target,source_name,target_name,weight")
    assert len(lines) == 1 + graph.number_of_edges()
    data = json.loads(network_bytes(graph, "json"))
    assert len(data["nodes"]) == len(graph) and len(data["edges"]) == graph.number_of_edges()
    with pytest.raises(AnalysisError):
        network_bytes(graph, "docx")


def test_a_person_is_named_by_iri_or_name(store, kg):
    (iri, name) = rows(
        store, "SELECT ?p ?n WHERE { ?p a pg:Person ; pg:name ?n } ORDER BY ?n LIMIT 1"
    )[0]
    assert kg.person(name) == kg.person(iri) == kg.person(iri.rsplit("/", 1)[-1]) == iri
    assert kg.person(name.upper()) == iri
    with pytest.raises(NotFoundError):
        kg.person("Không Có Ai")


def test_a_mention_not_yet_resolved_stands_for_itself(store):
    from rdflib import URIRef

    copy = OxigraphStore(None)
    copy.native.extend(store.native)
    (mention, name, identity, place) = rows(
        store,
        """SELECT ?m ?name ?g ?code WHERE {
        ?m a pg:PersonMention ; pg:name ?name . GRAPH ?g { ?m pg:mentionOf ?p }
        ?x pg:participant ?m ; pg:event/pg:place/pg:officialCode ?code }
        ORDER BY ?name LIMIT 1""",
    )[0]
    copy.remove_graph(URIRef(identity))  # as if the name had not been resolved yet
    kg = polgraph.open(copy)
    for graph in (kg.coattendance(), kg.coattendance(place=place)):  # read whole, or from one place
        assert mention in graph and graph.nodes[mention]["name"] == name
        assert graph.degree(mention) > 0
    assert kg.person(name) == mention


def test_wrong_arguments_say_what_to_give(kg):
    with pytest.raises(AnalysisError, match="unknown filter"):
        kg.coattendance(province="Hà Tĩnh")
    with pytest.raises(AnalysisError, match="unknown projection"):
        kg.projection("friendship")
    with pytest.raises(AnalysisError, match="cannot sort"):
        kg.centrality(sort="charisma")
    assert [r["betweenness"] for r in kg.centrality(sort="betweenness")] == sorted(
        (r["betweenness"] for r in kg.centrality()), reverse=True
    )
    from polgraph.analytics.drawing import draw_network

    with pytest.raises(AnalysisError, match="1 to 400"):
        draw_network(kg.coattendance(), "png", limit=0)


def test_every_way_of_reading_gives_the_same_graphs(store, monkeypatch):
    """Large stores are read in bulk and by hash joins, slices block by block: same answers."""
    from polgraph.analytics import descriptions, links

    def graphs():
        fresh = KnowledgeGraph(store)
        return [fresh.coattendance(), fresh.person_org(), fresh.cospeaking()]

    def same(a, b):
        assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
        assert {frozenset(e): d for *e, d in a.edges(data=True)} == {
            frozenset(e): d for *e, d in b.edges(data=True)
        }

    expected = graphs()
    monkeypatch.setattr(descriptions, "_BULK", 0)
    for a, b in zip(expected, graphs(), strict=True):
        same(a, b)
    every_event = [
        e for (e,) in rows(store, "SELECT DISTINCT ?e WHERE { ?x pg:participant ?m ; pg:event ?e }")
    ]
    monkeypatch.setattr(links, "slice_events", lambda _store, _slice: every_event)
    monkeypatch.setattr(links, "_CHUNK", 2)
    for a, b in zip(expected, graphs(), strict=True):
        same(a, b)
