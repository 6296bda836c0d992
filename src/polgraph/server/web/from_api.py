"""The REST API's answers for the pages, from the very functions ``/api`` runs, in process.

An API route reads the store from the request's app, and answers JSON or JSON-LD as the
request's ``Accept`` asks; a page wants the JSON whatever its browser accepts, so it asks with a
request of its own that shares the app and accepts JSON only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request


def json_request(request: Request) -> Request:
    scope = {"type": "http", "method": "GET", "app": request.app, "path": request.url.path,
             "query_string": b"", "headers": [(b"accept", b"application/json")]}
    return Request(scope)


def ask(request: Request, route: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """What ``route`` (an API route function) answers for ``args``; its errors are raised."""
    return route(json_request(request), *args, **kwargs)
