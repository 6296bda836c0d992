"""The list pages with facets (``/events``, ``/persons``, ``/organizations``, ``/places``) and
their files (``.csv``, ``.json``, ``.xlsx``), in process over the sample reports and the report
full of markup: what a page shows is what ``/api`` answers for the same filters."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import lxml.html
import openpyxl
import pytest
from conftest import RESOURCES, ROOT
from fastapi.testclient import TestClient

from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.server.answers import exports, lists
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.errors import ApiError
from polgraph.server.translations import MESSAGES
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

MARKUP_REPORT = RESOURCES / "reports" / "markup-in-text.yaml"
LISTS = ("events", "persons", "organizations", "places")
API = {
    "events": "/api/events",
    "persons": "/api/persons",
    "organizations": "/api/organizations",
    "places": "/api/places",
}


@pytest.fixture(scope="module")
def client(vocabulary, validator):
    store = OxigraphStore(None)
    pipeline = Pipeline(store, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    assert not pipeline.run([ROOT / "data" / "reports", MARKUP_REPORT]).rejected
    app = create_app(
        Settings(query_workers=1, identity_path=ROOT / "data" / "identity.yaml"), store
    )
    with TestClient(app) as running:
        running.store = store
        yield running


def page(client, url: str, status: int = 200):
    client.cookies.clear()
    answer = client.get(url)
    assert answer.status_code == status, (url, answer.text[:500])
    assert answer.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(answer.text)


def api(client, of: str, query: str = "", **params) -> dict:
    """The API's answer for the page's query string (``page`` and ``size`` as the API's
    ``offset`` and ``limit``)."""
    asked = parse_qs(query)
    size = int(asked.pop("size", ["25"])[0])
    number = int(asked.pop("page", ["1"])[0])
    answer = client.get(
        API[of],
        params={
            **asked,
            "facets": "true",
            "limit": size,
            "offset": (number - 1) * size,
            "facet_size": 10,
            **params,
        },
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def row_links(tree) -> list[str]:
    return [row.cssselect("td a")[0].get("href") for row in tree.cssselect("tr.list-row")]


def item_page(item: dict) -> str:
    if "href" in item:
        return item["href"].removeprefix("/api")
    return "/places/" + item["id"]


@pytest.mark.parametrize("of", LISTS)
def test_a_list_page_shows_the_apis_page_and_facets(client, of):
    tree = page(client, f"/{of}")
    answer = api(client, of)
    assert row_links(tree) == [item_page(item) for item in answer["items"]]
    assert tree.cssselect("#list-total")[0].get("data-total") == str(answer["total"])
    for facet in answer["facets"]:
        shown = tree.cssselect(f"#facet-{facet['name']} li")
        assert [li.cssselect(".facet-count")[0].text for li in shown] == [
            str(value["count"]) for value in facet["values"]
        ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_speaks_the_readers_language(client, lang):
    tree = page(client, f"/events?lang={lang}")
    index = 0 if lang == "vi" else 1
    assert tree.cssselect("h1")[0].text_content().strip() == MESSAGES["list_events"][index]
    headings = [h.text_content().strip() for h in tree.cssselect(".facet h2")]
    assert MESSAGES["facet_kind"][index] in headings
    labels = {v["value"]: v["label"] for v in _facet(api(client, "events", lang=lang), "kind")}
    shown = {
        a.get("data-value"): a.text_content().strip() for a in tree.cssselect("#facet-kind li a")
    }
    assert shown == labels


def _facet(answer: dict, name: str) -> list[dict]:
    return next(f["values"] for f in answer["facets"] if f["name"] == name)


@pytest.mark.parametrize(
    ("of", "facet"), [("events", "kind"), ("persons", "post"), ("places", "level")]
)
def test_a_facet_link_narrows_the_list_to_its_count_and_a_chip_takes_it_off(client, of, facet):
    tree = page(client, f"/{of}")
    for link in tree.cssselect(f"#facet-{facet} li a"):
        count = int(link.getparent().cssselect(".facet-count")[0].text)
        href = link.get("href")
        narrowed = page(client, href)
        assert narrowed.cssselect("#list-total")[0].get("data-total") == str(count)
        assert len(narrowed.cssselect("tr.list-row")) == min(count, 25)
        query = urlsplit(href).query
        assert row_links(narrowed) == [item_page(i) for i in api(client, of, query)["items"]]
        chips = narrowed.cssselect(".active-filters a.remove-filter")
        assert [chip.get("data-facet") for chip in chips] == [facet]
        back = chips[0].get("href")
        assert urlsplit(back).path == f"/{of}" and facet not in parse_qs(urlsplit(back).query)


def test_sorting_by_a_heading_turns_the_order_over(client):
    tree = page(client, "/persons")
    heading = tree.cssselect('th[data-sort="last_seen"] a')[0].get("href")
    once = page(client, heading)
    assert once.cssselect('th[data-sort="last_seen"]')[0].get("aria-sort") == "descending"
    expected = api(client, "persons", urlsplit(heading).query)
    assert [i["last_seen"] for i in expected["items"]][:2] == sorted(
        [i["last_seen"] for i in expected["items"] if i["last_seen"]], reverse=True
    )[:2]
    assert row_links(once) == [item_page(i) for i in expected["items"]]
    again = once.cssselect('th[data-sort="last_seen"] a')[0].get("href")
    assert parse_qs(urlsplit(again).query)["order"] == ["asc"]
    twice = page(client, again)
    assert row_links(twice) == [
        item_page(i) for i in api(client, "persons", urlsplit(again).query)["items"]
    ]


def test_pages_follow_one_another_and_keep_the_filters(client):
    province = _facet(api(client, "persons"), "province")[0]
    url = f"/persons?province={province['value']}&size=3"
    seen, pages = [], 0
    while url:
        tree = page(client, url)
        seen += row_links(tree)
        pages += 1
        following = tree.cssselect("a#next-page")
        url = following[0].get("href") if following else None
        if url:
            assert parse_qs(urlsplit(url).query)["province"] == [province["value"]]
    assert pages == -(-province["count"] // 3) > 1
    assert len(seen) == len(set(seen)) == province["count"]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/events?page=0", "page is a whole number from 1"),
        ("/events?page=two", "page is a whole number"),
        ("/events?page=40", "past the last page"),
        ("/events?size=1000", "size is a whole number from 1 to 100"),
        ("/events?sort=colour", "sort must be one of"),
        ("/events?kind=picnic", "kind must be one of"),
        ("/persons?year=last", "year is a year written with four digits"),
        ("/places?province=nowhere", "is not the id of a province"),
        ("/organizations?order=up", "order must be asc or desc"),
    ],
)
def test_a_bad_list_address_is_a_400_page_saying_why(client, url, words):
    tree = page(client, url, status=400)
    assert words in tree.text_content()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/events.csv?sort=colour", "sort must be one of"),
        ("/persons.xlsx?post=emperor", "post must be a known code"),
        ("/places.csv?bom=yes", "bom is 1"),
    ],
)
def test_a_bad_file_address_is_a_400_saying_why(client, url, words):
    answer = client.get(url)
    assert answer.status_code == 400
    assert words in answer.json()["detail"]


def json_rows(client, url: str) -> dict:
    answer = client.get(url.replace("?", ".json?", 1) if "?" in url else url + ".json")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    return answer.json()


def as_text(rows: list[dict]) -> list[dict]:
    """JSON rows as CSV reads them back: every cell text, nothing empty."""
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows]


@pytest.mark.parametrize(
    "url", ["/events", "/persons?sort=reports", "/organizations?body_type=dang-uy", "/places"]
)
def test_csv_with_and_without_a_bom_reads_back_as_the_json_rows(client, url):
    whole = json_rows(client, url)
    assert whole["total"] == len(whole["rows"]) > 0
    for bom in (False, True):
        address = url.replace("?", ".csv?", 1) if "?" in url else url + ".csv?"
        answer = client.get(address + ("&bom=1" if bom else ""))
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        assert "attachment" in answer.headers["content-disposition"]
        assert answer.content.startswith(b"\xef\xbb\xbf") is bom
        text = answer.content.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows == as_text(whole["rows"])
        assert list(rows[0]) == whole["columns"]


@pytest.mark.parametrize("url", ["/events?year=2023", "/persons", "/places?level=commune"])
def test_an_excel_file_reads_back_as_the_json_rows(client, url):
    whole = json_rows(client, url)
    address = url.replace("?", ".xlsx?", 1) if "?" in url else url + ".xlsx"
    answer = client.get(address)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == exports.MEDIA_TYPES["xlsx"]
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True).active
    heading, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert heading == whole["columns"]
    assert [dict(zip(heading, row, strict=True)) for row in rows] == whole["rows"]


def test_a_file_holds_every_matching_row_not_one_page(client):
    size = 2
    tree = page(client, f"/persons?size={size}&sort=events")
    (csv_link,) = [a.get("href") for a in tree.cssselect("a.export") if ".csv" in a.get("href")][:1]
    assert "size" not in parse_qs(urlsplit(csv_link).query)
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link).text)))
    whole = api(client, "persons", sort="events", limit=100)
    assert len(rows) == whole["total"] > size
    assert [r["iri"] for r in rows] == [i["iri"] for i in whole["items"]]


def test_the_page_links_to_each_file_of_the_same_filters(client):
    tree = page(client, "/events?kind=conference&sort=label")
    hrefs = [a.get("href") for a in tree.cssselect("a.export")]
    assert {urlsplit(h).path for h in hrefs} == {"/events.csv", "/events.json", "/events.xlsx"}
    for href in hrefs:
        asked = parse_qs(urlsplit(href).query)
        assert asked["kind"] == ["conference"] and asked["sort"] == ["label"]
    assert sum("bom=1" in h for h in hrefs) == 1


def test_an_export_past_its_limit_is_refused_saying_so(client, monkeypatch):
    monkeypatch.setattr(lists, "MAX_EXPORT_ROWS", {"csv": 3, "json": 3, "xlsx": 2})
    store = Snapshot(client.store.native)
    with pytest.raises(ApiError) as refused:
        lists.export_answer(store, "persons", "csv")
    assert refused.value.status_code == 400
    assert "a csv file holds at most 3 rows: narrow the list" in str(refused.value.detail)
    with pytest.raises(ApiError) as refused:
        lists.export_answer(store, "places", "xlsx", filters={"level": ["district"]})
    assert "xlsx file holds at most 2 rows" in str(refused.value.detail)
    assert "take the CSV file" in str(refused.value.detail)
    within = lists.export_answer(
        store, "places", "csv", q="cam loc", filters={"level": ["commune"]}
    )
    assert len(list(csv.DictReader(io.StringIO(within.body.decode())))) == 1


def test_a_cell_a_spreadsheet_would_run_is_kept_as_text():
    rows = [['=HYPERLINK("http://example.org")', "+1", "Xã Cẩm Lộc", 3, None]]
    columns = ["a", "b", "c", "d", "e"]
    read = list(csv.reader(io.StringIO(exports.csv_bytes(columns, rows).decode("utf-8"))))
    assert read[1] == ['\'=HYPERLINK("http://example.org")', "'+1", "Xã Cẩm Lộc", "3", ""]
    sheet = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes("t", columns, rows))).active
    cell = sheet["A2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://example.org")', "s")
    assert json.loads(exports.json_bytes("t", columns, rows))["rows"][0]["a"].startswith("=")


def test_the_home_page_and_every_page_lead_to_the_lists(client):
    tree = page(client, "/")
    nav = {a.get("href") for a in tree.cssselect("header.site nav a")}
    assert {"/events", "/persons", "/organizations", "/places"} <= nav
    assert {a.get("href") for a in tree.cssselect("#counts a")} >= {"/events", "/places"}


@pytest.mark.parametrize("url", ["/events", "/persons", "/persons?q=le+hung"])
def test_markup_in_names_is_shown_as_text(client, url):
    script = "<script>document.title='owned'</script>"
    answer = client.get(url)
    assert script not in answer.text
    assert script in lxml.html.fromstring(answer.text).text_content()
