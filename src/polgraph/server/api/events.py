"""``/api/events``: events by date, place, kind and organiser; one event with everyone at it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from polgraph.namespaces import ID
from polgraph.server.api import examples as shown
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.event_detail import event_detail, head
from polgraph.server.api.graph import date, iri, select, store_of, text, values_block
from polgraph.server.api.ids import iri_for, node, not_found
from polgraph.server.api.linked_data import describe, wants_linked_data
from polgraph.server.api.search import Limit, Offset, page, regex_filter, word_patterns
from polgraph.server.errors import ApiError

router = APIRouter(prefix="/events", tags=["events"])

_EVENTS = """?event a ?class . ?class pg:kindCode ?kind . ?event rdfs:label ?label .
  OPTIONAL { ?event pg:date ?date }"""
# Fixed pieces of text joined in when a filter is given; the values are bound, never spliced.
_FROM = "FILTER (BOUND(?date) && ?date >= ?from)"
_TO = "FILTER (BOUND(?date) && ?date <= ?to)"
# Joined, not FILTER EXISTS: the store evaluates EXISTS per event, a join from the bound side.
_ORG = "?event pg:organiser ?organiser . ?organiser org:subOrganizationOf* ?org ."
_PLACE_NODE = "?event pg:place/pg:partOf* ?place_node ."
# A place named in words matches the event's unit, the units above it, and what they became in 2025.
_PLACE_WORDS = """?event pg:place/pg:partOf* ?unit .
  { ?unit rdfs:label ?place_label }
  UNION { ?unit pg:successorUnit/pg:partOf* ?later . ?later rdfs:label ?place_label }
  BIND (LCASE(?place_label) AS ?place_key) {words}"""
_UNIT_ID = re.compile(r"(unit|area)/[A-Za-z0-9._/-]+")
_PAGE_DETAILS = """
SELECT DISTINCT ?event ?place ?place_label ?organiser ?organiser_label ?report ?key ?title WHERE { {values}
  ?event pg:source ?report . OPTIONAL { ?report pg:reportKey ?key } OPTIONAL { ?report pg:title ?title }
  OPTIONAL { ?event pg:place ?place . ?place rdfs:label ?place_label }
  OPTIONAL { ?event pg:organiser ?organiser . ?organiser rdfs:label ?organiser_label }
}"""

From = Annotated[dt.date | None, Query(alias="from", description="On or after this day (YYYY-MM-DD).",
                                       openapi_examples=examples(since_2023="2023-01-01"))]
To = Annotated[dt.date | None, Query(description="On or before this day (YYYY-MM-DD).",
                                     openapi_examples=examples(until_mid_2024="2024-06-30"))]
Place = Annotated[str | None, Query(
    max_length=200, description=(
        "A place in words, accents optional (the event's unit or one it lies in, under its name "
        "before or after the 2025 reorganisation), or a unit's id."),
    openapi_examples=examples(commune="cam loc", province="Hà Tĩnh", unit_id="unit/legacy/commune/18730"))]
Kind = Annotated[str | None, Query(description="The event kind code.",
                                   openapi_examples=examples(conference="conference", congress="congress"))]
Organiser = Annotated[str | None, Query(
    description="An organisation's id: the events it or one of its sub-bodies organised.",
    openapi_examples=examples(party_committee="ban-chap-hanh-dang-bo-xa-cam-loc-b5005679"))]


@router.get("", summary="Find events by date, place, kind and organiser",
            responses=answers(shown.EVENTS, 400, 404))
def list_events(request: Request, from_: From = None, to: To = None, place: Place = None, kind: Kind = None,
                org: Organiser = None, limit: Limit = 20, offset: Offset = 0) -> dict:
    """Events in date order (undated ones last), each with its place, organisers and report."""
    store = store_of(request)
    filters, bindings = [], {}
    if from_ is not None:
        filters.append(_FROM)
        bindings["from"] = date(from_.isoformat())
    if to is not None:
        filters.append(_TO)
        bindings["to"] = date(to.isoformat())
    if kind is not None:
        bindings["kind"] = text(_known_kind(store, kind))
    if org is not None:
        filters.append(_ORG)
        bindings["org"] = iri(iri_for("organizations", org))
    if place is not None and _UNIT_ID.fullmatch(place):
        filters.append(_PLACE_NODE)
        bindings["place_node"] = iri(str(ID) + place)
    elif place:
        patterns = word_patterns(place)
        filters.append(_PLACE_WORDS.replace("{words}", regex_filter("?place_key", len(patterns), "place")))
        bindings.update({f"place{i}": text(p) for i, p in enumerate(patterns)})
    where = f"{_EVENTS} {' '.join(filters)}"
    total = select(store, f"SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE {{ {where} }}", bindings)[0]["n"]
    rows = select(store, f"""SELECT DISTINCT ?event ?label ?date ?kind WHERE {{ {where} }}
        ORDER BY (!BOUND(?date)) ?date ?label ?event LIMIT {limit} OFFSET {offset}""", bindings)
    return page(_with_details(store, rows), total, limit, offset)


def _known_kind(store, kind: str) -> str:
    found = select(store, "SELECT DISTINCT ?code WHERE { ?class pg:kindCode ?code }")
    known = sorted({r["code"] for r in found})
    if kind not in known:
        raise ApiError(400, "bad request", f"kind must be one of: {', '.join(known)}")
    return kind


def _with_details(store, rows: list[dict]) -> list[dict]:
    if not rows:
        return []
    page_of = values_block("event", [r["event"] for r in rows])
    details = select(store, _PAGE_DETAILS.replace("{values}", page_of))
    items = {r["event"]: {**node(r["event"], label=r["label"], kind=r["kind"], date=r["date"]),
                          "place": None, "organisers": [], "source": None} for r in rows}
    for found in details:
        item = items[found["event"]]
        item["place"] = item["place"] or node(found["place"], label=found["place_label"])
        item["source"] = item["source"] or node(found["report"], key=found["key"], title=found["title"])
        organiser = node(found["organiser"], label=found["organiser_label"])
        if organiser is not None and organiser not in item["organisers"]:
            item["organisers"].append(organiser)
    return list(items.values())


@router.get("/{event_id}", summary="An event: who took part in which role, acts, speeches, documents",
            responses=answers(shown.EVENT_DETAIL, 404, 406, linked_data=shown.EVENT_LINKED_DATA))
def get_event(
    request: Request,
    event_id: Annotated[str, Path(description="The event's id (the end of its IRI).",
                                  openapi_examples=examples(seed_conference="796dc11ec1a8f094e6fcca85"))],
):
    """Everyone the report names at the event, in the order it names them: the person they
    resolve to, the roles they held there, what they did; the speeches with their topics; the
    documents cited or implemented; the report. Every fact cites its sentence. ``Accept:
    application/ld+json`` answers the event's description as JSON-LD."""
    store = store_of(request)
    event = iri_for("events", event_id)
    top = head(store, event)
    if top is None:
        raise not_found("events", event_id)
    if wants_linked_data(request):
        return describe(store, event)
    return event_detail(store, event, top)
