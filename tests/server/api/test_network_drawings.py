"""The networks the pages draw, over HTTP and in process: ``/api/analytics/network/ranked`` (a
projection ranked by a measure) and ``/api/persons/{id}/network`` (the persons around one), as
JSON to draw, GraphML, GEXF and the node and edge tables Gephi imports. The store holds the
sample reports and the report full of markup, which records one hand-over of a post.

Expected values come from the Python API over the same store, or straight from the store."""

from __future__ import annotations

import csv
import io
import json
from itertools import combinations

import networkx as nx
import pytest
from analytics_filters import python_filters
from answer_shapes import same_shape
from conftest import RESOURCES, ROOT
from fastapi.testclient import TestClient
from sparql_rows import rows

import polgraph
from polgraph.analytics.export import SEPARATOR
from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.server.api import drawing_examples as drawn
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

RANKED = "/api/analytics/network/ranked"
FILTERS = [
    {},
    {"place": "xã Cẩm Lộc"},
    {"from": "2024-01-01", "to": "2024-12-31"},
    {"org": "UBND xã Cẩm Lộc"},
    {"place": "huyện Cẩm Xuyên", "to": "2023-12-31"},
]
MEASURES = ("degree", "weighted_degree", "degree_centrality", "betweenness", "eigenvector")
SEED_MEETING = {"place": "xã Cẩm Lộc", "to": "2023-12-31"}


@pytest.fixture(scope="module")
def store(vocabulary, validator):
    handle = OxigraphStore(None)
    pipeline = Pipeline(handle, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    reports = [ROOT / "data" / "reports", RESOURCES / "reports" / "markup-in-text.yaml"]
    assert not pipeline.run(reports).rejected
    return handle


@pytest.fixture(scope="module")
def client(store):
    app = create_app(
        Settings(query_workers=1, identity_path=ROOT / "data" / "identity.yaml"), store
    )
    with TestClient(app) as running:
        yield running


@pytest.fixture(scope="module")
def kg(store):
    return polgraph.open(store)


def got(client, url: str, **params):
    answer = client.get(url, params=params)
    assert answer.status_code == 200, answer.text
    return answer


def ties(edges) -> dict[frozenset, int]:
    """Each tie (its two ends) → its weight, from JSON edges or networkx edges."""
    if isinstance(edges, list):
        return {frozenset((e["source"], e["target"])): e["weight"] for e in edges}
    return {frozenset((u, v)): w for u, v, w in edges.edges(data="weight")}


def event_dates(store) -> dict[str, str]:
    return dict(rows(store, "SELECT ?event ?date WHERE { ?event pg:date ?date }"))


def person_id(store, name: str) -> str:
    (found,) = rows(store, f'SELECT ?p WHERE {{ ?p a pg:Person ; pg:name "{name}" }}')
    return found[0].rsplit("/", 1)[-1]


# -- the network of the page -------------------------------------------------------------------
@pytest.mark.parametrize("params", FILTERS)
def test_the_drawn_network_is_the_analytics_network(client, kg, store, params):
    data = got(client, RANKED, **params).json()
    graph = kg.coattendance(**python_filters(params))
    assert len(graph) > 0
    assert {n["id"] for n in data["nodes"]} == set(graph)
    assert ties(data["edges"]) == ties(graph)
    assert data["network"] == {"nodes": len(graph), "ties": graph.number_of_edges()}
    measured = {r["person"]: r for r in kg.centrality(graph)}
    dates = event_dates(store)
    for node in data["nodes"]:
        assert node["name"] == graph.nodes[node["id"]]["name"]
        assert node["posts"] == graph.nodes[node["id"]]["posts"]
        assert node["page"] == "/persons/" + node["id"].rsplit("/", 1)[-1]
        assert {m: node[m] for m in MEASURES} == pytest.approx(
            {m: measured[node["id"]][m] for m in MEASURES}
        )
        assert node["size"] == node["weighted_degree"]
    ranked = [r["person"] for r in kg.centrality(graph, sort="weighted_degree")]
    assert [n["id"] for n in sorted(data["nodes"], key=lambda n: n["rank"])] == ranked
    for edge in data["edges"]:
        events = graph.edges[edge["source"], edge["target"]]["events"]
        assert edge["events"] == len(events)
        assert edge["dates"] == sorted(dates[e] for e in events if e in dates)


def test_a_limit_keeps_the_most_central_and_the_ties_among_them(client, kg):
    graph = kg.coattendance()
    data = got(client, RANKED, measure="betweenness", limit=5).json()
    top = [r["person"] for r in kg.centrality(graph, sort="betweenness")[:5]]
    assert [n["id"] for n in data["nodes"]] == top
    assert ties(data["edges"]) == ties(graph.subgraph(top))
    assert all(n["size"] == n["betweenness"] for n in data["nodes"])
    assert data["network"] == {"nodes": len(graph), "ties": graph.number_of_edges()}


@pytest.mark.parametrize("params", [{}, SEED_MEETING, {"org": "UBND xã Cẩm Lộc"}])
def test_graphml_and_gexf_read_back_as_the_drawn_network(client, params):
    data = got(client, RANKED, **params).json()
    names = {n["id"]: n["name"] for n in data["nodes"]}
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        answer = got(client, RANKED, format=fmt, **params)
        assert answer.headers["content-disposition"] == (
            f'attachment; filename="polgraph-coattendance.{fmt}"'
        )
        back = read(io.BytesIO(answer.content))
        assert set(back) == set(names)
        assert ties(back) == ties(data["edges"])
        assert {n: back.nodes[n]["label"] for n in back} == names
        if fmt == "graphml":  # GEXF keeps its attributes' types less faithfully
            assert all(isinstance(back.nodes[n]["community"], int) for n in back)


def test_the_node_and_edge_tables_read_back(client):
    data = got(client, RANKED).json()
    nodes = list(csv.DictReader(io.StringIO(got(client, RANKED, format="nodes-csv").text)))
    assert {r["Id"]: r["Label"] for r in nodes} == {n["id"]: n["name"] for n in data["nodes"]}
    by_id = {n["id"]: n for n in data["nodes"]}
    assert all(r["posts"] == SEPARATOR.join(by_id[r["Id"]]["posts"]) for r in nodes)
    assert all(int(r["degree"]) == by_id[r["Id"]]["degree"] for r in nodes)
    answer = got(client, RANKED, format="edges-csv")
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"] == (
        'attachment; filename="polgraph-coattendance-edges.csv"'
    )
    edges = list(csv.DictReader(io.StringIO(answer.text)))
    assert list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"]
    assert {frozenset((r["Source"], r["Target"])): int(r["Weight"]) for r in edges} == ties(
        data["edges"]
    )
    dates = {
        frozenset((e["source"], e["target"])): SEPARATOR.join(e["dates"]) for e in data["edges"]
    }
    assert all(r["dates"] == dates[frozenset((r["Source"], r["Target"]))] for r in edges)
    assert {r["Type"] for r in edges} == {"Undirected"}


def in_years(data: dict, first: int, last: int) -> tuple[set[str], dict[frozenset, int]]:
    """What the page's year sliders keep of a drawing (static/network.js): each tie with an
    event in the years, weighed by those events, and the persons they join."""
    kept = {}
    for edge in data["edges"]:
        count = sum(first <= int(date[:4]) <= last for date in edge["dates"])
        if count:
            kept[frozenset((edge["source"], edge["target"]))] = count
    return {p for tie in kept for p in tie}, kept


def test_the_years_narrow_the_ties_as_a_date_window_does(client, kg):
    data = got(client, RANKED).json()
    years = sorted({int(d[:4]) for e in data["edges"] for d in e["dates"]})
    assert len(years) > 1
    for first, last in [(years[0], years[0]), (years[-1], years[-1]), (years[0], years[-1])]:
        window = kg.coattendance(start=f"{first}-01-01", end=f"{last}-12-31")
        persons, kept = in_years(data, first, last)
        assert kept == ties(window), (first, last)
        assert persons == {n for n in window if window.degree(n)}
    # and the same window asked of the server
    narrowed = got(client, RANKED, **{"from": f"{years[-1]}-01-01"}).json()
    assert ties(narrowed["edges"]) == in_years(data, years[-1], years[-1])[1]
    assert len(narrowed["edges"]) < len(data["edges"])


def test_a_hand_over_carries_its_post_and_date(client, kg):
    org = "Đảng ủy xã Cẩm Lộc"
    data = got(client, RANKED, projection="succession", org=org).json()
    assert data["directed"] and data["projection"] == "succession"
    expected = kg.successions(org=org)
    assert expected, "the markup report hands a post over"
    assert [(e["source"], e["target"], e["title"], e["date"]) for e in data["edges"]] == [
        (r["predecessor"], r["successor"], r["title"], r["date"]) for r in expected
    ]
    edges = got(client, RANKED, projection="succession", org=org, format="edges-csv").text
    (row,) = csv.DictReader(io.StringIO(edges))
    assert (row["Type"], row["title"], row["date"]) == ("Directed", "Bí thư", expected[0]["date"])
    back = nx.read_graphml(
        io.BytesIO(got(client, RANKED, projection="succession", org=org, format="graphml").content)
    )
    assert back.is_directed() and set(back.edges()) == {
        (e["source"], e["target"]) for e in data["edges"]
    }


# -- a person's network ------------------------------------------------------------------------
def neighbourhood(kg, person: str) -> nx.Graph:
    """The person, whom they met at events and whom they held posts in one body with, and every
    tie among them, from the whole store's projections."""
    met, bodies = kg.coattendance(), kg.person_org()
    served: nx.Graph = nx.Graph()
    for body, data in bodies.nodes(data=True):
        if data["kind"] == "organization":
            for a, b in combinations(sorted(bodies[body]), 2):
                shared = served.get_edge_data(a, b, {"weight": 0})["weight"]
                served.add_edge(a, b, weight=shared + 1)
    around = {person} | set(met.adj.get(person, {}))
    around |= set(served.adj.get(person, {}))
    expected: nx.Graph = nx.Graph()
    expected.add_nodes_from(around)
    for source in (met, served):
        for a, b, weight in source.subgraph(around).edges(data="weight"):
            before = expected.get_edge_data(a, b, {"weight": 0})["weight"]
            expected.add_edge(a, b, weight=before + weight)
    return expected


def test_a_person_s_network_holds_exactly_their_neighbours(client, kg, store):
    persons = [p for (p,) in rows(store, "SELECT ?p WHERE { ?p a pg:Person }")]
    assert len(persons) > 20
    for person in persons:
        data = got(client, f"/api/persons/{person.rsplit('/', 1)[-1]}/network", limit=400).json()
        expected = neighbourhood(kg, person)
        assert {n["id"] for n in data["nodes"]} == set(expected), person
        assert ties(data["edges"]) == ties(expected), person
        assert [n["id"] for n in data["nodes"] if n["ego"]] == [person]


def test_a_person_s_network_keeps_the_most_tied(client, kg, store):
    dong = "https://w3id.org/polgraph/id/person/" + person_id(store, "Nguyễn Viết Đồng")
    expected = neighbourhood(kg, dong)
    names = {
        n: kg.coattendance().nodes[n]["name"] if n in kg.coattendance() else "" for n in expected
    }
    closest = sorted(expected[dong], key=lambda n: (-expected[dong][n]["weight"], names[n], n))[:3]
    data = got(client, f"/api/persons/{dong.rsplit('/', 1)[-1]}/network", limit=3).json()
    assert {n["id"] for n in data["nodes"]} == {dong, *closest}
    assert ties(data["edges"]) == ties(expected.subgraph([dong, *closest]))


def test_a_person_s_network_as_files_and_picture(client, store):
    ident = person_id(store, "Nguyễn Viết Đồng")
    url = f"/api/persons/{ident}/network"
    data = got(client, url).json()
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        answer = got(client, url, format=fmt)
        assert answer.headers["content-disposition"] == (
            f'attachment; filename="{ident}-network.{fmt}"'
        )
        back = read(io.BytesIO(answer.content))
        assert set(back) == {n["id"] for n in data["nodes"]}
        assert ties(back) == ties(data["edges"])
    nodes = list(csv.DictReader(io.StringIO(got(client, url, format="nodes-csv").text)))
    assert {r["Id"] for r in nodes if r["ego"] == "True"} == {
        n["id"] for n in data["nodes"] if n["ego"]
    }
    edges = list(csv.DictReader(io.StringIO(got(client, url, format="edges-csv").text)))
    assert {frozenset((r["Source"], r["Target"])): int(r["Weight"]) for r in edges} == ties(
        data["edges"]
    )
    picture = got(client, url, format="svg")
    assert picture.headers["content-type"].startswith("image/svg+xml")
    assert "Nguyễn Viết Đồng" in picture.text


# -- arguments and documentation ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "params", "status", "words"),
    [
        (RANKED, {"format": "bogus"}, 400, "query.format"),
        (RANKED, {"measure": "charisma"}, 400, "query.measure"),
        (RANKED, {"limit": 0}, 400, "query.limit"),
        (RANKED, {"from": "not-a-date"}, 400, "query.from"),
        (RANKED, {"from": "2024-01-01", "to": "2023-01-01"}, 400, "the window is empty"),
        (RANKED, {"projection": "friendship"}, 400, "query.projection"),
        (RANKED, {"place": "xã Không Có"}, 404, "no place"),
        (RANKED, {"org": "UBND xã Không Có", "format": "graphml"}, 404, "no body"),
        ("/api/persons/nobody-00000000-00000000/network", {}, 404, "no person"),
        ("/api/persons/a b/network", {}, 404, "not a person id"),
        ("/api/persons/x/network", {"limit": 401}, 400, "query.limit"),
        ("/api/persons/x/network", {"format": "gif"}, 400, "query.format"),
    ],
)
def test_bad_arguments_are_json_errors(client, url, params, status, words):
    answer = client.get(url, params=params)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["error"] == {400: "bad request", 404: "not found"}[status]
    assert words in json.dumps(body, ensure_ascii=False)


def same_node(real: dict, documented: dict) -> bool:
    """The node as documented, its measures to the last few digits."""
    return real.keys() == documented.keys() and all(
        real[k] == (pytest.approx(v) if isinstance(v, float) else v) for k, v in documented.items()
    )


def test_the_documented_answers_are_cut_from_real_ones(client, store):
    real = got(client, RANKED, **SEED_MEETING).json()
    same_shape(drawn.RANKED_JSON, real)
    assert real["network"] == drawn.RANKED_JSON["network"]
    by_id = {n["id"]: n for n in real["nodes"]}
    assert all(same_node(by_id[n["id"]], n) for n in drawn.RANKED_JSON["nodes"])
    assert all(e in real["edges"] for e in drawn.RANKED_JSON["edges"])
    ego = got(client, f"/api/persons/{person_id(store, 'Nguyễn Viết Đồng')}/network").json()
    same_shape(drawn.EGO_JSON, ego)
    assert ego["network"] == drawn.EGO_JSON["network"]
    by_id = {n["id"]: n for n in ego["nodes"]}
    assert all(same_node(by_id[n["id"]], n) for n in drawn.EGO_JSON["nodes"])
    assert all(e in ego["edges"] for e in drawn.EGO_JSON["edges"])
    for fmt, documented in (("nodes-csv", drawn.NODES_CSV), ("edges-csv", drawn.EDGES_CSV)):
        table = got(client, RANKED, format=fmt, **SEED_MEETING).text
        assert table.splitlines()[0] == documented.splitlines()[0], fmt
        real_rows = list(csv.DictReader(io.StringIO(table)))
        for row in csv.DictReader(io.StringIO(documented)):
            assert any(same_row(real, row) for real in real_rows), (fmt, row)


def same_row(real: dict, documented: dict) -> bool:
    """A table's row as documented, its measures to the last few digits."""
    for key, value in documented.items():
        if "." in value and value.replace(".", "", 1).isdigit():
            if float(real[key]) != pytest.approx(float(value)):
                return False
        elif real[key] != value:
            return False
    return True
