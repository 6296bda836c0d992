"""``/api/persons``: find persons by name, accents optional; one person's posts, events and
speeches."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from polgraph.server.api import careers
from polgraph.server.api import examples as shown
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.evidence import Sources
from polgraph.server.api.graph import iri, select, streamed, values_block
from polgraph.server.api.ids import iri_for, mention, node, not_found
from polgraph.server.api.linked_data import describe, media_type_asked, wants_linked_data
from polgraph.server.api.offload import Content, answered
from polgraph.server.api.search import Limit, Names, Offset, page
from polgraph.server.api.tables import register, table

router = APIRouter(prefix="/persons", tags=["persons"])

# The persons some report names, as search_persons lists them, read whole (see tables.py). Each
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


def _names(store) -> Names:
    named = {person for (person,) in streamed(store, _NAMED)}
    return Names(
        (key, person, name) for person, name, key in streamed(store, _NAMES) if person in named
    )


@router.get(
    "", summary="Find persons by name", responses=answers(shown.PERSONS, 400), response_model=dict
)
async def search_persons(
    request: Request,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Words of the name; accents optional.",
            openapi_examples=examples(
                without_accents="nguyen viet dong", surname="Hoàng", with_accents="Nguyễn Viết Đồng"
            ),
        ),
    ] = "",
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Persons whose name contains every word of ``q`` at the start of a word. A letter typed
    without marks matches it with any marks, so "nguyen viet dong" finds "Nguyễn Viết Đồng";
    with no ``q``, everyone. Ordered by name; ``reports`` counts the reports naming the person."""
    return await answered(request, "persons", q=q, limit=limit, offset=offset)


def persons_answer(store, q: str, limit: int, offset: int) -> dict:
    rows, total = table(store, PERSON_NAMES).page(q, offset, limit)
    reports = {}
    if rows:
        counted = select(
            store, _REPORTS.replace("{values}", values_block("person", [r[1] for r in rows]))
        )
        reports = {r["person"]: r["reports"] for r in counted}
    items = [node(person, name=name, reports=reports.get(person, 0)) for _, person, name in rows]
    return page(items, total, limit, offset)


@router.get(
    "/{person_id}",
    summary="A person's posts over time, events and speeches, with sources",
    responses=answers(shown.PERSON, 404, 406, linked_data=shown.PERSON_LINKED_DATA),
)
async def get_person(
    request: Request,
    person_id: Annotated[
        str,
        Path(
            description="The person's id (the end of their IRI).",
            openapi_examples=examples(Nguyen_Viet_Dong="nguyen-viet-dong-68682787-d5c6b1b3"),
        ),
    ],
) -> Response:
    """The person as resolved across reports: the names the reports write (``mentions``), the
    posts held (one entry per tenure, in date order, each with the attestations behind it;
    undated attestations last), the events attended with what they did there, and speeches.
    Every fact cites its report and the sentence that states it. ``Accept:
    application/ld+json`` answers the person's description as JSON-LD."""
    return await answered(
        request, "person", person_id=person_id, media_type=media_type_asked(request)
    )


def person_answer(store, person_id: str, media_type: str | None) -> dict | Content:
    """``get_person``'s answer in ``media_type`` (JSON or JSON-LD; None: neither is acceptable)."""
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


def _mention_hint(store, person: str, person_id: str) -> str | None:
    """A report's own node for someone is named like a person; say where the person is."""
    rows = select(store, "SELECT ?of WHERE { ?mention pg:mentionOf ?of }", {"mention": iri(person)})
    if not rows:
        return None
    return (
        f"{person_id!r} is one report's mention of a person; the person is "
        f"{node(rows[0]['of'])['href']}"
    )


PERSON_NAMES = register("person names", _names)
