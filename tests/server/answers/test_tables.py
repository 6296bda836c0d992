"""The lists and name searches read whole-store tables (``polgraph.server.answers.tables``): they
answer as the store's own queries over every row do, and a write through the server makes them
read the store again."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import ROOT
from fastapi.testclient import TestClient
from word_regex import word_patterns

from polgraph.server import create_app
from polgraph.server.answers.graph import select, text
from polgraph.server.answers.search import Keys, Names, word_matchers
from polgraph.settings import Settings

TOKEN = "tables-write-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"}
IDENTITY = ROOT / "data" / "identity.yaml"
# The seed's meeting a year on, and a quarter later one naming someone new.
LATER_MEETING = (
    "Hội nghị Ban Chấp hành Đảng bộ xã Cẩm Lộc\n\nSáng ngày 12/6/2024, Đảng ủy xã Cẩm Lộc, "
    "huyện Cẩm Xuyên tổ chức hội nghị sơ kết 6 tháng đầu năm. Đồng chí Võ Nam - Bí thư Đảng ủy "
    "xã chủ trì hội nghị. Đồng chí Lưu Văn Khánh - Phó Chủ tịch UBND xã báo cáo kết quả 6 tháng.\n"
)
NEW_FACE = (
    "Hội nghị Ban Chấp hành Đảng bộ xã Cẩm Lộc\n\nSáng ngày 3/9/2024, Đảng ủy xã Cẩm Lộc, "
    "huyện Cẩm Xuyên tổ chức hội nghị giao ban quý III. Đồng chí Võ Nam - Bí thư Đảng ủy "
    "xã chủ trì hội nghị. Đồng chí Hồ Sĩ Tùng - Chủ tịch UBND xã báo cáo kết quả quý III.\n"
)

KEYS = [
    "nguyễn viết đồng",
    "nguyễn viết đống",
    "lê thị thủy",
    "h'nga byă",
    "trần-văn an",
    "x--abc",
    "đảng ủy xã cẩm lộc",
    "ủy ban nhân dân\txã cẩm\r\nlộc",
    "a\u00a0bình",
    "a\u2003bình",
    "a\x1cbình",
    "bình",
    "viết",
    "iet",
    "đông",
    "dong",
    "ủy  ban",
    "-ban",
    "văn'an",
]
QUERIES = [
    "nguyen viet dong",
    "dong",
    "viet",
    "iet",
    "đông",
    "đống",
    "nga",
    "h'nga",
    "van an",
    "an",
    "tran-van",
    "-abc",
    "abc",
    "binh",
    "uy ban",
    "xa cam loc",
    "loc",
    "ban",
    "a.b*(c",
    "",
    "  ,.;  ",
    "ĐỒNG",
    "thủy",
    "thuy",
    "zzz",
    "'an",
    "van'an",
]


def test_words_are_found_in_python_where_sparql_finds_them():
    store = ox.Store()
    key = ox.NamedNode("https://example.org/key")
    for i, name in enumerate(KEYS):
        store.add(ox.Quad(ox.NamedNode(f"https://example.org/k{i}"), key, ox.Literal(name)))
    keys = Keys(KEYS)
    for query in QUERIES:
        patterns = word_patterns(query)
        tests = " && ".join(f"REGEX(?key, ?word{i})" for i in range(len(patterns))) or "true"
        values = " ".join(str(ox.Literal(p)) for p in patterns)
        names = " ".join(f"?word{i}" for i in range(len(patterns)))
        found = {
            row["key"].value
            for row in store.query(
                f"SELECT ?key WHERE {{ VALUES ({names}) {{ ({values}) "
                f"}} ?s <{key.value}> ?key FILTER ({tests}) }}"
            )
        }
        assert [keys.keys[i] for i in keys.matching(word_matchers(query))] == sorted(found), query


def test_a_page_of_names_is_a_slice_of_all_that_match():
    rows = [(k, f"https://example.org/{i % 7}", k.upper()) for i, k in enumerate(KEYS * 2)]
    names = Names(rows)
    for query in QUERIES:
        every = names.find(query)
        assert every == sorted(r for r in set(rows) if r in every)
        for offset, limit in ((0, 3), (2, 5), (len(every) - 1, 4), (len(every) + 3, 2)):
            assert names.page(query, max(offset, 0), limit) == (
                every[max(offset, 0) :][:limit],
                len({r[1] for r in every}),
            )


@pytest.fixture(scope="module")
def client(data_reports_store):
    store = data_reports_store()
    app = create_app(Settings(write_token=TOKEN, query_workers=1, identity_path=IDENTITY), store)
    with TestClient(app) as running:
        answer = running.post("/api/reports", content=LATER_MEETING.encode(), headers=AUTH)
        assert answer.status_code == 201, answer.json()
        yield running


def store_of(client):
    return client.app.state.store


# What the lists answered when each was one query over the whole store.
PERSONS = """SELECT ?person ?name (COUNT(DISTINCT ?report) AS ?reports) WHERE {
  ?person a pg:Person ; pg:name ?name ; pg:nameKey ?key . {filter}
  ?mention pg:mentionOf ?person . ?part pg:participant ?mention ; pg:source ?report .
} GROUP BY ?person ?name ?key ORDER BY ?key ?person"""
EVENTS_IN_PLACE = """SELECT DISTINCT ?event WHERE {
  ?event a ?class . ?class pg:kindCode ?kind . ?event rdfs:label ?label .
  OPTIONAL { ?event pg:date ?date }
  ?event pg:place/pg:partOf* ?unit .
  { ?unit rdfs:label ?place_label }
  UNION { ?unit pg:successorUnit/pg:partOf* ?later . ?later rdfs:label ?place_label }
  BIND (LCASE(?place_label) AS ?place_key) {filter}
} ORDER BY (!BOUND(?date)) ?date ?label ?event"""
ROLES_ON_DATE = """SELECT DISTINCT ?tenure ?name ?status WHERE {
  ?tenure a pg:Tenure ; pg:holder ?person ; pg:post ?post ;
    pg:firstEvidence ?first ; pg:lastEvidence ?last .
  ?person pg:name ?name . ?post pg:postTitle ?title ; rdfs:label ?post_label .
  OPTIONAL { ?tenure pg:successor ?next . ?next pg:firstEvidence ?next_first ; pg:holder ?after .
             ?after pg:name ?after_name }
  FILTER (?first <= ?date && (?date <= ?last || (BOUND(?next_first) && ?date < ?next_first)))
  BIND (IF(?date <= ?last, "attested", "continuing") AS ?status)
} ORDER BY ?post ?first ?name"""


def matching(query: str, sparql: str, variable: str) -> tuple[str, dict]:
    patterns = word_patterns(query)
    tests = " && ".join(f"REGEX({variable}, ?word{i})" for i in range(len(patterns)))
    return (
        sparql.replace("{filter}", f"FILTER ({tests})" if tests else ""),
        {f"word{i}": text(p) for i, p in enumerate(patterns)},
    )


@pytest.mark.parametrize("query", ["", "vo nam", "nguyen", "van", "h", "le van thang", "zzz"])
def test_persons_are_found_as_the_store_finds_them(client, query):
    expected = select(store_of(client), *matching(query, PERSONS, "?key"))
    found = client.get("/api/persons", params={"q": query, "limit": 100}).json()
    assert found["total"] == len({r["person"] for r in expected})
    assert [(p["iri"], p["name"], p["reports"]) for p in found["items"]] == [
        (r["person"], r["name"], r["reports"]) for r in expected
    ][:100]


@pytest.mark.parametrize(
    "place", ["cam loc", "cẩm lộc", "ha tinh", "cam trung", "xa", "huyen cam", "zzz"]
)
def test_events_in_a_place_named_in_words_are_the_stores(client, place):
    expected = [
        r["event"]
        for r in select(store_of(client), *matching(place, EVENTS_IN_PLACE, "?place_key"))
    ]
    found = client.get("/api/events", params={"place": place, "limit": 100}).json()
    assert found["total"] == len(set(expected))
    assert [e["iri"] for e in found["items"]] == expected[:100]


@pytest.mark.parametrize(
    "day", ["2023-05-16", "2024-01-01", "2024-06-12", "2024-06-13", "2022-01-01"]
)
def test_roles_on_a_day_are_the_stores(client, day):
    expected = select(
        store_of(client),
        ROLES_ON_DATE,
        {"date": ox.Literal(day, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))},
    )
    found = client.get("/api/roles", params={"date": day, "limit": 100}).json()
    assert found["total"] == len({r["tenure"] for r in expected})
    assert [(r["iri"], r["person"]["name"], r["status"]) for r in found["items"]] == [
        (r["tenure"], r["name"], r["status"]) for r in expected
    ]


def test_a_report_written_through_the_server_is_in_the_lists_at_once(client):
    def totals():
        return {
            "person": client.get("/api/persons", params={"q": "ho si tung"}).json()["total"],
            "persons": client.get("/api/persons").json()["total"],
            "sources": client.get("/api/sources").json()["total"],
            "events": client.get("/api/events", params={"from": "2024-09-03"}).json()["total"],
            "place": client.get("/api/events", params={"place": "cam loc"}).json()["total"],
            "roles": client.get("/api/roles", params={"date": "2024-09-03"}).json()["total"],
            "bodies": client.get("/api/organizations").json()["total"],
        }

    before = totals()  # every table read
    assert before["person"] == 0 and before["events"] == 0 and before["roles"] == 0
    answer = client.post("/api/reports", content=NEW_FACE.encode(), headers=AUTH)
    assert answer.status_code == 201, answer.json()
    after = totals()
    assert after == {
        **before,
        "person": 1,
        "persons": before["persons"] + 1,
        "sources": before["sources"] + 1,
        "events": 1,
        "place": before["place"] + 1,
        "roles": after["roles"],
    }
    assert after["roles"] >= 2  # the Bí thư and the new Chủ tịch, on the day of the meeting
    tung = client.get("/api/roles", params={"date": "2024-09-03", "limit": 100}).json()["items"]
    assert "Hồ Sĩ Tùng" in [r["person"]["name"] for r in tung]
