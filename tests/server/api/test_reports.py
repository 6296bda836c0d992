"""The REST API's write routes: a report in, read back; a check that stores nothing; bad input
to each route refused with nothing stored."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT
from fastapi.testclient import TestClient

from polgraph.server import create_app
from polgraph.server.api import examples
from polgraph.settings import Settings

TOKEN = "api-write-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
IDENTITY = ROOT / "data" / "identity.yaml"
# A second meeting in xã Cẩm Lộc, a year after the seed's, chaired by the same Bí thư.
LATER_MEETING = (
    "Hội nghị Ban Chấp hành Đảng bộ xã Cẩm Lộc\n\nSáng ngày 12/6/2024, Đảng ủy xã Cẩm Lộc, huyện "
    "Cẩm Xuyên tổ chức hội nghị sơ kết 6 tháng đầu năm. Đồng chí Võ Nam - Bí thư Đảng ủy xã chủ "
    "trì hội nghị. Đồng chí Lưu Văn Khánh - Phó Chủ tịch UBND xã báo cáo kết quả 6 tháng.\n"
)


@pytest.fixture(scope="module")
def store(data_reports_store):
    return data_reports_store()


@pytest.fixture(scope="module")
def client(store):
    app = create_app(Settings(write_token=TOKEN, query_workers=1, identity_path=IDENTITY), store)
    with TestClient(app) as running:
        yield running


def snapshot(store) -> set:
    return set(store.native.quads_for_pattern(None, None, None, None))


def post_text(client, route: str, text: str, headers: dict | None = None, **params):
    return client.post(
        route,
        content=text.encode("utf-8"),
        params=params,
        headers={"Content-Type": "text/plain; charset=utf-8", **(headers or {})},
    )


def test_a_text_report_goes_in_and_its_facts_come_out(client, store):
    answer = post_text(client, "/api/reports", LATER_MEETING, AUTH, key="cam-loc-2024-06")
    assert answer.status_code == 201, answer.json()
    added = answer.json()
    assert added["status"] == "added" and added["persons"] == 2
    assert answer.headers["location"] == added["report"]["href"]
    assert added["report"]["key"] == "cam-loc-2024-06"

    event = client.get(added["event"]["href"]).json()
    assert event["date"] == "2024-06-12"
    roles = {
        p["mention"]["name"]: [r["post"]["label"] for r in p["roles"]]
        for p in event["participants"]
    }
    assert roles == {
        "Võ Nam": ["Bí thư Đảng ủy xã Cẩm Lộc"],
        "Lưu Văn Khánh": ["Phó Chủ tịch Ủy ban nhân dân xã Cẩm Lộc"],
    }
    # /api/roles is answered by a query worker, from a snapshot taken after the write.
    at_event = client.get("/api/roles", params={"event": added["event"]["id"]}).json()
    assert at_event["total"] == 2
    assert {(r["person"]["name"], r["post"]["label"]) for r in at_event["items"]} == {
        ("Võ Nam", "Bí thư Đảng ủy xã Cẩm Lộc"),
        ("Lưu Văn Khánh", "Phó Chủ tịch Ủy ban nhân dân xã Cẩm Lộc"),
    }
    report = client.get(added["report"]["href"]).json()
    assert report["text"] == LATER_MEETING.rstrip() and report["key"] == "cam-loc-2024-06"

    # Võ Nam of the seed and of this report are one person: same post in the same body.
    resolved = {r["name"]: r["person"] for r in added["resolved"]}
    seed_vo_nam = client.get("/api/persons", params={"q": "vo nam"}).json()["items"]
    assert [p["id"] for p in seed_vo_nam] == [resolved["Võ Nam"]["id"]]
    person = client.get(resolved["Võ Nam"]["href"]).json()
    secretary = next(
        p for p in person["posts"] if p["post"]["label"] == "Bí thư Đảng ủy xã Cẩm Lộc"
    )
    assert (secretary["first_evidence"], secretary["last_evidence"]) == ("2023-05-16", "2024-06-12")
    assert [e["source"]["report"]["key"] for e in secretary["evidence"]] == [
        "seed",
        "cam-loc-2024-06",
    ]
    assert [e["event"]["date"] for e in person["events"]] == ["2023-05-16", "2024-06-12"]

    before = snapshot(store)
    again = post_text(client, "/api/reports", LATER_MEETING, AUTH, key="cam-loc-2024-06")
    assert again.status_code == 200 and again.json()["status"] == "unchanged"  # 201 is for new ones
    assert "location" not in again.headers
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", json.dumps(examples.STRUCTURED_REPORT, ensure_ascii=False)),
        ("application/yaml", examples.YAML_REPORT),
    ],
)
def test_a_structured_report_goes_in(client, content_type, body):
    headers = {**AUTH, "Content-Type": content_type}
    answer = client.post("/api/reports", content=body.encode("utf-8"), headers=headers)
    assert answer.status_code == 201, answer.json()
    event = client.get(answer.json()["event"]["href"]).json()
    assert event["date"] == "2024-06-12" and event["kind"] == "conference"
    assert [p["mention"]["name"] for p in event["participants"]] == ["Võ Nam"]


def test_a_file_upload_is_keyed_by_its_name(client):
    text = LATER_MEETING.replace("12/6/2024", "13/6/2024")
    upload = {"file": ("tan-phuc-2024.txt", text.encode(), "text/plain")}
    answer = client.post("/api/reports", files=upload, headers=AUTH)
    assert answer.status_code == 201, answer.json()
    assert answer.json()["report"]["key"] == "tan-phuc-2024"


def test_validate_says_what_ingest_would_and_stores_nothing(client, store):
    before = snapshot(store)
    text = LATER_MEETING.replace("12/6/2024", "14/7/2024")
    answer = post_text(client, "/api/validate", text)  # no token needed: nothing is written
    assert answer.status_code == 200, answer.json()
    checked = answer.json()
    assert checked["status"] == "valid" and checked["persons"] == 2
    assert snapshot(store) == before
    assert client.get(checked["report"]["href"]).status_code == 404
    assert client.get(checked["event"]["href"]).status_code == 404
    # The same report stored lands where validate said it would.
    stored = post_text(client, "/api/reports", text, AUTH).json()
    assert stored["report"]["iri"] == checked["report"]["iri"]
    assert client.get(checked["event"]["href"]).json()["date"] == "2024-07-14"


def test_validate_reports_the_shapes_warnings(client):
    unattached = {
        "event": {
            "kind": "conference",
            "date": "2024-06-12",
            "place": "xã Cẩm Lộc, huyện Cẩm Xuyên",
        },
        "persons": [{"name": "Võ Nam", "roles": [{"post": "Bí thư"}]}],
    }
    answer = client.post("/api/validate", json=unattached)
    assert answer.status_code == 200
    assert [m["message"] for m in answer.json()["messages"]] == [
        "This post names no organisation; say which body it belongs to."
    ]


def test_validate_reads_pages_too(client):
    page = f"<html><body><article><h1>Hội nghị</h1><p>{LATER_MEETING}</p></article></body></html>"
    answer = client.post(
        "/api/validate",
        content=page.encode(),
        headers={"Content-Type": "text/html"},
        params={"published": "2024-06-12"},
    )
    assert answer.status_code == 200, answer.json()
    assert answer.json()["persons"] == 2


# -- bad input -------------------------------------------------------------------------------
BAD_DATE = {"event": {"kind": "conference", "date": "2023-02-30"}, "persons": [{"name": "Võ Nam"}]}
BAD_INPUT = [
    ("empty body", "text/plain", b"", 400, "is empty"),
    ("whitespace", "text/plain", b"  \n\t ", 400, "is empty"),
    ("binary", "text/plain", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", 400, "binary"),
    (
        "legacy encoding",
        "text/plain",
        "Đảng ủy xã Cẩm Lộc họp".encode("cp1258", errors="replace") + b"\xff",
        400,
        "UTF-8",
    ),
    ("bad JSON", "application/json", b'{"event": {"kind": ', 400, "not valid JSON"),
    ("JSON list", "application/json", b"[1, 2]", 400, "one JSON/YAML object"),
    (
        "off the schema",
        "application/json",
        b'{"event": {"kind": "picnic"}, "persons": []}',
        400,
        "extraction schema",
    ),
    ("bad YAML", "application/yaml", b"event: [unclosed", 400, "not valid YAML"),
    (
        "names nobody",
        "text/plain",
        "Hội nghị\n\nSáng 12/1/2024, xã tổ chức hội nghị.\n".encode(),
        400,
        "names nobody",
    ),
    ("unknown kind", "image/png", b"\x89PNG", 415, "image/png"),
    ("no content type", "", "Hội nghị".encode(), 415, "no Content-Type"),
    (
        "against the shapes",
        "application/json",
        json.dumps(BAD_DATE).encode(),
        422,
        "real calendar date",
    ),
]


@pytest.mark.parametrize("route", ["/api/reports", "/api/validate"])
@pytest.mark.parametrize(
    ("case", "content_type", "body", "status", "words"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_is_refused_and_nothing_stored(
    client, store, route, case, content_type, body, status, words
):
    before = snapshot(store)
    headers = {**AUTH, **({"Content-Type": content_type} if content_type else {})}
    answer = client.post(route, content=body, headers=headers)
    assert answer.status_code == status, answer.json()
    assert set(answer.json()) == {"error", "detail"}
    assert words in json.dumps(answer.json(), ensure_ascii=False)
    if status == 422:
        assert answer.json()["error"] == "rejected by the shapes"
        assert answer.json()["detail"][0]["severity"] == "Violation"
    assert snapshot(store) == before


@pytest.mark.parametrize("route", ["/api/reports", "/api/validate"])
@pytest.mark.parametrize("params", [{"published": "12/6/2024"}, {"key": "no spaces please"}])
def test_bad_parameters_are_400(client, route, params):
    answer = post_text(client, route, LATER_MEETING, AUTH, **params)
    assert answer.status_code == 400 and answer.json()["error"] == "bad request"


def test_a_multipart_upload_without_a_file_is_400(client):
    answer = client.post(
        "/api/reports", data={"note": "no file"}, files={"other": ("x.txt", b"x")}, headers=AUTH
    )
    assert answer.status_code == 400 and "'file'" in answer.json()["detail"]


def test_storing_needs_the_token(client, store):
    before = snapshot(store)
    missing = post_text(client, "/api/reports", LATER_MEETING)
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    wrong = post_text(
        client, "/api/reports", LATER_MEETING, {"Authorization": "Bearer not-the-token"}
    )
    assert wrong.status_code == 403
    # Refused before the body is read: even an unreadable one is answered 401.
    assert (
        client.post("/api/reports", content=b"", headers={"Content-Type": "text/plain"}).status_code
        == 401
    )
    assert snapshot(store) == before


def test_a_read_only_server_has_no_report_route_but_still_validates(store):
    with TestClient(create_app(Settings(query_workers=1), store)) as read_only:
        assert post_text(read_only, "/api/reports", LATER_MEETING, AUTH).status_code == 404
        assert post_text(read_only, "/api/validate", LATER_MEETING).status_code == 200


def test_the_documented_examples_are_accepted(client):
    # The request bodies /docs shows are real reports.
    for content_type, body in (
        ("text/plain", examples.TEXT_REPORT),
        ("application/yaml", examples.YAML_REPORT),
        ("application/json", json.dumps(examples.STRUCTURED_REPORT)),
    ):
        answer = client.post(
            "/api/validate", content=body.encode(), headers={"Content-Type": content_type}
        )
        assert answer.status_code == 200, (content_type, answer.json())
    assert yaml.safe_load(examples.YAML_REPORT)["persons"][0]["name"] == "Võ Nam"
