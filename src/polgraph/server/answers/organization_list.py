"""The list of bodies with facets: by body type and by the province, district and commune they
serve; sorted by name, events organised or persons holding their posts. Its items are
``/api/organizations``' items with those added."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from polgraph.server.answers.bodies import bodies_of
from polgraph.server.answers.event_list import EVENT_LIST
from polgraph.server.answers.facets import Facet, ListRow, ListSpec, ListTable, Sort
from polgraph.server.answers.ids import node
from polgraph.server.answers.list_labels import Labels
from polgraph.server.answers.organizations import ORGANIZATION_NAMES
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table
from polgraph.server.answers.units import CHAIN_LEVELS, Units, units_of


def _read(store: Snapshot) -> ListTable:
    names = table(store, ORGANIZATION_NAMES)  # every body, by name
    bodies, units = bodies_of(store), units_of(store)
    organised: Counter = Counter()
    for event in table(store, EVENT_LIST).rows:
        organised.update(o["iri"] for o in event.fields["organisers"])
    holders: dict[str, set[str]] = defaultdict(set)
    for held in bodies.held:
        if held.body:
            holders[held.body].add(held.person)
    rows, seen = [], set()
    for _, org, _label in names.rows:
        body = bodies.by_iri.get(org)
        if body is None or org in seen:  # a second label of the same body
            continue
        seen.add(org)
        at = units.at_levels(body.jurisdiction) if body.jurisdiction else {}
        rows.append(
            ListRow(
                iri=org,
                values={
                    "body_type": (body.body_type,) if body.body_type else (),
                    **{
                        level: (units.by_iri[at[level]].id,) if level in at else ()
                        for level in CHAIN_LEVELS
                    },
                },
                keys={
                    "label": None,  # the default order: by name, as the name search gives it
                    "events": organised[org],
                    "persons": len(holders[org]),
                },
                fields={
                    "label": body.label,
                    "jurisdiction": units.node(body.jurisdiction),
                    "parents": [
                        node(parent, label=bodies.by_iri[parent].label)
                        for parent in body.parents
                        if parent in bodies.by_iri
                    ],
                },
            )
        )
    for position, row in enumerate(rows):
        row.keys["label"] = position
    return ListTable(rows, names)


def _item(row: ListRow, labels: Labels, units: Units, lang: str) -> dict[str, Any]:
    codes = row.values["body_type"]
    return {
        **node(row.iri, label=row.fields["label"]),
        "body_type": {"code": codes[0], "label": labels.label("body_type", codes[0], lang)}
        if codes
        else None,
        "jurisdiction": row.fields["jurisdiction"],
        "parents": row.fields["parents"],
        "events": row.keys["events"],
        "persons": row.keys["persons"],
    }


ORGANIZATION_LIST = register("organization list", _read)
SPEC = ListSpec(
    name="organizations",
    facets=(
        Facet("body_type", scheme="body_type"),
        Facet("province", level="province"),
        Facet("district", level="district"),
        Facet("commune", level="commune"),
    ),
    sorts=(Sort("label"), Sort("events", "desc"), Sort("persons", "desc")),
    item=_item,
    columns=(
        ("id", lambda item: item["id"]),
        ("label", lambda item: item["label"]),
        ("body_type", lambda item: item["body_type"] and item["body_type"]["code"]),
        ("body_type_label", lambda item: item["body_type"] and item["body_type"]["label"]),
        ("jurisdiction", lambda item: item["jurisdiction"] and item["jurisdiction"]["label"]),
        ("jurisdiction_id", lambda item: item["jurisdiction"] and item["jurisdiction"]["id"]),
        ("parents", lambda item: "; ".join(p["label"] for p in item["parents"]) or None),
        ("events", lambda item: item["events"]),
        ("persons", lambda item: item["persons"]),
        ("iri", lambda item: item["iri"]),
    ),
)
