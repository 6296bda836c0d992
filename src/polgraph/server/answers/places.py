"""A place's page's answer: a commune, district or province (or a village under one) with its
official code, the units above and below it, the unit it became in the 2025 reorganisation (or
the ones merged into it), the bodies serving there and the events held there."""

from __future__ import annotations

from typing import Any

from polgraph.namespaces import ID
from polgraph.server.answers.events import events_answer
from polgraph.server.answers.graph import iri, select, text
from polgraph.server.answers.ids import node
from polgraph.server.answers.snapshot import Snapshot
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
_ABOVE = """
SELECT DISTINCT ?above ?label ?next WHERE {
  ?unit pg:partOf+ ?above . ?above rdfs:label ?label . OPTIONAL { ?above pg:partOf ?next }
}"""
_BELOW = """SELECT DISTINCT ?below ?label WHERE { ?below pg:partOf ?unit ; rdfs:label ?label }
ORDER BY ?label"""
_MERGED_INTO = """SELECT DISTINCT ?before ?label WHERE {
  ?before pg:successorUnit ?unit ; rdfs:label ?label }
ORDER BY ?label"""
_BODIES = """
SELECT DISTINCT ?org ?label ?where ?where_label WHERE {
  ?where pg:partOf* ?unit . ?org pg:jurisdiction ?where ; rdfs:label ?label .
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
    place = {
        **node(
            unit.value,
            label=head["label"],
            code=head["code"],
            structure=head["structure"],
            level=head["level"],
        ),
        "successor": node(head["successor"], label=head["successor_label"]),
        "above": _chain(select(store, _ABOVE, {"unit": unit})),
        "below": [
            node(r["below"], label=r["label"]) for r in select(store, _BELOW, {"unit": unit})
        ],
        "merged_into_it": [
            node(r["before"], label=r["label"]) for r in select(store, _MERGED_INTO, {"unit": unit})
        ],
        "bodies": [
            {**node(r["org"], label=r["label"]), "where": node(r["where"], label=r["where_label"])}
            for r in select(store, _BODIES, {"unit": unit})
        ],
    }
    return {
        "place": place,
        "events": events_answer(store, place=place_id, limit=MAX_EVENTS, offset=0),
    }


def _chain(rows: list[dict]) -> list[dict]:
    """The units above, the nearest first."""
    labels = {r["above"]: r["label"] for r in rows}
    parent_of = {r["above"]: r["next"] for r in rows if r["next"] in labels}
    nearest = [u for u in labels if u not in parent_of.values()]
    chain: list[dict[str, Any]] = []
    unit = nearest[0] if nearest else None
    while unit is not None and len(chain) < len(labels):
        chain.append(node(unit, label=labels[unit]))
        unit = parent_of.get(unit)
    return chain
