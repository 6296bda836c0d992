"""``--cluster`` and ``--workers`` of ``polgraph ingest`` and ``polgraph identity rebuild``."""

import socket
import time

import pytest
import virtuoso_service
from conftest import RESOURCES, ROOT, SEED_YAML, virtuoso_store
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.cli import cluster as cluster_options
from polgraph.pipeline.cluster_client import connect
from polgraph.store import OxigraphStore

runner = CliRunner()
REPORTS = [str(ROOT / "data" / "reports"), str(RESOURCES / "reports" / "council-session.yaml")]


def polgraph(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def stored_quads(path) -> set:
    store = OxigraphStore(path, read_only=True)
    return set(store.native.quads_for_pattern(None, None, None, None))


@pytest.mark.slow
def test_two_local_workers_ingest_and_rebuild_as_one_process_does(tmp_path):
    plain, spread = tmp_path / "plain", tmp_path / "spread"
    assert polgraph("ingest", *REPORTS, "--store", str(plain)).exit_code == 0

    result = polgraph("ingest", *REPORTS, "--store", str(spread), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert "added 5, replaced 0, unchanged 0, rejected 0" in result.stdout
    assert stored_quads(spread) == stored_quads(plain)

    result = polgraph("identity", "rebuild", "--store", str(spread), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert "persons from" in result.stdout
    assert stored_quads(spread) == stored_quads(plain)


@pytest.mark.parametrize("command", [["ingest", str(SEED_YAML)], ["identity", "rebuild"]])
def test_no_scheduler_at_the_address_is_a_usage_error_at_once(tmp_path, command):
    started = time.monotonic()
    result = polgraph(*command, "--store", str(tmp_path / "s"), "--cluster", "tcp://127.0.0.1:1")
    assert result.exit_code == 2
    assert "tcp://127.0.0.1:1: nothing listens there" in result.output
    assert time.monotonic() - started < 5
    assert not (tmp_path / "s").exists()  # nothing was started, nor the store made


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--cluster", "tcp://127.0.0.1:1", "--workers", "2"], "exclude each other"),
        (["--cluster", "127.0.0.1"], "not a scheduler's address"),
        (["--workers", "0"], "--workers"),
        (["--workers", "2", "--nquads", "nq"], "--nquads takes no --cluster or --workers"),
    ],
)
def test_wrong_cluster_options_are_usage_errors(tmp_path, options, message):
    result = polgraph("ingest", str(SEED_YAML), "--store", str(tmp_path / "s"), *options)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "s").exists()


@pytest.mark.slow
def test_a_running_scheduler_is_reached_by_its_address(tmp_path):
    plain, spread = tmp_path / "plain", tmp_path / "spread"
    assert polgraph("ingest", *REPORTS, "--store", str(plain)).exit_code == 0
    with connect(workers=1) as started:
        address = started.scheduler.address
        result = polgraph("ingest", *REPORTS, "--store", str(spread), "--cluster", address)
        assert result.exit_code == 0, result.output
        rebuilt = polgraph("identity", "rebuild", "--store", str(spread), "--cluster", address)
        assert rebuilt.exit_code == 0, rebuilt.output
    assert "added 5" in result.stdout
    assert stored_quads(spread) == stored_quads(plain)


def test_a_server_that_is_no_scheduler_is_a_usage_error_in_bounded_time(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster_options, "CONNECT_TIMEOUT", 1.0)
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, then says nothing
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        result = polgraph(
            "ingest", str(SEED_YAML), "--store", str(tmp_path / "s"), "--cluster", address
        )
        took = time.monotonic() - started
    assert result.exit_code == 2
    assert "is no Dask scheduler" in result.output
    assert took < 5


@pytest.mark.slow
@pytest.mark.virtuoso
def test_local_workers_write_into_a_service_with_the_account_of_the_environment(
    tmp_path, monkeypatch, virtuoso
):
    """The account is in the environment only, as a user gives it; the workers this command
    starts inherit it and write the reports themselves."""
    virtuoso_store(virtuoso).close()  # emptied
    for variable, value in {
        "POLGRAPH_STORE_UPDATE": virtuoso.update_url,
        "POLGRAPH_STORE_GRAPH_STORE": virtuoso.graph_store_url,
        "POLGRAPH_STORE_USER": virtuoso_service.USER,
        "POLGRAPH_STORE_PASSWORD": virtuoso_service.PASSWORD,
        "POLGRAPH_STORE_AUTH": "digest",
    }.items():
        monkeypatch.setenv(variable, value)
    plain = tmp_path / "plain"
    assert polgraph("ingest", *REPORTS, "--store", str(plain)).exit_code == 0

    service = f"sparql+{virtuoso.query_url}"
    result = polgraph("ingest", *REPORTS, "--store", service, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "added 5, replaced 0, unchanged 0, rejected 0" in result.stdout
    remote = virtuoso.store()
    assert remote.stats() == OxigraphStore(plain, read_only=True).stats()

    # A new report to write, and the wrong password: the workers' writes are refused, and so
    # is the run, with nothing of that report stored.
    other = tmp_path / "other.yaml"
    other.write_text(
        SEED_YAML.read_text(encoding="utf-8").replace("text: |-\n", "text: |-\n    Tin khác.\n"),
        encoding="utf-8",
    )
    monkeypatch.setenv("POLGRAPH_STORE_PASSWORD", "not-the-password")
    result = polgraph("ingest", str(other), "--store", service, "--workers", "1")
    assert result.exit_code != 0
    assert "refused polgraph" in result.output
    assert remote.stats() == OxigraphStore(plain, read_only=True).stats()
