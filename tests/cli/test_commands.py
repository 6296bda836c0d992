import csv
import io
import json
import shutil
import subprocess
import sys

import pytest
import virtuoso_service
from conftest import RESOURCES, SEED_YAML, virtuoso_store
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.vocab import vocabulary

runner = CliRunner()


def polgraph(*args: str, store=None):
    argv = list(args) + (["--store", str(store)] if store else [])
    return runner.invoke(app, argv, catch_exceptions=False)


@pytest.fixture(params=["folder", pytest.param("virtuoso", marks=pytest.mark.virtuoso)])
def loaded(request, tmp_path, monkeypatch):
    """A store holding two reports: a folder, or a Virtuoso server given by its URL (the
    account in the environment, as a user gives it)."""
    store = tmp_path / "store"
    if request.param == "virtuoso":
        server = request.getfixturevalue("virtuoso")
        virtuoso_store(server).close()  # emptied
        store = f"sparql+{server.query_url}"
        monkeypatch.setenv("POLGRAPH_STORE_UPDATE", server.update_url)
        monkeypatch.setenv("POLGRAPH_STORE_GRAPH_STORE", server.graph_store_url)
        monkeypatch.setenv("POLGRAPH_STORE_USER", virtuoso_service.USER)
        monkeypatch.setenv("POLGRAPH_STORE_PASSWORD", virtuoso_service.PASSWORD)
        monkeypatch.setenv("POLGRAPH_STORE_AUTH", "digest")
    result = polgraph(
        "ingest", str(SEED_YAML), str(RESOURCES / "reports" / "council-session.yaml"), store=store
    )
    assert result.exit_code == 0, result.output
    assert "added 2" in result.stdout
    return store


def test_ingest_counts_and_reingest_is_unchanged(loaded):
    result = polgraph("ingest", str(SEED_YAML), store=loaded)
    assert result.exit_code == 0
    assert "added 0, replaced 0, unchanged 1, rejected 0" in result.stdout


def test_a_rejected_file_exits_1_and_names_the_problem(loaded, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"event": {"kind": "conference", "date": "2023-13-40"}, "persons": [{"name": "Võ Nam"}]}',
        encoding="utf-8",
    )
    result = polgraph("ingest", str(bad), str(SEED_YAML), store=loaded)
    assert result.exit_code == 1
    assert "rejected 1" in result.stdout
    assert "real calendar date" in result.stderr


def test_usage_errors_exit_2(loaded, tmp_path):
    assert polgraph("ingest", str(tmp_path / "absent.yaml"), store=loaded).exit_code == 2
    assert polgraph("query", "no-such-query", store=loaded).exit_code == 2
    assert (
        polgraph("query", "who-held-role-at-event", "--param", "colour=red", store=loaded).exit_code
        == 2
    )
    assert (
        polgraph("query", "who-held-role-at-event", "--format", "xml", store=loaded).exit_code == 2
    )
    assert polgraph("export", "--format", "docx", store=loaded).exit_code == 2
    assert polgraph("frobnicate").exit_code == 2


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_query_formats(loaded, fmt):
    result = polgraph(
        "query", "who-held-role-at-event", "--param", "report=seed", "--format", fmt, store=loaded
    )
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        table = list(csv.DictReader(io.StringIO(result.stdout)))
        assert len({r["person"] for r in table}) == 9
        assert {"Nguyễn Viết Đồng", "Biện Văn Thuyết"} <= {r["person_name"] for r in table}
    elif fmt == "tsv":
        lines = result.stdout.strip().splitlines()
        assert lines[0].split("\t")[:3] == ["?person", "?person_name", "?post_label"]
        assert len(lines) == 1 + 14
    elif fmt == "json":
        data = json.loads(result.stdout)
        assert data["head"]["vars"][0] == "person"
        assert len(data["results"]["bindings"]) == 14
    else:
        assert "Phan Thị Ánh Điệp" in result.stdout


def test_stats_counts_what_is_stored(loaded):
    result = polgraph("stats", store=loaded)
    assert result.exit_code == 0
    assert "reports 2" in result.stdout
    assert "persons 12" in result.stdout


@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld", "ttl", "popolo"])
def test_export_round_trips(loaded, tmp_path, fmt):
    target = tmp_path / f"export.{fmt}"
    result = polgraph("export", "--format", fmt, "--out", str(target), store=loaded)
    assert result.exit_code == 0, result.output
    if fmt == "popolo":
        document = json.loads(target.read_text(encoding="utf-8"))
        assert len(document["memberships"]) == 14 + 3
        assert len(document["events"]) == 2
        return
    if fmt == "ttl":
        graph = Graph().parse(target, format="turtle")
        assert len(graph) > 100
        return
    dataset = Dataset()
    dataset.parse(target, format={"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt])
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert sum(1 for g in graphs if "/id/report/" in g) == 2


def test_validate_changes_nothing(loaded, tmp_path):
    other = tmp_path / "fresh-store"
    result = polgraph("validate", str(SEED_YAML), store=other)
    assert result.exit_code == 0
    assert "valid 1" in result.stdout
    assert not other.exists()


def test_folder_ingest_reads_text_and_structured_reports(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_YAML, folder / "seed.yaml")
    shutil.copy(SEED_YAML.parents[1] / "reports" / "seed.txt", folder / "seed.txt")
    result = polgraph("ingest", str(folder), store=tmp_path / "store")
    assert result.exit_code == 0, result.output
    # The text and the structured file are one report (same text, same graph): added, then replaced.
    assert "added 1, replaced 1" in result.stdout


def test_console_script_is_installed():
    exe = shutil.which("polgraph", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "the polgraph console script is not installed"
    done = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    for command in ("ingest", "validate", "query", "stats", "export"):
        assert command in done.stdout


def test_query_from_a_file(loaded, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text(
        "# name: count-people\n# param: name string required — a name\n# columns: n\n"
        "PREFIX pg: <https://w3id.org/polgraph/ontology#>\n"
        "SELECT (COUNT(?p) AS ?n) WHERE { ?p a pg:Person ; pg:name ?name }",
        encoding="utf-8",
    )
    result = polgraph("query", str(rq), "--param", "name=Võ Nam", "--format", "csv", store=loaded)
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["n", "1"]
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?x WHERE { ?x", encoding="utf-8")
    result = polgraph("query", str(broken), store=loaded)
    assert result.exit_code == 2
    assert "broken.rq" in result.stderr


DATA_REPORTS = SEED_YAML.parents[1] / "reports"


def test_extract_writes_one_json_per_report(tmp_path):
    result = polgraph("extract", str(DATA_REPORTS), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert written == sorted(f"{p.stem}.json" for p in DATA_REPORTS.glob("*.txt"))
    seed = json.loads((tmp_path / "out" / "seed.json").read_text(encoding="utf-8"))
    assert {"id", "event", "persons", "documents"} <= set(seed)
    assert len(seed["persons"]) == 9
    text = seed["report"]["text"]
    for person in seed["persons"]:
        assert all(text[s:e] == person["name"] for s, e in person["spans"])


def test_extract_table_and_unreadable_input(tmp_path):
    report = str(DATA_REPORTS / "tan-phuc-hdnd.txt")
    extraction = json.loads(polgraph("extract", report).stdout)
    acts = {act for person in extraction["persons"] for act in person["acts"]}
    terms = vocabulary()
    for lang in ("vi", "en"):
        result = polgraph("extract", report, "--format", "table", "--lang", lang)
        assert result.exit_code == 0
        shown = " ".join(result.stdout.split())  # rich wraps long cells
        assert "Trịnh Đình Sơn" in shown
        # the vocabularies' labels in the table's language, never the codes
        assert terms.kind_label("council_session", lang) in shown
        assert "council_session" not in shown
        for act in acts:
            assert terms.act_label(act, lang) != act
            assert terms.act_label(act, lang) in shown
    assert "hoạt động" in polgraph("extract", report, "--format", "table").stdout
    result = polgraph("extract", report, "--format", "table", "--lang", "fr")
    assert result.exit_code == 2 and "vi or en" in result.output
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = polgraph("extract", str(empty))
    assert result.exit_code == 1
    assert "empty" in result.stderr


def test_ingesting_the_text_reports_answers_for_the_seed(tmp_path):
    store = tmp_path / "store"
    result = polgraph("ingest", str(DATA_REPORTS), store=store)
    assert result.exit_code == 0, result.output
    result = polgraph(
        "query", "who-held-role-at-event", "--param", "report=seed", "--format", "csv", store=store
    )
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len({r["person"] for r in table}) == 9
    assert ("Nguyễn Viết Đồng", "Chủ tịch", "Ủy ban nhân dân xã Cẩm Lộc") in {
        (r["person_name"], r["post_label"], r["org_label"]) for r in table
    }


def test_an_html_page_is_ingested(tmp_path):
    page = RESOURCES / "source" / "portal_page.html"
    result = polgraph("ingest", str(page), store=tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert "added 1" in result.stdout


def test_extract_prints_one_json_object_per_line_for_several_reports():
    result = polgraph("extract", str(DATA_REPORTS))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(list(DATA_REPORTS.glob("*.txt")))
    assert all(json.loads(line)["persons"] is not None for line in lines)
