"""`polgraph analyze`, `network`, `timeline` and the Popolo export, over the sample reports."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from conftest import ROOT
from typer.testing import CliRunner

import polgraph
from polgraph.cli import app

runner = CliRunner()
PREFIX = "PREFIX pg: <https://w3id.org/polgraph/ontology#>\n"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def polgraph_cli(*args: str, store):
    return runner.invoke(app, [*args, "--store", str(store)], catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("analytics") / "store"
    result = polgraph_cli("ingest", str(ROOT / "data" / "reports"), "-q", store=folder)
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def kg(store):
    graph = polgraph.open(store)
    yield graph
    graph.close()


def count(kg, sparql: str) -> int:
    return int(next(iter(kg.store.query(PREFIX + sparql)))[0].value)


def test_centrality_as_csv_ranks_everyone(store, kg):
    result = polgraph_cli("analyze", "centrality", "--format", "csv", "--limit", "0", store=store)
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == count(
        kg, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?x pg:participant/pg:mentionOf ?p }"
    )
    weights = [int(r["weighted_degree"]) for r in table]
    assert weights == sorted(weights, reverse=True)
    assert {"name", "posts", "betweenness", "eigenvector", "person"} <= set(table[0])


@pytest.mark.parametrize("what", ["centrality", "communities", "brokers", "succession", "careers"])
def test_every_analysis_prints_a_table_and_json(store, what):
    table = polgraph_cli("analyze", what, store=store)
    assert table.exit_code == 0, table.output
    as_json = polgraph_cli("analyze", what, "--format", "json", "--limit", "3", store=store)
    assert as_json.exit_code == 0, as_json.output
    assert isinstance(json.loads(as_json.stdout), list)


def test_communities_in_one_place(store, kg):
    result = polgraph_cli(
        "analyze", "communities", "--place", "xã Cẩm Lộc", "--format", "json", store=store
    )
    (community,) = json.loads(result.stdout)
    assert community["place_labels"] == ["Xã Cẩm Lộc"]
    assert community["size"] == count(
        kg,
        """SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {
        ?x pg:participant/pg:mentionOf ?p ; pg:source/pg:reportKey "seed" }""",
    )


def test_bad_arguments_are_refused_with_a_message(store):
    cases = [
        (["analyze", "popularity"], 2, "unknown analysis"),
        (["analyze", "centrality", "--from", "2023-02-30"], 2, "YYYY-MM-DD"),
        (["analyze", "centrality", "--format", "xml"], 2, "unknown format"),
        (["analyze", "centrality", "--place", "xã Không Có"], 1, "no place"),
        (["analyze", "centrality", "--org", "UBND xã Không Có"], 1, "no body"),
        (["analyze", "careers", "--person", "Không Có Ai"], 1, "no person"),
        (["network", "--format", "docx"], 2, "unknown format"),
        (["network", "--format", "png"], 2, "--out"),
        (["network", "--projection", "friendship"], 2, "unknown projection"),
        (["timeline", "Không Có Ai", "--out", "x.png"], 1, "no person"),
        (["timeline", "Võ Nam", "--out", "x.pdf"], 2, ".png or .svg"),
    ]
    for args, code, message in cases:
        result = polgraph_cli(*args, store=store)
        assert result.exit_code == code, (args, result.output)
        assert message in result.stderr, (args, result.stderr)


def test_graphml_file_read_back_equals_the_projection(store, kg, tmp_path):
    target = tmp_path / "net.graphml"
    result = polgraph_cli("network", "--format", "graphml", "--out", str(target), store=store)
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(target)
    projection = kg.coattendance()
    assert set(back) == set(projection)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in projection.edges}
    assert all(back.edges[u, v]["weight"] == w for u, v, w in projection.edges(data="weight"))
    assert all(back.nodes[n]["label"] == projection.nodes[n]["name"] for n in projection)
    assert all(isinstance(back.nodes[n]["community"], int) for n in back)  # Gephi colours by it


def test_gexf_and_csv_on_stdout(store, kg):
    gexf = polgraph_cli("network", "--format", "gexf", "--projection", "person-org", store=store)
    assert gexf.exit_code == 0
    assert len(nx.read_gexf(io.BytesIO(gexf.stdout_bytes))) == len(kg.person_org())
    edges = polgraph_cli("network", "--format", "csv", store=store)
    assert len(edges.stdout.splitlines()) == 1 + kg.coattendance().number_of_edges()


def test_png_and_svg_are_real_labelled_pictures(store, kg, tmp_path):
    png = tmp_path / "net.png"
    assert polgraph_cli("network", "--format", "png", "--out", str(png), store=store).exit_code == 0
    assert png.read_bytes().startswith(PNG_MAGIC)
    svg = tmp_path / "net.svg"
    assert (
        polgraph_cli(
            "network", "--format", "svg", "--out", str(svg), "--place", "xã Cẩm Lộc", store=store
        ).exit_code
        == 0
    )
    root = ET.parse(svg).getroot()
    texts = {"".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {d["name"] for _, d in kg.coattendance(place="xã Cẩm Lộc").nodes(data=True)} <= texts


def test_a_succession_picture_draws_arrows(store, tmp_path):
    svg = tmp_path / "succession.svg"
    result = polgraph_cli(
        "network", "--projection", "succession", "--format", "svg", "--out", str(svg), store=store
    )
    assert result.exit_code == 0, result.output
    ET.parse(svg)


def test_timeline_of_a_person(store, kg, tmp_path):
    name = next(
        iter(
            kg.store.query(
                PREFIX
                + """SELECT ?name WHERE {
        ?t a pg:Tenure ; pg:holder/pg:name ?name } ORDER BY ?name LIMIT 1"""
            )
        )
    )[0].value
    png = tmp_path / "timeline.png"
    result = polgraph_cli("timeline", name, "--out", str(png), store=store)
    assert result.exit_code == 0, result.output
    assert png.read_bytes().startswith(PNG_MAGIC)
    svg = tmp_path / "timeline.svg"
    assert polgraph_cli("timeline", name, "--out", str(svg), store=store).exit_code == 0
    texts = {
        "".join(t.itertext())
        for t in ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text")
    }
    posts = {p["label"] for p in kg.career(name)["posts"]}
    assert posts and posts <= texts


def test_popolo_export_holds_persons_posts_memberships_and_events(store, kg, tmp_path):
    target = tmp_path / "popolo.json"
    result = polgraph_cli("export", "--format", "popolo", "--out", str(target), store=store)
    assert result.exit_code == 0, result.output
    document = json.loads(target.read_text(encoding="utf-8"))
    assert set(document) == {"persons", "organizations", "posts", "memberships", "events"}
    assert len(document["persons"]) == count(
        kg, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pg:Person }"
    )
    assert len(document["memberships"]) == count(
        kg, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a pg:RoleAttestation }"
    )
    persons = {p["id"] for p in document["persons"]}
    posts = {p["id"] for p in document["posts"]}
    assert all(m["person_id"] in persons and m["post_id"] in posts for m in document["memberships"])
