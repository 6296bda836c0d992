"""The web pages in a real browser: search, person, event, network, queries and the language
switch, step by step as a reader goes (the browser and server fixtures are in conftest.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from browsing import PERSON, SEED_TEXT, Visit

from polgraph.server.web import vendor


def _person_from_search(visit: Visit) -> None:
    page = visit.page
    page.goto("/")
    page.fill("#home-search", "nguyen viet dong")
    page.press("#home-search", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    visit.shot("search")
    page.locator("#persons").get_by_role("link", name=PERSON, exact=True).click()
    page.wait_for_url(re.compile(r"/persons/"))


def test_search_a_person_and_see_a_post_with_its_sentence_and_report(visit):
    from playwright.sync_api import expect

    page = visit.page
    _person_from_search(visit)
    expect(page.locator("h1")).to_have_text(PERSON)
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    title = page.locator("td.post-title").filter(has_text=re.compile(r"^\s*Phó Bí thư\s*$"))
    row = page.locator("#posts tr.post").filter(has=title)
    expect(row).to_have_count(1)
    words = row.locator("q.sentence mark").first.inner_text()
    assert words.startswith("Phó Bí thư")
    # The sentence is the line of the report naming the person with those words.
    line = next(line.strip() for line in SEED_TEXT.splitlines() if PERSON in line and words in line)
    expect(row.locator("q.sentence").first).to_have_text(line)
    visit.shot("person")
    row.locator("a.source-link").first.click()
    page.wait_for_url(re.compile(r"/sources/.*start="))
    lit_up = page.locator("mark#evidence")
    expect(lit_up).to_have_text(line)
    expect(lit_up.locator("strong.quote")).to_have_text(words)
    expect(lit_up).to_be_in_viewport()
    visit.shot("source")
    visit.assert_no_console_errors()


def test_open_the_event_and_its_network(visit):
    from playwright.sync_api import expect

    page = visit.page
    _person_from_search(visit)
    page.locator("#events tr.participation a").first.click()
    page.wait_for_url(re.compile(r"/events/"))
    # Their row is the one whose first cell names them (others' sentences may name them too).
    named = page.locator("td:first-child").filter(has_text=re.compile(rf"^\s*{PERSON}\s*$"))
    row = page.locator("#participants tr.participant").filter(has=named)
    expect(row).to_have_count(1)
    expect(row.locator("ul.roles")).to_contain_text("Phó Bí thư")
    expect(page.locator("dl.facts")).to_contain_text("2023-05-16")
    visit.shot("event")
    page.click("#network-link")
    page.wait_for_url(re.compile(r"/network\?"))
    central = page.locator("#central tr.central-person")
    expect(central.filter(has_text=PERSON)).to_have_count(1)
    shown = int(re.match(r"\d+", page.locator("p.count").first.inner_text()).group())
    assert central.count() == min(shown, 25) > 1
    if vendor.available("cytoscape.js"):  # drawn in the page (test_browser_network.py)
        drawing = page.locator("figure#network-drawing")
        expect(drawing).to_have_attribute("data-state", "ready")
        expect(drawing).to_have_attribute("data-drawn-persons", str(shown))
    else:  # a picture
        picture = page.locator("figure.network img")
        expect(picture).to_be_visible()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
        )
    place = page.locator("form.filters input[name=place]")
    expect(place).to_have_value("Xã Cẩm Lộc")  # the place's label, not its IRI
    visit.shot("network")
    names = central.locator("td:nth-child(2)").all_inner_texts()
    # sent again as it stands: the same place, the same network
    page.locator("form.filters button").click()
    page.wait_for_url(re.compile(r"place_iri="))
    expect(place).not_to_have_value(re.compile(r"^https?:"))
    assert central.locator("td:nth-child(2)").all_inner_texts() == names
    central.get_by_role("link", name=PERSON, exact=True).click()
    expect(page.locator("h1")).to_have_text(PERSON)
    visit.assert_no_console_errors()


def test_run_a_named_query_and_download_its_results(visit):
    from playwright.sync_api import expect

    page = visit.page
    page.goto("/sparql")  # a browser asking the endpoint for a page lands on the query page
    page.wait_for_url(re.compile(r"/queries$"))
    page.get_by_role("link", name="who-held-role-at-event").click()
    page.fill("form.params input[name=report]", "seed")
    page.locator("form.params button").click()
    page.wait_for_url(re.compile(r"report=seed"))
    editor = vendor.available("yasgui.js", "yasgui.css")  # else the plain text box
    query_text = page.locator("#query-editor .CodeMirror-code" if editor else "#query-text")
    expect(query_text).to_contain_text('VALUES (?report) { ("seed") }')
    page.click("#run-query")
    table = page.locator("#results table")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    expect(page.locator("#query-status")).to_have_text(f"{rows.count()} dòng")
    held = rows.filter(has_text=PERSON).filter(has_text="Phó Bí thư")
    expect(held).to_have_count(1)
    assert held.locator("a").first.get_attribute("href").startswith("/persons/")
    headers = table.locator("thead th").all_inner_texts()[1 if editor else 0 :]  # row numbers
    visit.shot("results")
    # Each IRI is shown short, on one line, and whole in its title; the table scrolls sideways
    # inside its box rather than crushing its columns or widening the page.
    person_link = held.locator("td.iri a").first
    assert person_link.inner_text().startswith("person/")
    assert person_link.get_attribute("title").startswith("https://w3id.org/polgraph/id/person/")
    sizes = page.evaluate("""() => ({page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        box: document.querySelector('#results').clientWidth,
        tallest: Math.max(...[...document.querySelectorAll('#results tbody tr')]
                          .map(row => row.offsetHeight))})""")
    assert sizes["page"] <= sizes["viewport"] and sizes["box"] < sizes["viewport"]
    assert sizes["tallest"] < 200, sizes  # a row of a few wrapped labels, not IRIs one letter wide

    with page.expect_download() as download:
        page.click("button.download[data-extension=csv]")
    assert download.value.suggested_filename == "who-held-role-at-event.csv"
    records = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert records[0] == headers and len(records) - 1 == rows.count()
    with page.expect_download() as download:
        page.click("button.download[data-extension=json]")
    results = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert (
        results["head"]["vars"] == headers and len(results["results"]["bindings"]) == rows.count()
    )
    visit.assert_no_console_errors()


def test_switch_to_english_and_stay_there(visit):
    from playwright.sync_api import expect

    page = visit.page
    _person_from_search(visit)
    page.locator("a.language-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#posts h2")).to_have_text("Posts")
    page.locator("#events tr.participation a").first.click()
    page.wait_for_url(re.compile(r"/events/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")  # the choice is remembered
    expect(page.locator("#participants h2")).to_have_text("Participants")
    visit.shot("english")
    visit.assert_no_console_errors()


def test_markup_in_a_report_stays_text(visit):
    from playwright.sync_api import expect

    page = visit.page
    page.goto("/search?q=le hung")
    page.locator("#persons a").filter(has_text="<script>").first.click()
    page.wait_for_url(re.compile(r"/persons/"))
    name = page.locator("h1").inner_text()
    assert "<script>document.title='owned'</script>" in name
    # the script in the name did not run: it would set "owned"
    assert page.title() == f"{name} · polgraph"
    page.locator("#speeches a.source-link").first.click()
    expect(page.locator("mark#evidence")).to_contain_text("<b><script>")
    expect(page.locator("mark#evidence b")).to_have_count(0)
    assert page.title().startswith("Tin <script>")
    visit.shot("markup")
    visit.assert_no_console_errors()


RESULTS_QUERY = """PREFIX pg: <https://w3id.org/polgraph/ontology#>
PREFIX ex: <https://example.org/terms/>
SELECT ?title ?report ?class ?term ?elsewhere ?unsafe WHERE {
  ?report pg:reportKey "markup-in-text" ; pg:title ?title .
  BIND (pg:Conference AS ?class)
  BIND (ex:thing AS ?term)
  BIND (<https://example.org/a/b/c> AS ?elsewhere)
  BIND (IRI("javascript:document.title='owned'") AS ?unsafe)
}"""


def _write_query(page, query: str) -> None:
    """Type ``query`` over the SPARQL editor's text, as a person replacing it all (or fill the
    plain text box, where the editor is not installed)."""
    if not vendor.available("yasgui.js", "yasgui.css"):
        page.fill("#query-text", query)
        return
    page.locator("#query-editor .CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(query)


def test_query_results_show_iris_short_and_text_as_text(visit):
    from playwright.sync_api import expect

    page = visit.page
    page.goto("/queries")
    _write_query(page, RESULTS_QUERY)
    page.click("#run-query")
    row = page.locator("#results tbody tr")
    expect(row).to_have_count(1)
    cells = row.locator("td:not(.dt-type-numeric)")  # the results', not the row number
    # The report's title, markup and all, is text: no element was made of it and nothing ran.
    expect(cells.nth(0)).to_have_text("Tin <script>document.title='owned'</script>")
    expect(page.locator("#results script, #results b")).to_have_count(0)
    assert page.title() != "owned"
    shown = {
        name: (
            cells.nth(i).inner_text(),
            cells.nth(i).locator("a").get_attribute("href")
            if cells.nth(i).locator("a").count()
            else None,
        )
        for i, name in enumerate(["title", "report", "class", "term", "elsewhere", "unsafe"])
    }
    assert shown["report"][0].startswith("report/") and shown["report"][1].startswith("/sources/")
    assert shown["class"] == ("pg:Conference", "https://w3id.org/polgraph/ontology#Conference")
    # the query's own prefix
    assert shown["term"] == ("ex:thing", "https://example.org/terms/thing")
    assert shown["elsewhere"] == ("…/b/c", "https://example.org/a/b/c")
    assert shown["unsafe"][1] is None  # not a web address: not a link
    expect(cells.nth(5).locator("span")).to_have_attribute(
        "title", "javascript:document.title='owned'"
    )
    visit.shot("results")
    visit.assert_no_console_errors()
