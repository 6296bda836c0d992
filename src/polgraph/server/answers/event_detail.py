"""One event in full: where and by whom, who took part in which role, what they did and said,
the documents the report cites, and the report itself."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from polgraph.server.answers.careers import ACTS
from polgraph.server.answers.evidence import Sources
from polgraph.server.answers.graph import (
    Readable,
    iri,
    select,
    values_block,
    with_organizations,
)
from polgraph.server.answers.ids import mention, node

# LATERAL { OPTIONAL { … } } looks the optional part up from the row at hand (see graph.py).
_HEAD = """
SELECT ?label ?date ?end_date ?inferred ?kind ?report ?start ?end WHERE {
  ?event rdfs:label ?label ; pg:source ?report .
  OPTIONAL { ?event pg:date ?date } OPTIONAL { ?event pg:endDate ?end_date }
  OPTIONAL { ?event pg:dateYearInferred ?inferred }
  LATERAL { OPTIONAL { ?event a ?class . ?class pg:kindCode ?kind } }
  LATERAL { OPTIONAL { ?event pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }
}"""
# A term's label is written in every report naming the term (10,000 copies in a store of 10,000
# reports): the first found is taken. Asked apart, not as a LIMIT 1 sub-query of the head: a
# service is sent standard SPARQL, where such a sub-query is not per event but picks one term in
# the whole store, and Virtuoso then answered the head with no row at times (a 404 for the
# event's page).
_TERM = "SELECT ?term WHERE { ?event pg:term/rdfs:label ?term } LIMIT 1"
# The event's place, then the units above it a level a query: `pg:partOf*` joined to other
# patterns is what Virtuoso 7 answers with no rows in some database states (docs/scaling.md).
_PLACES = """
SELECT DISTINCT ?unit ?label ?above WHERE {
  ?event pg:place ?unit . ?unit rdfs:label ?label . OPTIONAL { ?unit pg:partOf ?above }
}"""
_UNITS_ABOVE = """
SELECT DISTINCT ?unit ?label ?above WHERE {
  {values} ?unit rdfs:label ?label . OPTIONAL { ?unit pg:partOf ?above }
}"""
MAX_LEVELS = 8  # a village, a commune, a district, a province, with room to spare
_ORGANISERS = """
SELECT DISTINCT ?organiser ?label WHERE {
  ?event pg:organiser ?organiser . ?organiser rdfs:label ?label }
ORDER BY ?label"""
_PARTICIPANTS = """
SELECT DISTINCT ?part ?mention ?written ?person ?name ?report ?start ?end WHERE {
  ?part pg:event ?event ; pg:participant ?mention ; pg:source ?report .
  ?mention pg:name ?written .
  OPTIONAL { ?mention pg:mentionOf ?person . ?person pg:name ?name }
  LATERAL { OPTIONAL { ?part pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }
}"""
_ROLES = """
SELECT DISTINCT ?a ?mention ?post ?title ?post_label ?as_written ?elected ?report ?start ?end
WHERE {
  ?a a pg:RoleAttestation ; pg:event ?event ; pg:person ?mention ; pg:post ?post ;
     pg:source ?report .
  ?post pg:postTitle ?title ; rdfs:label ?post_label .
  OPTIONAL { ?a pg:asWritten ?as_written } OPTIONAL { ?a pg:elected ?elected }
  LATERAL { OPTIONAL { ?a pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }
} ORDER BY ?start"""
_SPEECHES = """
SELECT DISTINCT ?speech ?mention ?speech_kind ?topic ?capacity ?report ?start ?end WHERE {
  ?speech pg:event ?event ; pg:speaker ?mention ; pg:source ?report ;
          pg:speechKind/skos:notation ?speech_kind .
  OPTIONAL { ?speech pg:topic ?topic }
  LATERAL { OPTIONAL { ?speech pg:capacity/pg:post/rdfs:label ?capacity } }
  LATERAL { OPTIONAL { ?speech pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }
}"""
# Documents are shared by the reports citing them; only this report's span is its evidence here.
_DOCUMENTS = """
SELECT DISTINCT ?document ?relation ?label ?number ?doc_kind ?issuer ?issuer_label ?issued
                ?report ?start ?end
WHERE {
  ?event pg:source ?report .
  { ?event pg:implements ?document BIND ("implements" AS ?relation) }
  UNION { ?event pg:cites ?document BIND ("cites" AS ?relation) }
  ?document rdfs:label ?label ; pg:documentNumber ?number .
  OPTIONAL { ?document pg:documentKind ?doc_kind } OPTIONAL { ?document pg:issued ?issued }
  OPTIONAL { ?document pg:issuer ?issuer . ?issuer rdfs:label ?issuer_label }
  LATERAL { OPTIONAL { ?document pg:evidence ?span . ?span oa:start ?start ; oa:end ?end
                       FILTER (STRSTARTS(STR(?span), CONCAT(STR(?report), "#"))) } }
}"""


def head(store: Readable, event: str) -> dict | None:
    rows = select(store, _HEAD, {"event": iri(event)})
    if not rows:
        return None
    terms = select(store, _TERM, {"event": iri(event)})
    return {**rows[0], "term": terms[0]["term"] if terms else None}


def event_detail(store: Readable, event: str, top: dict) -> dict:
    bound = {"event": iri(event)}
    sources = Sources(store, [top["report"]])
    people = select(store, _PARTICIPANTS, bound)
    return {
        **node(
            event,
            label=top["label"],
            kind=top["kind"],
            date=top["date"],
            end_date=top["end_date"],
            date_year_inferred=bool(top["inferred"]),
            term=top["term"],
        ),
        "place": _place_path(_places(store, bound)),
        "organisers": [
            node(r["organiser"], label=r["label"]) for r in select(store, _ORGANISERS, bound)
        ],
        "participants": _participants(store, bound, people, sources),
        "speeches": _speeches(store, bound, people, sources),
        "documents": _documents(store, bound, sources),
        "source": sources.cite(top["report"], top["start"], top["end"]),
    }


def _places(store: Readable, bound: dict) -> list[dict]:
    """The event's place and every unit above it, each with its label and the unit it lies in."""
    rows = select(store, _PLACES, bound)
    seen = {r["unit"] for r in rows}
    for _ in range(MAX_LEVELS):
        above = sorted({r["above"] for r in rows if r["above"] is not None} - seen)
        if not above:
            break
        seen |= set(above)
        rows += select(store, _UNITS_ABOVE.replace("{values}", values_block("unit", above)))
    return rows


def _place_path(rows: list[dict]) -> list[dict]:
    """The event's place and the units it lies in, the most specific first."""
    labels = {r["unit"]: r["label"] for r in rows}
    above = {r["unit"]: r["above"] for r in rows if r["above"] in labels}
    inner = [u for u in labels if u not in above.values()]
    path: list[dict[str, Any]] = []
    unit = inner[0] if inner else None
    while unit is not None and len(path) <= len(labels):
        path.append(node(unit, label=labels[unit]))
        unit = above.get(unit)
    return path


def _participants(store: Readable, bound: dict, people: list[dict], sources: Sources) -> list[dict]:
    roles: dict[str, list[dict]] = defaultdict(list)
    for row in with_organizations(store, select(store, _ROLES, bound)):
        roles[row["mention"]].append(
            {
                **node(row["a"]),
                "post": node(row["post"], title=row["title"], label=row["post_label"]),
                "organization": node(row["org"], label=row["org_label"]),
                "as_written": row["as_written"],
                "elected": bool(row["elected"]),
                "source": sources.cite(row["report"], row["start"], row["end"]),
            }
        )
    acts: dict[str, list[str]] = defaultdict(list)
    for row in select(store, ACTS.replace("{scope}", "?part pg:event ?event ."), bound):
        acts[row["part"]].append(row["act"])
    found = [
        {
            **node(row["part"]),
            "person": node(row["person"], name=row["name"]),
            "mention": mention(row["mention"], name=row["written"]),
            "roles": roles[row["mention"]],
            "acts": acts[row["part"]],
            "source": sources.cite(row["report"], row["start"], row["end"]),
        }
        for row in people
    ]
    # In the order the report names them.
    return sorted(
        found,
        key=lambda p: (
            p["source"]["start"] is None,
            p["source"]["start"] or 0,
            p["mention"]["name"],
        ),
    )


def _speeches(store: Readable, bound: dict, people: list[dict], sources: Sources) -> list[dict]:
    speakers = {row["mention"]: row for row in people}
    found = []
    for row in select(store, _SPEECHES, bound):
        speaker = speakers.get(row["mention"], {})
        found.append(
            {
                **node(row["speech"]),
                "speaker": node(speaker.get("person"), name=speaker.get("name")),
                "name": speaker.get("written"),
                "kind": row["speech_kind"],
                "topic": row["topic"],
                "capacity": row["capacity"],
                "source": sources.cite(row["report"], row["start"], row["end"]),
            }
        )
    return sorted(found, key=lambda s: (s["source"]["start"] is None, s["source"]["start"] or 0))


def _documents(store: Readable, bound: dict, sources: Sources) -> list[dict]:
    found: dict[str, dict] = {}
    for row in select(store, _DOCUMENTS, bound):
        if row["document"] in found and row["start"] is None:
            continue  # a second label of a shared document, or the row without this span
        found[row["document"]] = {
            **node(
                row["document"],
                label=row["label"],
                number=row["number"],
                kind=row["doc_kind"],
                issued=row["issued"],
                relation=row["relation"],
            ),
            "issuer": node(row["issuer"], label=row["issuer_label"]),
            "source": sources.cite(row["report"], row["start"], row["end"]),
        }
    return sorted(found.values(), key=lambda d: d["number"])
