"""The HTTP face of polgraph: a SPARQL 1.1 endpoint and a REST API over one store.

Build it with ``create_app(settings, store)``; ``polgraph serve`` hands the app to uvicorn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from polgraph.server.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> object:
    # Importing the package (a query worker imports polgraph.server.worker) loads no web stack.
    if name == "create_app":
        from polgraph.server.app import create_app

        return create_app
    raise AttributeError(name)
