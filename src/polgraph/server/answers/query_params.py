"""The query page's parameters resolved: the persons, events, bodies, places and posts its form
names (by IRI, page id or name) as the IRIs the named query binds, read from a worker's snapshot
as ``polgraph query`` reads the store (``NamedQuery.resolve``)."""

from __future__ import annotations

from polgraph.query.entities import AmbiguousEntity, UnknownEntity
from polgraph.query.named import available_queries
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.errors import ApiError


def query_params_answer(store: Snapshot, query: str, values: dict[str, str]) -> dict[str, str]:
    """``values`` with each entity parameter's reference replaced by its IRI. ``404`` when a
    reference names nothing, ``400`` when it names several (the detail lists them) or another
    value is wrong."""
    named = available_queries().get(query)
    if named is None:
        raise ApiError(404, "not found", f"there is no named query {query!r}")
    try:
        return named.resolve(store, values)
    except UnknownEntity as exc:
        raise ApiError(404, "not found", {"message": str(exc), **exc.detail()}) from None
    except AmbiguousEntity as exc:
        raise ApiError(400, "ambiguous", {"message": str(exc), **exc.detail()}) from None
