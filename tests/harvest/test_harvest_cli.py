"""``polgraph harvest`` as users run it: killed with SIGKILL mid-harvest and resumed, the plan,
the JSON summary, and ``polgraph ingest`` of the archive."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import stored_quads
from processes import stop
from rdflib import BNode
from typer.testing import CliRunner

from polgraph.archive.reader import read_archive
from polgraph.cli import app
from polgraph.store import OxigraphStore

# The portal is a helper module of this folder (tests/ is on the path, this folder is not).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from portal import Portal

pytestmark = pytest.mark.slow

PG = "https://w3id.org/polgraph/ontology#"
POLGRAPH = shutil.which("polgraph") or str(
    Path(__file__).resolve().parents[2] / ".venv/bin/polgraph"
)
runner = CliRunner()


def harvest_args(portal: Portal, folder: Path, *extra: str) -> list[str]:
    return [
        "harvest",
        portal.base_url + "/",
        "--store",
        str(folder / "store"),
        "--archive",
        str(folder / "archive"),
        "--frontier",
        str(folder / "harvest.sqlite"),
        "--delay",
        "0.1",
        "--timeout",
        "1",
        "--max-bytes",
        "2000000",
        "--retries",
        "2",
        "--resolve",
        "portal.test:127.0.0.1",
        "--json",
        *extra,
    ]


def without_capture_details(folder: Path) -> set[tuple]:
    """The stored quads, but for what differs between two fetches of one page: the archive
    record's ID, time and file."""
    store = OxigraphStore(folder / "store", read_only=True)
    try:
        quads = stored_quads(store)
    finally:
        store.close()
    return {  # blank nodes (the ontology's lists) are labelled apart by each store
        q
        for q in quads
        if not str(q[1]).startswith("urn:uuid:")
        and str(q[2]) != PG + "archivedPage"
        and not any(isinstance(term, BNode) for term in q)
    }


def archived_records(folder: Path) -> set[str]:
    return {
        page.record.record_id
        for path in (folder / "archive").glob("*.warc.gz")
        for page in read_archive(path)
    }


def test_a_harvest_killed_mid_way_resumes_to_the_graph_of_an_uninterrupted_one(tmp_path):
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    with Portal() as portal:  # one portal for both: its addresses carry its port
        done = subprocess.run(
            [POLGRAPH, *harvest_args(portal, whole)], capture_output=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stderr.decode()
        portal.reset_faults()  # the 500 and the 429 fail once more, for the second harvest
        portal.reset_log()
        process = subprocess.Popen(
            [POLGRAPH, *harvest_args(portal, killed)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        articles = lambda: [r for r in portal.requests if r.path.startswith("/tin-tuc/")]  # noqa: E731
        while len(articles()) < 6 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert process.poll() is None, "the harvest ended before it could be killed"
        stop(process, signal.SIGKILL, 10)
        asked_before = len(portal.requests)
        resumed = subprocess.run(
            [POLGRAPH, *harvest_args(portal, killed)], capture_output=True, timeout=300, check=False
        )
        assert resumed.returncode == 0, resumed.stderr.decode()
        summary = json.loads(resumed.stdout)
        assert summary["resumed"] is True
        assert len(portal.requests) > asked_before
    assert without_capture_details(killed) == without_capture_details(whole)
    store = OxigraphStore(killed / "store", read_only=True)
    try:
        pages = {
            row["page"].value
            for row in store.query(f"SELECT ?page WHERE {{ ?r <{PG}archivedPage> ?page }}")
        }
    finally:
        store.close()
    assert pages and pages <= archived_records(killed)  # each report's record is in the archive


def test_plan_lists_the_sitemaps_and_feed_pages_without_fetching_them(tmp_path):
    with Portal() as portal:
        result = runner.invoke(
            app,
            [
                "harvest",
                "--plan",
                portal.base_url + "/",
                "--delay",
                "0",
                "--resolve",
                "portal.test:127.0.0.1",
                "--json",
                "--archive",
                str(tmp_path / "archive"),
                "--frontier",
                str(tmp_path / "harvest.sqlite"),
            ],
        )
        assert result.exit_code == 0, result.output
        listed = {row["url"]: row for row in json.loads(result.stdout)}
        fetched = {r.path for r in portal.requests}
    events = {portal.base_url + path for path in portal.paths.events}
    assert len(events & set(listed)) >= len(events) - 2  # one is on a listing page only
    assert not any(path.startswith("/tin-tuc/") for path in fetched)
    disallowed = [row for url, row in listed.items() if portal.paths.disallowed_prefix in url]
    assert disallowed and not any(row["allowed"] for row in disallowed)
    assert not (tmp_path / "archive").exists() and not (tmp_path / "harvest.sqlite").exists()


def test_ingest_reads_the_archive_back(tmp_path):
    folder = tmp_path / "h"
    with Portal() as portal:
        result = runner.invoke(app, harvest_args(portal, folder))
        assert result.exit_code == 0, result.output
        harvested = json.loads(result.stdout)
    result = runner.invoke(
        app, ["ingest", str(folder / "archive"), "--store", str(tmp_path / "again")]
    )
    assert result.exit_code == 0, result.output
    counts = {
        word: int(number)
        for word, number in re.findall(r"(added|replaced|unchanged|skipped) (\d+)", result.stdout)
    }
    # each page the harvest stored is stored again, in the same order (a page reached twice,
    # by a moved address too, replaces its first copy)
    assert counts["added"] + counts["replaced"] + counts["unchanged"] == harvested["stored"]
    assert counts["skipped"] == harvested["skipped"]


def test_ingest_of_an_address_points_to_harvest(tmp_path):
    result = runner.invoke(app, ["ingest", "https://portal.test/tin-tuc", "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert "polgraph harvest" in result.output


def test_a_bad_address_is_a_usage_error(tmp_path):
    result = runner.invoke(
        app,
        [
            "harvest",
            "ftp://portal.test/",
            "--archive",
            str(tmp_path / "a"),
            "--store",
            str(tmp_path / "s"),
        ],
    )
    assert result.exit_code == 2
    assert "not a web address" in result.output


def test_since_after_until_is_a_usage_error(tmp_path):
    result = runner.invoke(
        app,
        [
            "harvest",
            "http://portal.test/",
            "--since",
            "2025-01-02",
            "--until",
            "2025-01-01",
            "--frontier",
            str(tmp_path / "harvest.sqlite"),
        ],
    )
    assert result.exit_code == 2
    assert "is after --until" in result.output
    assert not (tmp_path / "harvest.sqlite").exists()


def test_archives_are_not_sent_to_a_cluster(tmp_path):
    import datetime as dt

    from polgraph.archive import ArchiveWriter, Exchange

    with ArchiveWriter(tmp_path / "archive") as writer:
        writer.write(
            Exchange(
                "http://portal.test/a.html",
                "GET",
                [],
                200,
                "OK",
                [],
                b"<html></html>",
                dt.datetime.now(dt.UTC),
            )
        )
    started = time.monotonic()
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "archive"), "--workers", "1", "--store", str(tmp_path / "s")]
    )
    assert result.exit_code == 2
    assert "read in one process" in result.output
    assert time.monotonic() - started < 5 and not (tmp_path / "s").exists()  # no worker started
