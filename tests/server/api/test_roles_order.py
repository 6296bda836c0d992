"""/api/roles orders and pages a bounded answer in Python, a long one in the store: the same
pages."""

from __future__ import annotations

import pytest

from polgraph.server.answers import roles
from polgraph.server.answers.graph import select
from polgraph.server.answers.snapshot import Snapshot


@pytest.fixture(scope="module")
def store(data_reports_store):
    return Snapshot(data_reports_store().native)  # as a query worker reads the store


def test_long_answers_are_ordered_by_the_store_the_same_way(store, monkeypatch):
    # Up to roles._ORDERED_HERE rows /api/roles orders and pages in Python; past it the store
    # does (ORDER BY, LIMIT, a count query). Both must give the same pages.
    events = [
        row["e"]
        for row in select(store, "SELECT DISTINCT ?e WHERE { ?a pg:person ?m ; pg:event ?e }")
    ]
    bodies = [row["o"] for row in select(store, "SELECT DISTINCT ?o WHERE { ?p org:postIn ?o }")]
    asked = [{"event": e} for e in events] + [{"org": o} for o in bodies[:5]]
    pages = [(0, 100), (0, 4), (3, 5), (50, 5)]

    def answers():
        return [
            roles.roles_answer(
                store,
                **{"event": None, "person": None, "org": None, "on": None, **given},
                limit=limit,
                offset=offset,
            )
            for given in asked
            for offset, limit in pages
        ]

    in_python = answers()
    monkeypatch.setattr(roles, "_ORDERED_HERE", 2)
    by_the_store = answers()
    assert by_the_store == in_python
    assert sum(answer["total"] for answer in in_python) > 20  # real pages, not empty ones
