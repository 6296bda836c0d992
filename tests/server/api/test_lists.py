"""The lists with facets in the API (``/api/events``, ``/api/persons``, ``/api/organizations``
with ``facets=true``, and ``/api/places``), in process over the sample reports: facet counts
against the store's own counts, filters, paging, sorting and refusals."""

from __future__ import annotations

from collections import Counter

import pytest
from answer_shapes import same_shape
from conftest import RESOURCES, ROOT, virtuoso_store
from fastapi.testclient import TestClient

from polgraph.namespaces import ID
from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.server.answers.graph import select
from polgraph.server.api import list_examples
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

MARKUP_REPORT = RESOURCES / "reports" / "markup-in-text.yaml"
EVERYTHING = {"facets": "true", "limit": 100, "facet_size": 1000}
API_LISTS = ("/api/events", "/api/persons", "/api/organizations", "/api/places")


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


def listed(client, route: str, **params) -> dict:
    answer = client.get(route, params={**EVERYTHING, **params})
    assert answer.status_code == 200, (route, params, answer.text[:500])
    return answer.json()


def facet_counts(answer: dict, name: str) -> dict[str, int]:
    (facet,) = [f for f in answer["facets"] if f["name"] == name]
    assert facet["more"] == 0
    return {value["value"]: value["count"] for value in facet["values"]}


def counted(client, sparql: str) -> dict[str, int]:
    """``?value`` → ``?n`` rows of a grouped count, straight from the store."""
    return {
        str(row["value"]).removeprefix(str(ID)): row["n"] for row in select(client.store, sparql)
    }


# Independent counts: one SPARQL query each, property paths and all, over the whole store.
EVENTS_BY_KIND = """SELECT ?value (COUNT(DISTINCT ?event) AS ?n) WHERE {
  ?class pg:kindCode ?value . ?event a ?class ; rdfs:label ?label } GROUP BY ?value"""
EVENTS_BY_YEAR = """SELECT ?value (COUNT(DISTINCT ?event) AS ?n) WHERE {
  ?class pg:kindCode ?kind . ?event a ?class ; pg:date ?date
  BIND (SUBSTR(STR(?date), 1, 4) AS ?value) } GROUP BY ?value"""
EVENTS_BY_UNIT = """SELECT ?value (COUNT(DISTINCT ?event) AS ?n) WHERE {
  ?class pg:kindCode ?kind . ?event a ?class ; pg:place/pg:partOf* ?value . ?value a pg:{level}
} GROUP BY ?value"""
EVENTS_BY_BODY_TYPE = """SELECT ?value (COUNT(DISTINCT ?event) AS ?n) WHERE {
  ?class pg:kindCode ?kind . ?event a ?class ; pg:organiser/pg:bodyType/skos:notation ?value
} GROUP BY ?value"""
# The persons some report names as taking part in an event: the persons of the list.
NAMED = "?mention pg:mentionOf ?person . ?part pg:participant ?mention ; pg:event ?event ."
PERSONS_BY_POST = f"""SELECT ?value (COUNT(DISTINCT ?person) AS ?n) WHERE {{ {NAMED}
  ?tenure pg:holder ?person ; pg:post/pg:postType/skos:notation ?value }} GROUP BY ?value"""
PERSONS_BY_BODY_TYPE = f"""SELECT ?value (COUNT(DISTINCT ?person) AS ?n) WHERE {{ {NAMED}
  ?tenure pg:holder ?person ; pg:post/org:postIn/pg:bodyType/skos:notation ?value }}
GROUP BY ?value"""
PERSONS_BY_UNIT = f"""SELECT ?value (COUNT(DISTINCT ?person) AS ?n) WHERE {{ {NAMED}
  ?event pg:place/pg:partOf* ?value . ?value a pg:{{level}} }} GROUP BY ?value"""
PERSONS_BY_YEAR = f"""SELECT ?value (COUNT(DISTINCT ?person) AS ?n) WHERE {{ {NAMED}
  ?event pg:date ?date BIND (SUBSTR(STR(?date), 1, 4) AS ?value) }} GROUP BY ?value"""
BODIES_BY_TYPE = """SELECT ?value (COUNT(DISTINCT ?org) AS ?n) WHERE {
  ?org a pg:Organization ; rdfs:label ?label ; pg:bodyType/skos:notation ?value } GROUP BY ?value"""
BODIES_BY_UNIT = """SELECT ?value (COUNT(DISTINCT ?org) AS ?n) WHERE {
  ?org a pg:Organization ; rdfs:label ?label ; pg:jurisdiction/pg:partOf* ?value .
  ?value a pg:{level} } GROUP BY ?value"""
PLACES_BY_LEVEL = """SELECT ?value (COUNT(DISTINCT ?unit) AS ?n) WHERE {
  VALUES (?class ?value) { (pg:Province "province") (pg:District "district")
                           (pg:Commune "commune") (pg:Village "village") }
  ?unit a ?class ; rdfs:label ?label } GROUP BY ?value"""
PLACES_BY_STRUCTURE = """SELECT ?value (COUNT(DISTINCT ?unit) AS ?n) WHERE {
  VALUES ?class { pg:Province pg:District pg:Commune pg:Village }
  ?unit a ?class ; rdfs:label ?label ; pg:adminStructure ?value } GROUP BY ?value"""
PLACES_BY_PROVINCE = """SELECT ?value (COUNT(DISTINCT ?unit) AS ?n) WHERE {
  VALUES ?class { pg:Province pg:District pg:Commune pg:Village }
  ?unit a ?class ; rdfs:label ?label ; pg:partOf* ?value . ?value a pg:Province } GROUP BY ?value"""
LEVELS = {"province": "Province", "district": "District", "commune": "Commune"}


@pytest.mark.parametrize(
    ("route", "facet", "sparql"),
    [
        ("/api/events", "kind", EVENTS_BY_KIND),
        ("/api/events", "year", EVENTS_BY_YEAR),
        *[
            ("/api/events", level, EVENTS_BY_UNIT.replace("{level}", name))
            for level, name in LEVELS.items()
        ],
        ("/api/events", "body_type", EVENTS_BY_BODY_TYPE),
        ("/api/persons", "post", PERSONS_BY_POST),
        ("/api/persons", "body_type", PERSONS_BY_BODY_TYPE),
        *[
            ("/api/persons", level, PERSONS_BY_UNIT.replace("{level}", name))
            for level, name in LEVELS.items()
        ],
        ("/api/persons", "year", PERSONS_BY_YEAR),
        ("/api/organizations", "body_type", BODIES_BY_TYPE),
        *[
            ("/api/organizations", level, BODIES_BY_UNIT.replace("{level}", name))
            for level, name in LEVELS.items()
        ],
        ("/api/places", "level", PLACES_BY_LEVEL),
        ("/api/places", "structure", PLACES_BY_STRUCTURE),
        ("/api/places", "province", PLACES_BY_PROVINCE),
    ],
)
def test_facet_counts_are_the_stores_own(client, route, facet, sparql):
    expected = counted(client, sparql)
    assert expected, "the sample reports give this facet values"
    assert facet_counts(listed(client, route), facet) == expected


@pytest.mark.parametrize(
    ("route", "facet"),
    [
        ("/api/events", "kind"),
        ("/api/events", "year"),
        ("/api/events", "commune"),
        ("/api/events", "body_type"),
        ("/api/persons", "post"),
        ("/api/persons", "province"),
        ("/api/persons", "year"),
        ("/api/organizations", "body_type"),
        ("/api/organizations", "district"),
        ("/api/places", "level"),
        ("/api/places", "district"),
    ],
)
def test_a_facet_value_filters_to_as_many_items_as_it_counts(client, route, facet):
    everything = listed(client, route)
    for value, count in facet_counts(everything, facet).items():
        narrowed = listed(client, route, **{facet: value})
        assert narrowed["total"] == count == len(narrowed["items"]), (facet, value)
        assert narrowed["filters"] == {facet: [value]}
        # the list narrowed keeps its order, and its facet shows the value chosen
        kept = [item["iri"] for item in everything["items"]]
        found = [item["iri"] for item in narrowed["items"]]
        assert found == [iri for iri in kept if iri in set(found)]
        chosen = next(f for f in narrowed["facets"] if f["name"] == facet)["values"]
        assert {v["value"] for v in chosen if v["selected"]} == {value}


def test_the_items_of_a_filtered_list_hold_the_value(client):
    for kind in facet_counts(listed(client, "/api/events"), "kind"):
        assert {e["kind"] for e in listed(client, "/api/events", kind=kind)["items"]} == {kind}
    posts = facet_counts(listed(client, "/api/persons"), "post")
    for post in posts:
        for person in listed(client, "/api/persons", post=post)["items"]:
            assert post in {p["code"] for p in person["posts"]}
    for place in listed(client, "/api/places", level="commune")["items"]:
        assert place["level"]["code"] == "commune"


def test_two_facets_hold_together(client):
    everything = listed(client, "/api/persons")
    provinces = facet_counts(everything, "province")
    posts = facet_counts(everything, "post")
    pairs = 0
    for province in provinces:
        for post in posts:
            both = listed(client, "/api/persons", province=province, post=post)
            one = {p["iri"] for p in listed(client, "/api/persons", province=province)["items"]}
            other = {p["iri"] for p in listed(client, "/api/persons", post=post)["items"]}
            assert {p["iri"] for p in both["items"]} == one & other
            assert both["total"] == len(one & other)
            pairs += bool(one & other)
    assert pairs > 1
    # Two values of one facet must both hold: a person who held both posts.
    first, second = sorted(posts, key=posts.get, reverse=True)[:2]
    both = listed(client, "/api/persons", post=[first, second])["items"]
    for person in both:
        assert {first, second} <= {p["code"] for p in person["posts"]}


def test_pages_are_slices_of_the_whole_list(client):
    whole = listed(client, "/api/persons", sort="name")["items"]
    assert len(whole) > 6
    paged = []
    for offset in range(0, len(whole), 4):
        paged += listed(client, "/api/persons", limit=4, offset=offset)["items"]
    assert paged == whole
    beyond = listed(client, "/api/persons", offset=len(whole) + 5)
    assert beyond["items"] == [] and beyond["total"] == len(whole)


@pytest.mark.parametrize(
    ("route", "sort", "key"),
    [
        ("/api/events", "date", lambda item: item["date"]),
        ("/api/events", "label", lambda item: item["label"].lower()),
        ("/api/persons", "reports", lambda item: item["reports"]),
        ("/api/persons", "first_seen", lambda item: item["first_seen"]),
        ("/api/persons", "last_seen", lambda item: item["last_seen"]),
        ("/api/organizations", "events", lambda item: item["events"]),
        ("/api/organizations", "persons", lambda item: item["persons"]),
        ("/api/places", "events", lambda item: item["events"]),
        ("/api/places", "code", lambda item: item["code"] and int(item["code"])),
    ],
)
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_a_list_sorts_by_a_column_unknown_values_last(client, route, sort, key, order):
    answer = listed(client, route, sort=sort, order=order)
    assert (answer["sort"], answer["order"]) == (sort, order)
    keys = [key(item) for item in answer["items"]]
    known = [k for k in keys if k is not None]
    assert keys == known + [None] * (len(keys) - len(known))
    assert known == sorted(known, reverse=order == "desc")
    assert known, "the sample reports give this column values"


def test_a_column_has_its_own_default_order(client):
    assert listed(client, "/api/persons", sort="reports")["order"] == "desc"
    assert listed(client, "/api/events")["sort"] == "date"
    assert listed(client, "/api/events")["order"] == "asc"


@pytest.mark.parametrize(
    ("route", "params", "words"),
    [
        ("/api/events", {"sort": "colour"}, "sort must be one of: date, label, place"),
        ("/api/persons", {"sort": "date"}, "sort must be one of: name, reports"),
        ("/api/events", {"order": "sideways"}, "order"),
        ("/api/events", {"kind": ["picnic", "conference"]}, "kind must be one of: ceremony"),
        ("/api/events", {"year": "20x3"}, "year is a year written with four digits"),
        ("/api/events", {"province": "unit/legacy/commune/18730"}, "is not the id of a province"),
        ("/api/events", {"commune": "nowhere"}, "is not the id of a commune"),
        ("/api/persons", {"post": "emperor"}, "post must be a known code"),
        ("/api/organizations", {"body_type": "guild"}, "body_type must be a known code"),
        ("/api/places", {"level": "galaxy"}, "level must be one of: commune, district"),
        ("/api/places", {"structure": "1990"}, "structure must be one of: legacy, 2025"),
        ("/api/places", {"facet_size": 0}, "facet_size"),
        ("/api/persons", {"facets": "true", "limit": 500}, "limit"),
        ("/api/places", {"lang": "fr"}, "lang"),
    ],
)
def test_bad_parameters_are_refused_saying_why(client, route, params, words):
    answer = client.get(route, params=params)
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] == "bad request"
    assert words in str(answer.json()["detail"])


def test_without_list_parameters_the_routes_answer_as_before(client):
    plain = client.get("/api/events", params={"limit": 100}).json()
    assert set(plain) == {"items", "total", "limit", "offset"}
    faceted = listed(client, "/api/events")
    # the same events in the same order, each with what the plain list says of it
    assert [e["iri"] for e in faceted["items"]] == [e["iri"] for e in plain["items"]]
    for old, new in zip(plain["items"], faceted["items"], strict=True):
        assert {key: new[key] for key in old} == old
    for route, q in (("/api/persons", "nguyen"), ("/api/organizations", "xa")):
        plain = client.get(route, params={"q": q, "limit": 100}).json()
        faceted = listed(client, route, q=q)
        assert faceted["total"] == plain["total"] > 0
        for old, new in zip(plain["items"], faceted["items"], strict=True):
            assert {key: new[key] for key in old} == old


def test_the_events_own_filters_narrow_the_faceted_list(client):
    for params in ({"place": "cam loc"}, {"from": "2023-06-01"}, {"kind": "council_session"}):
        plain = client.get("/api/events", params={**params, "limit": 100}).json()
        faceted = listed(client, "/api/events", **params)
        assert [e["iri"] for e in faceted["items"]] == [e["iri"] for e in plain["items"]]
        assert faceted["total"] == plain["total"]


def test_labels_come_from_the_vocabularies_in_the_language_asked(client):
    kinds = select(
        client.store,
        """SELECT ?code ?label WHERE { ?class pg:kindCode ?code ; rdfs:label ?label
        FILTER (LANG(?label) = "en") }""",
    )
    english = {row["code"]: row["label"] for row in kinds}
    (facet,) = [
        f for f in listed(client, "/api/events", lang="en")["facets"] if f["name"] == "kind"
    ]
    assert facet["values"] and all(v["label"] == english[v["value"]] for v in facet["values"])
    posts = select(
        client.store,
        """SELECT ?code ?label WHERE { ?post a pg:PostType ; skos:notation ?code ;
        skos:prefLabel ?label FILTER (LANG(?label) = "vi") }""",
    )
    vietnamese = {row["code"]: row["label"] for row in posts}
    for person in listed(client, "/api/persons")["items"]:
        assert all(p["label"] == vietnamese[p["code"]] for p in person["posts"])


def test_a_facet_shows_its_most_frequent_values_first_and_says_how_many_more(client):
    everything = facet_counts(listed(client, "/api/persons"), "post")
    assert len(everything) > 3
    (short,) = [
        f for f in listed(client, "/api/persons", facet_size=2)["facets"] if f["name"] == "post"
    ]
    assert [v["count"] for v in short["values"]] == sorted(everything.values(), reverse=True)[:2]
    assert short["more"] == len(everything) - 2


def test_the_name_words_narrow_a_list_with_facets(client):
    found = listed(client, "/api/places", q="cam loc")
    assert found["total"] >= 1
    assert all("cẩm lộc" in place["label"].lower() for place in found["items"])
    persons = listed(client, "/api/persons", q="nguyen")["items"]
    assert persons and all("nguyễn" in p["name"].lower() for p in persons)


def test_the_documented_list_is_a_real_answer(client):
    answer = client.get("/api/places", params={"q": "cam loc", "level": "commune"})
    assert answer.status_code == 200
    same_shape(list_examples.PLACE_LIST, answer.json(), "/api/places", null_nodes=True)
    assert answer.json()["items"][0]["iri"] == list_examples.PLACE_LIST["items"][0]["iri"]


def test_a_place_counts_the_events_within_it_as_its_page_does(client):
    for place in listed(client, "/api/places")["items"]:
        within = client.get("/api/events", params={"place": place["id"], "limit": 100}).json()
        assert place["events"] == within["total"], place["label"]
    assert Counter(p["level"]["code"] for p in listed(client, "/api/places")["items"])["commune"]


@pytest.mark.slow
@pytest.mark.virtuoso
def test_the_lists_are_the_same_over_a_sparql_service(client, virtuoso, vocabulary, validator):
    remote = virtuoso_store(virtuoso)
    pipeline = Pipeline(remote, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    assert not pipeline.run([ROOT / "data" / "reports", MARKUP_REPORT]).rejected
    settings = Settings(query_workers=1, spare_workers=0, reserved_workers=0)
    with TestClient(create_app(settings, remote)) as served:
        for route in API_LISTS:
            over_service = served.get(route, params=EVERYTHING)
            assert over_service.status_code == 200, over_service.text
            assert over_service.json() == listed(client, route), route
        assert served.get("/events.csv").content == client.get("/events.csv").content
    remote.close()
