"""The list pages with facets in a real browser: a facet clicked narrows the list to the count
it showed, the next page follows with the filter kept, a heading sorts, a filter's chip takes it
off (the browser and server fixtures are in conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

from browsing import Visit


def _count_of(value) -> int:
    return int(value.locator(".facet-count").inner_text())


def test_click_a_facet_and_see_its_count_in_the_rows(visit: Visit):
    from playwright.sync_api import expect

    page = visit.page
    page.goto("/events")
    expect(page.locator("h1")).to_have_text("Danh sách sự kiện")
    every = int(page.locator("#list-total").get_attribute("data-total"))
    kind = page.locator("#facet-kind li").first
    count, label = _count_of(kind), kind.locator("a").inner_text()
    assert 0 < count < every
    visit.shot("events")
    kind.locator("a").click()
    page.wait_for_url(re.compile(r"/events\?kind="))
    expect(page.locator("#list-total")).to_have_attribute("data-total", str(count))
    expect(page.locator("tr.list-row")).to_have_count(count)
    # every row is of the kind chosen, and its chip takes the filter off again
    for cell in page.locator("tr.list-row td:nth-child(3)").all_inner_texts():
        assert cell.strip() == label.strip()
    visit.shot("events-of-a-kind")
    page.locator(".active-filters a.remove-filter").click()
    page.wait_for_url(re.compile(r"/events$"))
    expect(page.locator("#list-total")).to_have_attribute("data-total", str(every))
    visit.assert_no_console_errors()


def test_filter_then_turn_the_page_and_sort(visit: Visit):
    from playwright.sync_api import expect

    page = visit.page
    page.goto("/persons?size=4")
    # the province counting most persons: more of them than one page holds
    province = page.locator("#facet-province li").first
    count = _count_of(province)
    assert count > 4
    province.locator("a").click()
    page.wait_for_url(re.compile(r"province="))
    expect(page.locator("#list-total")).to_have_attribute("data-total", str(count))
    first = page.locator("tr.list-row td:first-child").all_inner_texts()
    assert len(first) == 4
    page.locator("a#next-page").click()
    page.wait_for_url(re.compile(r"page=2"))
    expect(page.locator("span.page-number")).to_contain_text("2")
    second = page.locator("tr.list-row td:first-child").all_inner_texts()
    assert second and not set(second) & set(first)
    assert "province=" in page.url  # the filter kept
    visit.shot("persons-page-2")
    page.locator('th[data-sort="last_seen"] a').click()
    page.wait_for_url(re.compile(r"sort=last_seen"))
    assert "page=" not in page.url  # a new order starts at its first page
    expect(page.locator('th[data-sort="last_seen"]')).to_have_attribute("aria-sort", "descending")
    seen = [d for d in page.locator("tr.list-row td:nth-child(4)").all_inner_texts() if d.strip()]
    assert seen == sorted(seen, reverse=True) and seen
    page.locator('th[data-sort="last_seen"] a').click()
    page.wait_for_url(re.compile(r"order=asc"))
    expect(page.locator('th[data-sort="last_seen"]')).to_have_attribute("aria-sort", "ascending")
    visit.shot("persons-sorted")
    visit.assert_no_console_errors()


def test_download_the_filtered_list(visit: Visit):
    page = visit.page
    page.goto("/places?level=commune&lang=en")
    total = int(page.locator("#list-total").get_attribute("data-total"))
    with page.expect_download() as waiting:
        page.locator("a.export", has_text="CSV for Excel").click()
    download = waiting.value
    assert download.suggested_filename == "places.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    assert len(text.strip().splitlines()) == total + 1  # the heading, then every commune
    visit.assert_no_console_errors()


PHONE = {"width": 390, "height": 844}


def test_a_list_fits_a_phone_and_still_sorts(browser, server):
    from playwright.sync_api import expect

    context = browser.new_context(base_url=server, locale="vi-VN", viewport=PHONE, is_mobile=True)
    context.set_default_timeout(15_000)
    visit = Visit(context.new_page(), "list-on-a-phone")
    page = visit.page
    try:
        for url in ("/events", "/persons?size=5", "/organizations", "/places"):
            page.goto(url)
            page.wait_for_load_state("load")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{url} is {width} px wide"
        visit.shot("places")
        # The heading row is hidden on a phone (each row a card): the sorts are offered above.
        sort = page.locator('p.list-sort a[data-sort="events"]')
        expect(sort).to_be_visible()
        sort.click()
        page.wait_for_url(re.compile(r"sort=events"))
        counts = [int(c) for c in page.locator("tr.list-row td:nth-child(5)").all_inner_texts()]
        assert counts == sorted(counts, reverse=True) and counts
        visit.assert_no_console_errors()
    finally:
        context.close()
