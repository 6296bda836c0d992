"""The list of places (the provinces, districts, communes and villages the store knows) with
facets: by level, by structure (before or from the 2025 reorganisation) and by the province and
district they lie in; sorted by name, official code, events or bodies. A place's events and
bodies are those in it or in a unit within it, as its page counts them."""

from __future__ import annotations

from collections import Counter
from typing import Any

from polgraph.server.answers.bodies import bodies_of
from polgraph.server.answers.event_list import EVENT_LIST
from polgraph.server.answers.facets import Facet, ListRow, ListSpec, ListTable, Sort
from polgraph.server.answers.list_labels import LEVELS, Labels
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table
from polgraph.server.answers.units import Units, units_of

STRUCTURES = ("legacy", "2025")


def _read(store: Snapshot) -> ListTable:
    units = units_of(store)
    events: Counter = Counter()
    for event in table(store, EVENT_LIST).rows:
        if event.fields["place"]:
            events.update(units.within(event.fields["place"]["iri"]))
    bodies: Counter = Counter()
    for body in bodies_of(store).by_iri.values():
        if body.jurisdiction:
            bodies.update(units.within(body.jurisdiction))
    ordered = sorted(units.by_iri.values(), key=lambda unit: (unit.label.lower(), unit.iri))
    rows = []
    for position, unit in enumerate(ordered):
        at = units.at_levels(unit.iri)
        rows.append(
            ListRow(
                iri=unit.iri,
                values={
                    "level": (unit.level,),
                    "structure": (unit.structure,) if unit.structure else (),
                    **{
                        level: (units.by_iri[at[level]].id,) if level in at else ()
                        for level in ("province", "district")
                    },
                },
                keys={
                    "label": position,
                    "code": _code_key(unit.code),
                    "events": events[unit.iri],
                    "bodies": bodies[unit.iri],
                },
                fields={"province": at.get("province"), "district": at.get("district")},
            )
        )
    return ListTable(rows, name_rows=[(unit.label.lower(), unit.iri) for unit in ordered])


def _code_key(code: str | None) -> tuple[int, str] | None:
    """Official codes are numbers written with leading zeros or not: compared as numbers."""
    if code is None:
        return None
    return (int(code), code) if code.isdigit() else (1 << 62, code)


def _item(row: ListRow, labels: Labels, units: Units, lang: str) -> dict[str, Any]:
    unit = units.by_iri[row.iri]
    return {
        **(units.node(unit.iri) or {}),
        "level": {"code": unit.level, "label": labels.label("level", unit.level, lang)},
        "structure": unit.structure,
        "code": unit.code,
        "parent": units.node(unit.parent),
        "district": units.node(row.fields["district"]),
        "province": units.node(row.fields["province"]),
        "successor": units.node(unit.successor),
        "events": row.keys["events"],
        "bodies": row.keys["bodies"],
    }


def _label_of(key: str) -> Any:
    return lambda item: item[key] and item[key]["label"]


PLACE_LIST = register("place list", _read)
SPEC = ListSpec(
    name="places",
    facets=(
        Facet("level", scheme="level", choices=tuple(LEVELS.values())),
        Facet("structure", choices=STRUCTURES),
        Facet("province", level="province"),
        Facet("district", level="district"),
    ),
    sorts=(Sort("label"), Sort("code"), Sort("events", "desc"), Sort("bodies", "desc")),
    item=_item,
    columns=(
        ("id", lambda item: item["id"]),
        ("label", lambda item: item["label"]),
        ("level", lambda item: item["level"]["code"]),
        ("level_label", lambda item: item["level"]["label"]),
        ("structure", lambda item: item["structure"]),
        ("code", lambda item: item["code"]),
        ("parent", _label_of("parent")),
        ("district", _label_of("district")),
        ("province", _label_of("province")),
        ("successor", _label_of("successor")),
        ("events", lambda item: item["events"]),
        ("bodies", lambda item: item["bodies"]),
        ("iri", lambda item: item["iri"]),
    ),
)
