"""The units inside an area and the bodies under a body, and the bodies above one, walked here a
level a query.

Not with a ``*`` path joined to other patterns (``?place pg:partOf* ?area . ?event pg:place
?place``): Virtuoso 7 answers such a join with no rows in some database states (docs/scaling.md),
so an analysis sliced by a place or a body found nothing there. A level a query is a handful of
small queries: units are four levels deep, bodies a few.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from polgraph.analytics.rows import select, values_block
from polgraph.store.base import QueriedStore

CHUNK = 1000  # IRIs in one VALUES block
MAX_LEVELS = 32  # past any real hierarchy; a loop in the data ends the walk sooner anyway

# Each the pattern of one step, from ?near to ?far.
INSIDE_AREA = "{ ?far pg:partOf ?near } UNION { ?far pg:successorUnit ?near }"
UNDER_BODY = "?far org:subOrganizationOf ?near"
ABOVE_BODY = "?near org:subOrganizationOf ?far"
JURISDICTION = "?near pg:jurisdiction ?far"


def steps(store: QueriedStore, nodes: Iterable[str], step: str) -> dict[str, set[str]]:
    """Each of ``nodes`` with the nodes one ``step`` away from it."""
    found: dict[str, set[str]] = defaultdict(set)
    wanted = sorted(set(nodes))
    for start in range(0, len(wanted), CHUNK):
        block = values_block("near", wanted[start : start + CHUNK])
        for near, far in select(store, f"SELECT DISTINCT ?near ?far WHERE {{ {block} {step} }}"):
            found[near].add(far)
    return found


def reachable(store: QueriedStore, roots: Iterable[str], step: str) -> dict[str, set[str]]:
    """Each root with every node ``step`` leads to from it in any number of steps, itself
    included (what ``?root step* ?node`` finds)."""
    reached = {root: {root} for root in roots}
    frontier = {root: {root} for root in reached}
    for _ in range(MAX_LEVELS):
        nodes = set().union(*frontier.values())
        if not nodes:
            break
        after = steps(store, nodes, step)
        frontier = {
            root: {far for near in near_ones for far in after.get(near, ())} - reached[root]
            for root, near_ones in frontier.items()
        }
        for root, new in frontier.items():
            reached[root] |= new
    return reached


def within(store: QueriedStore, roots: Iterable[str], step: str) -> tuple[str, ...]:
    """The roots and every node reached from them, in order."""
    return tuple(sorted(set().union(*reachable(store, roots, step).values())))
