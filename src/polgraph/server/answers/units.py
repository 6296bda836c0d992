"""The administrative units the store knows (provinces, districts, communes, villages), with the
units each lies in, read once per snapshot for the lists: an event placed in a commune counts in
its district and its province too.

Read as one query per property, joined here: the store walks ``pg:partOf*`` over every unit
for each row it is asked about, and there are a few hundred units at most, so following the
chain in memory costs nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from polgraph.namespaces import ID
from polgraph.server.answers.graph import Readable
from polgraph.server.answers.list_labels import LEVELS
from polgraph.server.answers.pairs import read_rows
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table

_UNITS = """SELECT ?unit ?class ?label WHERE {
  VALUES ?class { pg:Province pg:District pg:Commune pg:Village }
  ?unit a ?class ; rdfs:label ?label }"""
_PAIRS = "SELECT ?unit ?value WHERE { ?unit {property} ?value }"
# The levels a unit's chain is summed up by, from the top down.
CHAIN_LEVELS = ("province", "district", "commune")


@dataclass(frozen=True, slots=True)
class Unit:
    iri: str
    label: str
    level: str  # a value of list_labels.LEVELS
    parent: str | None
    structure: str | None  # legacy (before 1 July 2025) or 2025
    code: str | None
    successor: str | None

    @property
    def id(self) -> str:
        """The place's id, as its page's address has it (``unit/legacy/commune/18730``)."""
        return self.iri.removeprefix(str(ID))


class Units:
    """Every unit by IRI, and for each the units it lies in, itself first."""

    def __init__(self, units: dict[str, Unit]) -> None:
        self.by_iri = units
        # One node a unit, shared by every row that shows it (never changed once made).
        self._nodes = {
            iri: {"id": unit.id, "iri": iri, "label": unit.label} for iri, unit in units.items()
        }
        self._within: dict[str, tuple[str, ...]] = {}
        for iri in units:
            chain, seen = [iri], {iri}
            parent = units[iri].parent
            while parent in units and parent not in seen:  # a loop in the data ends the walk
                chain.append(parent)
                seen.add(parent)
                parent = units[parent].parent
            self._within[iri] = tuple(chain)

    def by_id(self, ident: str) -> Unit | None:
        """The unit of a place id (``unit/legacy/commune/18730``), if the store knows it."""
        return self.by_iri.get(str(ID) + ident)

    def within(self, iri: str) -> tuple[str, ...]:
        """The unit and every unit above it (none for an IRI that is no known unit)."""
        return self._within.get(iri, ())

    def at_levels(self, iri: str) -> dict[str, str]:
        """The province, district and commune the unit is or lies in, by level."""
        found: dict[str, str] = {}
        for unit in self.within(iri):
            level = self.by_iri[unit].level
            if level in CHAIN_LEVELS:
                found.setdefault(level, unit)
        return found

    def node(self, iri: str | None) -> dict[str, Any] | None:
        """The unit as the answers show a place: ``id``, ``iri``, ``label``."""
        return self._nodes.get(iri or "")

    @classmethod
    def read(cls, store: Readable) -> Units:
        found: dict[str, dict[str, Any]] = {}
        for unit, kind, label in read_rows(store, _UNITS):
            level = LEVELS[kind.rsplit("#", 1)[1]]
            known = found.get(unit)
            # A unit with two labels (or classes) keeps the first in order, whatever the store's.
            if known is None or (label, level) < (known["label"], known["level"]):
                found[unit] = {"label": label, "level": level}
        extra: dict[str, dict[str, str]] = defaultdict(dict)
        for name, prop in (
            ("parent", "pg:partOf"),
            ("structure", "pg:adminStructure"),
            ("code", "pg:officialCode"),
            ("successor", "pg:successorUnit"),
        ):
            for unit, value in read_rows(store, _PAIRS.replace("{property}", prop)):
                if unit in found:
                    extra[name][unit] = min(extra[name].get(unit, value), value)
        return cls(
            {
                unit: Unit(
                    iri=unit,
                    label=known["label"],
                    level=known["level"],
                    parent=extra["parent"].get(unit),
                    structure=extra["structure"].get(unit),
                    code=extra["code"].get(unit),
                    successor=extra["successor"].get(unit),
                )
                for unit, known in found.items()
            }
        )


def units_of(store: Snapshot) -> Units:
    return table(store, UNITS)


UNITS = register("units", Units.read)
