"""A report sent to the API, read as ``polgraph ingest`` reads a file.

The body's media type stands for the file's suffix (``text/plain`` is a ``.txt`` report,
``application/json`` a structured one…); a multipart upload names its file. From there the
bytes go through ``polgraph.pipeline.ingest.parse_extraction``, the reading path the command
line uses, so a report reads the same whichever way it comes in.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re

from fastapi import Request
from starlette.datastructures import UploadFile

from polgraph.errors import InputError
from polgraph.extract.schema import Extraction
from polgraph.extract.source import TEXT_SUFFIXES
from polgraph.extract.structured import STRUCTURED_SUFFIXES
from polgraph.pipeline.ingest import parse_extraction
from polgraph.server.errors import ApiError

SUFFIXES = {
    "text/plain": ".txt",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/json": ".json",
    "application/yaml": ".yaml",
    "application/x-yaml": ".yaml",
    "text/yaml": ".yaml",
    "text/x-yaml": ".yaml",
}
_ACCEPTED = (
    "text/plain, text/html, application/json, application/yaml or multipart/form-data with a file"
)
KEY_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def read_report(
    request: Request, published: dt.date | None, key: str | None, *, time_limit: float
) -> Extraction:
    """The report in the request as facts; 415 for a kind polgraph does not read, 400 for
    input it cannot read (empty, binary, not UTF-8, bad JSON or YAML, off the schema) or a
    report that names nobody; 503 when reading it takes over ``time_limit`` seconds."""
    kind = media_type(request)
    if kind == "multipart/form-data":
        data, source, suffix = await _uploaded_file(request)
    elif kind in SUFFIXES:
        data, source, suffix = await request.body(), "the request body", SUFFIXES[kind]
    else:
        raise ApiError(
            415, "unsupported media type", f"send {_ACCEPTED}, not {kind or 'no Content-Type'}"
        )
    if not data.strip():
        raise ApiError(400, "unreadable report", f"{source} is empty")
    if key is None and source != "the request body":
        key = _stem(source)  # as the command line keys a report by its file name
    # Reading a long text takes a while: off the event loop, within the time limit, so that other
    # requests are answered meanwhile.
    try:
        extraction = await asyncio.wait_for(
            asyncio.to_thread(parse_extraction, data, source, suffix, published=published, key=key),
            time_limit,
        )
    except TimeoutError:
        raise ApiError(
            503,
            "too long to read",
            f"{source} took over {time_limit:g} s to read; send it to `polgraph ingest` instead",
            headers={"Retry-After": "60"},
        ) from None
    except InputError as exc:
        raise ApiError(400, "unreadable report", exc.message) from None
    except ValueError as exc:  # the reader's own slip on this text: said, not a 500
        raise ApiError(422, "unreadable report", f"the reader failed on this text: {exc}") from None
    if extraction.id is None and key is not None:
        extraction = extraction.model_copy(update={"id": key})
    if not extraction.persons:
        raise ApiError(
            400,
            "unreadable report",
            "the report names nobody: there is nothing to store about who held which role",
        )
    return extraction


async def _uploaded_file(request: Request) -> tuple[bytes, str, str]:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(
            400, "unreadable report", "a multipart upload carries the report as the field 'file'"
        )
    name = upload.filename or "upload"
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in STRUCTURED_SUFFIXES + TEXT_SUFFIXES:
        suffix = SUFFIXES.get((upload.content_type or "").split(";", 1)[0].strip().lower(), suffix)
    if suffix not in STRUCTURED_SUFFIXES + TEXT_SUFFIXES:
        raise ApiError(
            415,
            "unsupported media type",
            f"{name}: a report is .txt, .html, .htm, .json, .yaml or .yml",
        )
    return await upload.read(), name, suffix


def _stem(filename: str) -> str | None:
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem if re.match(KEY_PATTERN, stem) else None
