"""How the app answers what goes wrong: every error as JSON, ``{"error": …, "detail": …}``,
with the status it stands for (the pages answer theirs as pages: ``polgraph.server.web``)."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from polgraph.errors import PolgraphError, QueryError, StoreError
from polgraph.server.errors import ApiError


def error_response(
    status: int, error: str, detail: Any = None, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Answer the API's errors, the framework's, bad parameters and the package's own errors as
    JSON."""

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status_code, exc.error, exc.detail, exc.headers)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, _reason(exc.status_code), exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(400, "bad request", problems(exc))

    @app.exception_handler(QueryError)
    async def query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, "bad request", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, "store unavailable", str(exc))

    @app.exception_handler(PolgraphError)
    async def polgraph_error(_request: Request, exc: PolgraphError) -> JSONResponse:
        return error_response(400, "bad request", str(exc))


def problems(exc: RequestValidationError) -> list[dict[str, str]]:
    """Each bad parameter as ``{"where": "query.limit", "problem": …}``."""
    return [
        {"where": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]} for e in exc.errors()
    ]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower()
    except ValueError:
        return "error"
