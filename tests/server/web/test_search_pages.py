"""The search, in process: the page's sections and the API's answer, both from the full-text
index read by the query workers; a report stored through the API is found at once; a server
starting over a missing or stale index rebuilds it first and says so."""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from answer_shapes import same_shape
from conftest import RESOURCES, ROOT
from fastapi.testclient import TestClient
from search_examples import NAMESAKE, write_reports

from polgraph.pipeline.ingest import Pipeline
from polgraph.search import index_for
from polgraph.search.folding import comparable
from polgraph.server import create_app
from polgraph.server.api.search import SEARCH
from polgraph.server.translations import MESSAGES
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

IDENTITY = ROOT / "data" / "identity.yaml"
TOKEN = "search-write-token"
SCRIPT = "<script>document.title='owned'</script>"


@pytest.fixture(scope="module")
def store(vocabulary, validator, tmp_path_factory):
    handle = OxigraphStore(None)
    pipeline = Pipeline(handle, vocabulary, validator, identity=IDENTITY)
    pipeline.ensure_model_graphs()
    reports = write_reports(tmp_path_factory.mktemp("reports"))
    markup = RESOURCES / "reports" / "markup-in-text.yaml"
    assert not pipeline.run([ROOT / "data" / "reports", markup, *reports]).rejected
    return handle


@pytest.fixture(scope="module")
def client(store):
    settings = Settings(query_workers=1, identity_path=IDENTITY, write_token=TOKEN)
    with TestClient(create_app(settings, store)) as running:
        yield running


def page(client, url: str, status: int = 200):
    client.cookies.clear()
    answer = client.get(url)
    assert answer.status_code == status, (url, answer.text[:500])
    return lxml.html.fromstring(answer.text)


def words(element) -> str:
    return " ".join(element.text_content().split())


def search(client, **params) -> dict:
    answer = client.get("/api/search", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


# -- the page ---------------------------------------------------------------------------------
def test_namesakes_are_two_lines_told_apart(client):
    doc = page(client, "/search?q=dang van dat")
    lines = doc.cssselect("#persons ul.results li")
    assert [words(li.cssselect("a")[0]) for li in lines] == [NAMESAKE, NAMESAKE]
    first, second = (words(li) for li in lines)
    assert first != second
    assert "Phó Chủ tịch, Ủy ban nhân dân xã Đức Lạng" in first and "2019–2021" in first
    assert "Xã Đức Lạng, Huyện Đức Thọ, Tỉnh Hà Tĩnh" in first
    assert "Yên Đồng" in second and "2024" in second and "2019" not in second
    # Each line links its person only: the page of that person.
    hrefs = [li.cssselect("a")[0].get("href") for li in lines]
    api = search(client, q="dang van dat", section="persons")["persons"]["items"]
    assert hrefs == [f"/persons/{p['id']}" for p in api]
    assert all(len(li.cssselect("a")) == 1 for li in lines)


def test_hoi_nghi_finds_events_and_the_sentences_of_reports(client):
    doc = page(client, "/search?q=hoi nghi")
    events = [a.get("href") for a in doc.cssselect("#events li > a")]
    assert events and all(href.startswith("/events/") for href in events)
    found = doc.cssselect("#reports ul.results li")
    assert found
    for line in found:
        # Accents aside: a report may spell "Hợi nghị".
        marked = [comparable(words(m)) for m in line.cssselect("q.snippet mark")]
        assert marked and set(marked) <= {"hoi", "nghi"}, marked
    nav = [words(a) for a in doc.cssselect("nav.search-sections a")]
    assert nav[0].startswith(MESSAGES["persons"][0])


def test_a_snippet_links_to_its_report_with_the_words_lit_up(client):
    # The words in another order than the text's: the span runs from the first to the last.
    doc = page(client, "/search?q=nuoi ca trong lua")
    (line,) = doc.cssselect("#reports ul.results li")
    link = line.cssselect("a.source-link")[0].get("href")
    target = urlsplit(link)
    assert target.path.startswith("/sources/") and target.fragment == "evidence"
    span = parse_qs(target.query)
    source = page(client, link)
    lit = source.cssselect("mark#evidence strong.quote")[0]
    assert words(lit) == "trồng lúa và nuôi cá"
    answer = client.get("/api" + target.path).json()
    start, end = int(span["start"][0]), int(span["end"][0])
    assert answer["text"][start:end] == "trồng lúa và nuôi cá"


def test_a_section_pages_and_the_others_wait(client):
    total = search(client, q="")["persons"]["total"]
    assert total > 20
    doc = page(client, "/search?q=&section=persons&offset=20")
    assert len(doc.cssselect("#persons ul.results li")) == min(20, total - 20)
    assert doc.cssselect("#events") == []  # one section at a time
    assert doc.cssselect("#persons .pager a")[0].get("href").endswith("offset=0")
    # An offset alone pages persons, as the page's links once did.
    same = page(client, "/search?q=&offset=20")
    assert words(same.cssselect("#persons ul.results")[0]) == words(
        doc.cssselect("#persons ul.results")[0]
    )
    overview = page(client, "/search?q=")
    more = overview.cssselect("#persons .pager a")[0].get("href")
    assert parse_qs(urlsplit(more).query)["section"] == ["persons"]


def test_markup_from_reports_stays_text_in_every_section(client):
    answer = client.get("/search", params={"q": "hoi nghi"})
    assert SCRIPT not in answer.text and "&lt;script&gt;" in answer.text
    assert lxml.html.fromstring(answer.text).cssselect("main script") == []


def test_the_page_speaks_english_too(client):
    doc = page(client, "/search?q=duc lang&lang=en")
    titles = [words(h) for h in doc.cssselect("main section h2")]
    assert titles == ["Persons", "Bodies", "Places", "Events", "Reports"]
    assert "before 1 July 2025" in words(doc.cssselect("#places li")[0])


def test_a_bad_section_is_a_bad_request(client):
    page(client, "/search?q=x&section=nobody", status=400)
    assert client.get("/api/search", params={"section": "nobody"}).status_code == 400


# -- the API ----------------------------------------------------------------------------------
def test_the_documented_answer_is_a_real_one(client):
    real = search(client, q="hoi nghi cam loc")
    same_shape(SEARCH, real, "/api/search", null_nodes=True)
    assert set(real) == {"q", "persons", "bodies", "places", "events", "reports"}


def test_the_api_counts_each_section_and_pages_one(client):
    every = search(client, q="xa", limit=2)
    for name in ("persons", "bodies", "places", "events", "reports"):
        assert len(every[name]["items"]) <= 2 <= every[name]["total"] or every[name]["total"] < 2
    places = search(client, q="xa", section="places", limit=2, offset=2)
    assert set(places) == {"q", "places"} and places["places"]["offset"] == 2
    assert places["places"]["total"] == every["places"]["total"]


def test_a_report_stored_through_the_api_is_found_at_once(client):
    text = (
        "Hội nghị Ban Chấp hành Đảng bộ xã Đức Lạng\n\nSáng ngày 9/8/2024, Đảng ủy xã Đức Lạng, "
        "huyện Đức Thọ tổ chức hội nghị bàn về phòng chống lũ lụt. Đồng chí Đinh Thị Duyên - "
        "Bí thư Đảng ủy xã chủ trì hội nghị.\n"
    )
    assert not search(client, q="phong chong lu")["reports"]["items"]
    stored = client.post(
        "/api/reports",
        content=text.encode("utf-8"),
        params={"key": "duc-lang-2024-08"},
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
    )
    assert stored.status_code == 201, stored.text
    found = search(client, q="phong chong lu")["reports"]["items"]
    assert [r["key"] for r in found] == ["duc-lang-2024-08"]
    duyen = search(client, q="dinh thi duyen", section="persons")["persons"]["items"]
    assert duyen[0]["years"] == [2019, 2024]


# -- starting -------------------------------------------------------------------------------
def test_a_server_starting_over_a_missing_index_rebuilds_it_first(data_reports_store, caplog):
    store = data_reports_store()
    index = index_for(store)
    index.path.unlink()
    with (
        caplog.at_level(logging.WARNING, logger="polgraph.server.search_index"),
        TestClient(create_app(Settings(query_workers=1), store)) as running,
    ):
        found = running.get("/api/search", params={"q": "nguyen viet dong"}).json()
    assert [p["name"] for p in found["persons"]["items"]] == ["Nguyễn Viết Đồng"]
    said = [record.getMessage() for record in caplog.records]
    assert any("there is no search index yet; rebuilding it" in line for line in said), said
    assert any(line.startswith("search index rebuilt in") for line in said), said


def test_a_server_starting_over_an_index_in_step_leaves_it(data_reports_store, caplog):
    store = data_reports_store()
    before = index_for(store).path.stat().st_mtime_ns
    with (
        caplog.at_level(logging.WARNING, logger="polgraph.server.search_index"),
        TestClient(create_app(Settings(query_workers=1), store)) as running,
    ):
        assert running.get("/api/search", params={"q": "cam loc"}).status_code == 200
    assert caplog.records == []
    assert index_for(store).path.stat().st_mtime_ns == before


def test_an_index_that_cannot_be_rebuilt_makes_the_search_unavailable(data_reports_store, caplog):
    store = data_reports_store()
    index = index_for(store)
    for leftover in index.path.parent.glob(index.path.name + "*"):
        leftover.unlink()
    index.path.mkdir()  # a folder where the file should be: nothing can be written there
    with (
        caplog.at_level(logging.WARNING, logger="polgraph.server.search_index"),
        TestClient(create_app(Settings(query_workers=1), store)) as running,
    ):
        answer = running.get("/api/search", params={"q": "cam loc"})
        assert answer.status_code == 503
        assert "polgraph search rebuild" in answer.json()["detail"]
        assert running.get("/search", params={"q": "cam loc"}).status_code == 503
        assert running.get("/api/persons", params={"q": "nguyen"}).status_code == 200
    assert any("could not be rebuilt" in r.getMessage() for r in caplog.records)
