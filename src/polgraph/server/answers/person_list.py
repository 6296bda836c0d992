"""The list of persons with facets: by the types of the posts they held, the types of those
posts' bodies, the province, district and commune of the events they took part in, and the
years of those events; sorted by name, reports, events, first or last seen. Its items are
``/api/persons``' items with those added."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from polgraph.server.answers.bodies import bodies_of
from polgraph.server.answers.event_list import EVENT_LIST
from polgraph.server.answers.facets import Facet, ListRow, ListSpec, ListTable, Sort
from polgraph.server.answers.ids import node
from polgraph.server.answers.list_labels import Labels
from polgraph.server.answers.pairs import read_rows
from polgraph.server.answers.search import Names
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table
from polgraph.server.answers.units import CHAIN_LEVELS, Units

_NAMES = """SELECT ?person ?name ?key WHERE {
  ?person a pg:Person ; pg:name ?name ; pg:nameKey ?key }"""
# The reports in which each person took part in the event: a participation is in its report's
# graph (docs/storage.md), and a report tells of one event. Grouped by the store, so that the
# tens of thousands of mentions never leave it (see pairs.py).
_REPORTS = """SELECT ?person (GROUP_CONCAT(STR(?report); separator=" ") AS ?reports)
WHERE { GRAPH ?report { ?part pg:participant ?mention } ?mention pg:mentionOf ?person }
GROUP BY ?person"""


def _read(store: Snapshot) -> ListTable:
    reports = {person: set(found.split()) for person, found in read_rows(store, _REPORTS)}
    # The persons some report names as taking part, by name (as /api/persons finds them).
    names = Names(
        (key, person, name) for person, name, key in read_rows(store, _NAMES) if person in reports
    )
    event_of = {row.fields["report"]: row for row in table(store, EVENT_LIST).rows}
    bodies = bodies_of(store)
    posts: dict[str, set[str]] = defaultdict(set)
    body_types: dict[str, set[str]] = defaultdict(set)
    for held in bodies.held:
        if held.post_type:
            posts[held.person].add(held.post_type)
        body = bodies.by_iri.get(held.body or "")
        if body is not None and body.body_type:
            body_types[held.person].add(body.body_type)
    found, seen = [], set()
    for position, (_, person, name) in enumerate(names.rows):
        if person in seen:  # a second name of the same person
            continue
        seen.add(person)
        events = [event_of[report] for report in reports[person] if report in event_of]
        dated = sorted(day for event in events if (day := event.keys["date"]))
        found.append(
            ListRow(
                iri=person,
                values={
                    "post": tuple(sorted(posts[person])),
                    "body_type": tuple(sorted(body_types[person])),
                    **{
                        facet: tuple(sorted({v for event in events for v in event.values[facet]}))
                        for facet in (*CHAIN_LEVELS, "year")
                    },
                },
                keys={
                    "name": position,  # the default order: by name key, as the name search gives it
                    "reports": len(reports[person]),
                    "events": len({event.iri for event in events}),
                    "first_seen": dated[0] if dated else None,
                    "last_seen": dated[-1] if dated else None,
                },
                fields={"name": name},
            )
        )
    return ListTable(found, names)


def _item(row: ListRow, labels: Labels, units: Units, lang: str) -> dict[str, Any]:
    keys = row.keys
    return {
        **node(row.iri, name=row.fields["name"], reports=keys["reports"]),
        "events": keys["events"],
        "first_seen": keys["first_seen"],
        "last_seen": keys["last_seen"],
        "posts": _coded(labels, "post", row.values["post"], lang),
        "body_types": _coded(labels, "body_type", row.values["body_type"], lang),
    }


def _coded(labels: Labels, scheme: str, codes: tuple[str, ...], lang: str) -> list[dict]:
    return [{"code": code, "label": labels.label(scheme, code, lang)} for code in codes]


def _joined(key: str) -> Any:
    return lambda item: "; ".join(entry["label"] for entry in item[key]) or None


PERSON_LIST = register("person list", _read)
SPEC = ListSpec(
    name="persons",
    facets=(
        Facet("post", scheme="post"),
        Facet("body_type", scheme="body_type"),
        Facet("province", level="province"),
        Facet("district", level="district"),
        Facet("commune", level="commune"),
        Facet("year", years=True),
    ),
    sorts=(
        Sort("name"),
        Sort("reports", "desc"),
        Sort("events", "desc"),
        Sort("first_seen"),
        Sort("last_seen", "desc"),
    ),
    item=_item,
    columns=(
        ("id", lambda item: item["id"]),
        ("name", lambda item: item["name"]),
        ("reports", lambda item: item["reports"]),
        ("events", lambda item: item["events"]),
        ("first_seen", lambda item: item["first_seen"]),
        ("last_seen", lambda item: item["last_seen"]),
        ("posts", _joined("posts")),
        ("body_types", _joined("body_types")),
        ("iri", lambda item: item["iri"]),
    ),
)
