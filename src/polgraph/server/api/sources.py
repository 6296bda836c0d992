"""``/api/sources``: the reports, each with its text and the span of every fact drawn from it.
The answers are ``polgraph.server.answers.sources``'."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from polgraph.server.api import examples as shown
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.params import Limit, Offset, node_id
from polgraph.server.deps import JobsDep

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get(
    "", summary="List the reports", responses=answers(shown.SOURCES, 400), response_model=dict
)
async def list_sources(
    jobs: JobsDep,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Words of the title; accents optional.",
            openapi_examples=examples(title_words="xuan hoa"),
        ),
    ] = "",
    key: Annotated[
        str | None,
        Query(
            max_length=200,
            openapi_examples=examples(seed="seed"),
            description="The report's key, as given (a file name's stem).",
        ),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """The stored reports by key, with their event; ``q`` narrows by title, ``key`` to one key."""
    return await jobs.respond("sources", q=q, key=key, limit=limit, offset=offset)


@router.get(
    "/{source_id}",
    summary="A report: metadata, text and the span of each fact",
    responses=answers(shown.SOURCE, 404),
    response_model=dict,
)
async def get_source(
    jobs: JobsDep,
    source_id: Annotated[
        str, node_id("The report's id (the end of its IRI).", seed="796dc11ec1a8f094e6fcca85")
    ],
) -> Response:
    """The report's key, title, date, address and full text, and every fact drawn from it in
    the order of the text: the ``kind`` of fact (event, role, participation, speech, document),
    what it is ``about``, the person it concerns, and its span with the sentence around it.
    ``start`` and ``end`` count code points of ``text``."""
    return await jobs.respond("source", source_id=source_id)
