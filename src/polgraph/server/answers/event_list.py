"""The list of events with facets: by kind, year, province, district and commune (the event's
place and the units it lies in) and the type of the bodies that organised it; sorted by date,
name or place. Its items are ``/api/events``' items with the units and body types added."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from polgraph.server.answers.bodies import bodies_of
from polgraph.server.answers.events import PLACES
from polgraph.server.answers.facets import Facet, ListRow, ListSpec, ListTable, Sort
from polgraph.server.answers.graph import Readable, select, values_block
from polgraph.server.answers.ids import iri_for, node
from polgraph.server.answers.list_labels import Labels
from polgraph.server.answers.pairs import first_values, read_rows
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table
from polgraph.server.answers.units import CHAIN_LEVELS, Units, units_of

# Each event, its kind and its report: an event is described in its report's graph
# (docs/storage.md), which names the report at no cost where pg:source, on every fact of every
# report, would be joined with the events.
_KINDS = """SELECT ?report ?event ?kind WHERE {
  ?class pg:kindCode ?kind . GRAPH ?report { ?event a ?class } }"""
# One property a query, joined in memory (see pairs.py); labels are read whole (a few thousand
# more than the events') rather than joined with them.
_LABELS = "SELECT ?node ?label WHERE { ?node rdfs:label ?label }"
_DATES = "SELECT ?event ?date WHERE { ?event pg:date ?date }"
_PLACES = "SELECT ?event ?place WHERE { ?event pg:place ?place }"
_ORGANISERS = "SELECT ?event ?org WHERE { ?event pg:organiser ?org }"
# A page's reports, looked up for the page only (the table keeps the report's IRI).
_REPORTS = """SELECT ?report ?key ?title WHERE { {values}
  OPTIONAL { ?report pg:reportKey ?key } OPTIONAL { ?report pg:title ?title } }"""
_PLACE_ID = re.compile(r"(unit|area)/[A-Za-z0-9._/-]+")


def _read(store: Snapshot) -> ListTable:
    units, bodies = units_of(store), bodies_of(store)
    kinds: dict[str, tuple[str, str]] = {}
    for report, event, kind in read_rows(store, _KINDS):
        kinds[event] = min(kinds.get(event, (kind, report)), (kind, report))
    labels = first_values(pair for pair in read_rows(store, _LABELS) if pair[0] in kinds)
    dates = first_values(pair for pair in read_rows(store, _DATES) if pair[0] in kinds)
    places = first_values(read_rows(store, _PLACES))
    organisers: dict[str, set[str]] = defaultdict(set)
    for event, org in read_rows(store, _ORGANISERS):
        if org in bodies.by_iri:
            organisers[event].add(org)
    # In date order, undated last, then by name and IRI (as /api/events lists them).
    ordered = sorted(
        (event for event in kinds if event in labels),
        key=lambda event: (event not in dates, dates.get(event, ""), labels[event], event),
    )
    found = []
    for event in ordered:
        kind, report = kinds[event]
        label, day, place = labels[event], dates.get(event), places.get(event)
        at = units.at_levels(place) if place else {}
        hosts = sorted(organisers.get(event, ()), key=lambda org: (bodies.by_iri[org].label, org))
        types = sorted({t for org in hosts if (t := bodies.by_iri[org].body_type)})
        place_node = units.node(place)
        found.append(
            ListRow(
                iri=event,
                values={
                    "kind": (kind,),
                    "year": (day[:4],) if day else (),
                    **{level: _ids(units, at.get(level)) for level in CHAIN_LEVELS},
                    "body_type": tuple(types),
                },
                keys={
                    "date": day,
                    "label": label.lower(),
                    "place": place_node["label"].lower() if place_node else None,
                },
                fields={
                    "label": label,
                    "date": day,
                    "kind": kind,
                    "place": place_node,
                    **{level: units.node(at.get(level)) for level in CHAIN_LEVELS},
                    "organisers": [node(org, label=bodies.by_iri[org].label) for org in hosts],
                    "body_types": types,
                    "report": report,
                },
            )
        )
    return ListTable(found, name_rows=[(row.fields["label"].lower(), row.iri) for row in found])


def _with_reports(store: Readable, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's items with their reports' keys and titles, looked up for the page at hand."""
    reports = {item["source"]["iri"] for item in items if item["source"]}
    if not reports:
        return items
    found = {
        row["report"]: row
        for row in select(store, _REPORTS.replace("{values}", values_block("report", reports)))
    }
    for item in items:
        if item["source"]:
            row = found.get(item["source"]["iri"], {})
            item["source"] = node(item["source"]["iri"], key=row.get("key"), title=row.get("title"))
    return items


def _ids(units: Units, iri: str | None) -> tuple[str, ...]:
    unit = units.by_iri.get(iri or "")
    return (unit.id,) if unit else ()


def narrowed(
    store: Snapshot,
    rows: list[ListRow],
    from_: str | None = None,
    to: str | None = None,
    place: str | None = None,
    org: str | None = None,
) -> list[ListRow]:
    """The rows within ``/api/events``' own filters: days from and to (YYYY-MM-DD), a place in
    words or a unit's id, an organiser with its sub-bodies."""
    if from_ is not None:
        rows = [row for row in rows if row.keys["date"] is not None and row.keys["date"] >= from_]
    if to is not None:
        rows = [row for row in rows if row.keys["date"] is not None and row.keys["date"] <= to]
    if org is not None:
        hosts = bodies_of(store).with_sub_bodies(iri_for("organizations", org))
        rows = [row for row in rows if any(o["iri"] in hosts for o in row.fields["organisers"])]
    if place and _PLACE_ID.fullmatch(place):
        units = units_of(store)
        unit = units.by_id(place)
        rows = [
            row
            for row in rows
            if unit and row.fields["place"] and unit.iri in units.within(row.fields["place"]["iri"])
        ]
    elif place:
        named = table(store, PLACES).events_named(place)
        rows = [row for row in rows if row.iri in named]
    return rows


def _item(row: ListRow, labels: Labels, units: Units, lang: str) -> dict[str, Any]:
    fields = row.fields
    return {
        **node(row.iri, label=fields["label"], kind=fields["kind"], date=fields["date"]),
        "place": fields["place"],
        "organisers": fields["organisers"],
        "source": node(fields["report"], key=None, title=None),
        **{level: fields[level] for level in CHAIN_LEVELS},
        "kind_label": labels.label("kind", fields["kind"], lang),
        "body_types": [
            {"code": code, "label": labels.label("body_type", code, lang)}
            for code in fields["body_types"]
        ],
    }


def _label_of(key: str) -> Any:
    return lambda item: item[key] and item[key]["label"]


EVENT_LIST = register("event list", _read)
SPEC = ListSpec(
    name="events",
    facets=(
        Facet("kind", scheme="kind"),
        Facet("year", years=True),
        Facet("province", level="province"),
        Facet("district", level="district"),
        Facet("commune", level="commune"),
        Facet("body_type", scheme="body_type"),
    ),
    sorts=(Sort("date"), Sort("label"), Sort("place")),
    item=_item,
    complete=_with_reports,
    columns=(
        ("id", lambda item: item["id"]),
        ("label", lambda item: item["label"]),
        ("date", lambda item: item["date"]),
        ("kind", lambda item: item["kind"]),
        ("kind_label", lambda item: item["kind_label"]),
        ("place", _label_of("place")),
        ("commune", _label_of("commune")),
        ("district", _label_of("district")),
        ("province", _label_of("province")),
        ("place_id", lambda item: item["place"] and item["place"]["id"]),
        ("organisers", lambda item: "; ".join(o["label"] for o in item["organisers"]) or None),
        ("body_types", lambda item: "; ".join(t["label"] for t in item["body_types"]) or None),
        ("report", lambda item: item["source"] and item["source"]["id"]),
        ("iri", lambda item: item["iri"]),
    ),
)
