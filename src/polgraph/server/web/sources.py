"""A report's page: its title, date, address and full text, with the sentence a fact comes
from lit up (``?start=&end=``, code points of the text, as every citation gives them), and
every fact drawn from it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from polgraph.server.deps import JobsDep
from polgraph.server.web.citations import lit
from polgraph.server.web.rendering import page_router, render

router = page_router()


@router.get("/sources/{source_id}", name="source_page")
async def source_page(
    request: Request,
    jobs: JobsDep,
    source_id: str,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    report = await jobs.read("source", source_id=source_id)
    text = report["text"] or ""
    return await render(
        request, jobs, "source.html", report=report, text=text, lit=lit(text, start, end)
    )
