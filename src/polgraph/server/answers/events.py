"""The answers about events: found by date, place, kind and organiser; one event with everyone
at it (``/api/events``, the event's and the place's pages)."""

from __future__ import annotations

import re
from collections import defaultdict

from polgraph.namespaces import ID
from polgraph.server.answers.bodies import bodies_of
from polgraph.server.answers.content import Content
from polgraph.server.answers.event_detail import event_detail, head
from polgraph.server.answers.graph import Readable, select, streamed, values_block
from polgraph.server.answers.ids import iri_for, node, not_found
from polgraph.server.answers.linked_data import describe, wants_linked_data
from polgraph.server.answers.search import Names, count_of, page
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table
from polgraph.server.errors import ApiError

# Every event with its kind, label and date, in the order events_answer answers them, read whole
# (see tables.py). Dates are xsd:date, written YYYY-MM-DD: as text they sort and compare as days.
_EVENTS = """SELECT DISTINCT ?event ?label ?date ?kind WHERE {
  ?class pg:kindCode ?kind . ?event a ?class ; rdfs:label ?label .
  OPTIONAL { ?event pg:date ?date } }"""
# The events of a body or of its sub-bodies, the bodies found in the table of bodies: a
# `org:subOrganizationOf*` path joined to other patterns is what Virtuoso 7 answers with no rows
# in some database states (docs/scaling.md).
_ORGANISED = "SELECT DISTINCT ?event WHERE { {values} ?event pg:organiser ?organiser }"
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


def events_answer(
    store: Snapshot,
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
        hosts = bodies_of(store).with_sub_bodies(iri_for("organizations", org))
        found = select(store, _ORGANISED.replace("{values}", values_block("organiser", hosts)))
        rows = _among(rows, {row["event"] for row in found})
    if place is not None and _UNIT_ID.fullmatch(place):
        rows = _among(rows, table(store, PLACES).events_in(str(ID) + place))
    elif place:
        rows = _among(rows, table(store, PLACES).events_named(place))
    return page(
        _with_details(store, rows[offset : offset + limit]), count_of(rows, 0), limit, offset
    )


def _events(store: Readable) -> list[tuple]:
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
        self._places_in: dict[str, set[str]] = defaultdict(set)
        for place in self.events_at:
            within = self._within(place)
            for unit in within:
                self._places_in[unit].add(place)
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
    def read(cls, store: Readable) -> Places:
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

    def events_in(self, unit: str) -> set[str]:
        """The events whose place is the unit or lies in it (``pg:place/pg:partOf*``)."""
        return {event for place in self._places_in.get(unit, ()) for event in self.events_at[place]}

    def events_named(self, words: str) -> set[str]:
        units = {unit for _, unit in self.names.find(words)}
        return {
            event
            for unit in units
            for place in self.places_of[unit]
            for event in self.events_at[place]
        }


def _known_kind(store: Readable, kind: str) -> str:
    found = select(store, "SELECT DISTINCT ?code WHERE { ?class pg:kindCode ?code }")
    known = sorted({r["code"] for r in found})
    if kind not in known:
        raise ApiError(400, "bad request", f"kind must be one of: {', '.join(known)}")
    return kind


def _with_details(store: Readable, rows: list[tuple]) -> list[dict]:
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


def event_answer(store: Snapshot, event_id: str, media_type: str | None) -> dict | Content:
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
