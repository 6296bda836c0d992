"""The query page: the named queries of ``queries/`` ready to run and edit. Parameters given
in the form are bound into the text (as ``polgraph query --param`` binds them); the page's
script runs the text on ``/sparql``, shows the results as a table and downloads them as CSV or
JSON."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from polgraph.errors import QueryError
from polgraph.query.named import NamedQuery, available_queries, with_values
from polgraph.server.deps import JobsDep
from polgraph.server.errors import ApiError
from polgraph.server.web.links import page_prefixes
from polgraph.server.web.rendering import page_router, render

router = page_router()

DEFAULT_QUERY = """PREFIX pg: <https://w3id.org/polgraph/ontology#>
SELECT ?name ?post ?event WHERE {
  ?attestation pg:person/pg:name ?name ;
               pg:post/pg:postTitle ?post ;
               pg:event ?event .
} LIMIT 25"""


@router.get("/queries", name="queries_page")
async def queries_page(request: Request, jobs: JobsDep, name: str = "") -> HTMLResponse:
    named = available_queries()
    chosen = named.get(name) if name else None
    if name and chosen is None:
        raise ApiError(
            404, "not found", f"there is no named query {name!r}; known: {', '.join(named)}"
        )
    values = {p.name: request.query_params.get(p.name, "") for p in chosen.params} if chosen else {}
    text, problem = DEFAULT_QUERY, None
    if chosen is not None:
        text, problem = bound_text(chosen, values)
    return await render(
        request,
        jobs,
        "queries.html",
        queries=list(named.values()),
        chosen=chosen,
        values=values,
        text=text,
        problem=problem,
        pages=page_prefixes(),
    )


def bound_text(query: NamedQuery, values: dict[str, str]) -> tuple[str, str | None]:
    """The query's text with the given values bound, and what was wrong with them if anything.
    A parameter left empty stays unbound: the query then answers for every value of it."""
    given = {name: value for name, value in values.items() if value.strip()}
    known = {p.name: p for p in query.params}
    try:
        return with_values(
            query.text, {name: known[name].to_term(value) for name, value in given.items()}
        ), None
    except QueryError as exc:
        return query.text, str(exc)
