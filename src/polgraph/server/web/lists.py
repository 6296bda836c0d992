"""The list pages with facets, datasette-style: ``/events``, ``/persons``, ``/organizations``,
``/places``. Each shows a page of the list with its facets' values and counts (a click filters
by a value, every filter must hold, an active one is removed by a click), sorts by a column's
heading, and links to the whole list, as filtered, in CSV, JSON and Excel (``/events.csv`` …).

A page and ``/api`` answer with one function (``polgraph.server.answers.lists``): the page's
query string is the API's filters with ``page`` and ``size`` for ``offset`` and ``limit``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from polgraph.server.answers.exports import FORMATS
from polgraph.server.answers.facets import MAX_FACET_SIZE
from polgraph.server.answers.lists import LISTS
from polgraph.server.deps import JobsDep
from polgraph.server.errors import ApiError
from polgraph.server.web.language import language_of
from polgraph.server.web.rendering import page_router, render

router = page_router()
# The files are no pages: their errors are answered as the API's are (JSON with a status).
files = APIRouter(include_in_schema=False)

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
SIZES = (25, 50, 100)
FACET_SIZE = 10  # values a facet shows on a page before its "more" link
MAX_Q = 200


@dataclass(frozen=True)
class Column:
    """A column of a list's table: its heading (a message key) and the sort it stands for."""

    heading: str
    sort: str | None = None


# Each list's columns, in the order its template writes its cells.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "events": (
        Column("date", "date"),
        Column("event", "label"),
        Column("kind"),
        Column("place", "place"),
        Column("organiser"),
    ),
    "persons": (
        Column("list_name", "name"),
        Column("posts"),
        Column("list_first_seen", "first_seen"),
        Column("list_last_seen", "last_seen"),
        Column("list_events_count", "events"),
        Column("list_reports_count", "reports"),
    ),
    "organizations": (
        Column("body", "label"),
        Column("list_body_type"),
        Column("serves"),
        Column("list_events_count", "events"),
        Column("list_persons_count", "persons"),
    ),
    "places": (
        Column("place", "label"),
        Column("level"),
        Column("official_code", "code"),
        Column("lies_in"),
        Column("list_events_count", "events"),
        Column("list_bodies_count", "bodies"),
    ),
}


@dataclass(frozen=True)
class ListRequest:
    """A list page's query string, checked: facet filters, name words, sort, page and size."""

    of: str
    filters: dict[str, list[str]]
    q: str
    sort: str | None
    order: str | None
    page: int
    size: int
    facet_size: int

    @classmethod
    def read(cls, request: Request, of: str) -> ListRequest:
        """The request's parameters for the list ``of``; a bad one is refused (400) saying why.
        Parameters the list does not know (``lang``, say) are left to others."""
        params = request.query_params
        spec, _ = LISTS[of]
        filters = {
            facet.name: [value for value in params.getlist(facet.name) if value]
            for facet in spec.facets
        }
        q = params.get("q", "").strip()
        if len(q) > MAX_Q:
            raise _bad(f"q is at most {MAX_Q} characters")
        return cls(
            of=of,
            filters={name: values for name, values in filters.items() if values},
            q=q,
            sort=params.get("sort") or None,
            order=params.get("order") or None,
            page=_number(params.get("page"), "page", 1, 1, None),
            size=_number(params.get("size"), "size", PAGE_SIZE, 1, MAX_PAGE_SIZE),
            facet_size=_number(
                params.get("facet_size"), "facet_size", FACET_SIZE, 1, MAX_FACET_SIZE
            ),
        )

    def arguments(self) -> dict[str, Any]:
        """What the list's answer is asked with, but the page."""
        return {
            "of": self.of,
            "filters": self.filters,
            "q": self.q,
            "sort": self.sort,
            "order": self.order,
        }

    def params(self, **changes: Any) -> list[tuple[str, str]]:
        """This page's query string (as pairs) with ``changes``; None drops a parameter and a
        default is left out, so that links stay short."""
        given: dict[str, Any] = {
            "q": self.q,
            "sort": self.sort,
            "order": self.order,
            "size": self.size if self.size != PAGE_SIZE else None,
            "facet_size": self.facet_size if self.facet_size != FACET_SIZE else None,
            "page": self.page if self.page != 1 else None,
            **changes,
        }
        filters = given.pop("filters", self.filters)
        pairs = [(name, value) for name, values in filters.items() for value in values]
        return pairs + [
            (name, str(value)) for name, value in given.items() if value not in (None, "")
        ]


class ListLinks:
    """The addresses a list page links to, each keeping the rest of what the page shows."""

    def __init__(self, asked: ListRequest, answer: dict[str, Any]) -> None:
        self.asked = asked
        self.path = f"/{asked.of}"
        self.sort, self.order = answer["sort"], answer["order"]
        self.pages = max(1, math.ceil(answer["total"] / asked.size))

    def _to(self, path: str, **changes: Any) -> str:
        pairs = self.asked.params(**changes)
        return f"{path}?{urlencode(pairs)}" if pairs else path

    def toggle(self, facet: str, value: str) -> str:
        """This list with ``value`` of ``facet`` added to the filters, or taken off them."""
        filters = {name: list(values) for name, values in self.asked.filters.items()}
        chosen = filters.setdefault(facet, [])
        if value in chosen:
            chosen.remove(value)
        else:
            chosen.append(value)
        return self._to(self.path, filters=filters, page=None)

    def without_words(self) -> str:
        return self._to(self.path, q=None, page=None)

    def cleared(self) -> str:
        return self._to(self.path, filters={}, q=None, page=None)

    def sorted_by(self, column: str) -> str:
        """Sorted by ``column``: in its own default order, or the other way when it already is."""
        order = None
        if column == self.sort:
            order = "asc" if self.order == "desc" else "desc"
        return self._to(self.path, sort=column, order=order, page=None)

    def page(self, number: int) -> str:
        return self._to(self.path, page=number if number != 1 else None)

    def size(self, size: int) -> str:
        return self._to(self.path, size=size if size != PAGE_SIZE else None, page=None)

    def every_facet_value(self) -> str:
        return self._to(self.path, facet_size=MAX_FACET_SIZE)

    def export(self, file_format: str, bom: bool = False) -> str:
        """The whole list as filtered and sorted, as a file."""
        pairs = self.asked.params(page=None, size=None, facet_size=None)
        if bom:
            pairs.append(("bom", "1"))
        query = urlencode(pairs)
        return f"{self.path}.{file_format}" + (f"?{query}" if query else "")


def _number(text: str | None, name: str, default: int, least: int, most: int | None) -> int:
    if text is None or text == "":
        return default
    if not text.isdigit() or int(text) < least or (most is not None and int(text) > most):
        bounds = f"from {least} to {most}" if most is not None else f"from {least}"
        raise _bad(f"{name} is a whole number {bounds}, not {text!r}")
    return int(text)


def _bad(detail: str) -> ApiError:
    return ApiError(400, "bad request", detail)


async def list_page(request: Request, jobs: JobsDep, of: str) -> HTMLResponse:
    asked = ListRequest.read(request, of)
    answer = await jobs.read(
        "list",
        **asked.arguments(),
        limit=asked.size,
        offset=(asked.page - 1) * asked.size,
        lang=language_of(request),
        facet_size=asked.facet_size,
    )
    links = ListLinks(asked, answer)
    if asked.page > links.pages:
        raise _bad(f"page {asked.page} is past the last page of this list, {links.pages}")
    return await render(
        request,
        jobs,
        f"{of}_list.html",
        of=of,
        answer=answer,
        asked=asked,
        links=links,
        columns=COLUMNS[of],
        active=[
            (facet, value)
            for facet in answer["facets"]
            for value in facet["values"]
            if value["selected"]
        ],
        sizes=SIZES,
        formats=FORMATS,
    )


async def list_file(request: Request, jobs: JobsDep, of: str, file_format: str) -> Response:
    asked = ListRequest.read(request, of)
    bom = request.query_params.get("bom", "")
    if bom not in ("", "0", "1"):
        raise _bad(f"bom is 1 (write a byte-order mark for Excel) or 0, not {bom!r}")
    response = await jobs.respond(
        "list export",
        **asked.arguments(),
        file_format=file_format,
        lang=language_of(request),
        bom=bom == "1",
    )
    response.headers["content-disposition"] = f'attachment; filename="{of}.{file_format}"'
    return response


def _page_route(of: str) -> Any:
    async def page(request: Request, jobs: JobsDep) -> HTMLResponse:
        return await list_page(request, jobs, of)

    return page


def _file_route(of: str, file_format: str) -> Any:
    async def file(request: Request, jobs: JobsDep) -> Response:
        return await list_file(request, jobs, of, file_format)

    return file


for _of in LISTS:
    router.add_api_route(f"/{_of}", _page_route(_of), methods=["GET"], name=f"{_of}_list_page")
    for _format in FORMATS:
        files.add_api_route(
            f"/{_of}.{_format}", _file_route(_of, _format), methods=["GET"], name=f"{_of}_{_format}"
        )
