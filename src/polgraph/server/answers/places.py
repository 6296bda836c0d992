"""A place's page's answer: a commune, district or province (or a village under one) with its
official code, the units above and below it, the unit it became in the 2025 reorganisation (or
the ones merged into it), the bodies serving there and the events held there."""

from __future__ import annotations

from polgraph.namespaces import ID
from polgraph.server.answers.events import events_answer
from polgraph.server.answers.graph import iri, select, text, values_block
from polgraph.server.answers.ids import node
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.units import units_of
from polgraph.server.errors import ApiError

MAX_EVENTS = 100  # the API's largest page
MAX_BODIES = 300

_HEAD = """
SELECT ?label ?code ?structure ?level ?successor ?successor_label WHERE {
  ?unit rdfs:label ?label .
  OPTIONAL { ?unit pg:officialCode ?code } OPTIONAL { ?unit pg:adminStructure ?structure }
  OPTIONAL { ?unit a ?class . ?class rdfs:subClassOf pg:Area ; rdfs:label ?level
             FILTER (LANG(?level) = ?lang) }
  OPTIONAL { ?unit pg:successorUnit ?successor . ?successor rdfs:label ?successor_label }
} LIMIT 1"""
_BELOW = """SELECT DISTINCT ?below ?label WHERE { ?below pg:partOf ?unit ; rdfs:label ?label }
ORDER BY ?label"""
_MERGED_INTO = """SELECT DISTINCT ?before ?label WHERE {
  ?before pg:successorUnit ?unit ; rdfs:label ?label }
ORDER BY ?label"""
# The units above and below come from the table of units, not from `pg:partOf*` joined to other
# patterns, which Virtuoso 7 answers with no rows in some database states (docs/scaling.md).
_BODIES = """
SELECT DISTINCT ?org ?label ?where ?where_label WHERE {
  {values} ?org pg:jurisdiction ?where ; rdfs:label ?label .
  ?where rdfs:label ?where_label .
} ORDER BY ?where_label ?label LIMIT """ + str(MAX_BODIES)


def place_answer(store: Snapshot, place_id: str, lang: str) -> dict:
    """The place's ``place`` (its levels named in ``lang``) and ``events``, as ``/api/events``
    finds them for the unit: placed in it or in a unit within it."""
    unit = iri(str(ID) + place_id)
    found = select(store, _HEAD, {"unit": unit, "lang": text(lang)})
    if not found:
        raise ApiError(404, "not found", f"there is no place {place_id!r}")
    head = found[0]
    units = units_of(store)
    inside = {unit.value} | {u for u in units.by_iri if unit.value in units.within(u)}
    place = {
        **node(
            unit.value,
            label=head["label"],
            code=head["code"],
            structure=head["structure"],
            level=head["level"],
        ),
        "successor": node(head["successor"], label=head["successor_label"]),
        "above": [
            node(above, label=units.by_iri[above].label) for above in units.within(unit.value)[1:]
        ],
        "below": [
            node(r["below"], label=r["label"]) for r in select(store, _BELOW, {"unit": unit})
        ],
        "merged_into_it": [
            node(r["before"], label=r["label"]) for r in select(store, _MERGED_INTO, {"unit": unit})
        ],
        "bodies": [
            {**node(r["org"], label=r["label"]), "where": node(r["where"], label=r["where_label"])}
            for r in select(store, _BODIES.replace("{values}", values_block("where", inside)))
        ],
    }
    return {
        "place": place,
        "events": events_answer(store, place=place_id, limit=MAX_EVENTS, offset=0),
    }
