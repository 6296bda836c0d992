"""The networks the pages draw, in process: the network page, a person's network and a body's
hand-overs ask the API for the network of the page's own filters, load scripts from this server
only, and fall back to pictures (and tables) where cytoscape.js is not installed."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from conftest import RESOURCES, ROOT
from fastapi.testclient import TestClient

from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.server.web import vendor
from polgraph.server.web.network import DRAWN
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

needs_cytoscape = pytest.mark.skipif(
    not vendor.available("cytoscape.js"),
    reason="cytoscape.js is not installed in web-assets/node_modules (make install fetches it)",
)
DOWNLOADS = {"graphml", "gexf", "nodes-csv", "edges-csv"}


@pytest.fixture(scope="module")
def client(vocabulary, validator):
    store = OxigraphStore(None)
    pipeline = Pipeline(store, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    reports = [ROOT / "data" / "reports", RESOURCES / "reports" / "markup-in-text.yaml"]
    assert not pipeline.run(reports).rejected
    app = create_app(
        Settings(query_workers=1, identity_path=ROOT / "data" / "identity.yaml"), store
    )
    with TestClient(app) as running:
        yield running


@pytest.fixture
def without_cytoscape(monkeypatch, tmp_path):
    """An installation whose web-assets/node_modules is empty."""
    monkeypatch.setattr(vendor, "NODE_MODULES", tmp_path)
    vendor.asset_file.cache_clear()
    yield
    vendor.asset_file.cache_clear()


def page(client, url: str):
    answer = client.get(url)
    assert answer.status_code == 200, (url, answer.text[:300])
    return lxml.html.fromstring(answer.text)


def query(url: str) -> dict[str, str]:
    return {k: v for k, [v] in parse_qs(urlsplit(url).query).items()}


def only(client, url: str, **params) -> dict:
    found = client.get(url, params=params).json()["items"]
    assert len(found) == 1, found
    return found[0]


def pages(client) -> dict[str, str]:
    """A network page, a person's page and the page of a body that handed a post over."""
    person = only(client, "/api/persons", q="nguyen viet dong")
    body = only(client, "/api/organizations", q="dang uy xa cam loc")
    return {
        "network": "/network?place=xã Cẩm Lộc",
        "person": person["href"].removeprefix("/api"),
        "body": body["href"].removeprefix("/api"),
    }


@needs_cytoscape
def test_the_network_page_draws_what_the_api_gives_for_its_filters(client):
    event = client.get("/api/events", params={"place": "cam loc"}).json()["items"][0]
    place = client.get(event["href"]).json()["place"][0]["iri"]
    filters = {"place": place, "from": "2023-01-01", "to": "2024-12-31"}
    doc = page(
        client, "/network?" + "&".join(f"{k}={v}" for k, v in filters.items()) + "&sort=degree"
    )
    (figure,) = doc.cssselect("figure#network-drawing")
    drawing = figure.get("data-url")
    assert urlsplit(drawing).path == "/api/analytics/network/ranked"
    assert query(drawing) == {**filters, "format": "json", "measure": "degree", "limit": str(DRAWN)}
    data = client.get(drawing).json()
    persons = int(doc.cssselect("p.count")[0].text.split()[0])
    assert len(data["nodes"]) == data["network"]["nodes"] == persons
    assert figure.get("data-measure") == "Bậc"  # the measure's name, for the hover
    files = {
        query(a.get("href")).get("format"): a.get("href") for a in figure.cssselect(".downloads a")
    }
    assert set(files) >= DOWNLOADS
    for fmt in DOWNLOADS:
        assert urlsplit(files[fmt]).path == "/api/analytics/network/ranked"
        assert query(files[fmt]) == {**filters, "format": fmt, "measure": "degree"}
        assert client.get(files[fmt]).status_code == 200
    # without scripts, the picture of the same filters
    (picture,) = figure.cssselect("noscript img")
    assert query(picture.get("src")) == filters


@needs_cytoscape
def test_a_person_page_draws_their_network(client):
    url = pages(client)["person"]
    doc = page(client, url)
    (figure,) = doc.cssselect("#ego-network figure#ego-drawing")
    ident = url.rsplit("/", 1)[-1]
    assert figure.get("data-url") == f"/api/persons/{ident}/network?format=json"
    data = client.get(figure.get("data-url")).json()
    assert [n["page"] for n in data["nodes"] if n["ego"]] == [url]
    files = [a.get("href") for a in figure.cssselect(".downloads a")]
    assert {query(f)["format"] for f in files} == DOWNLOADS | {"svg"}
    assert all(urlsplit(f).path == f"/api/persons/{ident}/network" for f in files)


@needs_cytoscape
def test_a_body_page_draws_its_hand_overs_with_their_posts_and_dates(client):
    doc = page(client, pages(client)["body"])
    (figure,) = doc.cssselect("#successions figure#succession-drawing")
    drawing = figure.get("data-url")
    assert query(drawing)["projection"] == "succession"
    data = client.get(drawing).json()
    assert data["directed"]
    table = [
        [" ".join(td.text_content().split()) for td in tr.cssselect("td")]
        for tr in doc.cssselect("#successions tbody tr")
    ]
    names = {n["id"]: n["name"] for n in data["nodes"]}
    drawn = [[e["title"], names[e["source"]], names[e["target"]], e["date"]] for e in data["edges"]]
    assert drawn and all(
        row[:3] == cells[:3] and row[3] in cells[3] for row, cells in zip(drawn, table, strict=True)
    )


@needs_cytoscape
@pytest.mark.parametrize("which", ["network", "person", "body"])
def test_pages_load_scripts_from_this_server_only(client, which):
    doc = page(client, pages(client)[which])
    scripts = [s.get("src") for s in doc.cssselect("script")]
    assert None not in scripts  # no inline script: the pages' policy would refuse it
    assert all(s.startswith("/") and not s.startswith("//") for s in scripts), scripts
    assert {"/vendor/cytoscape.js", "/static/network.js"} <= set(scripts)
    assert scripts.index("/vendor/cytoscape.js") < scripts.index("/static/network.js")
    sources = [e.get("src") for e in doc.cssselect("[src]")] + [
        e.get("href") for e in doc.cssselect("link[href]")
    ]
    assert all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    assert client.get("/static/network.js").headers["content-type"].startswith("text/javascript")


def test_without_cytoscape_the_pages_show_pictures_and_tables(client, without_cytoscape):
    assert not vendor.available("cytoscape.js")
    urls = pages(client)
    for which, url in urls.items():
        doc = page(client, url)
        scripts = [s.get("src") for s in doc.cssselect("script")]
        assert "/vendor/cytoscape.js" not in scripts and "/static/network.js" not in scripts
        assert not doc.cssselect("figure.drawing"), which
    network = page(client, urls["network"])
    (picture,) = network.cssselect("figure.network > img")
    assert urlsplit(picture.get("src")).path == "/network/picture.svg"
    formats = {query(a.get("href")).get("format") for a in network.cssselect(".downloads a")}
    assert formats >= DOWNLOADS
    person = page(client, urls["person"])
    (picture,) = person.cssselect("#ego-network figure.network > img")
    answer = client.get(picture.get("src"))
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("image/svg+xml")
    assert "Nguyễn Viết Đồng" in answer.text
    body = page(client, urls["body"])
    assert body.cssselect("#successions tbody tr")  # the hand-overs, as a table


def test_the_english_page_speaks_english_in_its_legend(client):
    if not vendor.available("cytoscape.js"):
        pytest.skip("cytoscape.js is not installed: the page shows its picture without a legend")
    doc = page(client, "/network?lang=en")
    (figure,) = doc.cssselect("figure#network-drawing")
    legend = " ".join(figure.cssselect(".drawing-legend")[0].text_content().split())
    assert "Size: Weighted degree." in legend and "Colour: communities (Louvain)." in legend
    assert figure.get("data-shown") == "{persons} persons and {ties} ties shown."
    assert [a.text for a in figure.cssselect(".downloads a")][:4] == [
        "GraphML",
        "GEXF",
        "CSV of nodes",
        "CSV of ties",
    ]
