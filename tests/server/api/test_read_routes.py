"""The REST API's read routes, in process, over the sample reports (and the dev corpus when
present).

Expected values come from the data: the reports' own text, the gold annotations of the dev
corpus, and what its README says about the people who recur across reports.
"""

from __future__ import annotations

import json
import unicodedata

import pytest
from answer_shapes import same_shape
from conftest import ROOT, SHARED
from fastapi.testclient import TestClient

from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.server.api import examples
from polgraph.settings import Settings
from polgraph.store import OxigraphStore
from polgraph.text.normalise import normalise_label

CORPUS = SHARED / "dev-corpus"
SEED_TEXT = (ROOT / "data" / "reports" / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(vocabulary, validator):
    """The sample reports, and the dev corpus beside the repository when it is there."""
    store = OxigraphStore(None)
    pipeline = Pipeline(store, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    paths = [ROOT / "data" / "reports"] + ([CORPUS / "reports"] if CORPUS.is_dir() else [])
    assert not pipeline.run(paths).rejected
    app = create_app(
        Settings(query_workers=1, identity_path=ROOT / "data" / "identity.yaml"), store
    )
    with TestClient(app) as running:
        yield running


def only(client, url: str, **params) -> dict:
    found = client.get(url, params=params).json()
    assert found["total"] == 1, found
    return found["items"][0]


def report_text(client, report: dict) -> str:
    return client.get(report["href"]).json()["text"]


# -- persons --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query", ["nguyen viet dong", "NGUYEN VIET DONG", "dong viet", "Nguyễn Viết Đồng", "viết đông"]
)
def test_a_name_is_found_with_or_without_accents(client, query):
    found = client.get("/api/persons", params={"q": query}).json()
    assert "Nguyễn Viết Đồng" in [p["name"] for p in found["items"]]


def test_a_typed_tone_mark_is_not_optional(client):
    # With its tone mark typed, "Đống" (rising tone) is another name than "Đồng" (falling tone).
    assert client.get("/api/persons", params={"q": "nguyen viet đống"}).json()["total"] == 0


def test_search_pages_through_everyone(client):
    first = client.get("/api/persons", params={"limit": 2}).json()
    second = client.get("/api/persons", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] >= 9  # the seed alone names nine people
    assert (first["limit"], second["offset"]) == (2, 2)
    assert len(first["items"]) == len(second["items"]) == 2
    assert {p["id"] for p in first["items"]}.isdisjoint(p["id"] for p in second["items"])
    for person in first["items"]:
        assert person["iri"].endswith("/person/" + person["id"])
        assert person["href"] == f"/api/persons/{person['id']}"


def test_a_person_with_posts_events_and_the_sentences_that_say_so(client):
    person = only(client, "/api/persons", q="nguyen viet dong")
    detail = client.get(person["href"]).json()
    assert detail["name"] == "Nguyễn Viết Đồng"
    posts = {(p["post"]["title"], p["organization"]["label"]): p for p in detail["posts"]}
    # The seed: "Nguyễn Viết Đồng -Phó Bí thư Đảng uỷ, Chủ tịch UBND xã chủ trì hội nghị".
    assert set(posts) == {
        ("Phó Bí thư", "Đảng ủy xã Cẩm Lộc"),
        ("Chủ tịch", "Ủy ban nhân dân xã Cẩm Lộc"),
    }
    for post in posts.values():
        assert post["first_evidence"] == post["last_evidence"] == "2023-05-16"
        (evidence,) = post["evidence"]
        source = evidence["source"]
        assert source["report"]["key"] == "seed"
        assert (
            SEED_TEXT[source["start"] : source["end"]] == source["quote"] == evidence["as_written"]
        )
        assert source["quote"] in source["sentence"]
        assert SEED_TEXT[source["sentence_start"] :].startswith(source["sentence"])
        assert source["sentence"].endswith("chủ trì hội nghị.")
    (event,) = detail["events"]
    assert event["event"]["date"] == "2023-05-16" and event["event"]["kind"] == "conference"
    assert event["acts"] == ["chaired", "moderated"]
    assert sorted(event["posts"]) == [
        "Chủ tịch Ủy ban nhân dân xã Cẩm Lộc",
        "Phó Bí thư Đảng ủy xã Cẩm Lộc",
    ]
    assert [m["report"]["key"] for m in detail["mentions"]] == ["seed"]
    assert "href" not in detail["mentions"][0]  # a report's own node for him is not a person


def test_a_mention_id_is_not_a_person_but_says_where_the_person_is(client):
    person = only(client, "/api/persons", q="nguyen viet dong")
    mention = client.get(person["href"]).json()["mentions"][0]
    answer = client.get("/api/persons/" + mention["id"].removeprefix("person/"))
    assert answer.status_code == 404
    assert person["href"] in answer.json()["detail"]


def test_speeches_carry_their_topics(client):
    person = only(client, "/api/persons", q="tran anh dung")
    (speech,) = client.get(person["href"]).json()["speeches"]
    assert speech["kind"] == "speech"
    assert speech["topic"] == "công tác vận động Nhân dân xây dựng NTM"
    assert speech["topic"] in speech["source"]["quote"]


# -- events ---------------------------------------------------------------------------------
def test_an_event_lists_its_participants_with_the_roles_they_held(client):
    event = only(client, "/api/events", place="cam loc", kind="conference")
    detail = client.get(event["href"]).json()
    assert detail["date"] == "2023-05-16" and detail["term"] == "2020-2025"
    assert [u["label"] for u in detail["place"]] == [
        "Xã Cẩm Lộc",
        "Huyện Cẩm Xuyên",
        "Tỉnh Hà Tĩnh",
    ]
    roles = {
        p["mention"]["name"]: sorted(r["post"]["label"] for r in p["roles"])
        for p in detail["participants"]
    }
    assert roles["Võ Nam"] == ["Bí thư Đảng ủy xã Cẩm Lộc", "Chủ tịch Hội đồng nhân dân xã Cẩm Lộc"]
    assert roles["Biện Văn Thuyết"] == [
        "Giám đốc Trung tâm Chính trị huyện Cẩm Xuyên",
        "Trưởng ban Ban Tuyên giáo Huyện ủy Cẩm Xuyên",
        "Ủy viên Ban Thường vụ Huyện ủy Cẩm Xuyên",
    ]
    assert len(roles) == 9
    # In the order the report names them: Biện Văn Thuyết first, Phan Thị Ánh Điệp last.
    names = [p["mention"]["name"] for p in detail["participants"]]
    assert names[0] == "Biện Văn Thuyết" and names[-1] == "Phan Thị Ánh Điệp"
    for participant in detail["participants"]:
        assert participant["person"]["href"].startswith("/api/persons/")
        for role in participant["roles"]:
            assert SEED_TEXT[role["source"]["start"] : role["source"]["end"]] == role["as_written"]
    topics = [s["topic"] for s in detail["speeches"] if s["topic"]]
    assert "thực hiện tốt công tác Cải cách hành chính trong thời gian qua" in topics
    (plan,) = detail["documents"]
    assert (plan["number"], plan["relation"], plan["issued"]) == (
        "93-KH/HU",
        "implements",
        "2023-03-01",
    )
    assert detail["source"]["quote"] == "Chiều ngày 16/5/2023"


def test_events_are_filtered_by_date_kind_place_and_organiser(client):
    everything = client.get("/api/events", params={"limit": 100}).json()
    dates = [e["date"] for e in everything["items"] if e["date"]]
    assert dates == sorted(dates)
    after = client.get("/api/events", params={"from": "2023-06-01", "limit": 100}).json()["items"]
    assert after and all(e["date"] >= "2023-06-01" for e in after)
    between = client.get("/api/events", params={"from": "2023-05-16", "to": "2023-05-16"}).json()[
        "items"
    ]
    assert "Cẩm Lộc" in between[0]["label"] and len(between) == 1
    sessions = client.get("/api/events", params={"kind": "council_session", "limit": 100}).json()[
        "items"
    ]
    assert sessions and {e["kind"] for e in sessions} == {"council_session"}
    province = client.get("/api/events", params={"place": "ha tinh", "limit": 100}).json()["items"]
    assert "Xã Cẩm Lộc" in [e["place"]["label"] for e in province]
    organiser = only(client, "/api/events", place="cam loc")["organisers"][0]
    by_org = client.get("/api/events", params={"org": organiser["id"]}).json()["items"]
    assert [e["id"] for e in by_org] == [only(client, "/api/events", place="cam loc")["id"]]
    assert organiser["label"] == "Ban Chấp hành Đảng bộ xã Cẩm Lộc"


def test_a_place_is_found_under_the_unit_it_became_in_2025(client):
    # xã Cẩm Lộc was merged into xã Cẩm Trung on 1 July 2025.
    assert only(client, "/api/events", place="cam trung")["place"]["label"] == "Xã Cẩm Lộc"


def test_bad_filters_are_400_and_unknown_ids_404(client):
    assert client.get("/api/events", params={"kind": "picnic"}).status_code == 400
    assert client.get("/api/events", params={"from": "16/5/2023"}).status_code == 400
    assert client.get("/api/persons", params={"limit": 500}).json()["error"] == "bad request"
    for url in (
        "/api/persons/nobody",
        "/api/events/0000",
        "/api/organizations/none",
        "/api/sources/0000",
        "/api/persons/bad%20id",
    ):
        answer = client.get(url)
        assert answer.status_code == 404 and answer.json()["error"] == "not found", url
    assert client.get("/api/roles", params={"org": "no-such-body"}).status_code == 404


# -- organizations, roles, sources -----------------------------------------------------------
def test_an_organization_with_its_post_holders_members_and_sub_bodies(client):
    body = only(client, "/api/organizations", q="dang uy xa cam loc")
    detail = client.get(body["href"]).json()
    assert detail["label"] == "Đảng ủy xã Cẩm Lộc" and detail["kind"] == "Party committee"
    holders = {
        p["post"]["title"]: [h["holder"]["name"] for h in p["holders"]] for p in detail["posts"]
    }
    assert holders["Bí thư"] == ["Võ Nam"] and holders["Phó Bí thư"] == ["Nguyễn Viết Đồng"]
    assert {"Chi bộ Nam Phong", "Chi bộ Trường Mầm non Cẩm Lộc"} <= {
        b["label"] for b in detail["sub_bodies"]
    }
    members = {(m["person"]["name"], m["body"]) for m in detail["members"]}
    assert ("Trần Anh Dũng", "Chi bộ Nam Phong") in members  # a sub-body's member is the body's too
    assert ("Võ Nam", "Đảng ủy xã Cẩm Lộc") in members
    assert "Huyện ủy Cẩm Xuyên" in [p["label"] for p in detail["parents"]]


def test_roles_at_an_event_and_of_a_person(client):
    event = only(client, "/api/events", place="cam loc")
    at_event = client.get("/api/roles", params={"event": event["id"], "limit": 100}).json()
    assert at_event["total"] == 14  # the seed's gold annotation has 14 roles
    person = only(client, "/api/persons", q="vo nam")
    held = client.get("/api/roles", params={"person": person["id"]}).json()["items"]
    assert sorted(r["post"]["label"] for r in held) == [
        "Bí thư Đảng ủy xã Cẩm Lộc",
        "Chủ tịch Hội đồng nhân dân xã Cẩm Lộc",
    ]
    on_day = client.get("/api/roles", params={"person": person["id"], "date": "2023-05-16"}).json()[
        "items"
    ]
    assert {r["status"] for r in on_day} == {"attested"} and len(on_day) == 2
    before = client.get("/api/roles", params={"person": person["id"], "date": "2022-01-01"}).json()
    assert before["total"] == 0
    assert (
        client.get("/api/roles", params={"event": event["id"], "date": "2023-05-16"}).status_code
        == 400
    )


def test_a_source_gives_its_text_and_the_span_of_each_fact(client):
    report = only(client, "/api/sources", key="seed")
    detail = client.get(report["href"]).json()
    assert unicodedata.normalize("NFC", SEED_TEXT) == detail["text"]
    kinds = {f["kind"] for f in detail["facts"]}
    assert kinds == {"event", "role", "participation", "speech", "document"}
    assert sum(f["kind"] == "role" for f in detail["facts"]) == 14
    starts = [f["start"] for f in detail["facts"]]
    assert starts == sorted(starts)
    for fact in detail["facts"]:
        assert detail["text"][fact["start"] : fact["end"]] == fact["quote"]
        # Only facts about someone name a person: never an event or a document.
        assert (fact["person"] is None) == (fact["kind"] in ("event", "document")), fact


# -- JSON-LD and the documentation ------------------------------------------------------------
def test_json_ld_when_asked_for(client):
    person = only(client, "/api/persons", q="nguyen viet dong")
    answer = client.get(person["href"], headers={"Accept": "application/ld+json"})
    assert answer.headers["content-type"] == "application/ld+json"
    nodes = {n["@id"]: n for n in answer.json()}
    assert nodes[person["iri"]]["https://w3id.org/polgraph/ontology#name"] == [
        {"@value": "Nguyễn Viết Đồng"}
    ]
    event = only(client, "/api/events", place="cam loc")
    linked = client.get(
        event["href"], headers={"Accept": "application/ld+json;q=1, application/json;q=0.5"}
    )
    assert event["iri"] in {n["@id"] for n in linked.json()}
    assert client.get(event["href"], headers={"Accept": "text/turtle"}).status_code == 406
    assert (
        client.get(event["href"], headers={"Accept": "text/html,*/*;q=0.8"}).json()["id"]
        == event["id"]
    )


def test_every_api_route_documents_an_example(client):
    spec = client.get("/openapi.json").json()
    routes = [
        (path, method, op)
        for path, ops in spec["paths"].items()
        if path.startswith("/api")
        for method, op in ops.items()
    ]
    assert len(routes) >= 11
    missing = []
    for path, method, op in routes:
        where = f"{method.upper()} {path}"
        success = [r for status, r in op["responses"].items() if status.startswith("2")]
        if not success or not all("example" in c for r in success for c in r["content"].values()):
            missing.append(f"{where}: answer")
        missing += [
            f"{where}: parameter {p['name']}"
            for p in op.get("parameters", [])
            if "example" not in p and "examples" not in p
        ]
        bodies = op.get("requestBody", {}).get("content", {})
        missing += [
            f"{where}: body {kind}"
            for kind, c in bodies.items()
            if "example" not in c and "examples" not in c
        ]
        missing += [
            f"{where}: error {status}"
            for status, r in op["responses"].items()
            if status[0] in "45" and "example" not in r["content"]["application/json"]
        ]
    assert not missing, missing
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize(
    ("url", "documented"),
    [
        ("/api/persons?q=nguyen viet dong", examples.PERSONS),
        (examples.DONG["href"], examples.PERSON),
        ("/api/events?place=cam loc", examples.EVENTS),
        (examples.EVENT["href"], examples.EVENT_DETAIL),
        ("/api/organizations?q=dang uy xa cam loc", examples.ORGANIZATIONS),
        (examples.PARTY_COMMITTEE["href"], examples.ORGANIZATION),
        (f"/api/roles?person={examples.DONG['id']}", examples.ROLES),
        ("/api/sources?key=seed", examples.SOURCES),
        (examples.REPORT["href"], examples.SOURCE),
    ],
)
def test_the_documented_answers_are_real_ones(client, url, documented):
    answer = client.get(url)
    assert answer.status_code == 200, url
    same_shape(documented, answer.json(), url, null_nodes=True)
    real = answer.json()
    if "items" in real:
        assert documented["items"][0]["iri"] in json.dumps(real)
    else:
        assert real["iri"] == documented["iri"]


# -- over the dev corpus -------------------------------------------------------------------------
@pytest.mark.shared
def test_a_career_across_reports_in_date_order(client, shared_corpus):
    # The README: Khổng Đức Thành, PCT UBND xã Xuân Hòa
    # (d007, January 2024), elected Chủ tịch (d008).
    person = only(client, "/api/persons", q="khong duc thanh")
    detail = client.get(person["href"]).json()
    posts = [
        (p["post"]["title"], p["first_evidence"], p["last_evidence"], p["opened_by_election"])
        for p in detail["posts"]
        if p["organization"]["label"] == "Ủy ban nhân dân xã Xuân Hòa"
    ]
    assert posts == [
        ("Phó Chủ tịch", "2024-01-12", "2024-06-27", False),
        ("Chủ tịch", "2024-06-27", "2024-06-27", True),
    ]
    chair = next(p for p in detail["posts"] if p["post"]["title"] == "Chủ tịch")
    assert chair["predecessor"]["name"] == "Mai Văn Quyết"
    deputy = detail["posts"][0]
    assert [e["source"]["report"]["key"] for e in deputy["evidence"]] == ["d007", "d008"]
    for evidence in deputy["evidence"]:
        text = report_text(client, evidence["source"]["report"])
        assert (
            text[evidence["source"]["start"] : evidence["source"]["end"]] == evidence["as_written"]
        )
    assert [e["event"]["date"] for e in detail["events"]] == ["2024-01-12", "2024-06-27"]


@pytest.mark.shared
def test_every_gold_role_is_at_its_event(client, shared_corpus):
    for gold_file in sorted((shared_corpus / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        report = only(client, "/api/sources", key=gold["id"])
        event = client.get(report["event"]["href"]).json()
        assert (event["date"], event["kind"]) == (gold["event"]["date"], gold["event"]["kind"]), (
            gold["id"]
        )
        found = {
            (
                p["mention"]["name"],
                r["post"]["title"],
                r["organization"] and r["organization"]["label"],
            )
            for p in event["participants"]
            for r in p["roles"]
        }
        wanted = {
            (p["name"], normalise_label(r["post"]), r["org"] and normalise_label(r["org"]))
            for p in gold["persons"]
            for r in p["roles"]
        }
        assert wanted <= found, (gold["id"], wanted - found)


@pytest.mark.shared
def test_namesakes_are_two_persons_found_by_one_search(client, shared_corpus):
    found = client.get("/api/persons", params={"q": "le van thang"}).json()
    assert [p["name"] for p in found["items"]] == ["Lê Văn Thắng", "Lê Văn Thắng"]
    keys = {client.get(p["href"]).json()["mentions"][0]["report"]["key"] for p in found["items"]}
    assert keys == {"d010", "d013"}


def test_roles_pages_follow_one_order_whatever_the_page_size(client):
    # Pages are cut from one order (date, event, place in the text): read one by one they
    # make up the whole list, in order, with the same total on every page.
    event = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    whole = client.get("/api/roles", params={"event": event["id"], "limit": 100}).json()
    assert whole["total"] == len(whole["items"]) > 3
    starts = [item["source"]["start"] for item in whole["items"]]
    assert starts == sorted(starts)  # one event: ordered by where the text states each role
    pieces, totals = [], set()
    for offset in range(0, whole["total"], 3):
        page = client.get(
            "/api/roles", params={"event": event["id"], "limit": 3, "offset": offset}
        ).json()
        pieces += page["items"]
        totals.add(page["total"])
    assert pieces == whole["items"] and totals == {whole["total"]}
