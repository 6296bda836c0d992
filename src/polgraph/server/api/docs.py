"""OpenAPI documentation helpers: every route shows an example of its answer and of its errors.

The examples live in ``polgraph.server.api.examples``; a test walks ``app.openapi()`` and fails on
a route, a parameter or a request body without one.
"""

from __future__ import annotations

from typing import Any

from fastapi.openapi.models import Example
from pydantic import BaseModel


class Error(BaseModel):
    """Every error the API answers."""

    error: str
    detail: Any = None


_ERRORS = {
    400: (
        "bad request",
        [{"where": "query.limit", "problem": "Input should be less than or equal to 100"}],
    ),
    401: ("authentication required", "send the write token as 'Authorization: Bearer <token>'"),
    403: ("forbidden", "the write token is not valid"),
    404: ("not found", "there is no person 'nguyen-van-a-00000000-00000000'"),
    406: ("not acceptable", "this resource is answered as application/json or application/ld+json"),
    415: (
        "unsupported media type",
        (
            "send text/plain, text/html, application/json, application/yaml or "
            "multipart/form-data with a file, not image/png"
        ),
    ),
    422: (
        "rejected by the shapes",
        [
            {
                "severity": "Violation",
                "focus": "Hội nghị – 2023-02-30 <https://w3id.org/polgraph/id/event/b6a9bbaa04b2f026618d67f0>",
                "path": "pg:date",
                "value": "2023-02-30",
                "message": "An event has at most one date, and it "
                "must be a real calendar date (YYYY-MM-DD).",
            }
        ],
    ),
}


def error_examples(*statuses: int) -> dict[int | str, dict]:
    """``responses=`` entries for the errors a route may answer, each with an example. Bad
    parameters are answered ``400`` (not FastAPI's ``422``), so a ``4XX`` entry stands in for
    the ``422`` FastAPI would otherwise document."""
    found: dict[int | str, dict] = {
        status: {
            "model": Error,
            "description": _ERRORS[status][0],
            "content": {
                "application/json": {
                    "example": {"error": _ERRORS[status][0], "detail": _ERRORS[status][1]}
                }
            },
        }
        for status in statuses
    }
    too_large = {"error": "request too large", "detail": "the body exceeds 20000000 bytes"}
    found["4XX"] = {
        "model": Error,
        "description": "another client error",
        "content": {"application/json": {"example": too_large}},
    }
    return found


def answers(
    example: Any,
    *errors: int,
    status: int = 200,
    linked_data: Any = None,
    description: str = "the answer",
) -> dict[int | str, dict]:
    """``responses=`` for a route: its answer's example (and a JSON-LD one when the route
    offers it), then its errors."""
    content: dict[str, dict] = {"application/json": {"example": example}}
    if linked_data is not None:
        content["application/ld+json"] = {"example": linked_data}
    return {status: {"description": description, "content": content}, **error_examples(*errors)}


def examples(**named: Any) -> dict[str, Example]:
    """``openapi_examples=`` for a parameter: each keyword is an example's summary."""
    return {
        name.replace("_", " "): Example(summary=name.replace("_", " "), value=value)
        for name, value in named.items()
    }
