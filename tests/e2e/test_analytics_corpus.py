"""The network analyses over the shared dev corpus, whose README names the recurring people (Lương
Thị Minh Huệ in d002 and d005; Khổng Đức Thành, Mai Văn Quyết and Đoàn Văn Chính in d007 and
d008) and the promotion in xã Xuân Hòa. Every expected figure is read from the store directly."""

from __future__ import annotations

import io
from collections import defaultdict

import networkx as nx
import pytest
from sparql_rows import participants_of, rows

import polgraph
from polgraph.analytics.export import network_bytes
from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore


@pytest.fixture(scope="module")
def store(shared_corpus, vocabulary, validator):
    handle = OxigraphStore(None)
    pipeline = Pipeline(handle, vocabulary, validator)
    pipeline.ensure_model_graphs()
    summary = pipeline.run(sorted((shared_corpus / "reports").glob("*.txt")))
    assert not summary.rejected
    return handle


@pytest.fixture(scope="module")
def kg(store):
    return polgraph.open(store)


def person(store, name: str) -> str:
    (found,) = rows(store, f'SELECT ?p WHERE {{ ?p a pg:Person ; pg:name "{name}" }}')
    return found[0]


def test_the_persons_with_the_most_shared_events(store, kg):
    # Straight from the store: each person's events that someone else attended too.
    shared = rows(
        store,
        """SELECT ?p (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?a pg:participant/pg:mentionOf ?p ; pg:event ?e .
        ?b pg:participant/pg:mentionOf ?q ; pg:event ?e . FILTER (?p != ?q) } GROUP BY ?p""",
    )
    most = max(int(n) for _, n in shared)
    leaders = {p for p, n in shared if int(n) == most}
    records = kg.centrality()
    top = max(r["events"] for r in records)
    assert top == most == 2
    assert {r["person"] for r in records if r["events"] == top} == leaders
    assert {
        person(store, n)
        for n in ("Lương Thị Minh Huệ", "Khổng Đức Thành", "Mai Văn Quyết", "Đoàn Văn Chính")
    } == leaders
    # The first by weighted degree has as many ties as co-participants, counted per event.
    ties = rows(
        store,
        """SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?q ?e WHERE {
        ?a pg:participant/pg:mentionOf ?p ; pg:event ?e .
        ?b pg:participant/pg:mentionOf ?q ; pg:event ?e . FILTER (?p != ?q) } } GROUP BY ?p""",
    )
    strength = {p: int(n) for p, n in ties}
    assert records[0]["weighted_degree"] == max(strength.values())
    assert all(r["weighted_degree"] == strength.get(r["person"], 0) for r in records)


def test_the_chair_of_xuan_hoa_passes_from_quyet_to_thanh(store, kg):
    (record,) = kg.successions(post="Chủ tịch", org="UBND xã Xuân Hoà")
    assert (record["predecessor_name"], record["successor_name"]) == (
        "Mai Văn Quyết",
        "Khổng Đức Thành",
    )
    (first,) = rows(
        store,
        f"""SELECT ?first WHERE {{
        ?t pg:holder <{person(store, "Khổng Đức Thành")}> ;
        pg:post <{record["post"]}> ; pg:firstEvidence ?first }}""",
    )
    (d008,) = rows(
        store, 'SELECT DISTINCT ?d WHERE { ?x pg:event/pg:date ?d ; pg:source/pg:reportKey "d008" }'
    )
    assert record["date"] == first[0] == d008[0]
    assert record["predecessor_last"] <= record["date"] and record["elected"]
    graph = kg.succession(post="Chủ tịch", org="UBND xã Xuân Hoà")
    assert list(graph.edges()) == [
        (person(store, "Mai Văn Quyết"), person(store, "Khổng Đức Thành"))
    ]
    # Every succession the tenures record, and only those, in date order.
    everything = kg.successions()
    assert len(everything) == len(rows(store, "SELECT ?t WHERE { ?t pg:successor ?next }"))


def test_a_community_holds_one_communes_leaders(store, kg):
    # The holders of the exclusive posts (Bí thư, Chủ tịch…) of the bodies of xã Xuân Hòa.
    leaders = {
        p
        for (p,) in rows(
            store,
            """SELECT DISTINCT ?p WHERE {
        ?body rdfs:label ?label . FILTER (STRENDS(?label, "xã Xuân Hòa"))
        ?post org:postIn ?body ; pg:postType ?type . ?type pg:exclusive true .
        ?att pg:post ?post ; pg:person/pg:mentionOf ?p }""",
        )
    }
    assert len(leaders) >= 3
    homes = [c for c in kg.communities() if leaders & {m["person"] for m in c["members"]}]
    assert len(homes) == 1
    (home,) = homes
    assert leaders <= {m["person"] for m in home["members"]}
    assert {m["person"] for m in home["members"]} <= participants_of(store, "d007", "d008")


def test_the_district_official_in_two_communes_is_a_broker(store, kg):
    # Persons at events in two places or more, from the store.
    travellers = {
        p
        for p, n in rows(
            store,
            """SELECT ?p (COUNT(DISTINCT ?place) AS ?n) WHERE {
        ?x pg:participant/pg:mentionOf ?p ; pg:event/pg:place ?place }
        GROUP BY ?p HAVING (COUNT(DISTINCT ?place) > 1)""",
        )
    }
    brokers = kg.brokers()
    assert (
        {b["person"] for b in brokers if b["area_span"] > 1}
        == travellers
        == {person(store, "Lương Thị Minh Huệ")}
    )
    (hue,) = [b for b in brokers if b["name"] == "Lương Thị Minh Huệ"]
    assert sorted(hue["area_labels"]) == ["Xã Hưng Thủy", "Xã Sen Thủy"]
    quyet = next(b for b in brokers if b["name"] == "Mai Văn Quyết")
    assert "Văn phòng Huyện ủy Xuân Trường" in quyet["body_labels"] and quyet["body_span"] >= 2


def test_a_connection_runs_through_the_shared_person_with_its_reports(store, kg):
    only_d002 = min(participants_of(store, "d002") - participants_of(store, "d005"))
    only_d005 = min(participants_of(store, "d005") - participants_of(store, "d002"))
    found = kg.connection(only_d002, only_d005)
    assert found["connected"] and found["length"] == 2
    assert [p["name"] for p in found["path"]][1] == "Lương Thị Minh Huệ"
    assert [[e["report_key"] for e in link["events"]] for link in found["links"]] == [
        ["d002"],
        ["d005"],
    ]
    assert all(
        e["label"] and e["date"] and e["place"] for link in found["links"] for e in link["events"]
    )
    apart = kg.connection(only_d002, person(store, "Khổng Đức Thành"))
    assert not apart["connected"] and apart["links"] == []


def test_the_promotion_in_a_career(store, kg):
    career = kg.career("Khổng Đức Thành")
    labels = [p["label"] for p in career["posts"]]
    assert labels.index("Phó Chủ tịch Ủy ban nhân dân xã Xuân Hòa") < labels.index(
        "Chủ tịch Ủy ban nhân dân xã Xuân Hòa"
    )
    (promotion,) = career["promotions"]
    assert (promotion["from"], promotion["to"], promotion["kind"]) == (
        "Phó Chủ tịch Ủy ban nhân dân xã Xuân Hòa",
        "Chủ tịch Ủy ban nhân dân xã Xuân Hòa",
        "deputy to principal",
    )
    (d008,) = rows(
        store, 'SELECT DISTINCT ?d WHERE { ?x pg:event/pg:date ?d ; pg:source/pg:reportKey "d008" }'
    )
    assert promotion["date"] == d008[0]
    promoted = {c["name"] for c in kg.careers() if c["promotions"]}
    assert "Khổng Đức Thành" in promoted


def test_slices_by_place_date_and_body(store, kg):
    # d002 and d005 are the two communes of huyện Lệ Thủy (the corpus README).
    assert set(kg.coattendance(place="huyện Lệ Thủy")) == participants_of(store, "d002", "d005")
    assert set(kg.coattendance(place="xã Xuân Hoà")) == participants_of(store, "d007", "d008")
    dated = {
        k
        for k, d in rows(
            store,
            """SELECT DISTINCT ?k ?d WHERE {
        ?x pg:event/pg:date ?d ; pg:source/pg:reportKey ?k }""",
        )
        if d >= "2024-01-01"
    }
    assert set(kg.coattendance(start="2024-01-01")) == participants_of(store, *dated)
    assert set(kg.coattendance(org="UBND xã Xuân Hòa")) == participants_of(store, "d007", "d008")
    late = kg.coattendance(place="xã Xuân Hòa", start="2024-03-01")
    assert set(late) == participants_of(store, "d008")


def test_graphml_of_the_corpus_reads_back_equal(kg):
    graph = kg.coattendance()
    back = nx.read_graphml(io.BytesIO(network_bytes(graph, "graphml")))
    assert set(back) == set(graph)
    weights = defaultdict(int)
    for u, v, w in back.edges(data="weight"):
        weights[frozenset((u, v))] = w
    assert weights == {frozenset((u, v)): w for u, v, w in graph.edges(data="weight")}
