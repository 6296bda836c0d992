"""The networks drawn in the page (static/network.js with cytoscape.js from /vendor/), in a real
browser that may reach nothing but the server on 127.0.0.1: every other request is refused and
recorded, and the tests fail if any was attempted. The browser and server fixtures are in
conftest.py; the expected counts come from the same JSON the page draws."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import networkx as nx
import pytest
from browsing import PERSON, Visit

from polgraph.server.web import vendor

pytestmark = pytest.mark.skipif(
    not vendor.available("cytoscape.js"),
    reason="cytoscape.js is not installed in web-assets/node_modules (make install fetches it)",
)


def _drawn(visit: Visit, figure: str) -> dict:
    """Once the drawing is ready: the JSON it drew (fetched again from its data-url)."""
    from playwright.sync_api import expect

    page = visit.page
    expect(page.locator(f"{figure}[data-state=ready]")).to_have_count(1)
    expect(page.locator(f"{figure} .drawing-canvas canvas").first).to_be_attached()
    url = page.locator(figure).get_attribute("data-url")
    assert url.startswith("/api/")
    return page.evaluate("url => fetch(url).then(answer => answer.json())", url)


def _shown(visit: Visit, figure: str) -> tuple[int, int]:
    found = visit.page.locator(figure)
    return int(found.get_attribute("data-drawn-persons")), int(
        found.get_attribute("data-drawn-ties")
    )


def _in_years(data: dict, low: int, high: int) -> tuple[int, int]:
    """What the legend says the sliders keep: the ties with an event in the years, the persons
    they join (and the ego)."""
    ties = [e for e in data["edges"] if any(low <= int(d[:4]) <= high for d in e.get("dates", []))]
    persons = {e["source"] for e in ties} | {e["target"] for e in ties}
    persons |= {n["id"] for n in data["nodes"] if n["ego"]}
    return len(persons), len(ties)


def _point_at(visit: Visit, figure: str, name: str) -> tuple[float, float]:
    """Where the node named ``name`` is on the screen, once it is centred in the drawing (and
    cytoscape has taken in where the page scrolled its canvas to, a frame later)."""
    visit.page.locator(figure).scroll_into_view_if_needed()
    return visit.page.evaluate(
        """async ([figure, name]) => {
            await new Promise((done) => requestAnimationFrame(done));
            const element = document.querySelector(figure);
            const cy = element.polgraphDrawing;
            cy.resize();
            const node = cy.nodes().filter((n) => n.data("name") === name)[0];
            cy.center(node);
            const at = node.renderedPosition();
            const box = element.querySelector(".drawing-canvas").getBoundingClientRect();
            return [box.left + at.x, box.top + at.y];
        }""",
        [figure, name],
    )


def test_the_network_page_draws_the_network_and_its_years(visit):
    from playwright.sync_api import expect

    page = visit.page
    attempted = visit.offline()
    page.goto("/network")
    figure = "#network-drawing"
    data = _drawn(visit, figure)
    assert _shown(visit, figure) == (len(data["nodes"]), len(data["edges"])) != (0, 0)
    # the picture, for readers without scripts (a browser running them reads it as text)
    assert "/network/picture.svg" in page.locator(f"{figure} noscript").inner_html()
    visit.shot("drawn")

    # hovering a person shows their name and posts
    x, y = _point_at(visit, figure, PERSON)
    page.mouse.move(x, y)
    tooltip = page.locator(f"{figure} .drawing-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip.locator("strong")).to_have_text(PERSON)
    expect(tooltip).to_contain_text("Phó Bí thư")
    visit.shot("hovered")
    page.mouse.move(5, 5)
    expect(tooltip).to_be_hidden()

    # the sliders narrow the ties to the years chosen, as the JSON's dates say
    years = sorted({int(d[:4]) for e in data["edges"] for d in e.get("dates", [])})
    assert len(years) > 1, years
    expect(page.locator(f"{figure} .drawing-years")).to_be_visible()
    page.locator(f"{figure} .year-from").fill(str(years[-1]))
    narrowed = _in_years(data, years[-1], years[-1])
    expect(page.locator(figure)).to_have_attribute("data-drawn-ties", str(narrowed[1]))
    assert _shown(visit, figure) == narrowed
    assert narrowed[1] < len(data["edges"])
    expect(page.locator(f"{figure} .years-shown")).to_have_text(str(years[-1]))
    visit.shot("narrowed")
    page.locator(f"{figure} .year-from").fill(str(years[0]))
    expect(page.locator(figure)).to_have_attribute("data-drawn-ties", str(len(data["edges"])))

    # the downloads beside it hold the same network
    with page.expect_download() as download:
        page.locator(f"{figure} .downloads a", has_text="GraphML").click()
    assert download.value.suggested_filename == "polgraph-coattendance.graphml"
    back = nx.read_graphml(Path(download.value.path()))
    assert set(back) == {n["id"] for n in data["nodes"]}
    assert {frozenset(e) for e in back.edges()} == {
        frozenset((e["source"], e["target"])) for e in data["edges"]
    }

    # a click on a person opens their page
    x, y = _point_at(visit, figure, PERSON)
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/persons/"))
    expect(page.locator("h1")).to_have_text(PERSON)
    assert attempted == []
    visit.assert_no_console_errors()


def test_a_person_page_draws_the_persons_around_them(visit):
    from playwright.sync_api import expect

    page = visit.page
    attempted = visit.offline()
    page.goto("/search?q=nguyen viet dong")
    page.locator("#persons").get_by_role("link", name=PERSON, exact=True).click()
    page.wait_for_url(re.compile(r"/persons/"))
    figure = "#ego-drawing"
    data = _drawn(visit, figure)
    (ego,) = [n for n in data["nodes"] if n["ego"]]
    assert ego["name"] == PERSON and ego["page"] == urlsplit(page.url).path
    assert len(data["nodes"]) > 2
    assert _shown(visit, figure) == (len(data["nodes"]), len(data["edges"]))
    x, y = _point_at(visit, figure, PERSON)
    page.mouse.move(x, y)
    expect(page.locator(f"{figure} .drawing-tooltip strong")).to_have_text(PERSON)
    visit.shot("ego")
    # another person's node leads to their page
    other = next(n for n in data["nodes"] if not n["ego"] and "<" not in n["name"])
    x, y = _point_at(visit, figure, other["name"])
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(re.escape(other["page"]) + "$"))
    expect(page.locator("h1")).to_have_text(other["name"])
    assert attempted == []
    visit.assert_no_console_errors()


def test_the_legend_speaks_the_page_s_language(visit):
    from playwright.sync_api import expect

    page = visit.page
    attempted = visit.offline()
    page.goto("/network?lang=en")
    figure = "#network-drawing"
    _drawn(visit, figure)
    expect(page.locator(f"{figure} .drawing-legend")).to_contain_text("Size: Weighted degree")
    expect(page.locator(f"{figure} .drawing-status")).to_contain_text("persons and")
    page.goto("/network?lang=vi")
    _drawn(visit, figure)
    expect(page.locator(f"{figure} .drawing-legend")).to_contain_text("Kích thước: Bậc có trọng số")
    expect(page.locator(f"{figure} .drawing-status")).to_contain_text("Đang hiển thị")
    assert attempted == []
    visit.assert_no_console_errors()


def test_a_body_page_draws_its_hand_overs_with_posts_and_dates(visit):
    from playwright.sync_api import expect

    page = visit.page
    attempted = visit.offline()
    page.goto("/")
    (body,) = page.evaluate(
        """() => fetch("/api/organizations?q=dang uy xa cam loc")
            .then((answer) => answer.json()).then((found) => found.items)"""
    )
    page.goto(body["href"].removeprefix("/api"))
    figure = "#succession-drawing"
    data = _drawn(visit, figure)
    assert data["directed"] and data["edges"]
    assert _shown(visit, figure) == (len(data["nodes"]), len(data["edges"]))
    # each arrow is labelled with its post and the day of the hand-over
    labels = page.evaluate(
        """figure => document.querySelector(figure).polgraphDrawing.edges()
            .map((edge) => [edge.source().data("name"), edge.target().data("name"),
                            edge.style("label")])""",
        figure,
    )
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert labels == [
        [names[e["source"]], names[e["target"]], f"{e['title']} · {e['date']}"]
        for e in data["edges"]
    ]
    page.locator(figure).scroll_into_view_if_needed()
    visit.shot("hand-overs")
    expect(page.locator(f"{figure} .drawing-legend")).to_contain_text("người tiền nhiệm")
    assert page.title() != "owned"  # the markup in a successor's name stays text
    assert attempted == []
    visit.assert_no_console_errors()
