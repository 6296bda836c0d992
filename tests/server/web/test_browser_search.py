"""The full-text search in a real browser: from the home page's box to the sections of results,
and from a report's matching sentence to the report with those words lit up (the browser and
server fixtures are in conftest.py)."""

from __future__ import annotations

import re

from browsing import Visit

from polgraph.search.folding import comparable


def _search_from_home(visit: Visit, words: str) -> None:
    page = visit.page
    page.goto("/")
    page.fill("#home-search", words)
    page.press("#home-search", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))


def test_an_unfinished_query_finds_events_and_a_sentence_to_open(visit):
    from playwright.sync_api import expect

    page = visit.page
    _search_from_home(visit, "hoi nghi cam lo")  # no accents, the last word unfinished
    expect(page.locator("#events li a").first).to_be_visible()
    events = page.locator("#events li > a").all_inner_texts()
    assert events and all("Cẩm Lộc" in e or "Hội nghị" in e for e in events), events
    first = page.locator("#reports li").first
    marks = first.locator("q.snippet mark").all_inner_texts()
    assert {comparable(m) for m in marks} >= {"hoi", "nghi", "cam", "loc"}, marks
    visit.shot("results")
    first.locator("a.source-link").click()
    page.wait_for_url(re.compile(r"/sources/.*start=.*#evidence"))
    lit = page.locator("mark#evidence strong.quote")
    expect(lit).to_be_in_viewport()
    # What is lit runs from the snippet's first marked word to its last.
    quote = lit.inner_text()
    assert quote.startswith(marks[0]) and quote.endswith(marks[-1]), (quote, marks)
    visit.shot("source")
    visit.assert_no_console_errors()


def test_persons_found_show_what_tells_them_apart_and_lead_to_their_page(visit):
    from playwright.sync_api import expect

    page = visit.page
    _search_from_home(visit, "Nguyễn Viết Đồng")
    line = page.locator("#persons li").first
    expect(line.locator(".found-post")).to_contain_text("Phó Bí thư")
    expect(line.locator(".found-place")).to_contain_text("Xã Cẩm Lộc")
    expect(line.locator(".found-years")).to_have_text("2023")
    line.get_by_role("link", name="Nguyễn Viết Đồng", exact=True).click()
    page.wait_for_url(re.compile(r"/persons/"))
    expect(page.locator("h1")).to_have_text("Nguyễn Viết Đồng")
    visit.assert_no_console_errors()


def test_a_section_pages_in_the_browser(visit):
    from playwright.sync_api import expect

    page = visit.page
    page.goto("/search?q=")  # everything: more persons than a page holds
    sections = page.locator("nav.search-sections a")
    expect(sections).to_have_count(5)
    sections.nth(3).click()  # to the events' section on the page
    expect(page.locator("#events h2")).to_be_in_viewport()
    shown = page.locator("#persons li").count()
    page.locator("#persons .pager a").click()
    page.wait_for_url(re.compile(r"section=persons"))
    expect(page.locator("#events")).to_have_count(0)  # one section at a time
    page.locator("#persons .pager a", has_text="Tiếp").click()
    page.wait_for_url(re.compile(r"offset=20"))
    later = page.locator("#persons li").all_inner_texts()
    assert later and shown == 20
    visit.shot("sections")
    visit.assert_no_console_errors()
