"""``/api/analytics`` and the timelines, in process, over the sample reports (and the dev corpus
when it is there), plus one later meeting in xã Cẩm Lộc at which a new chair of the People's
Committee is attested, so that the store records a hand-over.

Expected values come from the Python API over the same store, or straight from the store.
"""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from analytics_filters import python_filters
from answer_shapes import same_shape
from conftest import ROOT, SHARED
from fastapi.testclient import TestClient
from matplotlib import image
from sparql_rows import participants_of, rows

import polgraph
from polgraph.analytics import KnowledgeGraph
from polgraph.server import create_app
from polgraph.server.api import analytics_examples as shown
from polgraph.server.api.examples import STRUCTURED_REPORT
from polgraph.server.translations import translator
from polgraph.settings import Settings

CORPUS = SHARED / "dev-corpus"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CAM_LOC_CHAIR = "Chủ tịch Ủy ban nhân dân xã Cẩm Lộc"
# A year after the seed meeting, Lê Văn Hải is attested as chair where Nguyễn Viết Đồng was.
HANDOVER = {
    **STRUCTURED_REPORT,
    "report": {"title": "Hội nghị Đảng ủy xã Cẩm Lộc", "published": "2024-06-13"},
    "persons": [
        *STRUCTURED_REPORT["persons"],
        {
            "name": "Lê Văn Hải",
            "roles": [{"post": "Chủ tịch", "org": "Ủy ban nhân dân xã Cẩm Lộc"}],
        },
    ],
}
FILTERS = [
    {},
    {"place": "xã Cẩm Lộc"},
    {"from": "2023-06-01", "to": "2023-12-31"},
    {"org": "UBND xã Cẩm Lộc"},
    {"place": "huyện Cẩm Xuyên", "from": "2024-01-01"},
]


@pytest.fixture(scope="module")
def store(data_reports_store, tmp_path_factory):
    later = tmp_path_factory.mktemp("reports") / "cam-loc-2024-06.json"
    later.write_text(json.dumps(HANDOVER, ensure_ascii=False), encoding="utf-8")
    return data_reports_store(later, *([CORPUS / "reports"] if CORPUS.is_dir() else []))


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


def every_item(client, url: str, **params) -> list[dict]:
    """All the pages of a list answer."""
    found, offset = [], 0
    while True:
        answer = client.get(url, params={**params, "limit": 100, "offset": offset})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        found += body["items"]
        offset += 100
        if offset >= body["total"]:
            assert len(found) == body["total"]
            return found


def person(store, name: str) -> str:
    (found,) = rows(store, f'SELECT ?p WHERE {{ ?p a pg:Person ; pg:name "{name}" }}')
    return found[0]


def decoded(png: bytes):
    assert png.startswith(PNG_SIGNATURE)
    return image.imread(io.BytesIO(png), format="png")


# -- measures ---------------------------------------------------------------------------------
@pytest.mark.parametrize("params", FILTERS)
def test_centrality_over_http_is_the_python_api_s(client, kg, params):
    ranked = every_item(client, "/api/analytics/centrality", **params)
    expected = kg.centrality(**python_filters(params))
    assert [r["iri"] for r in ranked] == [r["person"] for r in expected]
    for got, wanted in zip(ranked, expected, strict=True):
        assert got["href"] == f"/api/persons/{got['id']}" and got["name"] == wanted["name"]
        for measure in (
            "events",
            "degree",
            "weighted_degree",
            "degree_centrality",
            "betweenness",
            "eigenvector",
        ):
            assert got[measure] == pytest.approx(wanted[measure]), measure


def test_the_person_with_the_most_shared_ties_comes_first(client, store):
    # Straight from the store: each person's (co-participant, event) pairs.
    ties = dict(
        rows(
            store,
            """SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?q ?e WHERE {
        ?a pg:participant/pg:mentionOf ?p ; pg:event ?e .
        ?b pg:participant/pg:mentionOf ?q ; pg:event ?e . FILTER (?p != ?q) } } GROUP BY ?p""",
        )
    )
    ranked = every_item(client, "/api/analytics/centrality")
    assert ranked[0]["weighted_degree"] == max(int(n) for n in ties.values())
    assert all(r["weighted_degree"] == int(ties.get(r["iri"], 0)) for r in ranked)
    # Võ Nam chaired both Cẩm Lộc meetings: the eight others of 2023 and Lê Văn Hải in 2024.
    local = client.get(
        "/api/analytics/centrality", params={"place": "xã Cẩm Lộc", "limit": 1}
    ).json()
    assert (local["items"][0]["name"], local["items"][0]["weighted_degree"], local["total"]) == (
        "Võ Nam",
        9,
        10,
    )


def test_rank_by_another_measure_and_page(client, kg):
    by_betweenness = every_item(client, "/api/analytics/centrality", sort="betweenness")
    values = [r["betweenness"] for r in by_betweenness]
    assert values == sorted(values, reverse=True) and values[0] > 0  # Võ Nam joins the two meetings
    assert by_betweenness[0]["iri"] == kg.centrality(sort="betweenness")[0]["person"]
    second = client.get(
        "/api/analytics/centrality", params={"sort": "betweenness", "limit": 2, "offset": 1}
    ).json()
    assert [r["iri"] for r in second["items"]] == [r["iri"] for r in by_betweenness[1:3]]
    assert (second["limit"], second["offset"], second["total"]) == (2, 1, len(by_betweenness))


def leaders_of(store, commune: str, until: str = "9999-12-31") -> set[str]:
    """The holders of the exclusive posts (Bí thư, Chủ tịch…) of the commune's bodies, as
    attested at events up to ``until``."""
    return {
        p
        for (p,) in rows(
            store,
            f"""SELECT DISTINCT ?p WHERE {{
        ?body rdfs:label ?label . FILTER (STRENDS(?label, "{commune}"))
        ?post org:postIn ?body ; pg:postType ?type . ?type pg:exclusive true .
        ?att pg:post ?post ; pg:person/pg:mentionOf ?p ; pg:event/pg:date ?date
        FILTER (?date <= "{until}"^^xsd:date) }}""",
        )
    }


def test_the_leaders_of_a_commune_are_in_one_community(client, store):
    # Until the end of 2023 the sample's meetings share no one: xã Cẩm Lộc's is a group apart.
    leaders = leaders_of(store, "xã Cẩm Lộc", until="2023-12-31")
    assert len(leaders) >= 4
    found = every_item(client, "/api/analytics/communities", to="2023-12-31")
    homes = [c for c in found if leaders & {m["iri"] for m in c["members"]}]
    assert len(homes) == 1 and leaders <= {m["iri"] for m in homes[0]["members"]}
    assert {m["iri"] for m in homes[0]["members"]} == participants_of(store, "seed")
    assert [p["label"] for p in homes[0]["places"]] == ["Xã Cẩm Lộc"]


@pytest.mark.shared
def test_the_leaders_of_xuan_hoa_are_in_one_community(client, store, shared_corpus):
    leaders = leaders_of(store, "xã Xuân Hòa")
    assert len(leaders) >= 3
    homes = [
        c
        for c in every_item(client, "/api/analytics/communities")
        if leaders & {m["iri"] for m in c["members"]}
    ]
    assert len(homes) == 1 and leaders <= {m["iri"] for m in homes[0]["members"]}
    assert {m["iri"] for m in homes[0]["members"]} <= participants_of(store, "d007", "d008")


@pytest.mark.parametrize("params", FILTERS)
def test_communities_over_http_are_the_python_api_s(client, kg, params):
    found = every_item(client, "/api/analytics/communities", **params)
    expected = kg.communities(**python_filters(params))
    assert [[m["iri"] for m in c["members"]] for c in found] == [
        [m["person"] for m in c["members"]] for c in expected
    ]
    assert [c["size"] for c in found] == [len(c["members"]) for c in found]
    assert [[p["label"] for p in c["places"]] for c in found] == [
        c["place_labels"] for c in expected
    ]
    assert [[b["iri"] for b in c["bodies"]] for c in found] == [c["bodies"] for c in expected]
    assert set().union(*({m["iri"] for m in c["members"]} for c in found)) == set(
        kg.coattendance(**python_filters(params))
    )
    for community in found:
        weights = [m["weighted_degree"] for m in community["members"]]
        assert weights == sorted(weights, reverse=True)
        assert all(
            body["href"] == f"/api/organizations/{body['id']}" for body in community["bodies"]
        )


def test_the_chair_handed_over_in_date_order(client, kg, store):
    answer = client.get(
        "/api/analytics/succession", params={"post": "Chủ tịch", "org": "UBND xã Cẩm Lộc"}
    ).json()
    (handover,) = answer["items"]
    assert (handover["predecessor"]["name"], handover["successor"]["name"]) == (
        "Nguyễn Viết Đồng",
        "Lê Văn Hải",
    )
    assert handover["post"]["label"] == CAM_LOC_CHAIR
    assert handover["organization"]["label"] == "Ủy ban nhân dân xã Cẩm Lộc"
    first = dict(
        rows(
            store,
            f"""SELECT ?holder ?first WHERE {{
        ?t pg:post <{handover["post"]["iri"]}> ;
        pg:holder ?holder ; pg:firstEvidence ?first }}""",
        )
    )
    assert handover["predecessor_last"] == first[person(store, "Nguyễn Viết Đồng")] == "2023-05-16"
    assert handover["date"] == first[person(store, "Lê Văn Hải")] == "2024-06-12"
    assert handover["predecessor_last"] < handover["date"]
    # Every hand-over the tenures record, by post then date, as the Python API gives them.
    everything = every_item(client, "/api/analytics/succession")
    assert len(everything) == len(rows(store, "SELECT ?t WHERE { ?t pg:successor ?next }"))
    assert [
        (s["post"]["iri"], s["predecessor"]["iri"], s["successor"]["iri"], s["date"])
        for s in everything
    ] == [(r["post"], r["predecessor"], r["successor"], r["date"]) for r in kg.successions()]
    assert [(s["post"]["label"], s["date"]) for s in everything] == sorted(
        (s["post"]["label"], s["date"]) for s in everything
    )
    # A window that ends before the hand-over leaves it out.
    early = client.get(
        "/api/analytics/succession",
        params={"post": "Chủ tịch", "org": "UBND xã Cẩm Lộc", "to": "2024-06-11"},
    ).json()
    assert early["items"] == []


@pytest.mark.shared
def test_the_chair_of_xuan_hoa_passes_from_quyet_to_thanh(client, shared_corpus):
    (handover,) = client.get(
        "/api/analytics/succession", params={"post": "Chủ tịch", "org": "UBND xã Xuân Hoà"}
    ).json()["items"]
    assert (handover["predecessor"]["name"], handover["successor"]["name"]) == (
        "Mai Văn Quyết",
        "Khổng Đức Thành",
    )
    assert handover["date"] == "2024-06-27" and handover["elected"] is True
    same_shape(shown.SUCCESSION["items"][0], handover)
    assert handover == shown.SUCCESSION["items"][0]


# -- files and pictures -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "params", [{}, {"place": "xã Cẩm Lộc"}, {"org": "UBND xã Cẩm Lộc", "from": "2024-01-01"}]
)
def test_graphml_read_back_is_the_projection(client, kg, params):
    answer = client.get("/api/analytics/network", params={"format": "graphml", **params})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/graphml+xml"
    assert (
        answer.headers["content-disposition"]
        == 'attachment; filename="polgraph-coattendance.graphml"'
    )
    back = nx.read_graphml(io.BytesIO(answer.content))
    projection = kg.coattendance(**python_filters(params))
    assert len(projection) > 0
    assert set(back) == set(projection)
    weights = {frozenset((u, v)): w for u, v, w in back.edges(data="weight")}
    assert weights == {frozenset((u, v)): w for u, v, w in projection.edges(data="weight")}
    assert all(back.nodes[n]["label"] == projection.nodes[n]["name"] for n in projection)
    assert all(isinstance(back.nodes[n]["community"], int) for n in back)  # Gephi colours by it


def test_gexf_csv_and_json_of_other_projections(client, kg):
    gexf = client.get(
        "/api/analytics/network", params={"format": "gexf", "projection": "person-org"}
    )
    assert gexf.headers["content-type"] == "application/gexf+xml"
    back = nx.read_gexf(io.BytesIO(gexf.content))
    bipartite = kg.person_org()
    assert set(back) == set(bipartite) and back.number_of_edges() == bipartite.number_of_edges()
    edges = client.get(
        "/api/analytics/network", params={"format": "csv", "projection": "cospeaking"}
    )
    assert edges.headers["content-type"] == "text/csv; charset=utf-8"
    assert len(edges.text.splitlines()) == 1 + kg.cospeaking().number_of_edges()
    handovers = client.get(
        "/api/analytics/network",
        params={
            "format": "json",
            "projection": "succession",
            "post": "Chủ tịch",
            "org": "UBND xã Cẩm Lộc",
        },
    ).json()
    assert handovers["directed"] and [
        (e["source"], e["target"], e["label"]) for e in handovers["edges"]
    ] == [
        (a, b, CAM_LOC_CHAIR)
        for a, b in kg.succession(post="Chủ tịch", org="UBND xã Cẩm Lộc").edges()
    ]


def test_a_network_picture_is_a_real_png(client, kg):
    answer = client.get("/api/analytics/network", params={"format": "png"})
    assert answer.headers["content-type"] == "image/png"
    assert answer.headers["content-disposition"] == 'inline; filename="polgraph-coattendance.png"'
    pixels = decoded(answer.content)
    assert pixels.shape[:2] == (1200, 1200)
    assert pixels[..., :3].std() > 0.01  # drawn on, not a blank canvas
    fewer = decoded(
        client.get("/api/analytics/network", params={"format": "png", "limit": 3}).content
    )
    assert fewer.shape == pixels.shape and not (fewer == pixels).all()


def test_a_network_svg_names_the_persons(client, kg):
    answer = client.get("/api/analytics/network", params={"format": "svg", "place": "xã Cẩm Lộc"})
    assert answer.headers["content-type"] == "image/svg+xml"
    names = {d["name"] for _, d in kg.coattendance(place="xã Cẩm Lộc").nodes(data=True)}
    assert all(f">{name}</text>" in answer.text for name in names)


def test_a_person_s_timeline(client, kg, store):
    dong = person(store, "Nguyễn Viết Đồng")
    ident = dong.rsplit("/", 1)[-1]
    answer = client.get(f"/api/persons/{ident}/timeline.png")
    assert answer.status_code == 200 and answer.headers["content-type"] == "image/png"
    assert answer.headers["content-disposition"] == f'inline; filename="{ident}-timeline.png"'
    pixels = decoded(answer.content)
    assert pixels.shape[1] == 1100 and pixels.shape[0] > 150 and pixels[..., :3].std() > 0.01
    svg = client.get(f"/api/persons/{ident}/timeline.svg")
    assert svg.headers["content-type"] == "image/svg+xml"
    posts = [p["label"] for p in kg.career(dong)["posts"]]
    assert CAM_LOC_CHAIR in posts and all(f">{post}</text>" in svg.text for post in posts)
    assert "<dc:date>" not in svg.text  # the same career gives the same bytes on any day


def test_a_timeline_speaks_the_language_asked_for(client, kg, store):
    dong = person(store, "Nguyễn Viết Đồng")
    url = f"/api/persons/{dong.rsplit('/', 1)[-1]}/timeline.svg"
    posts = len(kg.career(dong)["posts"])
    legends = ("timeline_attested", "timeline_elected", "timeline_events_row")
    for lang, other in (("vi", "en"), ("en", "vi")):
        t, t_other = translator(lang), translator(other)
        for answer in (
            client.get(url, params={"lang": lang}),
            client.get(url, headers={"Accept-Language": f"{lang};q=0.9"}),
        ):
            assert answer.status_code == 200 and "Accept-Language" in answer.headers["vary"]
            shown = answer.text
            assert f": {t('timeline_posts', n=posts)}, " in shown  # the title
            for key in legends:
                assert f">{t(key)}</text>" in shown, (lang, key)
                assert f">{t_other(key)}</text>" not in shown, (lang, key)
    # Without either, English, with the plural said properly (never "post(s)")
    plain = client.get(url).text
    assert f">{translator('en')('timeline_attested')}</text>" in plain
    assert "(s)" not in plain


def test_an_unknown_person_s_timeline_is_404_json(client, store):
    mention = rows(
        store,
        """SELECT ?m WHERE { ?m a pg:PersonMention ; pg:mentionOf ?p }
                             ORDER BY ?m LIMIT 1""",
    )[0][0].rsplit("/", 1)[-1]
    for ident in ("nguyen-van-a-00000000-00000000", mention, "not%20an%20id"):
        answer = client.get(f"/api/persons/{ident}/timeline.png")
        assert answer.status_code == 404, ident
        assert answer.headers["content-type"] == "application/json"
        assert answer.json()["error"] == "not found"


# -- arguments --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "params", "status", "words"),
    [
        ("/api/analytics/centrality", {"from": "not-a-date"}, 400, "query.from"),
        ("/api/analytics/centrality", {"to": "2023-02-30"}, 400, "query.to"),
        (
            "/api/analytics/centrality",
            {"from": "2024-01-01", "to": "2023-01-01"},
            400,
            "the window is empty",
        ),
        ("/api/analytics/centrality", {"sort": "charisma"}, 400, "query.sort"),
        ("/api/analytics/centrality", {"limit": 0}, 400, "query.limit"),
        ("/api/analytics/communities", {"resolution": 0}, 400, "query.resolution"),
        ("/api/analytics/network", {"format": "bogus"}, 400, "query.format"),
        ("/api/analytics/network", {"projection": "friendship"}, 400, "query.projection"),
        ("/api/analytics/network", {"format": "png", "limit": 401}, 400, "query.limit"),
        ("/api/analytics/centrality", {"place": "xã Không Có"}, 404, "no place"),
        ("/api/analytics/communities", {"org": "UBND xã Không Có"}, 404, "no body"),
        ("/api/analytics/succession", {"post": "Thủ tướng"}, 404, "no post"),
        ("/api/analytics/network", {"format": "png", "place": "xã Không Có"}, 404, "no place"),
    ],
)
def test_bad_arguments_are_json_errors(client, url, params, status, words):
    answer = client.get(url, params=params)
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert set(body) == {"error", "detail"}
    assert body["error"] == {400: "bad request", 404: "not found"}[status]
    assert words in json.dumps(body, ensure_ascii=False)


def test_a_body_is_named_by_id_name_or_iri(client, store):
    (body,) = rows(
        store,
        "SELECT DISTINCT ?o WHERE { ?o a pg:Organization "
        '; rdfs:label "Ủy ban nhân dân xã Cẩm Lộc" }',
    )
    answers = [
        client.get("/api/analytics/centrality", params={"org": org, "limit": 100}).json()
        for org in (body[0].rsplit("/", 1)[-1], "UBND xã Cẩm Lộc", body[0])
    ]
    assert answers[0]["total"] > 0 and answers[0] == answers[1] == answers[2]


def test_a_post_is_named_by_title_or_id(client):
    by_title = client.get(
        "/api/analytics/succession", params={"post": "Chủ tịch", "org": "UBND xã Cẩm Lộc"}
    ).json()
    post_id = by_title["items"][0]["post"]["id"]
    assert post_id.startswith("post/")
    assert client.get("/api/analytics/succession", params={"post": post_id}).json() == by_title


# -- how the routes are served and documented ---------------------------------------------------
def test_an_analysis_is_worked_out_in_a_query_worker(client, kg, monkeypatch):
    # Not in the server process, whose requests share one interpreter lock: there the analyses'
    # own code now fails, and the answer is the Python API's all the same.
    expected = kg.centrality()

    def not_here(*_args, **_kwargs):
        raise AssertionError("an analysis ran in the server process")

    monkeypatch.setattr(KnowledgeGraph, "centrality", not_here)
    ranked = every_item(client, "/api/analytics/centrality")
    assert [r["iri"] for r in ranked] == [r["person"] for r in expected]


@pytest.mark.parametrize(
    ("url", "documented"),
    [
        ("/api/analytics/centrality?place=xã Cẩm Lộc", shown.CENTRALITY),
        ("/api/analytics/communities?place=xã Cẩm Lộc", shown.COMMUNITIES),
        ("/api/analytics/succession?post=Chủ tịch&org=UBND xã Cẩm Lộc", shown.SUCCESSION),
        ("/api/analytics/network?format=json&place=xã Cẩm Lộc", shown.NETWORK_JSON),
    ],
)
def test_the_documented_answers_are_real_ones(client, url, documented):
    answer = client.get(url)
    assert answer.status_code == 200
    same_shape(documented, answer.json(), url)


def test_the_documented_files_are_cut_from_real_ones(client):
    # The examples show the sample's seed meeting; the window leaves out this store's 2024 meeting.
    seed_meeting = {"place": "xã Cẩm Lộc", "to": "2023-12-31"}
    graphml = client.get(
        "/api/analytics/network", params={"format": "graphml", **seed_meeting}
    ).content
    real = nx.read_graphml(io.BytesIO(graphml))
    cut = nx.read_graphml(io.BytesIO(shown.GRAPHML.encode("utf-8")))
    assert len(cut) == 2 and all(cut.nodes[n] == real.nodes[n] for n in cut)
    assert all(cut.edges[e] == real.edges[e] for e in cut.edges)
    edges = client.get(
        "/api/analytics/network", params={"format": "csv", **seed_meeting}
    ).text.splitlines()
    assert set(shown.EDGE_LIST.splitlines()) <= set(edges)
    whole = client.get("/api/analytics/network", params={"format": "json", **seed_meeting}).json()
    by_id = {n["id"]: n for n in whole["nodes"]}
    assert all(by_id[n["id"]] == n for n in shown.NETWORK_JSON["nodes"])
    assert whole["edges"][0].keys() == shown.NETWORK_JSON["edges"][0].keys()
    ranked = client.get("/api/analytics/centrality", params={"limit": 100, **seed_meeting}).json()[
        "items"
    ]
    (documented,) = shown.CENTRALITY["items"]
    (dong,) = [r for r in ranked if r["iri"] == documented["iri"]]
    assert dong == {**documented, "eigenvector": pytest.approx(documented["eigenvector"])}
    (community,) = client.get("/api/analytics/communities", params=seed_meeting).json()["items"]
    (documented,) = shown.COMMUNITIES["items"]
    assert community["places"] == documented["places"]
    assert all(body in community["bodies"] for body in documented["bodies"])
    assert documented["members"][0] in community["members"]


def test_binary_answers_declare_their_media_types(client):
    spec = client.get("/openapi.json").json()["paths"]
    network = spec["/api/analytics/network"]["get"]["responses"]["200"]["content"]
    assert set(network) == {
        "application/graphml+xml",
        "application/gexf+xml",
        "text/csv",
        "application/json",
        "image/png",
        "image/svg+xml",
    }
    assert set(
        spec["/api/persons/{person_id}/timeline.png"]["get"]["responses"]["200"]["content"]
    ) == {"image/png"}
    assert set(
        spec["/api/persons/{person_id}/timeline.svg"]["get"]["responses"]["200"]["content"]
    ) == {"image/svg+xml"}
    assert {p["name"] for p in spec["/api/analytics/centrality"]["get"]["parameters"]} >= {
        "from",
        "to",
        "place",
        "org",
        "sort",
        "limit",
        "offset",
    }
