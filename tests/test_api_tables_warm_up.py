"""A spare worker reads every whole-store table before it serves: the warm-up job reads all the
tables the API's lists and searches keep, so that none is read on a request."""

from __future__ import annotations

from polgraph.server.api import offload
from polgraph.server.api.offload import WARM_UP, Snapshot, answer_job


def test_the_warm_up_reads_every_table_the_lists_and_searches_use(data_reports_store):
    offload.load_handlers()  # as a worker does before it takes a job
    snapshot = Snapshot(data_reports_store().native)
    reply = answer_job(snapshot, WARM_UP)
    assert reply.format == "application/json"
    assert set(snapshot.tables) == {"person names", "organization names", "reports", "events", "places", "tenures"}
    # A list then reads nothing more.
    tables = dict(snapshot.tables)
    answer_job(snapshot, offload.ApiJob("persons", {"q": "", "limit": 5, "offset": 0}))
    assert all(snapshot.tables[name] is table for name, table in tables.items())

