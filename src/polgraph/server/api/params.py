"""The query parameters every list takes (``limit``, ``offset``), the id in the path of a route
that describes one node, and the media type it answers in (JSON, or JSON-LD with ``Accept:
application/ld+json``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query, Request

from polgraph.server.answers.linked_data import JSON, JSON_LD
from polgraph.server.api.docs import examples
from polgraph.server.negotiation import choose

Limit = Annotated[
    int,
    Query(
        ge=1,
        le=100,
        description="How many items to answer (at most 100).",
        openapi_examples={"default": {"summary": "twenty", "value": 20}},
    ),
]
# Far past any list's end, and within what the store reads in a query's OFFSET (a machine
# integer): a larger one went into the query, which then did not parse (a 500).
MAX_OFFSET = 1_000_000_000
Offset = Annotated[
    int,
    Query(
        ge=0,
        le=MAX_OFFSET,
        description="How many items to skip (at most a billion).",
        openapi_examples={"first page": {"summary": "from the start", "value": 0}},
    ),
]


def name_words(**example: str) -> Any:
    """The ``q`` of a search by name, with examples for the documentation."""
    return Query(
        max_length=200,
        description="Words of the name; accents optional.",
        openapi_examples=examples(**example),
    )


def node_id(description: str, **example: str) -> Any:
    """The path parameter naming one node by its id, with an example for the documentation."""
    return Path(description=description, openapi_examples=examples(**example))


def media_type_asked(request: Request) -> str | None:
    """JSON or JSON-LD, as the request's ``Accept`` prefers; None when it allows neither (the
    answer then refuses with 406: ``polgraph.server.answers.linked_data.wants_linked_data``)."""
    return choose(request.headers.get("accept"), [JSON, JSON_LD])
