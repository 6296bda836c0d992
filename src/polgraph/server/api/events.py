"""``/api/events``: events by date, place, kind and organiser; one event with everyone at it."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from polgraph.namespaces import ID
from polgraph.server.api import examples as shown
from polgraph.server.api.days import Day
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.event_detail import event_detail, head
from polgraph.server.api.graph import iri, select, streamed, values_block
from polgraph.server.api.ids import iri_for, node, not_found
from polgraph.server.api.linked_data import describe, media_type_asked, wants_linked_data
from polgraph.server.api.offload import Content, answered
from polgraph.server.api.search import Limit, Names, Offset, count_of, page
from polgraph.server.api.tables import register, table
from polgraph.server.errors import ApiError

router = APIRouter(prefix="/events", tags=["events"])

# Every event with its kind, label and date, in the order list_events answers them, read whole
# (see tables.py). Dates are xsd:date, written YYYY-MM-DD: as text they sort and compare as days.
_EVENTS = """SELECT DISTINCT ?event ?label ?date ?kind WHERE {
  ?class pg:kindCode ?kind . ?event a ?class ; rdfs:label ?label .
  OPTIONAL { ?event pg:date ?date } }"""
# The events of a body or of its sub-bodies, and the events in a unit or the units inside it:
# followed from the bound end, they are few.
_ORGANISED = """SELECT DISTINCT ?event WHERE {
  ?event pg:organiser ?organiser . ?organiser org:subOrganizationOf* ?org }"""
_IN_UNIT = "SELECT DISTINCT ?event WHERE { ?event pg:place/pg:partOf* ?place_node }"
# What a place in words is matched against: each event's unit, the units it lies in, and what
# they became in 2025 (the units the successors lie in too). See Places.
_EVENT_PLACES = "SELECT DISTINCT ?event ?place WHERE { ?event pg:place ?place }"
_PART_OF = "SELECT DISTINCT ?unit ?above WHERE { ?unit pg:partOf ?above }"
_SUCCESSORS = "SELECT DISTINCT ?unit ?later WHERE { ?unit pg:successorUnit ?later }"
_UNIT_LABELS = (
    "SELECT DISTINCT ?unit (LCASE(?label) AS ?key) WHERE { {values} ?unit rdfs:label ?label }"
)
_UNIT_ID = re.compile(r"(unit|area)/[A-Za-z0-9._/-]+")
# LATERAL looks each event's optional details up from the event (see graph.py).
_PAGE_DETAILS = """
SELECT DISTINCT ?event ?place ?place_label ?organiser ?organiser_label ?report ?key ?title
WHERE { {values}
  ?event pg:source ?report .
  OPTIONAL { ?report pg:reportKey ?key } OPTIONAL { ?report pg:title ?title }
  LATERAL { OPTIONAL { ?event pg:place ?place . ?place rdfs:label ?place_label } }
  LATERAL { OPTIONAL { ?event pg:organiser ?organiser . ?organiser rdfs:label ?organiser_label } }
}"""

From = Annotated[
    Day | None,
    Query(
        alias="from",
        description="On or after this day (YYYY-MM-DD).",
        openapi_examples=examples(since_2023="2023-01-01"),
    ),
]
To = Annotated[
    Day | None,
    Query(
        description="On or before this day (YYYY-MM-DD).",
        openapi_examples=examples(until_mid_2024="2024-06-30"),
    ),
]
Place = Annotated[
    str | None,
    Query(
        max_length=200,
        description=(
            "A place in words, accents optional (the event's unit or one it lies in, under its "
            "name before or after the 2025 reorganisation), or a unit's id."
        ),
        openapi_examples=examples(
            commune="cam loc", province="Hà Tĩnh", unit_id="unit/legacy/commune/18730"
        ),
    ),
]
Kind = Annotated[
    str | None,
    Query(
        description="The event kind code.",
        openapi_examples=examples(conference="conference", congress="congress"),
    ),
]
Organiser = Annotated[
    str | None,
    Query(
        description="An organisation's id: the events it or one of its sub-bodies organised.",
        openapi_examples=examples(party_committee="ban-chap-hanh-dang-bo-xa-cam-loc-9f56921f"),
    ),
]


@router.get(
    "",
    summary="Find events by date, place, kind and organiser",
    responses=answers(shown.EVENTS, 400, 404),
    response_model=dict,
)
async def list_events(
    request: Request,
    from_: From = None,
    to: To = None,
    place: Place = None,
    kind: Kind = None,
    org: Organiser = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Events in date order (undated ones last), each with its place, organisers and report."""
    return await answered(
        request,
        "events",
        from_=from_ and from_.isoformat(),
        to=to and to.isoformat(),
        place=place,
        kind=kind,
        org=org,
        limit=limit,
        offset=offset,
    )


def events_answer(
    store,
    from_: str | None = None,
    to: str | None = None,
    place: str | None = None,
    kind: str | None = None,
    org: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict:
    """``list_events``' answer, days given as YYYY-MM-DD."""
    rows = table(store, EVENTS)
    if kind is not None:
        kind = _known_kind(store, kind)
        rows = [row for row in rows if row[3] == kind]
    if from_ is not None:
        rows = [row for row in rows if row[2] is not None and row[2] >= from_]
    if to is not None:
        rows = [row for row in rows if row[2] is not None and row[2] <= to]
    if org is not None:
        found = select(store, _ORGANISED, {"org": iri(iri_for("organizations", org))})
        rows = _among(rows, {row["event"] for row in found})
    if place is not None and _UNIT_ID.fullmatch(place):
        found = select(store, _IN_UNIT, {"place_node": iri(str(ID) + place)})
        rows = _among(rows, {row["event"] for row in found})
    elif place:
        rows = _among(rows, table(store, PLACES).events_named(place))
    return page(
        _with_details(store, rows[offset : offset + limit]), count_of(rows, 0), limit, offset
    )


def _events(store) -> list[tuple]:
    """``(event, label, date, kind)`` rows in date order, undated ones last, then by label and
    IRI."""
    return sorted(
        set(streamed(store, _EVENTS)),
        key=lambda row: (row[2] is None, row[2] or "", row[1], row[0]),
    )


def _among(rows: list[tuple], events: set[str]) -> list[tuple]:
    return [row for row in rows if row[0] in events]


class Places:
    """Which events a place named in words takes in: those whose unit, or a unit it lies in, is
    so named, or became (in 2025) a unit so named or one lying in a unit so named."""

    def __init__(
        self,
        event_places: list[tuple[str, str]],
        part_of: list[tuple[str, str]],
        successors: list[tuple[str, str]],
    ) -> None:
        self.events_at: dict[str, set[str]] = defaultdict(set)
        for event, place in event_places:
            self.events_at[place].add(event)
        self._above: dict[str, set[str]] = defaultdict(set)
        for unit, above in part_of:
            self._above[unit].add(above)
        later: dict[str, set[str]] = defaultdict(set)
        for unit, successor in successors:
            later[unit].add(successor)
        # The places each unit whose name counts stands for.
        self.places_of: dict[str, set[str]] = defaultdict(set)
        for place in self.events_at:
            within = self._within(place)
            named = set(within)
            for unit in within:
                for successor in later.get(unit, ()):
                    named |= self._within(successor)
            for unit in named:
                self.places_of[unit].add(place)
        self.names = Names(())

    def _within(self, unit: str) -> set[str]:
        """The unit and every unit it lies in (pg:partOf*)."""
        found, todo = {unit}, [unit]
        while todo:
            for above in self._above.get(todo.pop(), ()):
                if above not in found:
                    found.add(above)
                    todo.append(above)
        return found

    @classmethod
    def read(cls, store) -> Places:
        pairs = {
            name: list(streamed(store, query))
            for name, query in (
                ("event_places", _EVENT_PLACES),
                ("part_of", _PART_OF),
                ("successors", _SUCCESSORS),
            )
        }
        places = cls(**pairs)
        units = sorted(places.places_of)
        labels = []
        for chunk in range(0, len(units), 1000):
            query = _UNIT_LABELS.replace(
                "{values}", values_block("unit", units[chunk : chunk + 1000])
            )
            labels += [(key, unit) for unit, key in streamed(store, query)]
        places.names = Names(labels)
        return places

    def events_named(self, words: str) -> set[str]:
        units = {unit for _, unit in self.names.find(words)}
        return {
            event
            for unit in units
            for place in self.places_of[unit]
            for event in self.events_at[place]
        }


def _known_kind(store, kind: str) -> str:
    found = select(store, "SELECT DISTINCT ?code WHERE { ?class pg:kindCode ?code }")
    known = sorted({r["code"] for r in found})
    if kind not in known:
        raise ApiError(400, "bad request", f"kind must be one of: {', '.join(known)}")
    return kind


def _with_details(store, rows: list[tuple]) -> list[dict]:
    if not rows:
        return []
    page_of = values_block("event", [event for event, *_ in rows])
    details = select(store, _PAGE_DETAILS.replace("{values}", page_of))
    items = {
        event: {
            **node(event, label=label, kind=kind, date=day),
            "place": None,
            "organisers": [],
            "source": None,
        }
        for event, label, day, kind in rows
    }
    for found in details:
        item = items[found["event"]]
        item["place"] = item["place"] or node(found["place"], label=found["place_label"])
        item["source"] = item["source"] or node(
            found["report"], key=found["key"], title=found["title"]
        )
        organiser = node(found["organiser"], label=found["organiser_label"])
        if organiser is not None and organiser not in item["organisers"]:
            item["organisers"].append(organiser)
    return list(items.values())


@router.get(
    "/{event_id}",
    summary="An event: who took part in which role, acts, speeches, documents",
    responses=answers(shown.EVENT_DETAIL, 404, 406, linked_data=shown.EVENT_LINKED_DATA),
)
async def get_event(
    request: Request,
    event_id: Annotated[
        str,
        Path(
            description="The event's id (the end of its IRI).",
            openapi_examples=examples(seed_conference="796dc11ec1a8f094e6fcca85"),
        ),
    ],
) -> Response:
    """Everyone the report names at the event, in the order it names them: the person they
    resolve to, the roles they held there, what they did; the speeches with their topics; the
    documents cited or implemented; the report. Every fact cites its sentence. ``Accept:
    application/ld+json`` answers the event's description as JSON-LD."""
    return await answered(request, "event", event_id=event_id, media_type=media_type_asked(request))


def event_answer(store, event_id: str, media_type: str | None) -> dict | Content:
    """``get_event``'s answer in ``media_type`` (JSON or JSON-LD; None: neither is acceptable)."""
    event = iri_for("events", event_id)
    top = head(store, event)
    if top is None:
        raise not_found("events", event_id)
    if wants_linked_data(media_type):
        return describe(store, event)
    return event_detail(store, event, top)


EVENTS = register("events", _events)


PLACES = register("places", Places.read)
