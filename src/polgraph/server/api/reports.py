"""``POST /api/reports`` stores a report (write token required); ``POST /api/validate`` checks one
and stores nothing. Both read, map and validate a report exactly as ``polgraph ingest`` does."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from polgraph.errors import ValidationFailed
from polgraph.extract.schema import Extraction
from polgraph.pipeline.ingest import ONTOLOGY_GRAPH, Outcome, Pipeline
from polgraph.rdf import iris
from polgraph.rdf.mapping import report_digest
from polgraph.rdf.validate import ReportValidator
from polgraph.server.answers.ids import node
from polgraph.server.api import examples as shown
from polgraph.server.api.days import Day
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.uploads import KEY_PATTERN, read_report
from polgraph.server.auth import require_writer
from polgraph.server.deps import (
    JobsDep,
    ReportValidatorDep,
    SettingsDep,
    StoreDep,
    StoreWrites,
    StoreWritesDep,
)
from polgraph.server.errors import ApiError
from polgraph.settings import Settings
from polgraph.store import GraphStore
from polgraph.vocab import vocabulary

router = APIRouter(tags=["reports"])

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
    request: Request,
    jobs: JobsDep,
    writes: StoreWritesDep,
    settings: SettingsDep,
    validator: ReportValidatorDep,
    published: Published = None,
    key: Key = None,
) -> JSONResponse:
    """Read a report (plain text, an HTML page, or JSON/YAML in the extraction schema; as the
    body or as a multipart ``file``), validate it against the shapes and store it as its own
    named graph, replacing an earlier version; then resolve persons and tenures. Answers what
    was stored, the persons its names resolved to and the shapes' warnings; ``422`` with the
    shapes' messages when it is rejected, ``400`` when it cannot be read. ``201`` when the
    report is new, ``200`` when it replaced an earlier version or was already stored as it is;
    nothing is stored unless the answer is one of those."""
    extraction = await read_report(request, published, key, time_limit=settings.query_timeout)
    outcome, named = await run_in_threadpool(_ingest, writes, settings, validator, extraction)
    resolved = await jobs.read("resolved", report=named["report"]["iri"])
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
async def validate_report(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    validator: ReportValidatorDep,
    published: Published = None,
    key: Key = None,
) -> dict:
    """What ``POST /api/reports`` would say about the report, without storing anything and
    without a token: ``200`` with the warnings, ``422`` with the shapes' messages, ``400`` when
    it cannot be read."""
    extraction = await read_report(request, published, key, time_limit=settings.query_timeout)
    outcome = await run_in_threadpool(_check, _pipeline(store, settings, validator), extraction)
    return {"status": outcome.status, **_named(extraction), "messages": _messages(outcome.messages)}


def _ingest(
    writes: StoreWrites, settings: Settings, validator: ReportValidator, extraction: Extraction
) -> tuple[Outcome, dict[str, Any]]:
    with writes() as store:
        pipeline = _pipeline(store, settings, validator)
        if not store.has_graph(ONTOLOGY_GRAPH):  # queries read the model's labels and kinds
            pipeline.ensure_model_graphs()
        return _check(pipeline, extraction, store=True), _named(extraction)


def _check(pipeline: Pipeline, extraction: Extraction, *, store: bool = False) -> Outcome:
    try:
        return pipeline.ingest(extraction, "the request body", store=store)
    except ValidationFailed as exc:
        violations = sorted(exc.messages, key=lambda m: m.severity != "Violation")
        raise ApiError(422, "rejected by the shapes", _messages(violations)) from None


def _pipeline(store: GraphStore, settings: Settings, validator: ReportValidator) -> Pipeline:
    """A pipeline over the store, with the researchers' identity corrections when they exist."""
    corrections = settings.identity_path
    identity = corrections if corrections is not None and corrections.is_file() else None
    return Pipeline(store, vocabulary(), validator, identity=identity)


def _named(extraction: Extraction) -> dict[str, Any]:
    digest = report_digest(extraction)
    return {
        "report": node(str(iris.report(digest)), key=extraction.id or digest[:12]),
        "event": node(str(iris.event(digest))),
        "persons": len(extraction.persons),
    }


def _messages(messages: Iterable[Any]) -> list[dict[str, Any]]:
    """The shapes' messages, each once (a value can break one constraint twice)."""
    return [dict(found) for found in dict.fromkeys(tuple(asdict(m).items()) for m in messages)]
