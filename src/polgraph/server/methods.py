"""Which methods a path answers: ``405`` names them all in ``Allow``, and ``OPTIONS`` tells them.

Several routes may share a path with different methods (``GET`` and ``POST /sparql``, the
Graph Store's ``/store``); the router's own 405 names only the methods of the first route it
tried. The methods are read from the app's routes, so a route added later is counted with no
list to keep. A CORS preflight (``OPTIONS`` with ``Access-Control-Request-Method``) is answered
by the CORS middleware before it gets here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import fastapi.routing
from fastapi import FastAPI, Request, Response
from starlette.routing import BaseRoute, Match
from starlette.types import Scope

from polgraph.server.error_handlers import error_response

# Each route, those of included routers among them: FastAPI from 0.137.2 nests included routes;
# before, they sit flat in app.routes.
_route_contexts: Callable[[Sequence[BaseRoute]], Iterator[Any]] = getattr(
    fastapi.routing, "iter_route_contexts", iter
)


# Every operation's path refuses some method (none answers PATCH or TRACE, most only one or two
# of GET, POST, PUT, DELETE), so every operation documents the 405 and its Allow header.
RESPONSES: dict[int | str, dict] = {
    405: {
        "description": "The path does not answer this method; `Allow` names those it does",
        "headers": {
            "Allow": {
                "description": "The methods this path answers",
                "schema": {"type": "string"},
                "example": "GET, HEAD, OPTIONS, POST",
            }
        },
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string"}, "detail": {}},
                },
                "example": {
                    "error": "method not allowed",
                    "detail": "PUT is not answered here; send one of GET, HEAD, OPTIONS, POST",
                },
            }
        },
    }
}


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> set[str]:
    """The methods of every route (and of the routes of a mounted router) matching the path of
    ``scope``, whatever its method."""
    found: set[str] = set()
    for route in _route_contexts(routes):
        match, child_scope = route.matches(scope)
        if match is Match.NONE:
            continue
        found |= set(route.methods or ())
        inner = getattr(route, "routes", None)  # a Mount's
        if inner:
            found |= allowed_methods(inner, {**scope, **child_scope})
    return found


def install(app: FastAPI) -> None:
    """Answer every 405 with the methods of all the routes at its path, and OPTIONS with them."""
    app.add_exception_handler(405, _method_not_allowed)


async def _method_not_allowed(request: Request, exc: Exception) -> Response:
    scope = request.scope
    # The router has moved root_path into a mount it chose; match from the app's own root.
    root = scope.get("app_root_path", scope.get("root_path", ""))
    probe = {**scope, "root_path": root, "path_params": {}}
    allowed = allowed_methods(request.app.routes, probe)
    # A mounted app with no routes (the static files) said its methods in its own Allow.
    allowed |= _listed(getattr(exc, "headers", None) or {})
    allowed.add("OPTIONS")
    allow = ", ".join(sorted(allowed))
    if request.method == "OPTIONS":
        return Response(status_code=204, headers={"Allow": allow})
    detail = f"{request.method} is not answered here; send one of {allow}"
    return error_response(405, "method not allowed", detail, {"Allow": allow})


def _listed(headers: dict[str, str]) -> set[str]:
    value = next((v for k, v in headers.items() if k.lower() == "allow"), "")
    return {method.strip().upper() for method in value.split(",") if method.strip()}
