"""The pages on a phone: at 390 px wide no page scrolls sideways, and a table's rows are cards
whose cells are headed by their column (static/cards.js and style.css), so an event's acts and
sources stay on screen. Screenshots at 390 px go to var/test-artifacts/browser/narrow-*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from browsing import PERSON, Visit

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, server, request) -> Iterator[Visit]:
    context = browser.new_context(
        base_url=server, locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    try:
        yield Visit(context.new_page(), "narrow-" + request.node.name.removeprefix("test_"))
    finally:
        context.close()


def _fits_the_screen(visit: Visit, step: str) -> None:
    page = visit.page
    page.wait_for_load_state("load")
    visit.shot(step)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{step}: the page is {width} px wide"
    # Every cell of every table ends inside the screen: nothing is pushed off to the right.
    overflowing = page.evaluate(
        """limit => Array.from(document.querySelectorAll('main td'))
             .filter(cell => cell.getBoundingClientRect().right > limit + 0.5)
             .map(cell => cell.textContent.trim().slice(0, 40))""",
        PHONE["width"],
    )
    assert overflowing == [], f"{step}: cells past the screen's edge: {overflowing}"


def _cards_carry_their_headings(visit: Visit) -> int:
    """Checks each table's cells against its own headings; the number of tables checked."""
    tables = visit.page.evaluate(
        """() => Array.from(document.querySelectorAll('main table')).map(table => ({
             cards: table.classList.contains('cards'),
             heads: Array.from(table.querySelectorAll(':scope > thead th'))
                    .map(th => th.textContent.trim()),
             rows: Array.from(table.querySelectorAll(':scope > tbody > tr')).map(row =>
                   Array.from(row.children).map(cell => cell.dataset.label || null)),
             headShown: table.tHead ? table.tHead.getBoundingClientRect().height > 1 : false,
           }))"""
    )
    for table in tables:
        assert table["cards"], table["heads"]
        assert not table["headShown"], "a card table still shows its heading row"
        for labels in table["rows"]:
            assert labels == table["heads"][: len(labels)]
    return len(tables)


def test_a_person_their_event_its_place_and_source_fit_a_phone(phone):
    from playwright.sync_api import expect

    page = phone.page
    page.goto("/search?q=nguyen viet dong")
    _fits_the_screen(phone, "search")
    page.locator("#persons").get_by_role("link", name=PERSON, exact=True).click()
    page.wait_for_url(re.compile(r"/persons/"))
    _fits_the_screen(phone, "person")
    assert _cards_carry_their_headings(phone) >= 2

    page.locator("#events tr.participation a").first.click()
    page.wait_for_url(re.compile(r"/events/"))
    _fits_the_screen(phone, "event")
    assert _cards_carry_their_headings(phone) >= 1
    row = page.locator("#participants tr.participant").first
    # the acts and the source, the columns a wide table pushed off screen, are on it and headed
    for column in (3, 4):
        cell = row.locator(f"td:nth-child({column})")
        expect(cell).to_have_attribute("data-label", re.compile(r"\S"))
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]

    page.locator("dl.facts a[href*='/places/']").first.click()
    page.wait_for_url(re.compile(r"/places/"))
    _fits_the_screen(phone, "place")
    _cards_carry_their_headings(phone)
    page.go_back()
    page.locator("dl.facts a[href*='/sources/']").first.click()
    page.wait_for_url(re.compile(r"/sources/"))
    _fits_the_screen(phone, "source")
    phone.assert_no_console_errors()


def test_a_body_and_the_network_fit_a_phone(phone):
    page = phone.page
    page.goto("/search?q=nguyen viet dong")
    page.locator("#persons").get_by_role("link", name=PERSON, exact=True).click()
    page.wait_for_url(re.compile(r"/persons/"))
    page.locator("#posts a[href*='/organizations/']").first.click()
    page.wait_for_url(re.compile(r"/organizations/"))
    _fits_the_screen(phone, "organization")
    assert _cards_carry_their_headings(phone) >= 1
    page.goto("/network")
    _fits_the_screen(phone, "network")
    page.goto("/")
    _fits_the_screen(phone, "home")
    phone.assert_no_console_errors()


def test_wide_screens_keep_their_tables(visit):
    page = visit.page
    page.goto("/search?q=nguyen viet dong")
    page.locator("#persons").get_by_role("link", name=PERSON, exact=True).click()
    page.wait_for_url(re.compile(r"/persons/"))
    shown = page.evaluate(
        "() => Array.from(document.querySelectorAll('main table'))"
        ".map(t => t.tHead && t.tHead.getBoundingClientRect().height > 1)"
    )
    assert shown and all(shown)
