"""Every way the pipeline writes keeps the full-text index in step with the store, in the same
run: a batch, one report (as ``POST /api/reports`` stores it), a removal, a full resolution; and
an index it cannot write never costs the reports."""

from __future__ import annotations

import sqlite3

import yaml
from rdflib import URIRef
from search_examples import NAMESAKE, REPORTS, changed, write_report, write_reports

from polgraph.extract.structured import parse_structured
from polgraph.pipeline.ingest import Pipeline
from polgraph.search import SearchIndex, find
from polgraph.store import OxigraphStore


def names(index: SearchIndex, query: str) -> list[str]:
    return [p["name"] for p in find(index.path, "person", query, 20).items]


def everything(index: SearchIndex) -> set[tuple]:
    db = sqlite3.connect(index.path)
    try:
        return set(db.execute("SELECT kind, iri, details FROM entries"))
    finally:
        db.close()


def test_a_batch_is_searchable_when_the_run_ends(pipeline, tmp_path):
    # ``pipeline`` runs on the embedded store and on a SPARQL service alike.
    summary = pipeline.run(write_reports(tmp_path))
    assert summary.counts["added"] == 3 and summary.notes == []
    assert pipeline.search.staleness(pipeline.store) is None
    assert names(pipeline.search, "dang van dat") == [NAMESAKE, NAMESAKE]
    assert [r["key"] for r in find(pipeline.search.path, "report", "ke hoach dau tu", 5).items] == [
        "duc-lang-2021"
    ]


def test_one_report_ingested_alone_is_searchable_at_once(vocabulary, validator):
    store = OxigraphStore(None)
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    upload = yaml.safe_dump(REPORTS["yen-dong-2024"], allow_unicode=True).encode("utf-8")
    extraction = parse_structured(upload, "yen-dong-2024.yaml", ".yaml")
    assert pipe.ingest(extraction, "upload").status == "added"
    assert names(pipe.search, "dang van dat yen dong") == [NAMESAKE]
    assert pipe.search.staleness(store) is None


def test_removing_and_replacing_update_the_index_in_the_same_run(vocabulary, validator, tmp_path):
    store = OxigraphStore(None)
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    pipe.run(write_reports(tmp_path / "reports"))
    report = find(pipe.search.path, "report", "mat tran", 5).items[0]["iri"]
    assert pipe.remove(URIRef(report))
    assert names(pipe.search, "dang van dat") == [NAMESAKE]
    again = changed("duc-lang-2021", name="Kỳ họp chuyên đề về đầu tư công")
    assert (
        pipe.run([write_report(tmp_path / "again", "duc-lang-2021", again)]).counts["replaced"] == 1
    )
    events = find(pipe.search.path, "event", "chuyen de", 5).items
    assert [e["label"] for e in events] == ["Kỳ họp chuyên đề về đầu tư công"]


def test_a_full_resolution_rebuilds_the_index(vocabulary, validator, tmp_path):
    store = OxigraphStore(None)
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    pipe.run(write_reports(tmp_path))
    before = everything(pipe.search)
    pipe.resolve_identities(full=True)
    assert pipe.search.staleness(store) is None
    assert everything(pipe.search) == before


def test_an_index_that_cannot_be_written_costs_no_report(vocabulary, validator, tmp_path):
    store = OxigraphStore(None)
    pipe = Pipeline(store, vocabulary, validator)
    pipe.ensure_model_graphs()
    (tmp_path / "in-the-way").mkdir()
    pipe.search = SearchIndex(tmp_path / "in-the-way")  # a folder where the file should be
    summary = pipe.run(write_reports(tmp_path / "reports"))
    assert summary.counts["added"] == 3 and not summary.rejected
    assert store.stats().reports == 3
    assert len(summary.notes) == 1 and "search index was not updated" in summary.notes[0]


def test_no_index_without_a_store(vocabulary, validator):
    assert Pipeline(None, vocabulary, validator).search is None
