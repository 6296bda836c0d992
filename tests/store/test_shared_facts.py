"""Shared facts stored once (docs/storage.md), checked on an archive shaped like a real portal's:
a few hundred generated reports about one district, its communes, bodies and officials recurring.

The fan-out guard: with the union of the graphs as the default graph, a triple stored in two
graphs is read twice, and every join through it multiplies. No triple may be stored twice, and no
query the code runs (ingest, resolution, rules, the named queries, the API's answers) may give a
solution more than once.
"""

from __future__ import annotations

import re
import sys

import pyoxigraph as ox
import pytest
from conftest import ROOT
from rdflib import URIRef

from polgraph.extract.schema import Extraction
from polgraph.namespaces import PG
from polgraph.pipeline.ingest import Pipeline
from polgraph.query.named import available_queries
from polgraph.server.answers import events, organizations, persons, roles, sources
from polgraph.store import OxigraphStore
from polgraph.store.layout import PENDING_GRAPH, SHARED_PREFIX

# bench/ holds scripts: the generator is imported from there
sys.path.insert(0, str(ROOT / "bench"))

import archive

pytestmark = pytest.mark.slow  # the generated archive ingested run by run

REPORTS = 240
JSON = "application/json"


class RecordingStore(OxigraphStore):
    """An in-memory store that notes every query asked of it."""

    def __init__(self) -> None:
        super().__init__(None)
        self.asked: list[tuple[str, dict]] = []
        self.tables: dict = {}  # the API's whole-store tables, as a worker's snapshot keeps them

    def query(self, sparql: str, bindings=None):
        self.asked.append((sparql, dict(bindings or {})))
        return super().query(sparql, bindings)


@pytest.fixture(scope="module")
def archived(tmp_path_factory, vocabulary, validator):
    """The archive ingested in three runs (the later ones resolve and check only what they
    touched), then read through the named queries and the API."""
    folder = tmp_path_factory.mktemp("archive")
    archive.write(folder, REPORTS, seed=3)
    files = sorted(folder.iterdir())
    store = RecordingStore()
    pipeline = Pipeline(store, vocabulary, validator)
    pipeline.ensure_model_graphs()
    for part in (files[:120], files[120:200], files[200:]):
        assert not pipeline.run(part).rejected
    return store, pipeline


def _read_through_the_api(store: RecordingStore) -> None:
    listed = events.events_answer(store, limit=5)["items"]
    assert listed
    for event in listed:
        events.event_answer(store, event["id"], JSON)
        found = roles.roles_answer(
            store, event=event["id"], person=None, org=None, on=None, limit=50, offset=0
        )
        for role in found["items"][:3]:
            if role["person"]:
                persons.person_answer(store, role["person"]["id"], JSON)
                roles.roles_answer(
                    store,
                    event=None,
                    person=role["person"]["id"],
                    org=None,
                    on=None,
                    limit=50,
                    offset=0,
                )
            organizations.organization_answer(store, role["organization"]["id"], JSON)
    persons.persons_answer(store, q="", limit=20, offset=0)
    organizations.organizations_answer(store, q="", limit=20, offset=0)
    report = sources.sources_answer(store, q="", key=None, limit=1, offset=0)["items"][0]
    sources.source_answer(store, report["id"])


def _run_the_named_queries(store: RecordingStore) -> None:
    event = next(
        iter(
            store.query(
                "SELECT ?e WHERE { ?e a <https://w3id.org/polgraph/ontology#Event> } LIMIT 1"
            )
        )
    )[0]
    for named in available_queries().values():
        given = {p.name: event.value for p in named.params if p.type == "iri" and p.name == "event"}
        if all(p.name in given for p in named.params if p.required):
            list(store.query(named.render(given)))


_HEAD = re.compile(
    r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?(?P<projection>[^{]*?)\s*WHERE\s*\{", re.IGNORECASE
)


def _every_solution(sparql: str) -> str | None:
    """The query as ``SELECT *`` without DISTINCT: each solution as the store finds it. None for
    what has no such form (aggregates, computed columns, ASK, CONSTRUCT, updates)."""
    if re.search(
        r"\bGROUP\s+BY\b|\bCOUNT\s*\(|\bASK\b|\bCONSTRUCT\b|\bDESCRIBE\b", sparql, re.IGNORECASE
    ):
        return None
    head = _HEAD.search(sparql)
    if head is None or "(" in head["projection"]:
        return None
    return sparql[: head.start()] + "SELECT * WHERE {" + sparql[head.end() :]


def test_no_triple_is_stored_in_two_graphs(archived):
    store, _ = archived
    twice = list(
        store.query(
            "SELECT ?s ?p ?o (COUNT(?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } } "
            "GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1) LIMIT 5"
        )
    )
    assert not twice, [tuple(str(t) for t in row) for row in twice]


def test_the_shared_nodes_are_described_once_each_in_their_own_graph(archived):
    store, _ = archived
    rows = list(
        store.query(
            "SELECT ?node (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?node a ?type } "
            f"FILTER (STRSTARTS(STR(?g), {ox.Literal(SHARED_PREFIX)})) }} GROUP BY ?node"
        )
    )
    kinds = {row["node"].value.split("/id/")[1].split("/")[0] for row in rows}
    assert {"unit", "org", "post"} <= kinds
    assert all(int(row["graphs"].value) == 1 for row in rows)
    # Bodies recur in the archive: one description each, however many reports name them.
    orgs = sum(1 for row in rows if "/id/org/" in row["node"].value)
    named = next(
        iter(
            store.query(
                "PREFIX pg: <https://w3id.org/polgraph/ontology#> PREFIX org: "
                "<http://www.w3.org/ns/org#> SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?r "
                "?org WHERE { GRAPH ?r { ?a pg:post ?post } ?post org:postIn ?org } }",
            )
        )
    )["n"].value
    assert 0 < 2 * orgs < int(named)
    assert not store.graph_triples(PENDING_GRAPH)


def test_no_query_the_code_runs_gives_a_solution_twice(archived):
    store, _ = archived
    _read_through_the_api(store)
    _run_the_named_queries(store)
    checked, fanned = 0, []
    for sparql, bindings in {
        (s, tuple(sorted(b.items()))): (s, b) for s, b in store.asked
    }.values():
        every = _every_solution(sparql)
        if every is None:
            continue
        solutions = [tuple(row) for row in OxigraphStore.query(store, every, bindings)]
        checked += 1
        if len(solutions) != len(set(solutions)):
            fanned.append((len(solutions), len(set(solutions)), sparql))
    print(f"{checked} queries checked")
    assert checked >= 30  # ingest, resolution, rules, named queries and API answers were all seen
    assert not fanned, fanned[:3]


def _extraction(key: str, name: str) -> Extraction:
    return Extraction.model_validate(
        {
            "id": key,
            "report": {"title": f"Hội nghị {key}"},
            "event": {
                "kind": "conference",
                "date": "2024-03-01",
                "place": "xã Cẩm Lộc, huyện Cẩm Xuyên",
            },
            "persons": [
                {
                    "name": name,
                    "acts": ["chaired"],
                    "roles": [
                        {
                            "post": "Bí thư",
                            "org": "Đảng ủy xã Cẩm Lộc",
                            "as_written": "Bí thư Đảng ủy xã",
                        }
                    ],
                }
            ],
        }
    )


def _person_of(store: OxigraphStore, name: str) -> str | None:
    rows = list(
        store.query(
            "PREFIX pg: <https://w3id.org/polgraph/ontology#> "
            f"SELECT ?person WHERE {{ ?m pg:name {ox.Literal(name)} ; pg:mentionOf ?person }}"
        )
    )
    return rows[0]["person"].value if rows else None


def test_a_retry_after_a_crash_in_resolution_finishes_it(pipeline, store, monkeypatch):
    import polgraph.identity.resolution

    def crash(*args, **kwargs):
        raise MemoryError("the process died here")

    with monkeypatch.context() as patched:
        patched.setattr(polgraph.identity.resolution, "update_identities", crash)
        with pytest.raises(MemoryError):
            pipeline.ingest(_extraction("r1", "Nguyễn Văn Hùng"), "r1")
    assert _person_of(store, "Nguyễn Văn Hùng") is None  # stored, not resolved
    outcome = pipeline.ingest(_extraction("r1", "Nguyễn Văn Hùng"), "r1")
    assert outcome.status == "unchanged"
    assert _person_of(store, "Nguyễn Văn Hùng") is not None
    assert not store.graph_triples(PENDING_GRAPH)


def test_a_shared_description_goes_with_the_last_report_using_it(pipeline, store):
    def described(label: str) -> int:
        return sum(
            1
            for _ in store.query(
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                f"SELECT ?s WHERE {{ ?s rdfs:label {ox.Literal(label)} }}"
            )
        )

    first = pipeline.ingest(_extraction("r1", "Nguyễn Văn Hùng"), "r1")
    second = pipeline.ingest(_extraction("r2", "Trần Văn Bình"), "r2")
    assert described("Đảng ủy xã Cẩm Lộc") == 1  # described once for both
    assert pipeline.remove(URIRef(first.graph))
    assert described("Đảng ủy xã Cẩm Lộc") == 1  # r2 still points at it
    assert pipeline.remove(URIRef(second.graph))
    assert described("Đảng ủy xã Cẩm Lộc") == 0
    assert not store.graphs_under(SHARED_PREFIX)


def _resolved_graphs(store: OxigraphStore) -> dict[str, set[tuple]]:
    from polgraph.identity.resolution import IDENTITY_PREFIX, TENURE_PREFIX

    names = store.graphs_under(IDENTITY_PREFIX) + store.graphs_under(TENURE_PREFIX)
    return {name: store.graph_triples(URIRef(name)) for name in names}


def test_resolving_run_by_run_gives_what_one_run_gives(archived, tmp_path, vocabulary, validator):
    """Each run recomputes only the names and posts it touched; the persons and tenures must be
    those of the whole archive ingested at once."""
    store, _ = archived
    archive.write(tmp_path, REPORTS, seed=3)
    at_once = OxigraphStore(None)
    pipeline = Pipeline(at_once, vocabulary, validator)
    pipeline.ensure_model_graphs()
    assert not pipeline.run(sorted(tmp_path.iterdir())).rejected
    expected, found = _resolved_graphs(at_once), _resolved_graphs(store)
    assert len(expected) > 100
    assert found.keys() == expected.keys()
    assert [g for g in expected if found[g] != expected[g]] == []


def _report_of(key: str, place: str | None, roles: list[dict]) -> Extraction:
    event = {"kind": "conference", "date": f"2024-03-{int(key[1:]):02d}"}
    if place:
        event["place"] = place
    return Extraction.model_validate(
        {
            "id": key,
            "report": {"title": f"Hội nghị {key}"},
            "event": event,
            "persons": [{"name": "Nguyễn Văn Hùng", "acts": ["chaired"], "roles": roles}],
        }
    )


def test_a_person_renamed_by_a_later_report_is_renamed_in_the_tenures_of_posts_it_does_not_name(
    pipeline, store, vocabulary, validator
):
    """Two reports placed nowhere and sharing no post give two persons, each keyed by its report;
    a third naming a post of each joins them, keyed by the first report. The tenures of the post
    only the second report names must follow the second report's mention to its new person."""
    chair = {"post": "Chủ tịch", "org": "Ủy ban nhân dân xã Cẩm Lộc"}
    secretary = {"post": "Bí thư", "org": "Đảng ủy xã Cẩm Lộc"}
    council = {"post": "Chủ tịch", "org": "Hội đồng nhân dân xã Cẩm Lộc"}
    reports = [
        _report_of("r1", None, [chair]),
        _report_of("r2", None, [secretary, council]),
        _report_of("r3", None, [chair, secretary]),
    ]
    for report in reports:
        pipeline.ingest(report, report.id)
    at_once = OxigraphStore(None)
    whole = Pipeline(at_once, vocabulary, validator)
    whole.ensure_model_graphs()
    whole.writer.write([whole.build(report)[0] for report in reports])
    whole.resolve_identities()
    resolved = _resolved_graphs(store)
    holders = {o for graph in resolved.values() for _, p, o in graph if p == PG.holder}
    assert len(holders) == 1
    assert resolved == _resolved_graphs(at_once)


def test_a_report_written_twice_in_one_batch_leaves_only_the_later_versions_descriptions(
    pipeline, store
):
    from polgraph.rdf.mapping import map_extraction

    def version(org: str):
        extraction = _extraction("r1", "Nguyễn Văn Hùng")
        extraction.report.text = "Hội nghị r1."  # one text: one report, read two ways
        extraction.persons[0].roles[0].org = org
        return map_extraction(extraction, pipeline.vocabulary)

    earlier, later = version("Đảng ủy xã Cẩm Lộc"), version("Đảng ủy xã Cẩm Thành")
    statuses = pipeline.writer.write([earlier, later])

    assert [s.value for s in statuses] == ["added", "replaced"]
    relied_on = {str(o) for _, p, o in store.graph_triples(later.iri) if p == PG.sharedDescription}
    assert set(store.graphs_under(SHARED_PREFIX)) == relied_on
    labels = {
        row["l"].value for row in store.query("SELECT ?l WHERE { ?s ?p ?l FILTER(ISLITERAL(?l)) }")
    }
    assert "Đảng ủy xã Cẩm Thành" in labels and "Đảng ủy xã Cẩm Lộc" not in labels
