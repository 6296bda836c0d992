"""The lists with facets (events, persons, bodies, places) as the API and the pages answer
them: a page of items with the facet counts, or every matching row as a file.

``list_answer`` and ``export_answer`` are the query workers' handlers ("list" and "list
export"); the rows come from each list's table (``event_list``, ``person_list``,
``organization_list``, ``place_list``), read once per snapshot.
"""

from __future__ import annotations

from typing import Any

from polgraph.server.answers import (
    event_list,
    exports,
    organization_list,
    person_list,
    place_list,
)
from polgraph.server.answers.content import Content
from polgraph.server.answers.facets import FACET_SIZE, ListQuery, ListSpec, Selection
from polgraph.server.answers.list_labels import labels_of
from polgraph.server.answers.search import page
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import table
from polgraph.server.answers.units import units_of
from polgraph.server.errors import ApiError

# list name → (its spec, its table)
LISTS: dict[str, tuple[ListSpec, str]] = {
    "events": (event_list.SPEC, event_list.EVENT_LIST),
    "persons": (person_list.SPEC, person_list.PERSON_LIST),
    "organizations": (organization_list.SPEC, organization_list.ORGANIZATION_LIST),
    "places": (place_list.SPEC, place_list.PLACE_LIST),
}
# An export holds every matching row up to this many; past it the request is refused, saying so.
# A workbook takes openpyxl about 15 µs a cell, so it holds fewer, to be written well within the
# query time limit.
MAX_EXPORT_ROWS = {"csv": 50_000, "json": 50_000, "xlsx": 20_000}


def list_answer(
    store: Snapshot,
    of: str,
    filters: dict[str, list[str]] | None = None,
    q: str = "",
    sort: str | None = None,
    order: str | None = None,
    limit: int = 20,
    offset: int = 0,
    lang: str = "vi",
    facet_size: int = FACET_SIZE,
    **narrowing: str | None,
) -> dict[str, Any]:
    """A page of the list ``of``: ``{items, total, limit, offset}`` as every list answers, with
    the ``sort`` and ``order`` it is in, the ``filters`` applied and the ``facets`` counted over
    every matching row. ``narrowing`` holds ``/api/events``' own filters (``from_``, ``to``,
    ``place``, ``org``)."""
    spec, selection = _selected(store, of, filters, q, sort, order, lang, facet_size, narrowing)
    labels, units = labels_of(store), units_of(store)
    items = [spec.item(row, labels, units, lang) for row in selection.rows[offset : offset + limit]]
    if spec.complete is not None:
        items = spec.complete(store, items)
    return {
        **page(items, len(selection.rows), limit, offset),
        "sort": selection.sort,
        "order": selection.order,
        "filters": {
            facet["name"]: [v["value"] for v in facet["values"] if v["selected"]]
            for facet in selection.facets
            if any(v["selected"] for v in facet["values"])
        },
        "facets": selection.facets,
    }


def export_answer(
    store: Snapshot,
    of: str,
    file_format: str,
    filters: dict[str, list[str]] | None = None,
    q: str = "",
    sort: str | None = None,
    order: str | None = None,
    lang: str = "vi",
    bom: bool = False,
    **narrowing: str | None,
) -> Content:
    """Every row of the list ``of`` that the filters select, in order, as a CSV, JSON or XLSX
    file of the list's columns; refused (400) past ``MAX_EXPORT_ROWS``."""
    if file_format not in exports.FORMATS:
        raise ApiError(400, "bad request", f"an export is one of: {', '.join(exports.FORMATS)}")
    spec, selection = _selected(store, of, filters, q, sort, order, lang, 0, narrowing)
    most = MAX_EXPORT_ROWS[file_format]
    if len(selection.rows) > most:
        raise ApiError(
            400,
            "bad request",
            f"{len(selection.rows):,} {of} match; a {file_format} file holds at most {most:,} "
            "rows: narrow the list with its filters"
            + (" or take the CSV file" if most < MAX_EXPORT_ROWS["csv"] else ""),
        )
    labels, units = labels_of(store), units_of(store)
    cells = []
    for row in selection.rows:
        item = spec.item(row, labels, units, lang)
        # An empty text is an empty cell in every format (a workbook keeps no empty text).
        cells.append([None if (value := get(item)) == "" else value for _, get in spec.columns])
    return exports.written(file_format, of, [name for name, _ in spec.columns], cells, bom)


def _selected(
    store: Snapshot,
    of: str,
    filters: dict[str, list[str]] | None,
    q: str,
    sort: str | None,
    order: str | None,
    lang: str,
    facet_size: int,
    narrowing: dict[str, str | None],
) -> tuple[ListSpec, Selection]:
    if of not in LISTS:
        raise ApiError(404, "not found", f"there is no list {of!r}")
    spec, name = LISTS[of]
    rows = table(store, name)
    among = None
    if any(value is not None for value in narrowing.values()):
        if of != "events":  # the routes never send them: a programming error, said plainly
            raise ApiError(400, "bad request", f"the {of} take no {', '.join(narrowing)}")
        among = event_list.narrowed(store, rows.rows, **narrowing)
    query = ListQuery(filters or {}, q, sort, order)
    labels, units = labels_of(store), units_of(store)
    return spec, spec.select(rows, query, labels, units, lang, facet_size, among)
