"""Reading the store for the index: a query's rows for some values of one variable, or for all.

Each query is written with ``{scope}`` where a VALUES block of the values in question goes; the
store starts from those and its indexes, so an update reads what it touched, not the store. The
values are asked for in parts no larger than the store takes (a service takes fewer than the
embedded store). Any store that answers SPARQL as pyoxigraph does will do: both of
``polgraph.store``'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from polgraph.namespaces import PREFIXES
from polgraph.store.base import GraphStore

_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
_PART = 2000  # values in one VALUES block, at most (and fewer when the store takes fewer)


def rows(
    store: GraphStore,
    sparql: str,
    variable: str,
    values: Iterable[str] | None,
    *,
    literal: bool = False,
) -> Iterator[Any]:
    """The rows of ``sparql`` with ``variable`` bound to each of ``values`` (IRIs, or literals
    with ``literal``), or unbound with ``values`` None: every row."""
    text = _PREFIXES + sparql
    if values is None:
        yield from store.query(text.replace("{scope}", ""))
        return
    ordered = sorted(set(values))
    step = max(1, min(_PART, store.values_limit))
    for first in range(0, len(ordered), step):
        terms = " ".join(
            str(ox.Literal(v) if literal else ox.NamedNode(v))
            for v in ordered[first : first + step]
        )
        yield from store.query(text.replace("{scope}", f"VALUES ?{variable} {{ {terms} }}"))


def value(term: Any) -> str | None:
    """A bound term's text; None for an unbound one."""
    return None if term is None else term.value
