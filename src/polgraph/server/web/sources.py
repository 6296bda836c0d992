"""A report's page: its title, date, address and full text, with the sentence a fact comes
from lit up (``?start=&end=``, code points of the text, as every citation gives them), and
every fact drawn from it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from polgraph.server.api import sources as api_sources
from polgraph.server.web.citations import lit
from polgraph.server.web.from_api import ask
from polgraph.server.web.rendering import page_router, render

router = page_router()


@router.get("/sources/{source_id}", name="source_page")
def source_page(request: Request, source_id: str,
                start: Annotated[int | None, Query(ge=0)] = None,
                end: Annotated[int | None, Query(ge=0)] = None):
    report = ask(request, api_sources.get_source, source_id)
    text = report["text"] or ""
    return render(request, "source.html", report=report, text=text, lit=lit(text, start, end))
