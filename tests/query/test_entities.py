"""Names, ids and IRIs given for a person, event, body, place or post, resolved against a store
of reports written for it (tests/namesakes.py): one node is the answer, several a list to
choose from, none an error."""

from __future__ import annotations

import pytest
from conftest import virtuoso_store
from namesakes import NAMESAKE, ONE_OF_A_KIND, SHARED_BODY, namesakes_store, write_reports

from polgraph.errors import QueryError
from polgraph.namespaces import ID, POST
from polgraph.pipeline.ingest import Pipeline
from polgraph.query.entities import (
    EVENT,
    ORG,
    PERSON,
    PLACE,
    POST_TYPE,
    AmbiguousEntity,
    UnknownEntity,
    kind_of_parameter,
    reference_iri,
    resolve_entity,
)
from polgraph.query.named import load_query


@pytest.fixture(scope="module")
def store(tmp_path_factory, vocabulary, validator):
    return namesakes_store(tmp_path_factory.mktemp("namesakes"), vocabulary, validator)


def iri_of(store, sparql: str) -> str:
    (row,) = list(store.query(sparql))
    return row[0].value


@pytest.fixture(scope="module")
def anh(store) -> str:
    return iri_of(
        store,
        f"SELECT ?p WHERE {{ ?p a <https://w3id.org/polgraph/ontology#Person> ; "
        f'<https://w3id.org/polgraph/ontology#name> "{ONE_OF_A_KIND}" }}',
    )


@pytest.mark.parametrize(
    "ref", [ONE_OF_A_KIND, "do thi ngoc anh", "ĐỖ THỊ NGỌC ÁNH", "  Đỗ  Thị Ngọc Anh "]
)
def test_a_name_finds_its_one_person_with_or_without_accents(store, anh, ref):
    assert resolve_entity(store, PERSON, ref) == anh


def test_the_id_of_a_page_its_address_and_the_iri_find_the_same_person(store, anh):
    ident = anh.removeprefix(f"{ID}person/")
    for ref in (anh, ident, f"/persons/{ident}", f"http://127.0.0.1:8000/persons/{ident}"):
        assert resolve_entity(store, PERSON, ref) == anh, ref
    assert resolve_entity(store, PERSON, f"person/{ident}") == anh  # the older short form


def test_a_name_two_persons_bear_lists_both_with_what_tells_them_apart(store):
    with pytest.raises(AmbiguousEntity) as raised:
        resolve_entity(store, PERSON, "luong van khoi", parameter="person")
    found = raised.value.candidates
    assert [c.label for c in found] == [NAMESAKE, NAMESAKE]
    assert len({c.iri for c in found}) == 2
    assert all(c.iri == f"{ID}person/{c.id}" for c in found)
    details = sorted(c.detail for c in found)
    assert "Đảng ủy xã Tân Lập (2022)" in details[0]
    assert "Hội đồng nhân dân xã Nghi Phong (2023)" in details[1]
    message = str(raised.value)
    assert message.startswith("parameter person: 2 persons are named 'luong van khoi'")
    assert all(c.id in message for c in found)
    # Either id then names one of them.
    assert {resolve_entity(store, PERSON, c.id) for c in found} == {c.iri for c in found}


def test_a_name_no_one_bears_is_unknown(store):
    with pytest.raises(UnknownEntity, match="no person named 'Trịnh Văn Vắng' in the store"):
        resolve_entity(store, PERSON, "Trịnh Văn Vắng")
    # A tone typed is a tone meant: "Khơi" is not "Khôi".
    with pytest.raises(UnknownEntity):
        resolve_entity(store, PERSON, "Lương Văn Khơi")


def test_an_iri_or_id_naming_nothing_is_unknown_and_never_taken_for_a_name(store):
    with pytest.raises(UnknownEntity, match=r"no person 'https://w3id\.org/polgraph/id/person/x'"):
        resolve_entity(store, PERSON, f"{ID}person/x")
    with pytest.raises(UnknownEntity, match=r"no person 'https://example\.org/someone'"):
        resolve_entity(store, PERSON, "https://example.org/someone")
    # A body's IRI is no person's.
    body = resolve_entity(store, ORG, "UBND xã Tân Lập")
    with pytest.raises(UnknownEntity):
        resolve_entity(store, PERSON, body)


def test_an_empty_reference_asks_for_one(store):
    with pytest.raises(QueryError, match="name a person"):
        resolve_entity(store, PERSON, "  ")


def test_bodies_as_reports_write_them_and_namesakes_in_two_communes(store):
    chair_body = resolve_entity(store, ORG, "ubnd xa tan lap")
    assert chair_body.startswith(f"{ID}org/uy-ban-nhan-dan-xa-tan-lap-")
    assert resolve_entity(store, ORG, "Ủy ban nhân dân xã Tân Lập") == chair_body
    with pytest.raises(AmbiguousEntity) as raised:
        resolve_entity(store, ORG, SHARED_BODY)
    assert sorted(c.detail.split(", ")[-1] for c in raised.value.candidates) == [
        "Huyện Sông Lô",
        "Huyện Đan Phượng",
    ]
    with pytest.raises(UnknownEntity, match="no body named 'UBND xã Không Có'"):
        resolve_entity(store, ORG, "UBND xã Không Có")


def test_places_with_or_without_their_level_word(store):
    with pytest.raises(AmbiguousEntity) as raised:
        resolve_entity(store, PLACE, "Tân Lập")
    ids = {c.id for c in raised.value.candidates}
    assert ids == {"unit/legacy/commune/09820", "unit/legacy/commune/08818"}
    found = resolve_entity(store, PLACE, "xa nghi phong")
    assert found == f"{ID}unit/legacy/commune/17902"
    assert resolve_entity(store, PLACE, "/places/unit/legacy/commune/17902") == found


def test_an_event_by_its_label_and_a_post_type_by_its_title(store):
    event = iri_of(
        store,
        "SELECT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> "
        '"HĐND xã Nghi Phong khai mạc kỳ họp giữa năm" }',
    )
    assert resolve_entity(store, EVENT, "hdnd xa nghi phong khai mac ky hop giua nam") == event
    assert resolve_entity(store, EVENT, event.removeprefix(f"{ID}event/")) == event
    assert resolve_entity(store, POST_TYPE, "pho chu tich") == f"{POST}pho-chu-tich"
    assert resolve_entity(store, POST_TYPE, "pho-chu-tich") == f"{POST}pho-chu-tich"
    with pytest.raises(UnknownEntity, match="give its name or its IRI"):
        resolve_entity(store, POST_TYPE, "Đầu bếp trưởng")


def test_which_parameters_name_nodes():
    assert kind_of_parameter("person", "iri") is PERSON
    assert kind_of_parameter("org", "iri") is ORG
    assert kind_of_parameter("chair", "person") is PERSON  # a kind declared as the type
    assert kind_of_parameter("report", "string") is None
    assert kind_of_parameter("graph", "iri") is None
    params = {p.name: p.entity for p in load_query("role-at-date").params}
    assert params == {"org": ORG, "post_type": POST_TYPE, "date": None}


def test_a_reference_is_read_without_the_store():
    assert reference_iri(PERSON, "abc-123") == f"{ID}person/abc-123"
    assert reference_iri(PERSON, "/api/persons/abc-123") == f"{ID}person/abc-123"
    assert reference_iri(ORG, "https://host.example/organizations/x-1") == f"{ID}org/x-1"
    assert reference_iri(PERSON, "Trần Văn Bình") is None  # a name: only a store resolves it


def test_a_named_query_resolves_its_entity_parameters_and_keeps_the_others(store, anh):
    query = load_query("who-held-role-at-event")
    resolved = query.resolve(store, {"person": "do thi ngoc anh", "report": "tan-lap-ha-noi"})
    assert resolved == {"person": anh, "report": "tan-lap-ha-noi"}
    rows = list(store.query(query.render(resolved)))
    assert [row["post_label"].value for row in rows] == ["Chủ tịch"]
    with pytest.raises(QueryError, match="has no parameter colour"):
        query.resolve(store, {"colour": "red"})
    with pytest.raises(QueryError, match="is a name"):
        query.render({"person": "Trần Văn Bình"})  # a name never reaches the text unresolved


@pytest.mark.virtuoso
def test_a_sparql_service_resolves_names_as_the_embedded_store_does(
    virtuoso, vocabulary, validator, tmp_path
):
    remote = virtuoso_store(virtuoso)
    try:
        pipeline = Pipeline(remote, vocabulary, validator)
        pipeline.ensure_model_graphs()
        assert not pipeline.run(write_reports(tmp_path)).rejected
        anh = resolve_entity(remote, PERSON, "do thi ngoc anh")
        assert anh.startswith(f"{ID}person/do-thi-ngoc-anh-")
        with pytest.raises(AmbiguousEntity) as raised:
            resolve_entity(remote, ORG, "dang uy xa tan lap")
        assert len(raised.value.candidates) == 2
        with pytest.raises(UnknownEntity):
            resolve_entity(remote, PERSON, "Trịnh Văn Vắng")
    finally:
        remote.close()
