"""The query page's form given persons, bodies and events as people have them, in process over
the reports written for the name tests (tests/namesakes.py): a name or a page's id is bound as
its IRI; a name that fits nobody is answered 404, one that fits several 400 with a link to each,
the form kept as it was filled in."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import lxml.html
import pytest
from fastapi.testclient import TestClient
from namesakes import NAMESAKE, ONE_OF_A_KIND, namesakes_store

from polgraph.namespaces import ID
from polgraph.server import create_app
from polgraph.settings import Settings


@pytest.fixture(scope="module")
def client(tmp_path_factory, vocabulary, validator):
    store = namesakes_store(tmp_path_factory.mktemp("namesakes"), vocabulary, validator)
    with TestClient(create_app(Settings(query_workers=1, identity_path=None), store)) as running:
        yield running


def form(client, status: int, lang: str = "vi", **values: str):
    answer = client.get(f"/queries?{urlencode({**values, 'lang': lang})}")
    assert answer.status_code == status, answer.text[:500]
    return lxml.html.fromstring(answer.text)


def bound(doc) -> str:
    return doc.cssselect("textarea")[0].text


def test_a_name_without_accents_is_bound_as_its_persons_iri(client):
    doc = form(client, 200, name="person-career", person="do thi ngoc anh")
    match = re.search(r"VALUES \(\?person\) \{ \(<([^>]+)>\) \}", bound(doc))
    assert match and match.group(1).startswith(f"{ID}person/do-thi-ngoc-anh-")
    assert not doc.cssselect("p.problem[role=alert]")
    assert doc.cssselect("input[name=person]")[0].get("value") == "do thi ngoc anh"
    # The id in the person's page address binds the same.
    ident = match.group(1).removeprefix(f"{ID}person/")
    assert f"<{match.group(1)}>" in bound(form(client, 200, name="person-career", person=ident))


def test_a_name_two_persons_bear_offers_each_with_a_link_that_binds_it(client):
    doc = form(client, 400, name="person-career", person="luong van khoi")
    problem = doc.cssselect("p.problem[role=alert]")[0].text_content()
    assert "2" in problem and "luong van khoi" in problem and "tham số person" in problem
    assert "VALUES" not in bound(doc)
    choices = doc.cssselect("ul.choices li")
    assert len(choices) == 2
    assert all(NAMESAKE in li.cssselect("a.choice")[0].text for li in choices)
    assert "Hội đồng nhân dân xã Nghi Phong" in doc.cssselect("ul.choices")[0].text_content()
    for li in choices:
        ident = li.cssselect("code")[0].text
        href = li.cssselect("a.choice")[0].get("href")
        assert parse_qs(urlsplit(href).query) == {"name": ["person-career"], "person": [ident]}
        assert f"<{ID}person/{ident}>" in bound(form(client, 200, **_query_of(href)))
        assert li.cssselect(f"a[href='/persons/{ident}']")  # and its own page


def _query_of(href: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(href).query).items()}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", "Không có người nào là “Trịnh Văn Vắng”"),
        ("en", "There is no person “Trịnh Văn Vắng”"),
    ],
)
def test_a_name_no_one_bears_is_a_404_saying_so_in_the_readers_language(client, lang, words):
    doc = form(client, 404, lang, name="who-held-role-at-event", person="Trịnh Văn Vắng")
    assert words in doc.cssselect("p.problem[role=alert]")[0].text_content()
    assert doc.cssselect("form.params input[name=person]")[0].get("value") == "Trịnh Văn Vắng"
    assert "VALUES" not in bound(doc)


def test_a_wrong_value_of_another_kind_is_a_400(client):
    doc = form(client, 400, name="role-at-date", org="ubnd xa tan lap", date="someday")
    assert "not a date" in doc.cssselect("p.problem[role=alert]")[0].text_content()


def test_the_form_says_what_an_entity_parameter_takes(client):
    doc = form(client, 200, "en", name="role-at-date")
    labels = {
        label.cssselect("input")[0].get("name"): label.text_content()
        for label in doc.cssselect("form.params label")
    }
    assert "name, id or IRI" in labels["org"] and "name, id or IRI" not in labels["date"]
    assert "accents optional" in doc.cssselect("form.params .hint")[0].text_content()
    assert ONE_OF_A_KIND  # the store holds her: the form itself needs no store
