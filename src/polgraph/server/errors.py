"""The API's errors: ``ApiError`` is answered as JSON, ``{"error": short words, "detail": more}``
(``polgraph.server.error_handlers``); the web pages answer theirs as pages
(``polgraph.server.web.rendering``). A plain exception, not the web framework's: the answers
worked out in the query workers raise it too, and a worker loads no web framework."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error answered as ``{"error": …, "detail": …}`` with ``status``."""

    def __init__(
        self, status: int, error: str, detail: Any = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, error, detail)
        self.status_code = status
        self.error = error
        self.detail = detail
        self.headers = headers

    def __str__(self) -> str:
        return f"{self.status_code}: {self.detail}"
