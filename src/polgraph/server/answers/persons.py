"""The answers about persons: found by name, accents optional; one person's posts, events and
speeches (``/api/persons``, the person's page)."""

from __future__ import annotations

from typing import Any

from polgraph.server.answers import careers
from polgraph.server.answers.content import Content
from polgraph.server.answers.evidence import Sources
from polgraph.server.answers.graph import iri, select, streamed, values_block
from polgraph.server.answers.ids import iri_for, mention, node, not_found
from polgraph.server.answers.linked_data import describe, wants_linked_data
from polgraph.server.answers.search import Names, page
from polgraph.server.answers.tables import register, table

# The persons some report names, as persons_answer lists them, read whole (see tables.py). Each
# mention's participation is looked up from the mention (LATERAL, see graph.py): joined, the
# store would hash every participation first (twice the time); FILTER EXISTS takes minutes.
_NAMES = (
    "SELECT DISTINCT ?person ?name ?key WHERE "
    "{ ?person a pg:Person ; pg:name ?name ; pg:nameKey ?key }"
)
_NAMED = """SELECT DISTINCT ?person WHERE {
  ?mention pg:mentionOf ?person . LATERAL { ?part pg:participant ?mention ; pg:source ?report } }"""
_REPORTS = """SELECT ?person (COUNT(DISTINCT ?report) AS ?reports) WHERE { {values}
  ?mention pg:mentionOf ?person . ?part pg:participant ?mention ; pg:source ?report }
  GROUP BY ?person"""


def _names(store: Any) -> Names:
    named = {person for (person,) in streamed(store, _NAMED)}
    return Names(
        (key, person, name) for person, name, key in streamed(store, _NAMES) if person in named
    )


def persons_answer(store: Any, q: str, limit: int, offset: int) -> dict[str, Any]:
    """Persons whose name holds every word of ``q``, ordered by name, each with the number of
    reports naming them."""
    rows, total = table(store, PERSON_NAMES).page(q, offset, limit)
    reports = {}
    if rows:
        counted = select(
            store, _REPORTS.replace("{values}", values_block("person", [r[1] for r in rows]))
        )
        reports = {r["person"]: r["reports"] for r in counted}
    items = [node(person, name=name, reports=reports.get(person, 0)) for _, person, name in rows]
    return page(items, total, limit, offset)


def person_answer(store: Any, person_id: str, media_type: str | None) -> dict[str, Any] | Content:
    """The person in ``media_type`` (JSON or JSON-LD; None: neither is acceptable)."""
    person = iri_for("persons", person_id)
    found = select(
        store, "SELECT ?name WHERE { ?person a pg:Person ; pg:name ?name }", {"person": iri(person)}
    )
    if not found:
        raise not_found("persons", person_id, _mention_hint(store, person, person_id))
    if wants_linked_data(media_type):
        return describe(store, person)
    mentions = select(
        store,
        """
        SELECT DISTINCT ?mention ?written ?report WHERE {
          ?mention pg:mentionOf ?person ; pg:name ?written .
          ?part pg:participant ?mention ; pg:source ?report .
        } ORDER BY ?report""",
        {"person": iri(person)},
    )
    held = careers.attestations(store, person)
    attended = careers.participation_rows(store, person)
    spoken = careers.speech_rows(store, person)
    sources = Sources(store, [m["report"] for m in mentions])
    return {
        **node(person, name=found[0]["name"]),
        "mentions": [
            mention(m["mention"], name=m["written"], report=sources.report(m["report"]))
            for m in mentions
        ],
        # Whose posts they are goes without saying here.
        "posts": [
            {k: v for k, v in entry.items() if k != "holder"}
            for entry in careers.posts(store, person, held, sources)
        ],
        "events": careers.events(attended, held, sources),
        "speeches": careers.speeches(spoken, sources),
    }


def _mention_hint(store: Any, person: str, person_id: str) -> str | None:
    """A report's own node for someone is named like a person; say where the person is."""
    rows = select(store, "SELECT ?of WHERE { ?mention pg:mentionOf ?of }", {"mention": iri(person)})
    if not rows:
        return None
    return (
        f"{person_id!r} is one report's mention of a person; the person is "
        f"{node(rows[0]['of'])['href']}"
    )


PERSON_NAMES = register("person names", _names)
