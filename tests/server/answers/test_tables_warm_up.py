"""A spare worker reads every whole-store table before it serves: the warm-up job reads all the
tables the API's lists and searches keep, so that none is read on a request; and a table one
worker read is loaded by the others from the file it kept beside the snapshot."""

from __future__ import annotations

import pytest

from polgraph.server.answers import tables
from polgraph.server.answers.registry import WARM_UP, answer_job
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.messages import ApiJob


def test_the_warm_up_reads_every_table_the_lists_and_searches_use(data_reports_store):
    snapshot = Snapshot(data_reports_store().native)
    reply = answer_job(snapshot, WARM_UP)
    assert reply.format == "application/json"
    assert set(snapshot.tables) == {
        "person names",
        "organization names",
        "reports",
        "events",
        "places",
        "tenures",
        # the lists with facets (/events, /persons, /organizations, /places)
        "event list",
        "person list",
        "organization list",
        "place list",
        "list labels",
        "units",
        "bodies",
    }
    # A list then reads nothing more.
    tables = dict(snapshot.tables)
    answer_job(snapshot, ApiJob("persons", {"q": "", "limit": 5, "offset": 0}))
    assert all(snapshot.tables[name] is table for name, table in tables.items())


def test_a_table_read_by_one_worker_is_loaded_by_the_others(
    data_reports_store, tmp_path, monkeypatch
):
    native = data_reports_store().native
    first = Snapshot(native, tmp_path / "snapshot-1.tables")
    answer_job(first, WARM_UP)
    assert {path.name for path in (tmp_path / "snapshot-1.tables").iterdir()} == {
        f"{name}.pickle" for name in first.tables
    }

    def unread(store):
        raise AssertionError("read from the store again")

    monkeypatch.setattr(tables, "_BUILDERS", dict.fromkeys(tables._BUILDERS, unread))
    second = Snapshot(native, tmp_path / "snapshot-1.tables")  # another worker, the same snapshot
    answer_job(second, WARM_UP)
    assert second.tables["person names"].page("", 0, 100) == first.tables["person names"].page(
        "", 0, 100
    )
    # A snapshot whose tables no worker has kept is read from the store.
    third = Snapshot(native, tmp_path / "snapshot-2.tables")
    with pytest.raises(AssertionError, match="read from the store again"):
        tables.table(third, "events")
