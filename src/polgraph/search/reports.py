"""Reports and their events as the index holds them.

A report is found by its title and its whole text (its results show the sentence that matches:
``polgraph.search.snippets``); its event by its name, its kind (in Vietnamese and English, so
"hoi nghi" finds every conference however it is named), its date, its place with the units it
lies in, and its organisers. Both are read by report, the unit a write replaces or removes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from polgraph.search.documents import Document, words_of
from polgraph.search.nodes import Facts
from polgraph.search.store_rows import rows, value
from polgraph.store.base import GraphStore

_REPORTS = """SELECT ?report ?title ?key ?published ?text WHERE { {scope} ?report a pg:Report .
  OPTIONAL { ?report pg:title ?title } OPTIONAL { ?report pg:reportKey ?key }
  OPTIONAL { ?report pg:published ?published } OPTIONAL { ?report pg:text ?text } }"""
# Over the whole store, an event is found from its class (a few classes, 10,000 events), not
# from pg:source (everything a report says has one): 0.8 s against 40 s at 10,000 reports.
# Scoped, from the report.
_EVENTS = """SELECT ?event ?report ?label ?kind ?date ?place WHERE { {scope}
  ?class pg:kindCode ?kind . ?event a ?class ; pg:source ?report ; rdfs:label ?label .
  OPTIONAL { ?event pg:date ?date } OPTIONAL { ?event pg:place ?place } }"""
_ORGANISERS = """SELECT ?event ?organiser WHERE { {scope}
  ?event pg:organiser ?organiser ; pg:source ?report }"""
_KINDS = "SELECT ?kind ?label WHERE { ?class pg:kindCode ?kind ; rdfs:label ?label }"


def report_documents(store: GraphStore, reports: Iterable[str] | None) -> list[Document]:
    """The documents of ``reports`` (all, with None) that the store holds."""
    found = []
    for row in rows(store, _REPORTS, "report", reports):
        iri = row["report"].value
        title, key = value(row["title"]), value(row["key"])
        label = title or key or iri.rsplit("/", 1)[-1]
        details = {"title": title, "key": key, "published": value(row["published"])}
        published = details["published"]
        found.append(
            Document("report", iri, label, value(row["text"]) or "", details, _day(published), iri)
        )
    return found


def event_documents(
    store: GraphStore, facts: Facts, reports: Iterable[str] | None
) -> list[Document]:
    """The documents of the events of ``reports`` (all, with None)."""
    wanted = None if reports is None else sorted(set(reports))
    kinds: dict[str, list[str]] = defaultdict(list)
    for row in rows(store, _KINDS, "kind", None):
        kinds[row["kind"].value].append(row["label"].value)
    organisers: dict[str, list[str]] = defaultdict(list)
    for row in rows(store, _ORGANISERS, "report", wanted):
        organisers[row["event"].value].append(row["organiser"].value)
    events = list(rows(store, _EVENTS, "report", wanted))
    facts.load(
        {p for row in events if (p := value(row["place"])) is not None}
        | {o for found in organisers.values() for o in found}
    )
    found = []
    for row in events:
        iri, label, kind = row["event"].value, row["label"].value, row["kind"].value
        date, place = value(row["date"]), value(row["place"])
        details = {
            "label": label,
            "date": date,
            "kind": kind,
            "place": facts.place(place),
            "report": row["report"].value,
        }
        words = [
            *sorted(kinds.get(kind, [])),
            date,
            *facts.place_words(place),
            *sorted(filter(None, map(facts.label, organisers.get(iri, [])))),
        ]
        found.append(
            Document("event", iri, label, words_of(words), details, _day(date), row["report"].value)
        )
    return found


def _day(day: str | None) -> float:
    """A day (YYYY-MM-DD) as a number that orders days, for the latest to come first; 0 for
    none."""
    digits = (day or "").replace("-", "")
    return float(digits) if digits.isdigit() else 0.0
