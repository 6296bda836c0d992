"""``POST /api/reports`` stores a report (write token required); ``POST /api/validate`` checks one
and stores nothing. Both read, map and validate a report exactly as ``polgraph ingest`` does."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from polgraph.errors import ValidationFailed
from polgraph.extract.schema import Extraction
from polgraph.pipeline.ingest import ONTOLOGY_GRAPH, Outcome, Pipeline
from polgraph.rdf import iris
from polgraph.rdf.mapping import report_digest
from polgraph.rdf.validate import ReportValidator
from polgraph.server.api import examples as shown
from polgraph.server.api.days import Day
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.graph import iri, select
from polgraph.server.api.ids import node
from polgraph.server.api.offload import read
from polgraph.server.api.uploads import KEY_PATTERN, read_report
from polgraph.server.app import store_writes
from polgraph.server.auth import require_writer
from polgraph.server.errors import ApiError
from polgraph.vocab import vocabulary

router = APIRouter(tags=["reports"])

_RESOLVED = """
SELECT DISTINCT ?name ?person WHERE { GRAPH ?report { ?mention a pg:PersonMention ; pg:name ?name }
  OPTIONAL { ?mention pg:mentionOf ?person } } ORDER BY ?name"""

_PAGE = f"<html><body><article><h1>Hội nghị</h1><p>{shown.TEXT_REPORT}</p></article></body></html>"
_FILE = {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
_BODY = {
    "requestBody": {
        "required": True,
        "description": "The report: text, an HTML page, or a structured report.",
        "content": {
            "text/plain": {"schema": {"type": "string"}, "example": shown.TEXT_REPORT},
            "text/html": {"schema": {"type": "string"}, "example": _PAGE},
            "application/json": {"schema": {"type": "object"}, "example": shown.STRUCTURED_REPORT},
            "application/yaml": {"schema": {"type": "string"}, "example": shown.YAML_REPORT},
            "multipart/form-data": {"schema": _FILE, "example": {"file": "cam-loc-2024-06.txt"}},
        },
    }
}

Published = Annotated[
    Day | None,
    Query(
        description="The publication date, for a text or page that gives none.",
        openapi_examples=examples(June_2024="2024-06-13"),
    ),
]
Key = Annotated[
    str | None,
    Query(
        pattern=KEY_PATTERN,
        openapi_examples=examples(key="cam-loc-2024-06"),
        description="A short key for a report that has none of its own (a structured report's id); "
        "default: the uploaded file's name.",
    ),
]


@router.post(
    "/reports",
    status_code=201,
    summary="Store a report (write token)",
    openapi_extra=_BODY,
    dependencies=[Depends(require_writer)],
    responses=answers(
        shown.ADDED,
        400,
        401,
        403,
        404,
        415,
        422,
        status=201,
        description="stored: added (201, with Location); replaced, a changed "
        "report, or unchanged: 200",
    ),
)
async def ingest_report(
    request: Request, published: Published = None, key: Key = None
) -> JSONResponse:
    """Read a report (plain text, an HTML page, or JSON/YAML in the extraction schema; as the
    body or as a multipart ``file``), validate it against the shapes and store it as its own
    named graph, replacing an earlier version; then resolve persons and tenures. Answers what
    was stored, the persons its names resolved to and the shapes' warnings; ``422`` with the
    shapes' messages when it is rejected, ``400`` when it cannot be read. ``201`` when the
    report is new, ``200`` when it replaced an earlier version or was already stored as it is;
    nothing is stored unless the answer is one of those."""
    extraction = await read_report(request, published, key)
    outcome, named = await run_in_threadpool(_ingest, request, extraction)
    resolved = await read(request, "resolved", report=named["report"]["iri"])
    body = {
        "status": outcome.status,
        **named,
        "persons": len(extraction.persons),
        "resolved": resolved,
        "messages": _messages(outcome.messages),
    }
    # 201 (and where it is) only when the report is
    # new; a stored one was updated, or left as it was.
    if outcome.status == "added":
        return JSONResponse(body, status_code=201, headers={"Location": named["report"]["href"]})
    return JSONResponse(body)


@router.post(
    "/validate",
    summary="Check a report without storing it",
    openapi_extra=_BODY,
    responses=answers(shown.VALID, 400, 415, 422, description="the report would be accepted"),
)
async def validate_report(request: Request, published: Published = None, key: Key = None) -> dict:
    """What ``POST /api/reports`` would say about the report, without storing anything and
    without a token: ``200`` with the warnings, ``422`` with the shapes' messages, ``400`` when
    it cannot be read."""
    extraction = await read_report(request, published, key)
    outcome = await run_in_threadpool(
        _check, _pipeline(request, request.app.state.store), extraction
    )
    return {"status": outcome.status, **_named(extraction), "messages": _messages(outcome.messages)}


def _ingest(request: Request, extraction: Extraction) -> tuple[Outcome, dict]:
    with store_writes(request) as store:
        pipeline = _pipeline(request, store)
        if not store.has_graph(ONTOLOGY_GRAPH):  # queries read the model's labels and kinds
            pipeline.ensure_model_graphs()
        return _check(pipeline, extraction, store=True), _named(extraction)


def resolved_answer(store, report: str) -> list[dict]:
    """The names ``report`` gives persons, and the persons they resolved to."""
    return [
        {"name": r["name"], "person": node(r["person"])}
        for r in select(store, _RESOLVED, {"report": iri(report)})
    ]


def _check(pipeline: Pipeline, extraction: Extraction, *, store: bool = False) -> Outcome:
    try:
        return pipeline.ingest(extraction, "the request body", store=store)
    except ValidationFailed as exc:
        violations = sorted(exc.messages, key=lambda m: m.severity != "Violation")
        raise ApiError(422, "rejected by the shapes", _messages(violations)) from None


def _pipeline(request: Request, store) -> Pipeline:
    """A pipeline over the store, with the researchers' identity corrections when they exist."""
    state = request.app.state
    validator = getattr(state, "report_validator", None)
    if validator is None:  # built on first use: it parses the shapes
        validator = state.report_validator = ReportValidator(vocabulary())
    corrections = state.settings.identity_path
    identity = corrections if corrections is not None and corrections.is_file() else None
    return Pipeline(store, vocabulary(), validator, identity=identity)


def _named(extraction: Extraction) -> dict:
    digest = report_digest(extraction)
    return {
        "report": node(str(iris.report(digest)), key=extraction.id or digest[:12]),
        "event": node(str(iris.event(digest))),
        "persons": len(extraction.persons),
    }


def _messages(messages) -> list[dict]:
    """The shapes' messages, each once (a value can break one constraint twice)."""
    return [dict(found) for found in dict.fromkeys(tuple(asdict(m).items()) for m in messages)]
