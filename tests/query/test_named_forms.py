"""The named queries' answers: the lateral form Oxigraph runs and the plain SPARQL 1.1 form a
service is sent give the same rows, and the counts follow the class hierarchy."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from named_values import comparable_rows, named_query_values

from polgraph.query.named import available_queries, load_query
from polgraph.rdf.sparql_text import without_lateral

PG = "https://w3id.org/polgraph/ontology#"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


# A year after the sample reports, another chair of the commune's People's Committee, so that
# a tenure has a successor for the optional parts to find.
HANDOVER = {
    "id": "cam-loc-2025-03",
    "report": {"title": "Hội nghị Ủy ban nhân dân xã Cẩm Lộc", "published": "2025-03-21"},
    "event": {
        "kind": "conference",
        "date": "2025-03-20",
        "place": "xã Cẩm Lộc, huyện Cẩm Xuyên",
        "organiser": "Ủy ban nhân dân xã Cẩm Lộc",
    },
    "persons": [
        {
            "name": "Phạm Thị Thu",
            "roles": [{"post": "Chủ tịch", "org": "Ủy ban nhân dân xã Cẩm Lộc"}],
            "acts": ["chaired", "speech"],
        }
    ],
}


@pytest.fixture(scope="module")
def data_store(data_reports_store, tmp_path_factory):
    later = tmp_path_factory.mktemp("reports") / "cam-loc-2025-03.json"
    later.write_text(json.dumps(HANDOVER, ensure_ascii=False), encoding="utf-8")
    return data_reports_store(later)


@pytest.fixture(scope="module")
def params(data_store) -> dict[str, dict[str, str]]:
    return named_query_values(data_store)


def _rows(store, text: str) -> list[tuple]:
    return comparable_rows(store.query(text))


def test_every_named_query_has_values_to_run_with(params):
    assert set(params) == set(available_queries())


@pytest.mark.parametrize("name", sorted(available_queries()))
def test_the_plain_form_sent_to_a_service_answers_as_the_lateral_form(data_store, params, name):
    text = load_query(name).render(params[name])
    lateral = _rows(data_store, text)
    assert lateral, f"{name} found nothing to compare"
    assert _rows(data_store, without_lateral(text)) == lateral


def test_role_at_date_names_the_successor_of_a_tenure_that_ended(data_store, params):
    rows = list(data_store.query(load_query("role-at-date").render(params["role-at-date"])))
    assert any(row["successor_name"] is not None for row in rows)
    assert {row["status"].value for row in rows} <= {"attested", "continuing"}


def test_count_by_class_counts_the_members_of_subclasses(store, pipeline, seed):
    pipeline.ingest(seed, "seed.yaml")
    counted = {
        row["kind"].value: int(row["n"].value)
        for row in store.query(load_query("count-by-class").text)
    }
    # The same counts read plainly: every typed node, and the subclass closure worked out here.
    parents: dict[str, set[str]] = defaultdict(set)
    for row in store.query(f"SELECT DISTINCT ?sub ?sup WHERE {{ ?sub <{SUBCLASS}> ?sup }}"):
        parents[row["sub"].value].add(row["sup"].value)

    def ancestors(cls: str) -> set[str]:
        found, todo = {cls}, [cls]
        while todo:
            for parent in parents[todo.pop()] - found:
                found.add(parent)
                todo.append(parent)
        return found

    members: dict[str, set[str]] = defaultdict(set)
    for row in store.query("SELECT DISTINCT ?node ?type WHERE { ?node a ?type }"):
        for cls in ancestors(row["type"].value):
            members[cls].add(row["node"].value)
    expected = {
        kind: len(members[PG + cls])
        for kind, cls in [
            ("persons", "Person"),
            ("events", "Event"),
            ("organizations", "Organization"),
            ("posts", "Post"),
            ("attestations", "RoleAttestation"),
            ("participations", "Participation"),
            ("speeches", "Speech"),
        ]
    }
    assert expected["organizations"] > len(members[PG + "PeoplesCommittee"]) > 0
    for kind, n in expected.items():
        assert counted.get(kind, 0) == n, kind
