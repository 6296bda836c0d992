"""Units inside an area and bodies under or above a body, walked a level a query: the same on
the embedded store and on a SPARQL service, where a `*` path joined to other patterns may
answer nothing (Virtuoso 7)."""

from __future__ import annotations

from rdflib import URIRef

from polgraph.analytics.hierarchy import (
    ABOVE_BODY,
    INSIDE_AREA,
    UNDER_BODY,
    reachable,
    steps,
    within,
)
from polgraph.namespaces import ID, ORG, PG

G = URIRef(str(ID) + "report/hierarchy")


def unit(name: str) -> URIRef:
    return URIRef(str(ID) + f"unit/{name}")


def body(name: str) -> URIRef:
    return URIRef(str(ID) + f"org/{name}")


def _store_with_a_hierarchy(store):
    triples = [
        # province > district > commune > village, and a commune merged in 2025 into a new one
        (unit("district"), PG.partOf, unit("province")),
        (unit("commune"), PG.partOf, unit("district")),
        (unit("village"), PG.partOf, unit("commune")),
        (unit("old-commune"), PG.partOf, unit("district")),
        (unit("old-commune"), PG.successorUnit, unit("new-commune")),
        (unit("new-commune"), PG.partOf, unit("new-province")),
        (unit("elsewhere"), PG.partOf, unit("other-province")),
        # a committee > its standing board > a cell, and two bodies that point at each other
        (body("board"), ORG.subOrganizationOf, body("committee")),
        (body("cell"), ORG.subOrganizationOf, body("board")),
        (body("loop-a"), ORG.subOrganizationOf, body("loop-b")),
        (body("loop-b"), ORG.subOrganizationOf, body("loop-a")),
        (body("committee"), PG.jurisdiction, unit("district")),
    ]
    store.replace_graph(G, triples)
    return store


def test_an_area_takes_in_every_unit_inside_it_and_what_succeeded_into_it(store):
    _store_with_a_hierarchy(store)
    assert set(within(store, [str(unit("district"))], INSIDE_AREA)) == {
        str(unit(n)) for n in ("district", "commune", "village", "old-commune")
    }
    # The new commune is reached from the old one it succeeded, and then so is the old one's
    # whole chain below it (here none): old reports answer for the new units.
    assert set(within(store, [str(unit("new-commune"))], INSIDE_AREA)) == {
        str(unit("new-commune")),
        str(unit("old-commune")),
    }
    assert within(store, [str(unit("village"))], INSIDE_AREA) == (str(unit("village")),)


def test_bodies_below_and_above_each_root_apart(store):
    _store_with_a_hierarchy(store)
    below = reachable(store, [str(body("committee")), str(body("cell"))], UNDER_BODY)
    assert below == {
        str(body("committee")): {str(body(n)) for n in ("committee", "board", "cell")},
        str(body("cell")): {str(body("cell"))},
    }
    above = reachable(store, [str(body("cell"))], ABOVE_BODY)
    assert above[str(body("cell"))] == {str(body(n)) for n in ("cell", "board", "committee")}


def test_a_loop_in_the_data_ends_the_walk(store):
    _store_with_a_hierarchy(store)
    above = reachable(store, [str(body("loop-a"))], ABOVE_BODY)
    assert above == {str(body("loop-a")): {str(body("loop-a")), str(body("loop-b"))}}


def test_one_step_for_many_nodes_in_chunks(store, monkeypatch):
    import polgraph.analytics.hierarchy as hierarchy

    _store_with_a_hierarchy(store)
    monkeypatch.setattr(hierarchy, "CHUNK", 1)  # each node in a query of its own
    found = steps(store, [str(unit("commune")), str(unit("village"))], "?near pg:partOf ?far")
    assert found == {
        str(unit("commune")): {str(unit("district"))},
        str(unit("village")): {str(unit("commune"))},
    }
