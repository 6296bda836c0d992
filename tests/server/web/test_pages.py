"""The web pages, in process, over the sample reports and one report full of markup.

What a page shows is compared with what the API answers for the same id (the pages are built
from the API's own functions), with the store's vocabularies and with the reports' text.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import lxml.html
import pytest
from conftest import RESOURCES, ROOT
from fastapi.testclient import TestClient

from polgraph.analytics import KnowledgeGraph
from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.server.answers.graph import iri, select, text
from polgraph.server.answers.network import MEASURES
from polgraph.server.translations import MESSAGES
from polgraph.server.web.citations import lit, quoted
from polgraph.server.web.language import LANGUAGES, from_accept_language
from polgraph.server.web.organizations import latest_holders, successions
from polgraph.server.web.rendering import TEMPLATES
from polgraph.server.web.timeline import timeline
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

MARKUP_REPORT = RESOURCES / "reports" / "markup-in-text.yaml"
SCRIPT = "<script>document.title='owned'</script>"


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


def page(client, url: str, status: int = 200, **headers):
    client.cookies.clear()  # a language chosen by an earlier link is not this page's business
    answer = client.get(url, headers=headers)
    assert answer.status_code == status, (url, answer.text[:500])
    assert answer.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(answer.text)


def words(element) -> str:
    return " ".join(element.text_content().split())


def api(client, url: str, **params) -> dict:
    answer = client.get(url, params=params)
    assert answer.status_code == 200, url
    return answer.json()


def dong(client) -> dict:
    found = api(client, "/api/persons", q="nguyen viet dong")["items"]
    assert len(found) == 1
    return api(client, found[0]["href"])


def labels(client, lang: str) -> dict[tuple[str, str], str]:
    """The vocabulary's labels of event kinds and acts in ``lang``, straight from the store."""
    rows = select(
        client.store,
        """SELECT ?scheme ?code ?label WHERE {
        { ?c pg:kindCode ?code ; rdfs:label ?label BIND ("kind" AS ?scheme) }
        UNION { ?c a pg:ActType ; skos:notation ?code ; skos:prefLabel ?label
                BIND ("act" AS ?scheme) }
        FILTER (LANG(?label) = ?lang) }""",
        {"lang": text(lang)},
    )
    return {(r["scheme"], r["code"]): r["label"] for r in rows}


# -- home and search ------------------------------------------------------------------------------
def test_the_home_page_counts_what_the_api_lists(client):
    doc = page(client, "/")
    shown = [int(n.text) for n in doc.cssselect("#counts strong")]
    totals = [
        api(client, f"/api/{route}", limit=1)["total"]
        for route in ("persons", "events", "organizations", "sources")
    ]
    assert shown == totals
    assert doc.cssselect("form[action='/search'] input[name=q]")


def test_the_home_page_lists_the_latest_events_first(client):
    every = api(client, "/api/events", limit=100)["items"]
    dated = sorted((e for e in every if e["date"]), key=lambda e: e["date"], reverse=True)
    links = page(client, "/").cssselect("#recent-events li a")
    assert [a.get("href") for a in links] == [f"/events/{e['id']}" for e in dated[:10]]


@pytest.mark.parametrize("query", ["nguyen viet dong", "NGUYEN VIET DONG", "Nguyễn Viết Đồng"])
def test_search_finds_a_person_with_or_without_accents(client, query):
    person = dong(client)
    links = page(client, f"/search?q={query}").cssselect("#persons li a")
    assert [(a.text, a.get("href")) for a in links] == [
        (person["name"], f"/persons/{person['id']}")
    ]


def test_search_pages_through_persons_as_the_api_does(client):
    first = page(client, "/search?q=")
    total = api(client, "/api/persons", limit=1)["total"]
    assert len(first.cssselect("#persons li")) == min(total, 20)
    following = first.cssselect("#persons .pager a")
    assert bool(following) == (total > 20)


# -- a person --------------------------------------------------------------------------------------
def test_a_person_page_shows_each_post_with_its_sentence_and_source(client):
    person = dong(client)
    doc = page(client, f"/persons/{person['id']}")
    assert words(doc.cssselect("h1")[0]) == person["name"]
    rows = doc.cssselect("#posts tr.post")
    assert [words(r.cssselect(".post-title")[0]) for r in rows] == [
        p["post"]["title"] for p in person["posts"]
    ]
    assert "Phó Bí thư" in [p["post"]["title"] for p in person["posts"]]
    for row, post in zip(rows, person["posts"], strict=True):
        sentences = [words(q) for q in row.cssselect("q.sentence")]
        marks = [m.text for m in row.cssselect("q.sentence mark")]
        links = [a.get("href") for a in row.cssselect("a.source-link")]
        for found in post["evidence"]:
            cited = found["source"]
            assert " ".join(cited["sentence"].split()) in sentences
            assert cited["quote"] in marks
            assert (
                f"/sources/{cited['report']['id']}?start={cited['start']}&end={cited['end']}#evidence"
                in links
            )


def test_a_person_page_lists_events_with_posts_and_acts_in_the_vocabulary_words(client):
    person = dong(client)
    vietnamese = labels(client, "vi")
    rows = page(client, f"/persons/{person['id']}").cssselect("#events tr.participation")
    assert len(rows) == len(person["events"])
    for row, entry in zip(rows, person["events"], strict=True):
        assert row.cssselect("a")[0].get("href") == f"/events/{entry['event']['id']}"
        assert [t.text for t in row.cssselect(".tag")] == [
            vietnamese["act", a] for a in entry["acts"]
        ]
        for post in entry["posts"]:
            assert post in words(row)


def test_a_person_page_draws_a_timeline_of_the_dated_posts(client):
    person = dong(client)
    doc = page(client, f"/persons/{person['id']}")
    bars = doc.cssselect("#timeline .bar")
    assert len(bars) == sum(1 for p in person["posts"] if p["first_evidence"])
    assert [b.getparent().getparent().cssselect(".row-label")[0].text for b in bars] == [
        p["post"]["label"] for p in person["posts"] if p["first_evidence"]
    ]
    marks = doc.cssselect("#timeline a.mark")
    assert {m.get("href") for m in marks} == {
        f"/events/{e['event']['id']}" for e in person["events"] if e["event"]["date"]
    }


def test_a_mention_id_leads_to_its_person(client):
    person = dong(client)
    mention = person["mentions"][0]["id"].removeprefix("person/")
    answer = client.get(f"/persons/{mention}", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/persons/{person['id']}"


# -- an event, a body, a place, a report -------------------------------------------------------
def test_an_event_page_shows_who_took_part_in_which_role(client):
    person = dong(client)
    event = api(client, person["events"][0]["event"]["href"])
    doc = page(client, f"/events/{event['id']}")
    assert words(doc.cssselect("h1")[0]) == event["label"]
    facts = words(doc.cssselect("dl.facts")[0])
    assert event["date"] in facts and labels(client, "vi")["kind", event["kind"]] in facts
    assert all(unit["label"] in facts for unit in event["place"])
    assert {a.get("href") for a in doc.cssselect("dl.facts a")} >= {
        f"/places/{u['id']}" for u in event["place"]
    } | {f"/organizations/{o['id']}" for o in event["organisers"]}
    rows = doc.cssselect("#participants tr.participant")
    assert [words(r.cssselect("td")[0]) for r in rows] == [
        p["person"]["name"] if p["person"] else p["mention"]["name"] for p in event["participants"]
    ]
    for row, part in zip(rows, event["participants"], strict=True):
        assert [m.text for m in row.cssselect("ul.roles mark")] == [
            r["source"]["quote"] for r in part["roles"]
        ]
    assert len(doc.cssselect("#speeches tr.speech")) == len(event["speeches"])
    documents = [words(r.cssselect("td")[1]) for r in doc.cssselect("#documents tr.document")]
    assert len(documents) == len(event["documents"])
    for shown, document in zip(documents, event["documents"], strict=True):
        assert document["number"] in shown and document["label"] in shown


def test_an_event_page_leads_to_the_network_of_its_place(client):
    event = api(client, dong(client)["events"][0]["event"]["href"])
    link = page(client, f"/events/{event['id']}").cssselect("#network-link")[0].get("href")
    params = parse_qs(urlsplit(link).query)
    assert urlsplit(link).path == "/network"
    assert params["place"] == [event["place"][0]["iri"]]
    assert params["from"] == [event["date"][:4] + "-01-01"] and params["to"] == [
        event["date"][:4] + "-12-31"
    ]


def test_a_body_page_shows_holders_successions_and_place(client):
    post = next(p for p in dong(client)["posts"] if p["post"]["title"] == "Phó Bí thư")
    body = api(client, post["organization"]["href"])
    doc = page(client, f"/organizations/{body['id']}")
    assert words(doc.cssselect("h1")[0]) == body["label"]
    assert [h.text for h in doc.cssselect("#holders h3")] == [
        p["post"]["title"] for p in body["posts"]
    ]
    holders = [
        words(r.cssselect("td")[0].cssselect("a")[0]) for r in doc.cssselect("#holders tr.holder")
    ]
    assert holders == [h["holder"]["name"] for p in body["posts"] for h in p["holders"]]
    assert len(doc.cssselect("#holders tr.latest")) == len(body["posts"])
    handed = [
        [words(td) for td in row.cssselect("td")[:3]]
        for row in doc.cssselect("#successions tbody tr")
    ]
    expected = [
        [p["post"]["title"], h["predecessor"]["name"], h["holder"]["name"]]
        for p in body["posts"]
        for h in p["holders"]
        if h["predecessor"]
    ]
    assert sorted(handed) == sorted(expected)
    # The markup report names a second Bí thư of the same committee after the first.
    assert any(title == "Bí thư" for title, _, _ in handed)
    links = {a.get("href") for a in doc.cssselect("dl.facts a")}
    assert f"/places/{body['jurisdiction']['id']}" in links
    assert {f"/organizations/{b['id']}" for b in body["sub_bodies"]} <= links


def test_a_place_page_shows_its_code_successor_bodies_and_events(client):
    event = api(client, dong(client)["events"][0]["event"]["href"])
    commune = event["place"][0]
    doc = page(client, f"/places/{commune['id']}")
    unit = commune["iri"]
    found = select(
        client.store,
        """SELECT ?code ?after WHERE { ?unit pg:officialCode ?code .
                                    OPTIONAL { ?unit pg:successorUnit ?after } }""",
        {"unit": iri(unit)},
    )[0]
    facts = words(doc.cssselect("dl.facts")[0])
    assert found["code"] in facts
    successor = doc.cssselect("#successor-unit a")[0].get("href")
    assert successor == "/places/" + found["after"].split("/id/", 1)[1]
    # Each body listed serves the commune, as the API
    # says; the commune's party committee among them.
    bodies = [a.get("href") for a in doc.cssselect("#bodies td:first-child a")]
    assert bodies
    for href in bodies:
        assert api(client, "/api" + href)["jurisdiction"]["iri"] == unit
    committee = next(p for p in dong(client)["posts"] if p["post"]["title"] == "Phó Bí thư")[
        "organization"
    ]
    assert f"/organizations/{committee['id']}" in bodies
    listed = api(client, "/api/events", place=commune["id"], limit=100)
    assert [a.get("href") for a in doc.cssselect("#events tbody tr td:first-child a")] == [
        f"/events/{e['id']}" for e in listed["items"]
    ]
    # The unit it became links back to it.
    after = page(client, successor)
    assert f"/places/{commune['id']}" in {a.get("href") for a in after.cssselect("dl.facts a")}


def test_a_report_page_lights_up_the_sentence_of_a_fact(client):
    post = next(p for p in dong(client)["posts"] if p["post"]["title"] == "Phó Bí thư")
    cited = post["evidence"][0]["source"]
    seed_text = (ROOT / "data" / "reports" / "seed.txt").read_text(encoding="utf-8")
    # The sentence is the line of the report that names the post.
    line = next(line.strip() for line in seed_text.splitlines() if cited["quote"] in line)
    doc = page(
        client, f"/sources/{cited['report']['id']}?start={cited['start']}&end={cited['end']}"
    )
    lit_up = doc.cssselect("#text mark#evidence")[0]
    assert words(lit_up) == " ".join(line.split())
    assert lit_up.cssselect("strong.quote")[0].text == cited["quote"]
    whole = page(client, f"/sources/{cited['report']['id']}")
    assert not whole.cssselect("mark") and cited["quote"] in words(
        whole.cssselect(".report-text")[0]
    )


def test_a_report_page_lists_each_fact_with_a_link_to_its_words(client):
    report = api(client, "/api/sources", key="seed")["items"][0]
    detail = api(client, report["href"])
    rows = page(client, f"/sources/{report['id']}").cssselect("#facts tbody tr")
    assert len(rows) == len(detail["facts"])
    for row, fact in zip(rows, detail["facts"], strict=True):
        link = row.cssselect("td:last-child a")[0]
        assert link.text == fact["quote"]
        assert (
            link.get("href")
            == f"/sources/{report['id']}?start={fact['start']}&end={fact['end']}#evidence"
        )


# -- the network -------------------------------------------------------------------------------
def test_the_network_page_ranks_persons_as_the_analytics_do(client):
    commune = api(client, dong(client)["events"][0]["event"]["href"])["place"][0]
    doc = page(client, f"/network?place={commune['iri']}&sort=degree")
    graph_of = KnowledgeGraph(client.store)
    ranked = graph_of.centrality(graph_of.coattendance(place=commune["iri"]), sort="degree")
    names = [words(r.cssselect("td")[1]) for r in doc.cssselect("#central tr.central-person")]
    assert names == [r["name"] for r in ranked][:25]
    assert "Nguyễn Viết Đồng" in names
    assert commune["label"] in words(doc.cssselect("#network-scope")[0])
    picture = doc.cssselect("figure.network img")[0].get("src")
    assert picture.startswith("/network/picture.svg?")


def central_names(doc) -> list[str]:
    return [words(r.cssselect("td")[1]) for r in doc.cssselect("#central tr.central-person")]


def test_the_network_form_shows_a_place_by_its_label_and_keeps_choosing_it(client):
    commune = api(client, dong(client)["events"][0]["event"]["href"])["place"][0]
    doc = page(client, f"/network?place={commune['iri']}")
    field = doc.cssselect("form.filters input[name=place]")[0]
    assert field.get("value") == commune["label"]
    (kept,) = doc.cssselect("form.filters input[type=hidden]")
    assert (kept.get("name"), kept.get("value")) == ("place_iri", commune["iri"])
    # The form sent back as it stands chooses the same unit, by its IRI.
    again = page(
        client,
        "/network?" + urlencode({"place": field.get("value"), "place_iri": kept.get("value")}),
    )
    assert central_names(again) == central_names(doc) != []
    assert parse_qs(urlsplit(again.cssselect("figure.network img")[0].get("src")).query)[
        "place"
    ] == [commune["iri"]]
    # A place typed over the label is the place typed.
    other = page(
        client, "/network?" + urlencode({"place": "huyện Cẩm Xuyên", "place_iri": commune["iri"]})
    )
    assert not other.cssselect("form.filters input[type=hidden]")
    assert "Huyện Cẩm Xuyên" in words(other.cssselect("#network-scope")[0])


def test_the_network_page_finds_a_place_typed_without_accents(client):
    accented = page(client, "/network?place=xã Cẩm Lộc")
    doc = page(client, "/network?place=xa cam loc")
    assert central_names(doc) == central_names(accented) != []
    # as typed
    assert doc.cssselect("form.filters input[name=place]")[0].get("value") == "xa cam loc"
    assert words(doc.cssselect("#network-scope")[0]) == "Xã Cẩm Lộc"  # the place found


@pytest.mark.parametrize(
    ("fmt", "media_type", "magic"),
    [("svg", "image/svg+xml", b"<?xml"), ("png", "image/png", b"\x89PNG")],
)
def test_the_network_picture_comes_as_svg_or_png(client, fmt, media_type, magic):
    answer = client.get(f"/network/picture.{fmt}", params={"place": "xã Cẩm Lộc"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media_type)
    assert answer.content.startswith(magic)
    assert client.get("/network/picture.gif").status_code == 404


@pytest.mark.parametrize(
    ("query", "status", "problem"),
    [
        ("place=nowhere at all", 404, "no place"),
        ("from=2024-13-01", 400, "from"),
        ("from=2024-02-01&to=2024-01-01", 400, "empty"),
    ],
)
def test_the_network_page_says_what_is_wrong_with_its_filters(client, query, status, problem):
    doc = page(client, f"/network?{query}", status=status)
    assert problem in doc.cssselect(".problem")[0].text
    assert doc.cssselect("form.filters") and not doc.cssselect("figure.network")


# -- the query page ----------------------------------------------------------------------------
def test_the_query_page_lists_the_named_queries(client):
    from polgraph.query.named import available_queries

    doc = page(client, "/queries")
    assert [a.text for a in doc.cssselect(".query-list a")] == list(available_queries())
    assert doc.cssselect("form#query-form[action='/sparql'] textarea[name=query]")
    assert doc.cssselect("script[src='/static/queries.js']")


def test_the_query_page_binds_the_parameters_given(client):
    doc = page(client, "/queries?name=who-held-role-at-event&report=seed&person=")
    query = doc.cssselect("textarea")[0].text
    assert re.search(r'VALUES \(\?report\) \{ \("seed"\) \}', query)
    assert "# name: who-held-role-at-event" in query
    assert doc.cssselect("input[name=report]")[0].get("value") == "seed"
    bad = page(client, "/queries?name=role-at-date&date=someday", status=400)
    assert (
        "date" in bad.cssselect(".problem")[0].text
        and "VALUES" not in bad.cssselect("textarea")[0].text
    )
    page(client, "/queries?name=no-such-query", status=404)


def test_a_browser_asking_sparql_for_a_page_is_sent_to_the_query_page(client):
    answer = client.get(
        "/sparql", headers={"Accept": "text/html,*/*;q=0.8"}, follow_redirects=False
    )
    assert answer.status_code == 303 and urlsplit(answer.headers["location"]).path == "/queries"
    assert client.get("/sparql").headers["content-type"] == "text/turtle"


# -- languages ---------------------------------------------------------------------------------
PAGES = ["/", "/search?q=dong", "/network", "/queries"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_speaks_vietnamese_and_links_to_english(client, url):
    doc = page(client, url)
    assert doc.get("lang") == "vi"
    switch = doc.cssselect("a.language-switch")[0]
    assert switch.get("hreflang") == "en"
    target = urlsplit(switch.get("href"))
    assert target.path == urlsplit(url).path and parse_qs(target.query)["lang"] == ["en"]
    english = page(client, switch.get("href"))
    assert english.get("lang") == "en"
    assert english.cssselect("a.language-switch")[0].get("hreflang") == "vi"


def test_a_language_chosen_by_link_is_kept_and_accept_language_is_heard(client):
    person = dong(client)
    english = labels(client, "en")
    chosen = client.get("/?lang=en")
    assert chosen.cookies.get("lang") == "en"
    doc = page(client, f"/persons/{person['id']}", Cookie="lang=en")
    assert doc.get("lang") == "en" and words(doc.cssselect("#posts h2")[0]) == MESSAGES["posts"][1]
    act = person["events"][0]["acts"][0]
    assert english["act", act] in [t.text for t in doc.cssselect("#events .tag")]
    assert page(client, "/", **{"Accept-Language": "en-GB,en;q=0.9"}).get("lang") == "en"
    assert page(client, "/", **{"Accept-Language": "fr, vi;q=0.5"}).get("lang") == "vi"
    assert page(client, "/?lang=vi", Cookie="lang=en").get("lang") == "vi"
    assert "Accept-Language" in client.get("/").headers["vary"]


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        ("en-US,en;q=0.9", "en"),
        ("vi-VN,vi;q=0.9,en;q=0.8", "vi"),
        ("fr-FR, en;q=0.2, vi;q=0.4", "vi"),
        ("en;q=0, vi;q=0.1", "vi"),
        ("de", None),
        ("", None),
        (None, None),
        ("en;q=abc, vi", "vi"),
    ],
)
def test_accept_language(header, chosen):
    assert from_accept_language(header) == chosen


def test_every_message_is_in_both_languages_and_every_key_a_page_uses_exists():
    assert all(len(pair) == len(LANGUAGES) and all(pair) for pair in MESSAGES.values())
    used = set()
    for path in TEMPLATES.glob("*.html"):
        template = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(["']([a-z0-9_]+)["']\s*[,)]""", template))
        # Keys handed to the macros that look them up: a section's title and its words for
        # nothing, a table's headings, the speeches' first heading.
        for title, empty in re.findall(
            r"""\bsection\("[^"]*", "([a-z0-9_]+)", [^,]+, "([a-z0-9_]+)"\)""", template
        ):
            used |= {title, empty}
        for heads in re.findall(r"""\btable\(\[([^\]]*)\]""", template):
            used |= set(re.findall(r'"([a-z0-9_]+)"', heads))
        used |= set(re.findall(r"""\bspeeches\([^,]+, "([a-z0-9_]+)"\)""", template))
    for module in (TEMPLATES.parent).glob("*.py"):
        used |= set(
            re.findall(
                r"""\b(?:t|translator\(\w+\))\(["']([a-z0-9_]+)["']""",
                module.read_text(encoding="utf-8"),
            )
        )
    # Keys built from a value: one for each value there is.
    used |= {f"measure_{m}" for m in MEASURES} | {f"language_name_{lang}" for lang in LANGUAGES}
    used |= {f"fact_{k}" for k in ("event", "role", "participation", "speech", "document")}
    used |= {"relation_implements", "relation_cites", "structure_legacy", "structure_2025"}
    used |= {"error_400", "error_404", "error_503"}
    assert used - set(MESSAGES) == set()
    assert len(used) > 100


# -- escaping ----------------------------------------------------------------------------------
def _markup_person(client) -> dict:
    found = api(client, "/api/persons", q="le hung")["items"]
    return api(client, next(p for p in found if SCRIPT in p["name"])["href"])


def test_markup_in_a_report_is_shown_as_text_on_every_page(client):
    person = _markup_person(client)
    event = api(client, person["events"][0]["event"]["href"])
    report = event["source"]["report"]
    body = person["posts"][0]["organization"]
    urls = [
        "/",
        "/search?q=le hung",
        f"/persons/{person['id']}",
        f"/events/{event['id']}",
        f"/organizations/{body['id']}",
        f"/sources/{report['id']}",
        f"/sources/{report['id']}?start={event['source']['start']}&end={event['source']['end']}",
        f"/places/{event['place'][0]['id']}",
    ]
    for url in urls:
        answer = client.get(url)
        assert answer.status_code == 200, url
        assert SCRIPT not in answer.text, url
        assert "&lt;script&gt;document.title=" in answer.text, url
        doc = lxml.html.fromstring(answer.text)
        # no script element came from the data: the only ones are the files the pages ship
        shipped = [
            s
            for s in doc.cssselect("script")
            if s.get("src", "").startswith(("/static/", "/vendor/"))
        ]
        assert doc.cssselect("script") == shipped and not any(s.text for s in shipped), url
        assert SCRIPT in doc.text_content(), url  # the words are there, as text
    topic = page(client, f"/persons/{person['id']}").cssselect("#speeches tr.speech td")[2]
    assert topic.cssselect("b") == [] and words(topic) == person["speeches"][0]["topic"]


def test_a_report_address_is_linked_only_when_it_is_a_web_address():
    from polgraph.server.web.links import web_address

    assert web_address("https://example.org/tin?a=1") == "https://example.org/tin?a=1"
    assert web_address("HTTP://example.org") == "HTTP://example.org"
    for hostile in (
        "javascript:alert(1)",
        "data:text/html,<b>",
        " javascript:x",
        "//example.org",
        None,
    ):
        assert web_address(hostile) is None


# -- errors and the document of the API ----------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/persons/nguyen-van-a-00000000-00000000", 404),
        ("/persons/not an id", 404),
        ("/events/0000", 404),
        ("/organizations/nothing-here", 404),
        ("/places/unit/legacy/commune/00000", 404),
        ("/places/elsewhere/x", 404),
        ("/sources/0000", 404),
        ("/search?offset=-1", 400),
        ("/sources/0000?start=x", 400),
    ],
)
def test_errors_are_pages_in_the_readers_language(client, url, status):
    doc = page(client, url, status=status)
    assert words(doc.cssselect("h1")[0]) == MESSAGES[f"error_{status}"][0]
    english = page(client, url + ("&" if "?" in url else "?") + "lang=en", status=status)
    assert words(english.cssselect("h1")[0]) == MESSAGES[f"error_{status}"][1]
    assert client.get("/api/persons/nguyen-van-a-00000000-00000000").json()["error"] == "not found"


def test_pages_stay_out_of_the_openapi_document(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert all(p.startswith(("/api", "/sparql", "/update", "/store")) for p in paths), sorted(paths)


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/static/style.css", "text/css"),
        ("/static/queries.js", "javascript"),
        ("/static/favicon.svg", "image/svg+xml"),
    ],
)
def test_the_pages_bring_their_own_static_files(client, path, media_type):
    answer = client.get(path)
    assert answer.status_code == 200 and media_type in answer.headers["content-type"]
    for doc in (page(client, "/"), page(client, "/queries")):
        assets = [e.get("href") for e in doc.cssselect("link[href]")] + [
            e.get("src") for e in doc.cssselect("[src]")
        ]
        assert all(a.startswith("/") for a in assets), assets  # nothing from another host


# -- the parts ---------------------------------------------------------------------------------
def test_a_timeline_places_posts_and_events_in_date_order():
    posts = [
        {"first_evidence": "2020-01-01", "last_evidence": "2022-01-01"},
        {"first_evidence": "2021-06-01", "last_evidence": "2021-06-01"},
        {"first_evidence": None, "last_evidence": None},
    ]
    events = [
        {"event": {"date": "2020-01-01"}},
        {"event": {"date": "2023-01-01"}},
        {"event": {"date": None}},
    ]
    drawn = timeline(posts, events)
    assert [b.entry for b in drawn.bars] == posts[:2]
    first, second = drawn.bars
    assert 0 < first.left < second.left < first.left + first.width < 100
    assert second.width > 0
    assert [m.left for m in drawn.marks] == sorted(m.left for m in drawn.marks)
    assert drawn.marks[0].left == first.left and drawn.marks[-1].left < 100
    assert [t.label for t in drawn.ticks] == ["2020", "2021", "2022", "2023"]
    assert drawn.ticks[0].left == first.left  # 1 January 2020, the day the first post begins
    assert (drawn.first, drawn.last) == ("2020-01-01", "2023-01-01")
    assert timeline(posts[2:], events[2:]) is None


def test_a_quote_is_marked_inside_its_sentence_only_when_it_is_there():
    cited = {
        "sentence": "Đồng chí Võ Nam - Bí thư Đảng ủy chủ trì.",
        "sentence_start": 10,
        "start": 28,
        "end": 42,
        "quote": "Bí thư Đảng ủy",
    }
    assert quoted(cited) == type(quoted(cited))("Đồng chí Võ Nam - ", "Bí thư Đảng ủy", " chủ trì.")
    assert quoted({**cited, "start": 29}).quote == ""  # the span does not fit: the sentence alone
    # A span taking in the line's end (which the sentence leaves out) marks its words.
    at_the_end = {**cited, "start": 43, "end": 52, "quote": "chủ trì.\n"}
    assert quoted(at_the_end) == type(quoted(cited))(
        "Đồng chí Võ Nam - Bí thư Đảng ủy ", "chủ trì.", ""
    )
    assert quoted({**cited, "start": 27, "end": 42, "quote": " Bí thư Đảng ủy"}) == quoted(cited)
    assert quoted({**cited, "sentence": None}) is None and quoted(None) is None


def test_a_text_is_cut_around_a_span_within_it_only():
    text = "Mở đầu. Đồng chí Võ Nam - Bí thư chủ trì. Kết thúc."
    start = text.index("Bí thư")
    cut = lit(text, start, start + len("Bí thư"))
    assert (cut.before, cut.lead, cut.quote, cut.trail, cut.after) == (
        "Mở đầu. ",
        "Đồng chí Võ Nam - ",
        "Bí thư",
        " chủ trì.",
        " Kết thúc.",
    )
    assert f"{cut.before}{cut.lead}{cut.quote}{cut.trail}{cut.after}" == text
    for start, end in ((5, 5), (9, 3), (0, len(text) + 1), (None, 3)):
        assert lit(text, start, end) is None


def test_the_latest_holder_and_the_successions_of_a_post():
    def holder(name, first, last, before=None):
        return {
            "iri": f"tenure/{name}",
            "holder": {"name": name},
            "first_evidence": first,
            "last_evidence": last,
            "predecessor": before and {"name": before},
        }

    posts = [
        {
            "post": {"title": "Chủ tịch"},
            "holders": [
                holder("A", "2020-01-01", "2021-01-01"),
                holder("B", "2021-06-01", "2022-01-01", "A"),
                holder("C", None, None),
            ],
        },
        {"post": {"title": "Bí thư"}, "holders": [holder("D", None, None)]},
    ]
    assert latest_holders(posts) == {"tenure/B"}
    assert [
        (s["post"]["title"], s["predecessor"]["name"], s["successor"]["name"], s["date"])
        for s in successions(posts)
    ] == [("Chủ tịch", "A", "B", "2021-06-01")]
