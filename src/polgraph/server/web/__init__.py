"""Web pages people browse: persons, events, bodies, places, networks and the query page.

Server-rendered with Jinja2 (autoescaped: text from reports is always shown as text), with the
CSS and the one script the query page needs shipped in ``static/``, so the pages work on a
machine with no internet. Their facts come from the REST API's own answers, worked out in the
query workers as the API's are (``polgraph.server.answers``), so a page and ``/api`` never
disagree. Vietnamese by default, English with ``?lang=en`` (see ``language``). No page route
appears in the OpenAPI document.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from polgraph.server.web import (
    completions,
    events,
    home,
    lists,
    network,
    organizations,
    persons,
    places,
    queries,
    sources,
    vendor,
)
from polgraph.server.web.rendering import page_router

STATIC = Path(__file__).resolve().parent / "static"

router = page_router()
for module in (home, lists, persons, events, organizations, places, sources, network, queries):
    router.include_router(module.router)


def install(app: FastAPI) -> None:
    """Add the pages and their static files to ``app``."""
    app.include_router(router)
    app.include_router(vendor.router)
    app.include_router(lists.files)  # the lists as files: errors as the API's
    app.include_router(completions.router)  # JSON, not a page: errors as the API's
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
