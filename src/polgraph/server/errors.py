"""The API's errors are JSON, ``{"error": short words, "detail": more}``; the web pages answer
theirs as pages (``polgraph.server.web``)."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from fastapi.responses import JSONResponse


class ApiError(HTTPException):
    """An error answered as ``{"error": …, "detail": …}`` with ``status``."""

    def __init__(
        self, status: int, error: str, detail: Any = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.error = error


def error_response(
    status: int, error: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail}, status_code=status, headers=headers)
