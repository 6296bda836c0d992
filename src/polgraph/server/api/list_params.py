"""The query parameters of the lists with facets (``/api/events``, ``/api/persons``,
``/api/organizations``, ``/api/places``): a facet's values (repeat a parameter for more: every
value must hold), the sort column and order, the language of the labels, how many values a
facet shows."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Query

from polgraph.server.answers.facets import FACET_SIZE, MAX_FACET_SIZE
from polgraph.server.api.docs import examples


def facet(description: str, **example: str) -> Any:
    """A facet's parameter: one value, or several (repeated) that must all hold."""
    return Query(
        description=f"{description} Repeat it for more: every value must hold.",
        openapi_examples=examples(**{name: [value] for name, value in example.items()}),
    )


Values = list[str] | None
Year = Annotated[Values, facet("A year (four digits).", in_2023="2023")]
Province = Annotated[
    Values, facet("A province's id.", ha_tinh_before_2025="unit/legacy/province/42")
]
District = Annotated[Values, facet("A district's id.", cam_xuyen="unit/legacy/district/446")]
Commune = Annotated[Values, facet("A commune's id.", cam_loc="unit/legacy/commune/18730")]
BodyType = Annotated[
    Values,
    facet(
        "A body type's code (the body-type vocabulary's skos:notation).",
        party_committee="dang-uy",
        peoples_council="hoi-dong-nhan-dan",
    ),
]
Sort = Annotated[
    str | None,
    Query(
        max_length=40,
        description="The column to sort by (each list names its own; a refusal lists them).",
        openapi_examples=examples(by_default=""),
    ),
]
Order = Annotated[
    Literal["asc", "desc"] | None,
    Query(
        description="asc or desc; each column has its own default.",
        openapi_examples=examples(descending="desc"),
    ),
]
Facets = Annotated[
    bool,
    Query(
        description=(
            "Answer the list with its facets: each facet's values with how many items have each, "
            "counted over every matching item."
        ),
        openapi_examples=examples(with_facets=True),
    ),
]
FacetSize = Annotated[
    int | None,
    Query(
        ge=1,
        le=MAX_FACET_SIZE,
        description=f"How many values a facet shows, most frequent first (default {FACET_SIZE}).",
        openapi_examples=examples(every_value=MAX_FACET_SIZE),
    ),
]
Lang = Annotated[
    Literal["vi", "en"] | None,
    Query(
        description="The language of the vocabulary's labels (default vi).",
        openapi_examples=examples(english="en"),
    ),
]


def listing(
    facets: bool,
    filters: dict[str, list[str] | None],
    sort: str | None,
    order: str | None,
    lang: str | None,
    facet_size: int | None,
) -> dict[str, Any] | None:
    """The list handler's arguments when a request asks for the list with facets (``facets``,
    a facet's value, a sort, a language or a facet size), else None: the route then answers
    as it did before the lists had facets."""
    given = {name: values for name, values in filters.items() if values}
    if not (facets or given or any(v is not None for v in (sort, order, lang, facet_size))):
        return None
    return {
        "filters": given,
        "sort": sort,
        "order": order,
        "lang": lang or "vi",
        "facet_size": facet_size or FACET_SIZE,
    }
