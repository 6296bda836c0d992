"""A harvest of the test portal (tests/harvest/portal.py) on 127.0.0.1: what is fetched, what
is archived and stored, and what is never asked for."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from pathlib import Path

import pytest
from conftest import comparable_quads
from rdflib import Literal, URIRef

from polgraph.archive.reader import read_archive
from polgraph.harvest import HarvestOptions
from polgraph.library import Polgraph
from polgraph.settings import Settings

# The portal is a helper module of this folder (tests/ is on the path, this folder is not).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from portal import Portal

pytestmark = pytest.mark.slow  # a live portal, and pages that time out on purpose

PG = "https://w3id.org/polgraph/ontology#"
CONTACT = "archive-team@example.org"
ANY_URI = URIRef("http://www.w3.org/2001/XMLSchema#anyURI")


def options(tmp_path, **changes) -> HarvestOptions:
    settings = {
        "archive": tmp_path / "archive",
        "frontier": tmp_path / "harvest.sqlite",
        "contact": CONTACT,
        "delay": 0.0,
        "timeout": 1.0,
        "max_bytes": 2_000_000,
        "retries": 2,
        "resolve": {"portal.test": "127.0.0.1"},
        **changes,
    }
    return HarvestOptions(**settings)


def library(tmp_path, name: str = "store") -> Polgraph:
    return Polgraph(Settings(store_path=tmp_path / name, identity_path=None))


def stored_urls(graph: Polgraph) -> dict[str, str]:
    """Page address → the stored report's text."""
    rows = graph.store.query(
        f"SELECT ?url ?text WHERE {{ GRAPH ?r {{ ?r <{PG}url> ?url ; <{PG}text> ?text }} }}"
    )
    found: dict[str, str] = {}
    for row in rows:
        assert row["url"].value not in found, "two reports of one page"
        found[row["url"].value] = row["text"].value
    return found


@pytest.fixture
def portal():
    with Portal() as site:
        yield site


@pytest.fixture
def harvested(portal, tmp_path):
    graph = library(tmp_path)
    with graph:
        summary = graph.harvest([portal.base_url + "/"], options(tmp_path))
        urls = stored_urls(graph)
    return graph, summary, urls


def test_every_event_report_is_stored_and_nothing_else(portal, harvested):
    _, summary, urls = harvested
    events = {portal.base_url + path for path in portal.paths.events}
    non_events = {portal.base_url + path for path in portal.paths.non_events}
    assert events <= set(urls)
    assert not non_events & set(urls)
    # One report per page; a page reached twice (by its old address too) is stored twice.
    assert summary.stored == len(urls) + 1
    assert summary.skip_reasons, "the skipped pages are counted by reason"
    assert summary.skipped >= len(non_events)


def test_robots_disallowed_section_is_never_requested(portal, harvested):
    _, summary, _ = harvested
    assert portal.requested(portal.paths.disallowed_prefix) == []
    assert summary.disallowed >= 1
    assert portal.requested("/robots.txt")


def test_requests_say_who_is_asking(portal, harvested):
    agents = {request.headers.get("user-agent", "") for request in portal.requests}
    assert agents and all("polgraph/" in agent and CONTACT in agent for agent in agents)


def test_a_page_in_windows_1258_is_read_right(portal, harvested):
    _, _, urls = harvested
    text = urls[portal.base_url + portal.paths.windows_1258]
    assert "Đảng" in text or "ủy" in text  # the tones came through, not mojibake
    assert "\ufffd" not in text


def test_a_server_error_and_a_rate_limit_are_retried(portal, harvested):
    _, _, urls = harvested
    for path in (portal.paths.flaky_500, portal.paths.rate_limited):
        assert len(portal.requested(path)) == 2
        assert portal.base_url + path in urls


def test_retry_after_is_honoured(portal, harvested):
    times = [request.time for request in portal.requested(portal.paths.rate_limited)]
    assert times[1] - times[0] >= 0.9  # Retry-After: 1


def test_a_redirect_loop_a_slow_page_and_a_huge_page_end_cleanly(portal, harvested):
    _, summary, urls = harvested
    failures = dict(summary.failures)
    loop = portal.base_url + portal.paths.redirect_loop
    assert "loop" in failures[loop]
    assert len(portal.requested("/chuyen-huong/")) <= 6
    assert "within" in failures[portal.base_url + portal.paths.slow]
    assert portal.base_url + portal.paths.huge not in urls
    assert any("cut short" in reason for reason in summary.skip_reasons)


def test_a_moved_page_is_stored_once_under_its_new_address(tmp_path, portal, harvested):
    import sqlite3

    _, _, urls = harvested
    new = portal.base_url + portal.paths.events[2]
    assert new in urls and portal.base_url + portal.paths.moved not in urls
    with sqlite3.connect(tmp_path / "harvest.sqlite") as frontier:
        states = dict(frontier.execute("SELECT url, state FROM urls").fetchall())
    assert states[portal.base_url + portal.paths.moved] == "stored"  # settled, not left waiting
    assert "archived" not in states.values()


def test_everything_is_archived_and_each_report_names_its_record(tmp_path, portal, harvested):
    graph, summary, urls = harvested
    files = sorted((tmp_path / "archive").glob("*.warc.gz"))
    assert [f.name for f in files] == sorted(summary.files)
    records = {page.record.record_id: page for f in files for page in read_archive(f)}
    assert len(records) == summary.archived  # every response (and revisit) record, once
    with graph:
        rows = list(
            graph.store.query(
                f"SELECT ?url ?page ?file WHERE {{ ?r <{PG}url> ?url ; <{PG}archivedPage> ?page . "
                f"?page <{PG}warcFile> ?file ; <{PG}warcTargetUri> ?url }}"
            )
        )
    assert {row["url"].value for row in rows} == set(urls)
    for row in rows:
        page = records[row["page"].value]
        assert page.url == row["url"].value and page.record.file == row["file"].value
        assert page.status == 200


def test_a_second_harvest_asks_conditionally_and_stores_only_the_changed_page(tmp_path, portal):
    graph = library(tmp_path)
    with graph:
        graph.harvest([portal.base_url + "/"], options(tmp_path))
        before = stored_urls(graph)
    changed = portal.paths.events[0]
    portal.change(changed)
    portal.reset_log()
    with graph:
        second = graph.harvest([portal.base_url + "/"], options(tmp_path))
        after = stored_urls(graph)
    assert second.stored == 1 and not second.resumed
    asked_again = [r for r in portal.requests if portal.base_url + r.path.split("#")[0] in before]
    assert asked_again and all(
        "if-none-match" in r.headers or "if-modified-since" in r.headers for r in asked_again
    )
    url = portal.base_url + changed
    assert after[url] != before[url]  # the new version replaced the old: one report per page
    assert {u: t for u, t in after.items() if u != url} == {
        u: t for u, t in before.items() if u != url
    }


def test_ingesting_the_archive_alone_rebuilds_the_same_graph(tmp_path, portal):
    graph = library(tmp_path)
    with graph:
        graph.harvest([portal.base_url + "/"], options(tmp_path))
        portal.change(portal.paths.events[1])
        graph.harvest([portal.base_url + "/"], options(tmp_path))
        harvested = comparable_quads(graph.store)
    rebuilt = library(tmp_path, "rebuilt")
    with rebuilt:
        result = rebuilt.ingest([tmp_path / "archive"])
        assert not result.rejected
        assert comparable_quads(rebuilt.store) == harvested


def test_dates_outside_since_until_are_not_stored(tmp_path, portal):
    graph = library(tmp_path)
    with graph:
        summary = graph.harvest(
            [portal.base_url + "/"], options(tmp_path, since=dt.date(2100, 1, 1))
        )
        assert stored_urls(graph) == {}
    assert summary.stored == 0 and summary.skipped > 0
    assert "outside the dates asked for" in summary.skip_reasons  # one count, whatever the dates


def test_max_pages_bounds_the_requests(tmp_path, portal):
    graph = library(tmp_path)
    with graph:
        graph.harvest([portal.base_url + "/"], options(tmp_path, max_pages=3))
    pages = [
        r for r in portal.requests if not r.path.startswith(("/robots.txt", "/sitemap", "/rss"))
    ]
    assert len(pages) <= 3 + 2  # the pages, and a retry of one of them at most


def test_a_bounded_harvest_is_finished_by_the_next_one(tmp_path, portal):
    graph = library(tmp_path)
    with graph:
        first = graph.harvest([portal.base_url + "/"], options(tmp_path, max_pages=4))
        second = graph.harvest([portal.base_url + "/"], options(tmp_path))
        urls = stored_urls(graph)
    assert first.stored < len(portal.paths.events)
    assert {portal.base_url + path for path in portal.paths.events} <= set(urls)

    def stored_from(summary) -> set[str]:
        return {
            o.source for o in summary.outcomes if o.status in ("added", "replaced", "unchanged")
        }

    # the rest, none of the first ones again (but the page the moved address leads to)
    assert stored_from(first) & stored_from(second) <= {portal.base_url + portal.paths.events[2]}
    assert stored_from(first) | stored_from(second) == set(urls)


def test_keep_all_stores_the_non_event_articles_too(tmp_path, portal):
    graph = library(tmp_path)
    with graph:
        graph.harvest([portal.base_url + "/"], options(tmp_path, keep_all=True))
        urls = stored_urls(graph)
    assert {portal.base_url + path for path in portal.paths.non_events} <= set(urls)


def test_an_address_that_is_no_url_is_refused(tmp_path):
    from polgraph.errors import InputError

    graph = library(tmp_path)
    with graph, pytest.raises(InputError, match="not a web address"):
        graph.harvest(["portal.test/tin-tuc"], options(tmp_path))


def test_each_report_keeps_its_fetch_time(harvested):
    graph, _, urls = harvested
    url = Literal(next(iter(urls)), datatype=ANY_URI).n3()
    with graph:
        rows = list(
            graph.store.query(
                f"SELECT ?when WHERE {{ ?r <{PG}url> {url} ; <{PG}archivedPage> ?p . "
                f"?p <http://www.w3.org/ns/prov#generatedAtTime> ?when }}"
            )
        )
    assert len(rows) == 1
    assert dt.datetime.fromisoformat(rows[0]["when"].value).year >= 2026


def test_a_robots_txt_that_cannot_be_read_keeps_the_harvest_out(tmp_path):
    """RFC 9309: robots.txt answering 5xx means everything is disallowed for now."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    asked: list[str] = []

    class Down(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Down)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        graph = library(tmp_path)
        with graph:
            summary = graph.harvest([f"http://portal.test:{port}/"], options(tmp_path, retries=0))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert asked == ["/robots.txt"]
    assert summary.stored == 0 and summary.disallowed >= 1


def test_a_harvested_report_page_shows_its_archived_copy(tmp_path, harvested):
    from fastapi.testclient import TestClient

    from polgraph.server import create_app
    from polgraph.store import OxigraphStore

    _, summary, urls = harvested
    store = OxigraphStore(tmp_path / "store")
    try:
        app = create_app(Settings(query_workers=1, identity_path=None), store)
        with TestClient(app) as client:
            listed = client.get("/api/sources", params={"limit": 100}).json()["items"]
            report = next(item for item in listed if item["url"] in urls)
            answer = client.get(report["href"]).json()
            page = client.get(f"/sources/{report['id']}", headers={"Accept": "text/html"})
    finally:
        store.close()
    archived = answer["archived"]
    assert archived["warc_file"] in summary.files
    assert archived["record"].startswith("urn:uuid:")
    assert page.status_code == 200
    assert archived["record"] in page.text and archived["warc_file"] in page.text


def test_requests_to_a_host_keep_the_delay_apart(tmp_path, portal):
    graph = library(tmp_path)
    with graph:
        graph.harvest([portal.base_url + "/"], options(tmp_path, delay=0.2, max_pages=4))
    times = [request.time for request in portal.requests]
    assert len(times) >= 5
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= 0.19  # one request at a time (--per-host 1), each 0.2 s after the last
