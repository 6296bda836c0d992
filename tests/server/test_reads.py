"""Every read behind the API and the pages runs in a query worker, under the time limit; the home
page's and the lists' answers are kept until the store next changes."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import ROOT
from fastapi.testclient import TestClient

from polgraph.namespaces import ID, PG
from polgraph.server import create_app
from polgraph.server.answer_cache import AnswerCache
from polgraph.server.messages import Answer
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # reads run past the time limit

PERSONS = 20_000  # the table of their names takes one to two seconds to read: far past the limit
LIMIT = 0.3  # and far above a quick read's time, opening the snapshot included (tens of ms)
TOKEN = "reads-write-token"
NEW_MEETING = (
    "Hội nghị Ban Chấp hành Đảng bộ xã Cẩm Lộc\n\nSáng ngày 3/9/2024, Đảng ủy xã Cẩm Lộc, "
    "huyện Cẩm Xuyên tổ chức hội nghị giao ban quý III. Đồng chí Võ Nam - Bí thư Đảng ủy "
    "xã chủ trì hội nghị. Đồng chí Hồ Sĩ Tùng - Chủ tịch UBND xã báo cáo kết quả quý III.\n"
)


def _many_persons() -> OxigraphStore:
    store = OxigraphStore(None)
    graph, kind = (
        ox.NamedNode("urn:x:g"),
        ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
    )

    def pg(name: str) -> ox.NamedNode:
        return ox.NamedNode(str(PG) + name)

    def quads():
        for i in range(PERSONS):
            person, mention = ox.NamedNode(f"{ID}person/p{i}"), ox.NamedNode(f"{ID}mention/m{i}")
            part = ox.NamedNode(f"{ID}participation/x{i}")
            yield ox.Quad(person, kind, pg("Person"), graph)
            yield ox.Quad(person, pg("name"), ox.Literal(f"Người Số {i}"), graph)
            # many words to file
            key = f"nguoi so {i} w{i % 977} x{i % 331} y{i * 7 % 1009} z{i % 97}"
            yield ox.Quad(person, pg("nameKey"), ox.Literal(key), graph)
            yield ox.Quad(mention, pg("mentionOf"), person, graph)
            yield ox.Quad(part, pg("participant"), mention, graph)
            yield ox.Quad(part, pg("source"), ox.NamedNode(f"{ID}report/r{i % 50}"), graph)

    store.native.extend(quads())
    return store


@pytest.fixture(scope="module")
def limited():
    """A store whose whole-store reads take far longer than the time limit, and quick reads that
    do not."""
    # No spare: one would have read the tables, without a limit, before it served.
    app = create_app(
        Settings(query_workers=1, spare_workers=0, query_timeout=LIMIT), _many_persons()
    )
    with TestClient(app) as running:
        yield running


def test_an_api_read_past_the_limit_is_503_as_a_query_is(limited):
    # A read that is quick under the same limit is answered: the limit is the read's.
    assert limited.get("/api/events/no-such-event").status_code == 404
    slow = limited.get("/api/persons", params={"q": "nguoi"})
    assert slow.status_code == 503
    assert slow.json() == {
        "error": "query time limit",
        "detail": f"the query ran longer than {LIMIT:g} s and was stopped",
    }
    # The worker was replaced: the server goes on answering.
    assert limited.get("/api/events/no-such-event").status_code == 404


@pytest.mark.parametrize("url", ["/", "/persons?q=nguoi"])
def test_a_page_read_past_the_limit_is_a_503_page(limited, url):
    assert limited.get("/events/no-such-event").status_code == 404
    slow = limited.get(url)
    assert slow.status_code == 503
    assert slow.headers["content-type"].startswith("text/html")
    assert f"the query ran longer than {LIMIT:g} s and was stopped" in slow.text


def test_an_analysis_has_its_own_longer_time_limit(data_reports_store, monkeypatch):
    app = create_app(
        Settings(
            query_workers=1,
            query_timeout=LIMIT,
            analysis_timeout=30.0,
            identity_path=ROOT / "data" / "identity.yaml",
        ),
        data_reports_store(),
    )
    limits: dict[str, float | None] = {}
    with TestClient(app) as running:
        run = app.state.engine.run

        async def noting(job):
            limits[job.handler] = job.timeout
            return await run(job)

        monkeypatch.setattr(app.state.engine, "run", noting)
        assert running.get("/api/analytics/centrality").status_code == 200
        assert running.get("/api/persons").status_code == 200
    assert limits == {"centrality": 30.0, "persons": None}


@pytest.fixture
def counted(data_reports_store, monkeypatch):
    """A server over the sample reports, and the handlers of the jobs it has sent its workers."""
    app = create_app(
        Settings(query_workers=1, write_token=TOKEN, identity_path=ROOT / "data" / "identity.yaml"),
        data_reports_store(),
    )
    sent: list[str] = []
    with TestClient(app) as running:
        run = app.state.engine.run

        async def counting(job):
            sent.append(getattr(job, "handler", "query"))
            return await run(job)

        monkeypatch.setattr(app.state.engine, "run", counting)
        yield running, sent


def test_the_home_page_is_worked_out_once_per_store_generation(counted):
    client, sent = counted
    first = client.get("/")
    assert first.status_code == 200 and {"persons", "events", "recent events"} <= set(sent)
    sent.clear()
    again = client.get("/")
    assert again.status_code == 200 and again.text == first.text
    assert sent == []  # answered from what was kept: no job, no query
    written = client.post(
        "/api/reports",
        content=NEW_MEETING.encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
    )
    assert written.status_code == 201, written.json()
    sent.clear()
    after = client.get("/")
    # the write made it work it out again
    assert after.status_code == 200 and "recent events" in sent
    assert after.text != first.text  # one more event and report counted, the new meeting listed


def test_a_list_is_kept_until_a_write(counted):
    client, sent = counted
    before = client.get("/api/persons", params={"q": "ho si tung"}).json()
    sent.clear()
    assert client.get("/api/persons", params={"q": "ho si tung"}).json() == before
    assert sent == []
    client.post(
        "/api/reports",
        content=NEW_MEETING.encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
    )
    sent.clear()
    after = client.get("/api/persons", params={"q": "ho si tung"}).json()
    assert sent == ["persons"]
    assert (before["total"], after["total"]) == (0, 1)


def test_an_answer_read_before_a_write_is_not_kept_after_it():
    cache = AnswerCache()
    cache.put(1, "list", Answer("application/json", b"[1]"))
    assert cache.get(1, "list") is not None
    assert cache.get(2, "list") is None  # a write since
    cache.put(1, "list", Answer("application/json", b"[1]"))  # a job asked for before the write
    assert cache.get(2, "list") is None


def test_the_answers_kept_stay_under_their_size():
    cache = AnswerCache(max_bytes=10)
    for name in ("a", "b", "c"):
        cache.put(0, name, Answer("application/json", b"12345"))
    assert cache.get(0, "a") is None  # the oldest went first
    assert cache.get(0, "b") is not None and cache.get(0, "c") is not None
