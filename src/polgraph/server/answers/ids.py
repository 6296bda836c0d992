"""API identifiers: the graph's IRIs with the data namespace and the kind taken off.

``https://w3id.org/polgraph/id/person/nguyen-viet-dong-68682787-d5c6b1b3`` is the person
``nguyen-viet-dong-68682787-d5c6b1b3`` at ``/api/persons/nguyen-viet-dong-68682787-d5c6b1b3``.
The graph names its nodes with URL-safe slugs and hashes, so an id needs no escaping. Nodes
the API has no route for (posts, units, documents) keep the rest of their IRI as their id.
"""

from __future__ import annotations

import re
from typing import Any, overload

from polgraph.namespaces import ID
from polgraph.server.errors import ApiError

# route under /api → the kind segment of the IRIs it serves
ROUTES = {"persons": "person/", "events": "event/", "organizations": "org/", "sources": "report/"}
_ROUTE_OF = {kind: route for route, kind in ROUTES.items()}
_SAFE_ID = re.compile(r"[A-Za-z0-9._~-]{1,200}")


def iri_for(route: str, ident: str) -> str:
    """The IRI behind ``/api/<route>/<ident>``; a full IRI of that kind is taken as it is."""
    kind = str(ID) + ROUTES[route]
    ident = ident.removeprefix(kind)
    if not _SAFE_ID.fullmatch(ident):
        raise ApiError(404, "not found", f"{ident!r} is not a {route[:-1]} id")
    return kind + ident


def describe_iri(iri: str) -> dict[str, str]:
    """``id`` and ``href`` (when the API serves that kind) for an IRI of the data namespace."""
    base = str(ID)
    if not iri.startswith(base):
        return {}
    rest = iri[len(base) :]
    kind, _, ident = rest.partition("/")
    route = _ROUTE_OF.get(kind + "/")
    if route is None or "/" in ident or "#" in ident:
        return {"id": rest}
    return {"id": ident, "href": f"/api/{route}/{ident}"}


@overload
def node(iri: str, **fields: Any) -> dict[str, Any]: ...
@overload
def node(iri: None, **fields: Any) -> None: ...
def node(iri: str | None, **fields: Any) -> dict[str, Any] | None:
    """A node as every answer shows one: ``id``, ``iri`` and ``href`` first, then ``fields``."""
    if iri is None:
        return None
    return {**describe_iri(iri), "iri": iri, **fields}


def mention(iri: str, **fields: Any) -> dict[str, Any]:
    """A report's own node for a person. Its IRI is named like a person's (``person/…``) but
    it is no person, so it has no route: its id keeps the kind and it has no ``href``."""
    return {"id": iri.removeprefix(str(ID)), "iri": iri, **fields}


def not_found(route: str, ident: str, detail: str | None = None) -> ApiError:
    return ApiError(404, "not found", detail or f"there is no {route[:-1]} {ident!r}")
