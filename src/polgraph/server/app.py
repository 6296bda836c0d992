"""The application: one store, one query engine, the SPARQL protocol and the REST API."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from polgraph import __version__
from polgraph.search import index_for
from polgraph.server import docs_pages, error_handlers, methods, search_index
from polgraph.server.answer_cache import AnswerCache
from polgraph.server.answers.registry import WARM_UP
from polgraph.server.api import router as api_router
from polgraph.server.engine import QueryEngine
from polgraph.server.headers import SecurityHeaders
from polgraph.server.limits import BodySizeLimit
from polgraph.server.sparql import (
    OVER_A_SERVICE,
    READ_ONLY,
    protocol_router,
    write_router,
    writes_refused_router,
)
from polgraph.server.stopping import stopping_on_signal
from polgraph.server.web import install as install_pages
from polgraph.settings import Settings
from polgraph.store import OxigraphStore, RemoteStore

DESCRIPTION = """\
**polgraph** answers *who held which role at which event* in local political life.

- `/sparql`: a SPARQL 1.1 endpoint (query protocol; the default graph is the union of all
  graphs). `/update` and `/store` (Graph Store protocol) exist when a write token is set.
- `/api`: JSON for persons, events, organizations, roles and source reports.

Errors are JSON: `{"error": …, "detail": …}`.
"""


def create_app(settings: Settings, store: OxigraphStore | RemoteStore) -> FastAPI:
    """The web application over ``store``; settings are read here, never at import time. What
    the routes read of the app's state, they take through ``polgraph.server.deps``."""
    engine = QueryEngine(
        store,
        workers=settings.workers(),
        timeout=settings.query_timeout,
        memory_mb=settings.worker_memory_mb,
        max_waiting=settings.max_waiting,
        max_wait=settings.max_wait,
        reserved=settings.reserved(),
        long_after=settings.long_query,
        spares=settings.spare_workers,
        warm_up=WARM_UP,
        refresh_after=settings.remote_refresh if isinstance(store, RemoteStore) else 0.0,
    )

    search = index_for(store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with stopping_on_signal(engine.stop):
            try:
                # Before serving: a missing or stale index is rebuilt, never served.
                app.state.search_problem = await asyncio.to_thread(
                    search_index.refresh, search, store
                )
                await engine.start()
                yield
            finally:
                engine.stop()

    app = FastAPI(
        title="polgraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        responses=methods.RESPONSES,
        # FastAPI's own /docs and /redoc load their scripts from a CDN; docs_pages serves them
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.engine = engine
    app.state.search_index = search  # the full-text index the search answers from
    app.state.search_problem = None  # why the search cannot answer, if it cannot
    app.state.write_lock = threading.Lock()
    app.state.store_generation = 0  # writes so far (deps.get_store_writes)
    app.state.answers = AnswerCache()
    app.state.analysis_slots = threading.BoundedSemaphore(settings.max_analyses)

    # Browsers elsewhere may read (GET, and POST for queries) but never send the write token.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "POST"],
        allow_headers=["Accept", "Content-Type"],
        allow_credentials=False,
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    error_handlers.install(app)
    methods.install(app)
    app.include_router(protocol_router)
    # A SPARQL store takes SPARQL updates and graphs at its own endpoints.
    if isinstance(store, RemoteStore):
        app.include_router(writes_refused_router(OVER_A_SERVICE))
    elif settings.write_token:
        app.include_router(write_router)
    else:
        app.include_router(writes_refused_router(READ_ONLY))
    app.include_router(api_router, prefix="/api")
    install_pages(app)
    docs_pages.install(app)
    return app
