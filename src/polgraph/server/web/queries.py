"""The query page: the named queries of ``queries/`` ready to run and edit. Parameters given
in the form are bound into the text (as ``polgraph query --param`` binds them), a person, event,
body, place or post given by its name or its page's id resolved to its IRI in a query worker
(``polgraph.query.entities``); the page's script runs the text on ``/sparql``, shows the results
as a table and downloads them as CSV or JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from polgraph.errors import QueryError
from polgraph.query.named import NamedQuery, available_queries, with_values
from polgraph.server.deps import JobsDep
from polgraph.server.errors import ApiError
from polgraph.server.jobs import Jobs
from polgraph.server.translations import translator
from polgraph.server.web.language import language_of
from polgraph.server.web.links import page_for, page_prefixes, with_params
from polgraph.server.web.rendering import page_router, render

router = page_router()

DEFAULT_QUERY = """PREFIX pg: <https://w3id.org/polgraph/ontology#>
SELECT ?name ?post ?event WHERE {
  ?attestation pg:person/pg:name ?name ;
               pg:post/pg:postTitle ?post ;
               pg:event ?event .
} LIMIT 25"""


@dataclass
class Bound:
    """The query's text with the form's values bound, or, when a value was wrong, the text as
    it is with what was wrong, the page's status, and the nodes a name could mean."""

    text: str
    problem: str | None = None
    status: int = 200
    choices: list[dict[str, Any]] = field(default_factory=list)


@router.get("/queries", name="queries_page")
async def queries_page(request: Request, jobs: JobsDep, name: str = "") -> HTMLResponse:
    named = available_queries()
    chosen = named.get(name) if name else None
    if name and chosen is None:
        raise ApiError(
            404, "not found", f"there is no named query {name!r}; known: {', '.join(named)}"
        )
    values = {p.name: request.query_params.get(p.name, "") for p in chosen.params} if chosen else {}
    bound = Bound(DEFAULT_QUERY)
    if chosen is not None:
        bound = await bound_text(jobs, chosen, values, translator(language_of(request)))
    return await render(
        request,
        jobs,
        "queries.html",
        status=bound.status,
        queries=list(named.values()),
        chosen=chosen,
        values=values,
        text=bound.text,
        problem=bound.problem,
        choices=bound.choices,
        pages=page_prefixes(),
    )


async def bound_text(
    jobs: Jobs, query: NamedQuery, values: dict[str, str], t: Callable[..., str]
) -> Bound:
    """The query's text with the given values bound. A parameter left empty stays unbound: the
    query then answers for every value of it. A reference to a node is resolved by a query
    worker; one naming nothing is answered 404, one naming several 400 with the candidates
    (``t`` words them in the reader's language), any other wrong value 400."""
    given = {name: value for name, value in values.items() if value.strip()}
    known = {p.name: p for p in query.params}
    try:
        for name, value in given.items():  # checked here: a wrong date needs no worker
            if known[name].entity is None:
                known[name].to_term(value)
        references = {name: value for name, value in given.items() if known[name].entity}
        if references:
            given |= await jobs.read("query parameters", query=query.name, values=references)
        terms = {name: known[name].to_term(value) for name, value in given.items()}
        return Bound(with_values(query.text, terms))
    except QueryError as exc:
        return Bound(query.text, str(exc), 400)
    except ApiError as exc:
        if exc.status_code not in (400, 404):
            raise  # the store could not be read in time: the error page says so
        return _refused(query, values, exc, t)


def _refused(
    query: NamedQuery, values: dict[str, str], exc: ApiError, t: Callable[..., str]
) -> Bound:
    """The worker's refusal of a reference, worded for the page, each candidate linked to the
    query with it bound and to its own page."""
    detail = exc.detail
    if not isinstance(detail, dict) or "kind" not in detail:
        return Bound(query.text, str(detail), exc.status_code)
    kind = t(f"entity_{detail['kind']}")
    where = {"kind": kind, "ref": detail["ref"], "parameter": detail["parameter"]}
    candidates = detail.get("candidates") or []
    if not candidates:
        return Bound(query.text, t("entity_unknown", **where), exc.status_code)
    choices = [
        {
            **candidate,
            "href": with_params(
                "/queries", name=query.name, **{**values, detail["parameter"]: candidate["id"]}
            ),
            "page": page_for(candidate["iri"]),
        }
        for candidate in candidates
    ]
    problem = t("entity_ambiguous", count=len(candidates), **where)
    return Bound(query.text, problem, exc.status_code, choices)
