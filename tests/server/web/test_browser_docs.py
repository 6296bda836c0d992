"""The API's documentation page in a real browser cut off from every host but the server's: it
must show the API's routes and run one, with nothing fetched from elsewhere and nothing refused
by its Content Security Policy (a refusal is a console error). The browser and server fixtures
are in conftest.py."""

from __future__ import annotations

import re

import pytest
from browsing import Visit


@pytest.fixture
def offline(visit: Visit) -> list[str]:
    """Every request of ``visit``'s tab to a host other than the server's, aborted."""
    return visit.offline()


def test_swagger_ui_lists_the_routes_with_no_internet(visit, offline):
    from playwright.sync_api import expect

    page = visit.page
    page.goto("/docs")
    paths = page.locator(".opblock-summary-path")
    person = paths.filter(has_text=re.compile(r"^\s*/api/persons/\{person_id\}\s*$"))
    expect(person).to_have_count(1)
    listed = paths.filter(has_text=re.compile(r"^\s*/api/persons\s*$"))
    expect(listed).to_be_visible()
    assert paths.count() > 10
    visit.shot("swagger-ui")
    # One route opened and tried: the example and the answer come from this server alone.
    persons = page.locator(".opblock").filter(has=listed)
    persons.locator(".opblock-summary").click()
    persons.get_by_role("button", name="Try it out").click()
    persons.get_by_role("button", name="Execute").click()
    status = persons.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text("200")
    expect(persons.locator(".live-responses-table tbody .microlight").first).to_contain_text(
        '"items"'
    )
    visit.shot("swagger-ui-tried")
    assert offline == []
    visit.assert_no_console_errors()


def test_the_nav_api_link_leads_to_documentation_that_works_offline(visit, offline):
    from playwright.sync_api import expect

    page = visit.page
    page.goto("/")
    page.locator("nav a[href='/docs']").click()
    page.wait_for_url("**/docs")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    page.goto("/redoc")  # an old address of the docs leads there too
    page.wait_for_url("**/docs")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert offline == []
    visit.assert_no_console_errors()
