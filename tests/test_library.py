"""``polgraph.Polgraph``, the library object the command line is a layer over, used directly on
a store of the sample reports in data/reports."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

import pytest
from conftest import ROOT, SEED_YAML

import polgraph
from polgraph.analytics.errors import NotFoundError
from polgraph.errors import InputError, QueryError, StoreError
from polgraph.library import BatchResult, Polgraph
from polgraph.query.entities import UnknownEntity
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

REPORTS = ROOT / "data" / "reports"
SEED_DAY = dt.date(2023, 5, 16)  # the day of the seed report's conference


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("library") / "store"
    with Polgraph(Settings(store_path=path, identity_path=None)) as graph:
        result = graph.ingest([REPORTS])
    assert not result.rejected, [o.error for o in result.rejected]
    return path


@pytest.fixture
def graph(store_path):
    with Polgraph(Settings(store_path=store_path, identity_path=None), read_only=True) as opened:
        yield opened


def test_polgraph_is_reached_from_the_package_without_loading_it_on_import():
    assert polgraph.Polgraph is Polgraph
    code = "import sys, polgraph; print('polgraph.library' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


def test_ingest_stores_each_report_and_resolves_persons(tmp_path):
    with Polgraph(Settings(store_path=tmp_path / "store", identity_path=None)) as graph:
        first = graph.ingest([REPORTS])
        again = graph.ingest([REPORTS / "seed.txt"])
    assert isinstance(first, BatchResult)
    assert first.counts == {"added": len(list(REPORTS.glob("*.txt")))}
    assert first.identities is not None and first.identities.persons > 0
    assert again.counts == {"unchanged": 1}
    assert again.identities == first.identities


def test_a_rejected_report_is_an_outcome_and_the_rest_is_stored(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"event": {"kind": "conference", "date": "2023-02-30"}, "persons": [{"name": "Hà An"}]}',
        encoding="utf-8",
    )
    with Polgraph(Settings(store_path=tmp_path / "store", identity_path=None)) as graph:
        result = graph.ingest([bad, SEED_YAML])
        stored = graph.stats().reports
    assert result.counts == {"rejected": 1, "added": 1}
    (rejected,) = result.rejected
    assert rejected.source == str(bad)
    assert any(m.severity == "Violation" for m in rejected.messages)
    assert stored == 1


def test_validate_needs_no_store_and_makes_none(tmp_path):
    absent = tmp_path / "no-store"
    result = Polgraph(Settings(store_path=absent), read_only=True).validate([SEED_YAML])
    assert result.counts == {"valid": 1}
    assert result.identities is None
    assert not absent.exists()


def test_extract_reads_a_text_report_with_spans():
    extraction = Polgraph(Settings()).extract(REPORTS / "seed.txt")
    text = extraction.report.text
    assert extraction.persons
    assert all(text[s:e] == p.name for p in extraction.persons for s, e in p.spans)


def test_report_files_walks_folders_and_keeps_named_files(tmp_path):
    named = tmp_path / "notes.md"
    named.write_text("x", encoding="utf-8")
    files = Polgraph.report_files([REPORTS, named], text_only=True)
    assert files == [*sorted(REPORTS.glob("*.txt")), named]


def test_query_answers_rows_and_refuses_bad_queries(graph, tmp_path):
    rows = graph.query("who-held-role-at-event", {"report": "seed"}).rows()
    assert {"person", "person_name", "post_label"} <= set(rows[0])
    assert len({row["person"] for row in rows}) == 9
    with pytest.raises(QueryError, match="no query named"):
        graph.query("no-such-query")
    with pytest.raises(QueryError):
        graph.query("who-held-role-at-event", {"colour": "red"})
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?x WHERE { ?x", encoding="utf-8")
    with pytest.raises(QueryError, match=r"broken\.rq"):
        graph.query(str(broken))


def test_who_names_the_holder_of_a_post_on_a_day(graph):
    rows = graph.who("Chủ tịch", "UBND xã Cẩm Lộc", SEED_DAY).rows()
    assert [
        (r["person_name"], r["status"], r["reports"], r["first_report"], r["last_report"])
        for r in rows
    ] == [("Nguyễn Viết Đồng", "attested", "1", "seed", "seed")]
    # The body's IRI, as a lookup gives it, answers the same.
    from polgraph.analytics.lookup import find_bodies

    (org,) = find_bodies(graph.store, "UBND xã Cẩm Lộc")
    assert graph.who("Chủ tịch", org, SEED_DAY).rows() == rows


def test_who_refuses_what_it_cannot_read_and_what_is_not_there(graph):
    with pytest.raises(QueryError, match="unknown post"):
        graph.who("Đầu bếp", "https://w3id.org/polgraph/id/org/x", SEED_DAY)
    with pytest.raises(UnknownEntity, match="no body named 'UBND xã Không Tên'"):
        graph.who("Chủ tịch", "UBND xã Không Tên", SEED_DAY)


def test_explain_says_which_mentions_make_a_person(graph):
    lines = graph.explain("Nguyễn Viết Đồng")
    assert "seed" in lines[0]
    with pytest.raises(NotFoundError, match="no person"):
        graph.explain("Không Có Ai")


def test_rebuild_gives_the_same_counts_and_refuses_a_bad_corrections_file(store_path, tmp_path):
    with Polgraph(Settings(store_path=store_path, identity_path=None)) as graph:
        before = graph.identity_counts()
        rebuilt = graph.rebuild()
    assert rebuilt.identities == before
    bad = tmp_path / "identity.yaml"
    bad.write_text("same: [\n", encoding="utf-8")
    with (
        Polgraph(Settings(store_path=store_path, identity_path=bad)) as graph,
        pytest.raises(InputError, match="not readable YAML"),
    ):
        graph.rebuild()


def test_stats_counts_reports_and_kinds(graph):
    counts = graph.stats()
    assert counts.reports == len(list(REPORTS.glob("*.txt")))
    kinds = dict(counts.kinds)
    assert kinds["persons"] == graph.identity_counts().persons
    assert counts.quads > 1000


def test_export_writes_popolo_and_refuses_an_unknown_format_before_opening(graph, tmp_path):
    sink = io.BytesIO()
    graph.export("popolo", sink)
    document = json.loads(sink.getvalue())
    assert len(document["events"]) == len(list(REPORTS.glob("*.txt")))
    unopened = Polgraph(Settings(store_path=tmp_path / "absent"), read_only=True)
    with pytest.raises(QueryError, match="unknown format"):
        unopened.export("docx", io.BytesIO())


def test_a_missing_store_fails_when_first_used(tmp_path):
    graph = Polgraph(Settings(store_path=tmp_path / "absent"), read_only=True)
    with pytest.raises(StoreError, match="no store"):
        graph.stats()


def test_a_store_handed_in_stays_open_after_close(seed):
    store = OxigraphStore(None)
    with Polgraph(Settings(identity_path=None), store) as graph:
        assert graph.ingest([SEED_YAML]).counts == {"added": 1}
    assert store.stats().reports == 1  # still open: the caller closes it


def test_network_analyses_run_over_the_store(graph):
    ranked = graph.network().centrality()
    assert ranked and ranked[0]["weighted_degree"] >= ranked[-1]["weighted_degree"]
