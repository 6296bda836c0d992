"""The application: one store, one query engine, the SPARQL protocol and the REST API."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException

from polgraph import __version__
from polgraph.errors import PolgraphError, QueryError, StoreError
from polgraph.server import analysis_slots, methods
from polgraph.server.answer_cache import AnswerCache
from polgraph.server.engine import QueryEngine
from polgraph.server.errors import ApiError, error_response
from polgraph.server.headers import SecurityHeaders
from polgraph.server.limits import BodySizeLimit
from polgraph.server.stopping import stopping_on_signal
from polgraph.settings import Settings

DESCRIPTION = """\
**polgraph** answers *who held which role at which event* in local political life.

- `/sparql`: a SPARQL 1.1 endpoint (query protocol; the default graph is the union of all
  graphs). `/update` and `/store` (Graph Store protocol) exist when a write token is set.
- `/api`: JSON for persons, events, organizations, roles and source reports.

Errors are JSON: `{"error": …, "detail": …}`.
"""


@contextmanager
def store_writes(request: Request) -> Iterator:
    """Hold the store for one writer at a time; queries see the change once it is done, and the
    answers kept for the last generation are worked out again (``store_generation``)."""
    state = request.app.state
    with state.write_lock:
        try:
            yield state.store
        finally:
            # In this order: a request that sees the new generation gets a new snapshot too.
            state.engine.mark_changed()
            state.store_generation += 1


def create_app(settings: Settings, store) -> FastAPI:
    """The web application over ``store``; settings are read here, never at import time."""
    from polgraph.server.api.offload import WARM_UP  # the API's modules import this one

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
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        with stopping_on_signal(engine.stop):
            try:
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
    )
    app.state.settings = settings
    app.state.store = store
    app.state.engine = engine
    app.state.write_lock = threading.Lock()
    app.state.store_generation = 0  # writes so far (store_writes)
    app.state.answers = AnswerCache()
    analysis_slots.install(app, settings.max_analyses)

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
    _install_error_handlers(app)
    methods.install(app)

    from polgraph.server.api import router as api_router
    from polgraph.server.sparql import protocol_router, write_router
    from polgraph.server.web import install as install_pages

    app.include_router(protocol_router)
    if settings.write_token:
        app.include_router(write_router)
    app.include_router(api_router, prefix="/api")
    install_pages(app)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError):
        return error_response(exc.status_code, exc.error, exc.detail, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        return error_response(exc.status_code, _reason(exc.status_code), exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(_request: Request, exc: RequestValidationError):
        detail = [
            {"where": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]} for e in exc.errors()
        ]
        return error_response(400, "bad request", detail)

    @app.exception_handler(QueryError)
    async def query_error(_request: Request, exc: QueryError):
        return error_response(400, "bad request", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError):
        return error_response(503, "store unavailable", str(exc))

    @app.exception_handler(PolgraphError)
    async def polgraph_error(_request: Request, exc: PolgraphError):
        return error_response(400, "bad request", str(exc))


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase.lower()
    except ValueError:
        return "error"
