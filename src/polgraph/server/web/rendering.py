"""Rendering pages: the Jinja2 environment (autoescaped), what every page's template is given,
and the route class that answers a page's errors with a page rather than JSON."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from polgraph.analytics.errors import NotFoundError
from polgraph.errors import QueryError, StoreError
from polgraph.server.error_handlers import problems
from polgraph.server.errors import ApiError
from polgraph.server.jobs import Jobs
from polgraph.server.translations import query_words, translations, translator
from polgraph.server.web import links, vendor
from polgraph.server.web.citations import quoted
from polgraph.server.web.language import LANGUAGES, language_of, remember, switch_url
from polgraph.server.web.terms import Terms, terms_for

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Autoescape on every template: reports are text from the web, and a report containing
# "<script>" must show it, never run it. StrictUndefined makes a misspelt field an error.
environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    # gettext and ngettext are the page's language's, given with each page (_rendered)
    extensions=["jinja2.ext.i18n"],
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.globals.update(
    page_for=links.page_for,
    source_href=links.source_href,
    with_params=links.with_params,
    web_address=links.web_address,
    EVIDENCE_ANCHOR=links.EVIDENCE_ANCHOR,
    quoted=quoted,
    # whether a third-party library is installed, so a page offers only what it can draw
    vendor_available=vendor.available,
)


async def render(
    request: Request, jobs: Jobs, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """The page, in the reader's language, with the vocabulary's words for the codes it shows
    (read by ``jobs``). Rendered in a thread: a long page would hold up the event loop."""
    terms = await terms_for(jobs, language_of(request))
    return await run_in_threadpool(_rendered, request, template, status, terms, context)


def _rendered(
    request: Request, template: str, status: int, terms: Terms, context: dict[str, Any]
) -> HTMLResponse:
    lang = language_of(request)
    body = environment.get_template(template).render(
        lang=lang,
        t=translator(lang),
        tq=query_words(lang),
        gettext=translations(lang).gettext,
        ngettext=translations(lang).ngettext,
        terms=terms,
        path=request.url.path,
        languages={other: switch_url(request, other) for other in LANGUAGES},
        **context,
    )
    response = HTMLResponse(body, status_code=status)
    remember(request, response)
    return response


def error_page(
    request: Request, status: int, detail: Any, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    """An error told as a page. It shows no code, so it reads no terms: it may be telling that
    the store could not be read in time."""
    if isinstance(detail, list):  # the API's list of {where, problem}
        detail = "; ".join(
            f"{d.get('where')}: {d.get('problem')}" if isinstance(d, dict) else str(d)
            for d in detail
        )
    page = _rendered(
        request, "error.html", status, Terms([]), {"status_code": status, "detail": detail}
    )
    page.headers.update(headers or {})  # Retry-After on a 503, say
    return page


class PageRoute(APIRoute):
    """A page's route: what goes wrong is told on a page in the reader's language. The app's
    own handlers answer JSON, which is right for the API and wrong for a browser."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def page_or_error(request: Request) -> Response:
            try:
                return await handle(request)
            except (ApiError, HTTPException) as exc:
                return error_page(request, exc.status_code, exc.detail, exc.headers)
            except RequestValidationError as exc:
                return error_page(request, 400, problems(exc))
            except NotFoundError as exc:
                return error_page(request, 404, str(exc))
            except QueryError as exc:
                return error_page(request, 400, str(exc))
            except StoreError as exc:
                return error_page(request, 503, str(exc))

        return page_or_error


def page_router() -> APIRouter:
    """A router of pages: HTML errors, out of the OpenAPI document."""
    return APIRouter(route_class=PageRoute, include_in_schema=False)
