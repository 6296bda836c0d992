"""Identities, places and tenures over the shared dev corpus: the recurring people, the namesakes
and the promotion its README describes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.pipeline.ingest import Pipeline
from polgraph.query.named import load_query
from polgraph.store import OxigraphStore

runner = CliRunner()

PREFIX = "PREFIX pg: <https://w3id.org/polgraph/ontology#>\n"


def _ingest(
    paths: list[Path], vocabulary, validator, identity: Path | None = None
) -> OxigraphStore:
    store = OxigraphStore(None)
    pipeline = Pipeline(store, vocabulary, validator, identity=identity)
    pipeline.ensure_model_graphs()
    summary = pipeline.run(paths)
    assert not summary.rejected, [o.error for o in summary.rejected]
    return store


@pytest.fixture(scope="module")
def reports(shared_corpus) -> list[Path]:
    return sorted((shared_corpus / "reports").glob("*.txt"))


@pytest.fixture(scope="module")
def corpus_store(reports, vocabulary, validator):
    return _ingest(reports, vocabulary, validator)


def persons_named(store, name: str) -> dict[str, set[str]]:
    """Each person with this name, and the reports that mention them."""
    rows = store.query(
        PREFIX
        + """
        SELECT DISTINCT ?person ?report WHERE {
          ?person a pg:Person ; pg:name ?name . ?mention pg:mentionOf ?person .
          ?part pg:participant ?mention ; pg:source/pg:reportKey ?report .
        }""".replace("?name", json.dumps(name))
    )
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["person"].value, set()).add(row["report"].value)
    return found


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("Lương Thị Minh Huệ", {"d002", "d005"}),
        ("Khổng Đức Thành", {"d007", "d008"}),
        ("Mai Văn Quyết", {"d007", "d008"}),
        ("Đoàn Văn Chính", {"d007", "d008"}),
    ],
)
def test_a_recurring_person_is_one_iri(corpus_store, name, keys):
    found = persons_named(corpus_store, name)
    assert list(found.values()) == [keys]


def test_namesakes_in_unrelated_provinces_are_two_persons(corpus_store):
    found = persons_named(corpus_store, "Lê Văn Thắng")
    assert sorted(found.values(), key=sorted) == [{"d010"}, {"d013"}]


def test_a_merge_says_why(corpus_store):
    rows = list(
        corpus_store.query(
            PREFIX
            + """
        SELECT ?reason WHERE {
          ?person pg:name "Lương Thị Minh Huệ" ; pg:identityLink/pg:linkReason ?reason }"""
        )
    )
    # Both reports attest her as Phó Chủ tịch of the district People's Committee.
    assert [r["reason"].value for r in rows] == ["same post"]


def test_identity_explain_and_who_on_the_command_line(reports, tmp_path):
    store = tmp_path / "store"
    assert (
        runner.invoke(app, ["ingest", *map(str, reports), "--store", str(store), "-q"]).exit_code
        == 0
    )
    explained = runner.invoke(
        app, ["identity", "explain", "Khổng Đức Thành", "--store", str(store)]
    )
    assert explained.exit_code == 0, explained.output
    assert "d007" in explained.output and "d008" in explained.output and "same" in explained.output
    who = runner.invoke(
        app,
        [
            "who",
            "--post",
            "Chủ tịch",
            "--org",
            "UBND xã Xuân Hoà",
            "--date",
            "2024-03-01",
            "--store",
            str(store),
            "--format",
            "csv",
        ],
    )
    assert who.exit_code == 0, who.output
    rows = list(csv.DictReader(io.StringIO(who.output)))
    assert [(r["person_name"], r["successor_name"]) for r in rows] == [
        ("Mai Văn Quyết", "Khổng Đức Thành")
    ]
    missing = runner.invoke(app, ["identity", "explain", "Không Có Ai", "--store", str(store)])
    assert missing.exit_code == 1


def test_the_promotion_gives_a_career_in_order_and_a_successor(corpus_store):
    (person,) = persons_named(corpus_store, "Khổng Đức Thành")
    career = list(corpus_store.query(load_query("person-career").render({"person": person})))
    posts = [(r["post_label"].value, r["org_label"].value) for r in career]
    vice = posts.index(("Phó Chủ tịch", "Ủy ban nhân dân xã Xuân Hòa"))
    chair = posts.index(("Chủ tịch", "Ủy ban nhân dân xã Xuân Hòa"))
    assert vice < chair
    chair_row = career[chair]
    assert chair_row["first_evidence"].value == "2024-06-27"
    assert chair_row["opened_by_election"].value == "true"
    assert chair_row["predecessor_name"].value == "Mai Văn Quyết"


def test_role_at_date_names_the_holder_with_evidence(corpus_store, vocabulary):
    from polgraph.analytics.lookup import find_bodies

    (org,) = find_bodies(corpus_store, "Ủy ban nhân dân xã Xuân Hòa")
    chair = str(vocabulary.post_type("Chủ tịch"))
    rows = list(
        corpus_store.query(
            load_query("role-at-date").render(
                {"org": org, "post_type": chair, "date": "2024-03-01"}
            )
        )
    )
    assert [(r["person_name"].value, r["status"].value) for r in rows] == [
        ("Mai Văn Quyết", "attested")
    ]
    assert rows[0]["reports"].value == "2"
    assert (rows[0]["first_report"].value, rows[0]["last_report"].value) == ("d007", "d008")


def test_a_place_resolves_to_its_official_code_and_its_2025_successor(corpus_store):
    rows = list(
        corpus_store.query(
            PREFIX
            + """
        SELECT ?code ?next_code WHERE {
          ?event pg:source/pg:reportKey "seed" ; pg:place ?unit .
          ?unit pg:officialCode ?code .
          OPTIONAL { ?unit pg:successorUnit/pg:officialCode ?next_code }
        }"""
        )
    )
    assert [(r["code"].value, r["next_code"].value) for r in rows] == [("18730", "18742")]


def test_an_identity_override_changes_the_result(reports, vocabulary, validator, tmp_path):
    corrections = tmp_path / "identity.yaml"
    corrections.write_text(
        "different:\n"
        "  - persons:\n"
        "      - {name: Lương Thị Minh Huệ, report: d002}\n"
        "      - {name: Lương Thị Minh Huệ, report: d005}\n"
        "same:\n"
        "  - persons:\n"
        "      - {name: Lê Văn Thắng, report: d010}\n"
        "      - {name: Lê Văn Thắng, report: d013}\n"
        "    note: test assertion\n",
        encoding="utf-8",
    )
    store = _ingest(reports, vocabulary, validator, identity=corrections)
    assert sorted(persons_named(store, "Lương Thị Minh Huệ").values(), key=sorted) == [
        {"d002"},
        {"d005"},
    ]
    assert list(persons_named(store, "Lê Văn Thắng").values()) == [{"d010", "d013"}]


def test_two_orders_of_ingest_give_the_same_graph(reports, vocabulary, validator):
    import pyoxigraph as ox

    from polgraph.identity.resolution import update_identities

    def dataset(paths, *, recompute=False):
        store = OxigraphStore(None)
        pipeline = Pipeline(store, vocabulary, validator)
        pipeline.ensure_model_graphs()
        for path in paths:  # one report at a time: only the names each touches are resolved again
            pipeline.run([path])
        if recompute:
            assert update_identities(store, full=True).full
        # The ontology and vocabularies are loaded the same way each time (they hold blank nodes);
        # the reports, identities and tenures are what the order could change.
        return {
            q
            for q in store.native.quads_for_pattern(None, None, None, None)
            if not q.graph_name.value.endswith(("/ontology", "/vocab"))
        }

    forward = dataset(reports)
    backward = dataset(list(reversed(reports)))
    assert dataset(reports, recompute=True) == forward  # step by step equals all at once
    assert not any(isinstance(t, ox.BlankNode) for q in forward for t in (q.subject, q.object))
    assert any("/graph/identity/" in q.graph_name.value for q in forward)
    assert any("/graph/tenures/" in q.graph_name.value for q in forward)
    assert forward == backward  # no blank nodes: isomorphic means equal


def test_a_removed_report_leaves_no_trace_in_persons_or_tenures(reports, vocabulary, validator):
    store = OxigraphStore(None)
    pipeline = Pipeline(store, vocabulary, validator)
    pipeline.ensure_model_graphs()
    chosen = [p for p in reports if p.stem in ("d002", "d005")]
    pipeline.run(chosen)
    assert list(persons_named(store, "Lương Thị Minh Huệ").values()) == [{"d002", "d005"}]
    d005 = next(iter(store.query(PREFIX + 'SELECT ?r WHERE { ?r pg:reportKey "d005" }')))["r"].value
    assert pipeline.remove(URIRef(d005))
    assert not pipeline.remove(URIRef(d005))
    summary = pipeline.resolution
    assert not summary.full and summary.names_resolved > 0
    assert list(persons_named(store, "Lương Thị Minh Huệ").values()) == [{"d002"}]
    dangling = store.query(
        PREFIX
        + """ASK {
        { ?m pg:mentionOf ?p FILTER NOT EXISTS { ?m a pg:PersonMention } } UNION
        { ?t pg:attestedBy ?a FILTER NOT EXISTS { ?a a pg:RoleAttestation } } }"""
    )
    assert not bool(dangling)
    # Exactly as if d005 had never come: its own graph, the descriptions only it relied on,
    # its persons and tenures are all gone.
    alone = OxigraphStore(None)
    only = Pipeline(alone, vocabulary, validator)
    only.ensure_model_graphs()
    only.run([p for p in chosen if p.stem == "d002"])
    assert set(alone.native) == set(store.native)


def test_rebuild_on_the_command_line_gives_the_same_persons(reports, tmp_path):
    store = tmp_path / "store"
    first = runner.invoke(app, ["ingest", *map(str, reports), "--store", str(store), "-q"])
    assert first.exit_code == 0, first.output
    rebuilt = runner.invoke(app, ["identity", "rebuild", "--store", str(store)])
    assert rebuilt.exit_code == 0, rebuilt.output
    counts = first.output.strip().rsplit("; ", 1)[-1]
    assert rebuilt.output.strip() == counts  # "N persons from M mentions, T tenures"
    bad = tmp_path / "identity.yaml"
    bad.write_text("same: [\n", encoding="utf-8")
    refused = runner.invoke(
        app, ["identity", "rebuild", "--store", str(store), "--identity", str(bad)]
    )
    assert refused.exit_code == 1 and "not readable YAML" in refused.output
