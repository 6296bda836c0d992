"""What the index keeps of the reports' mentions of persons, to make the persons' rows from.

A person's row sums up every mention resolved into them: a well-attested official's hundreds,
across the store. Read from the store at each ingest, that history would cost more than the
ingest. So the index keeps, per mention, what its report says (``mentions``: the report, the
event's day and place; ``holdings``: each post's title and body), written again only when its
report is; and which person each mention is resolved into (``assigned``), written again for the
names resolution redid, as the resolution made them (``resolved_assignments``) or read back. A
person's row is then made from the index's own tables (``polgraph.search.persons``).

Every query here is one or two indexed lookups from the values in question (the reports, the
mentions, the names), joined in Python: asked to join them with OPTIONALs, the store reads the
optional side whole first (seconds at 10,000 reports).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from polgraph.identity.resolution import Resolution, person_iri
from polgraph.search.store_rows import rows, value
from polgraph.store.base import GraphStore
from polgraph.text.normalise import name_key

# By report: each report's participations, and its attestations.
_PARTS_OF_REPORTS = """SELECT ?mention ?event WHERE { {scope}
  ?part pg:source ?report ; pg:participant ?mention ; pg:event ?event }"""
_PARTS = "SELECT ?mention ?event WHERE { ?part pg:participant ?mention ; pg:event ?event }"
_HELD_IN_REPORTS = """SELECT ?mention ?post WHERE { {scope}
  ?attestation pg:source ?report ; pg:person ?mention ; pg:post ?post }"""
_HELD = "SELECT ?mention ?post WHERE { ?attestation pg:person ?mention ; pg:post ?post }"
# An event found from its class (a few classes), not from pg:source (everything a report says).
_EVENTS = """SELECT ?event ?report ?date ?place WHERE { {scope}
  ?class pg:kindCode ?kind . ?event a ?class ; pg:source ?report .
  OPTIONAL { ?event pg:date ?date } OPTIONAL { ?event pg:place ?place } }"""
_KEYS = "SELECT ?mention ?key WHERE { {scope} ?mention pg:nameKey ?key }"
_TITLES = "SELECT ?post ?title WHERE { {scope} ?post pg:postTitle ?title }"
_BODIES = "SELECT ?post ?body WHERE { {scope} ?post org:postIn ?body }"
# By name: whom each mention is resolved into, and those persons' names.
_ASSIGNED_OF_NAMES = """SELECT ?mention ?person WHERE { {scope}
  ?mention pg:nameKey ?key ; pg:mentionOf ?person }"""
_ASSIGNED = "SELECT ?mention ?person WHERE { ?mention pg:mentionOf ?person }"
_NAMES_OF = """SELECT ?person ?name ?key WHERE { {scope}
  ?person pg:name ?name ; pg:nameKey ?key }"""
_NAMES = "SELECT ?person ?name ?key WHERE { ?person a pg:Person ; pg:name ?name ; pg:nameKey ?key }"


@dataclass
class ReportMentions:
    """The ``mentions`` and ``holdings`` rows of some reports."""

    mentions: list[tuple[str, str, str, str | None, str | None]] = field(default_factory=list)
    holdings: list[tuple[str, str, str | None]] = field(default_factory=list)


@dataclass
class Assignments:
    """The ``assigned`` rows of some names, and the names of the persons they assign."""

    assigned: list[tuple[str, str]] = field(default_factory=list)  # mention, person
    persons: dict[str, tuple[str, str]] = field(default_factory=dict)  # person → (name, key)


def report_mentions(store: GraphStore, reports: Iterable[str] | None) -> ReportMentions:
    """What ``reports`` (all, with None) say of the persons they mention: for each mention, its
    report, name key, and its event's day and place; each post it is attested in."""
    wanted = None if reports is None else set(reports)
    events = {
        row["event"].value: (row["report"].value, value(row["date"]), value(row["place"]))
        for row in rows(store, _EVENTS, "report", wanted)
    }
    parts = (
        rows(store, _PARTS, "mention", None)
        if wanted is None
        else rows(store, _PARTS_OF_REPORTS, "report", wanted)
    )
    taking_part = {
        row["mention"].value: row["event"].value for row in parts if row["event"].value in events
    }
    scope = None if wanted is None else set(taking_part)
    keys = _pairs(store, _KEYS, "mention", scope)
    held = (
        rows(store, _HELD, "mention", None)
        if wanted is None
        else rows(store, _HELD_IN_REPORTS, "report", wanted)
    )
    posts = sorted({(row["mention"].value, row["post"].value) for row in held})
    titled = None if wanted is None else {post for _, post in posts}
    titles = _pairs(store, _TITLES, "post", titled)
    bodies = _pairs(store, _BODIES, "post", titled)
    found = ReportMentions()
    for mention, event in sorted(taking_part.items()):
        if mention in keys:
            report, day, place = events[event]
            found.mentions.append((mention, report, keys[mention], day, place))
    found.holdings = [
        (mention, titles[post], bodies.get(post))
        for mention, post in posts
        if mention in taking_part and post in titles
    ]
    return found


def assignments(store: GraphStore, names: Iterable[str] | None) -> Assignments:
    """Whom the mentions of ``names`` (name keys; all, with None) are resolved into, and those
    persons' names."""
    wanted = None if names is None else set(names)
    assigned = (
        rows(store, _ASSIGNED, "mention", None)
        if wanted is None
        else rows(store, _ASSIGNED_OF_NAMES, "key", wanted, literal=True)
    )
    pairs = {(row["mention"].value, row["person"].value) for row in assigned}
    named = (
        rows(store, _NAMES, "person", None)
        if wanted is None
        else rows(store, _NAMES_OF, "person", {person for _, person in pairs})
    )
    found = Assignments()
    for row in named:
        found.persons.setdefault(row["person"].value, (row["name"].value, row["key"].value))
    found.assigned = sorted((m, person) for m, person in pairs if person in found.persons)
    return found


def resolved_assignments(resolution: Resolution) -> Assignments:
    """``assignments`` of the names a resolution redid, as it made them (what it stored): the
    store need not be asked again for every mention of those names."""
    found = Assignments()
    for cluster in resolution.clusters:
        person = str(person_iri(cluster))
        found.persons[person] = (cluster.name, name_key(cluster.name))
        found.assigned.extend((mention, person) for mention in cluster.mentions)
    found.assigned.sort()
    return found


def _pairs(
    store: GraphStore, sparql: str, variable: str, values: set[str] | None
) -> dict[str, str]:
    """The one value ``sparql`` gives each of ``values`` (the least, should there be more)."""
    found: dict[str, str] = {}
    for row in rows(store, sparql, variable, values):
        subject, said = (term.value for term in row)
        if subject not in found or said < found[subject]:
            found[subject] = said
    return found
