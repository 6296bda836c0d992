"""``/api/search``: everything the full-text index finds for some words: persons, bodies, places,
events and reports (with the sentence that matches). The answer is
``polgraph.server.answers.full_text``'s."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from polgraph.server.answers.full_text import Section
from polgraph.server.api import examples as shown
from polgraph.server.api.docs import answers, examples
from polgraph.server.api.params import Limit, Offset
from polgraph.server.deps import JobsDep, SearchIndexDep

router = APIRouter(tags=["search"])

_DONG_FOUND = {
    **shown.DONG,
    "reports": 1,
    "post": {"title": "Phó Bí thư", "organization": shown.PARTY_COMMITTEE},
    "place": {**shown.COMMUNE, "within": "Huyện Cẩm Xuyên, Tỉnh Hà Tĩnh"},
    "years": [2023, 2023],
}
# The seed report's sentence about the meeting, as the search for "hoi nghi" cuts it.
_LEAD, _REST = shown.MEETING.split("Hội nghị", 1)
_THEN, _LAST = _REST.split("Nghị quyết Đại hội", 1)
SEARCH = {
    "q": "hoi nghi",
    "persons": shown.page(_DONG_FOUND),
    "bodies": shown.page(
        {**shown.PARTY_COMMITTEE, "kind": "Đảng ủy", "place": _DONG_FOUND["place"]}
    ),
    "places": shown.page(
        {
            **shown.COMMUNE,
            "within": "Huyện Cẩm Xuyên, Tỉnh Hà Tĩnh",
            "level": "commune",
            "era": "legacy",
            "became": {
                "id": "unit/2025/commune/18742",
                "iri": "https://w3id.org/polgraph/id/unit/2025/commune/18742",
                "label": "Xã Cẩm Trung",
                "within": "Tỉnh Hà Tĩnh",
            },
        }
    ),
    "events": shown.page(
        {
            **shown.EVENT,
            "place": _DONG_FOUND["place"],
            "report": {key: shown.REPORT[key] for key in ("id", "href", "iri")},
        }
    ),
    "reports": shown.page(
        {
            **shown.REPORT,
            "published": None,
            "snippet": {
                "parts": [
                    [_LEAD, False],
                    ["Hội", True],
                    [" ", False],
                    ["nghị", True],
                    [_THEN, False],
                    ["Nghị", True],
                    [" quyết Đại ", False],
                    ["hội", True],
                    [_LAST, False],
                ],
                "start": 235,
                "end": 293,
            },
        }
    ),
}


@router.get(
    "/search",
    summary="Find persons, bodies, places, events and reports by words",
    responses=answers(SEARCH, 400),
    response_model=dict,
)
async def search(
    jobs: JobsDep,
    index: SearchIndexDep,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Words, accents optional; the last may be the start of a word.",
            openapi_examples=examples(
                conferences_in_a_commune="hoi nghi cam loc",
                person="nguyen viet dong",
                post_and_place="chu tich tan phuc",
            ),
        ),
    ] = "",
    section: Annotated[
        Section | None,
        Query(
            description="Only this section, paged by offset (default: the first page of each).",
            openapi_examples=examples(persons="persons", reports="reports"),
        ),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """What holds every word of ``q`` (accents and case aside; the last word may be the start of
    one), section by section, each a page with its ``total``. Persons come with their latest post
    and its body, the place of their latest event and the years they appear, so that namesakes
    are told apart; they are found by those too ("chu tich tan phuc"). Events are found by their
    kind as well ("hoi nghi"), reports by their whole text, each with its sentence that matches
    (``snippet``: its pieces, the matching words marked, and ``start``/``end`` of those words in
    the report's text, for ``/sources/{id}?start=&end=``). Ranked: a name that is the query,
    then names holding every word, then the best attested (persons, bodies, places) or the
    latest (events), then by relevance."""
    return await jobs.respond(
        "search", q=q, index=index, section=section, limit=limit, offset=offset
    )
