"""The query page's SPARQL editor in a real browser with no network: every request to a host
other than 127.0.0.1 is refused, and none may be tried. A query is written (with completion),
run, its table sorted, shared by its link, broken and told where (the browser and server
fixtures are in conftest.py; screenshots go to var/test-artifacts/browser/)."""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browsing import PERSON, Visit

from polgraph.namespaces import PG
from polgraph.server.web import vendor

# Descending, so that sorting the column ascending changes the order shown.
REPORT_KEYS = f"""PREFIX pg: <{PG}>
SELECT ?key ?title WHERE {{
  ?report pg:reportKey ?key ; pg:title ?title .
}} ORDER BY DESC(?key)"""
BROKEN = f"""PREFIX pg: <{PG}>
CONSTRUCT WHERE {{
  ?s ?p ?o
  FILTER (?o > 1)
}}"""
ATTESTATIONS = f"""PREFIX pg: <{PG}>
CONSTRUCT {{ ?a a pg:RoleAttestation ; pg:asWritten ?title }}
WHERE {{ ?a a pg:RoleAttestation ; pg:asWritten ?title }} LIMIT 5"""


@pytest.fixture
def editor() -> None:
    """The tests of the editor need YASGUI installed (make install); CI must have it."""
    if not vendor.available("yasgui.js", "yasgui.css"):
        reason = "web-assets/node_modules has no YASGUI: make install fetches it with npm"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must install the web assets: {reason}")
        pytest.skip(reason)


def _editor_text(visit: Visit) -> str:
    return visit.page.evaluate(
        "document.querySelector('#query-editor .CodeMirror').CodeMirror.getValue()"
    )


def _write(visit: Visit, query: str) -> None:
    """Replace the editor's text as a person would: select everything, type over it."""
    page = visit.page
    page.locator("#query-editor .CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(query)
    assert _editor_text(visit) == query


def _column(visit: Visit, index: int) -> list[str]:
    cells = visit.page.locator(f"#results table tbody tr td:nth-child({index + 1})")
    return [text.strip() for text in cells.all_inner_texts()]


def _browser_noise_only(visit: Visit) -> None:
    """No console error but the browser's own line for an answer of 400, which is the
    endpoint's answer to a query that does not parse, read and shown by the page."""
    noise = "Failed to load resource: the server responded with a status of 400"
    assert [error for error in visit.errors if not error.startswith(noise)] == []


def test_write_run_sort_and_share_a_query_with_no_network(visit, editor):
    from playwright.sync_api import expect

    page = visit.page
    tried = visit.offline()
    page.goto("/queries")
    expect(page.locator("#query-editor .CodeMirror")).to_be_visible()
    expect(page.locator("#query-form")).to_have_attribute("data-editor", "yasgui")
    expect(page.locator("textarea#query-text")).to_be_hidden()
    visit.shot("opened")

    _write(visit, REPORT_KEYS)
    page.click("#run-query")
    rows = page.locator("#results table tbody tr")
    expect(rows.first).to_be_visible()
    expect(page.locator("#query-status")).to_have_text(f"{rows.count()} dòng")
    headers = [h.strip() for h in page.locator("#results table thead th").all_inner_texts()]
    assert headers[1:] == ["key", "title"]  # after the row numbers
    shown = _column(visit, 1)
    assert len(shown) >= 3 and shown == sorted(shown, reverse=True)
    visit.shot("run")

    page.locator("#results table thead th", has_text="key").click()
    expect(page.locator("#results table tbody tr td:nth-child(2)").first).to_have_text(
        sorted(shown)[0]
    )
    assert _column(visit, 1) == sorted(shown)
    page.locator("#results table thead th", has_text="key").click()
    expect(page.locator("#results table tbody tr td:nth-child(2)").first).to_have_text(shown[0])
    visit.shot("sorted")

    page.click("#copy-link")
    link = page.locator("#share-link")
    expect(link).to_be_visible()
    address = link.input_value()
    assert urlsplit(address).path == "/queries"
    assert parse_qs(urlsplit(address).query)["query"] == [REPORT_KEYS]
    assert page.url == address  # a reload keeps the query too
    elsewhere = page.context.new_page()
    elsewhere.goto(address)
    expect(elsewhere.locator("#query-editor .CodeMirror")).to_be_visible()
    assert (
        elsewhere.evaluate(
            "document.querySelector('#query-editor .CodeMirror').CodeMirror.getValue()"
        )
        == REPORT_KEYS
    )
    elsewhere.close()
    page.reload()
    expect(page.locator("#query-editor .CodeMirror")).to_be_visible()
    assert _editor_text(visit) == REPORT_KEYS

    # The query run is in the history, and comes back from it.
    _write(visit, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    history = page.locator("#query-history")
    expect(history).to_be_visible()
    history.locator("summary").click()
    history.locator("button.history-entry").first.click()
    assert _editor_text(visit) == REPORT_KEYS
    visit.shot("history")
    assert tried == []
    visit.assert_no_console_errors()


def test_a_broken_query_is_told_as_written_and_where_the_server_found_it(visit, editor):
    from playwright.sync_api import expect

    page = visit.page
    tried = visit.offline()
    page.goto("/queries")
    expect(page.locator("#query-editor .CodeMirror")).to_be_visible()
    _write(visit, BROKEN)
    # The editor's own check, as the query is written: the line, and what may come there.
    syntax = page.locator("#query-syntax")
    expect(syntax).to_be_visible()
    expect(syntax).to_contain_text("Dòng 4 chưa đúng cú pháp SPARQL")
    page.click("#run-query")
    status = page.locator("#query-status")
    expect(status).to_have_text(
        "Truy vấn lỗi: query syntax: line 4, column 3: unexpected 'FILTER'; "
        "expected one of ',', '.', ';', '}'"
    )
    expect(status).to_have_attribute("role", "alert")
    told = page.locator("#results pre.query-problem")
    expect(told).to_contain_text("4:   FILTER (?o > 1)")
    # the line the server found fault with, lit up in the editor
    faulty = page.locator("#query-editor div:has(> .query-fault) > pre.CodeMirror-line")
    expect(faulty).to_have_text("  FILTER (?o > 1)")
    visit.shot("broken")
    # Mended, the marks go.
    _write(visit, BROKEN.replace("?o\n", "?o .\n").replace("CONSTRUCT", "SELECT *"))
    expect(syntax).to_be_hidden()
    expect(page.locator("#query-editor .query-fault")).to_have_count(0)
    assert tried == []
    _browser_noise_only(visit)


def test_complete_prefixes_and_terms_from_the_store_and_read_a_graph_as_turtle(visit, editor):
    from playwright.sync_api import expect

    page = visit.page
    tried = visit.offline()
    page.goto("/queries")
    expect(page.locator("#query-editor .CodeMirror")).to_be_visible()
    _write(visit, "SELECT ?title WHERE {\n  ?post ")
    page.keyboard.type("pg:postT")
    editor_text = "document.querySelector('#query-editor .CodeMirror').CodeMirror.getValue()"
    # declared as soon as it was used; the declaration redraws the hints, so the choice waits
    page.wait_for_function(f"{editor_text}.includes('PREFIX pg: <{PG}>')")
    expect(page.locator(".CodeMirror-hint-active")).to_have_text("pg:postTitle")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{editor_text}.includes('?post pg:postTitle')")
    text = _editor_text(visit)
    assert text.count(f"PREFIX pg: <{PG}>") == 1
    assert "?post pg:postTitle" in text
    visit.shot("completed")

    _write(visit, ATTESTATIONS)
    page.click("#run-query")
    results = page.locator("#results")
    expect(results).to_contain_text("@prefix pg:")
    expect(results).to_contain_text("pg:RoleAttestation")
    expect(page.locator("#query-status")).to_have_text(re.compile(r"^\d+ bộ ba$"))
    visit.shot("turtle")
    assert tried == []
    visit.assert_no_console_errors()


def test_a_named_query_opens_in_the_editor_and_its_rows_link_to_pages(visit, editor):
    from playwright.sync_api import expect

    page = visit.page
    tried = visit.offline()
    page.goto("/queries")
    page.get_by_role("link", name="who-held-role-at-event").click()
    page.wait_for_url(re.compile(r"name=who-held-role-at-event"))
    expect(page.locator("#query-editor .CodeMirror")).to_be_visible()
    assert "# name: who-held-role-at-event" in _editor_text(visit)
    page.click("#run-query")
    held = page.locator("#results table tbody tr").filter(has_text=PERSON).first
    expect(held).to_be_visible()
    person = held.locator("td.iri a[href^='/persons/']").first
    assert person.inner_text().startswith("person/")
    assert person.get_attribute("title").startswith("https://w3id.org/polgraph/id/person/")
    assert tried == []
    visit.assert_no_console_errors()


def test_without_the_editors_script_the_text_box_runs_the_query(visit, editor):
    from playwright.sync_api import expect

    page = visit.page
    tried = visit.offline()
    refused: list[str] = []

    def not_installed(route) -> None:
        refused.append(route.request.url)
        route.abort()

    # YASGUI's files do not arrive (a proxy, a broken install): the page keeps its text box.
    page.route("**/vendor/**", not_installed)
    page.goto("/queries")
    text = page.locator("textarea#query-text")
    expect(text).to_be_visible()
    assert page.locator("#query-editor").count() == 0
    assert sorted(urlsplit(url).path for url in refused) == [
        "/vendor/yasgui.css",
        "/vendor/yasgui.js",
    ]
    text.fill(REPORT_KEYS)
    page.click("#run-query")
    rows = page.locator("#results table tbody tr")
    expect(rows.first).to_be_visible()
    expect(page.locator("#query-status")).to_have_text(f"{rows.count()} dòng")
    page.click("#copy-link")
    address = page.locator("#share-link").input_value()
    assert parse_qs(urlsplit(address).query)["query"] == [REPORT_KEYS]
    page.goto(address)
    expect(text).to_have_value(REPORT_KEYS)
    expect(page.locator("#query-history button.history-entry")).to_have_count(1)
    visit.shot("fallback")
    assert tried == []
    # the browser's lines for the two files refused, and nothing else
    assert [e for e in visit.errors if "net::ERR_FAILED" not in e] == []
