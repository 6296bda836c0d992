"""``polgraph search rebuild``: the full-text index made again from the store, which it only
reads; and the index an ingest leaves beside a store in a folder."""

from __future__ import annotations

from conftest import RESOURCES, SEED_YAML
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.search import SearchIndex, find
from polgraph.store import OxigraphStore

runner = CliRunner()


def polgraph(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_leaves_the_index_in_the_store_and_rebuild_makes_it_again(tmp_path):
    store = tmp_path / "store"
    reports = [str(SEED_YAML), str(RESOURCES / "reports" / "council-session.yaml")]
    assert polgraph("ingest", *reports, "--store", str(store)).exit_code == 0
    index = store / "search.sqlite"
    assert [p["name"] for p in find(index, "person", "nguyen viet dong", 5).items] == [
        "Nguyễn Viết Đồng"
    ]
    for made in store.glob("search.sqlite*"):
        made.unlink()

    result = polgraph("search", "rebuild", "--store", str(store))
    assert result.exit_code == 0, result.output
    assert f"search index {index}:" in result.stdout
    assert "12 persons" in result.stdout and "2 reports" in result.stdout
    assert [e["kind"] for e in find(index, "event", "ky hop", 5).items] == ["council_session"]
    opened = OxigraphStore(store, read_only=True)
    assert SearchIndex(index).staleness(opened) is None


def test_rebuild_without_a_store_fails_saying_so(tmp_path):
    result = polgraph("search", "rebuild", "--store", str(tmp_path / "nothing"))
    assert result.exit_code == 1
    assert "no store" in result.stderr
    assert not (tmp_path / "nothing").exists()
