"""The SPARQL 1.1 protocols: query (/sparql), update (/update) and the Graph Store (/store).

Queries and graph reads run in the query engine's worker processes (time limit, result limit);
updates and graph writes run here, one writer at a time, and only for holders of the write token.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from polgraph.server.answers.graph_store import GRAPH_READ, Target, graph_exists
from polgraph.server.auth import require_writer
from polgraph.server.deps import JobsDep, SettingsDep, StoreWrites, StoreWritesDep
from polgraph.server.error_handlers import error_response
from polgraph.server.errors import ApiError
from polgraph.server.formats import CONTENT_TYPES, GRAPH_FORMATS, RESULT_FORMATS
from polgraph.server.jobs import Jobs
from polgraph.server.messages import QueryJob
from polgraph.server.negotiation import choose
from polgraph.server.service_description import service_description
from polgraph.server.sparql_text import classify, nesting_depth, operation, remote_operations
from polgraph.server.syntax_errors import read_syntax_error
from polgraph.settings import Settings
from polgraph.store import OxigraphStore, RemoteStore

protocol_router = APIRouter(tags=["SPARQL"])
write_router = APIRouter(tags=["SPARQL (writes)"], dependencies=[Depends(require_writer)])
# On a server that takes no writes, the write paths say so (403) rather than seem not to exist:
# a client (SPARQLWrapper) would otherwise report a missing endpoint.
READ_ONLY = (
    "this server is read-only: start `polgraph serve` with POLGRAPH_WRITE_TOKEN set to take SPARQL "
    "updates and Graph Store writes, and send that token as 'Authorization: Bearer <token>'"
)
OVER_A_SERVICE = (
    "this server reads a SPARQL service and takes no writes itself: send updates and graphs to "
    "the service"
)


def writes_refused_router(detail: str) -> APIRouter:
    """/update and /store answering 403 with ``detail``, for a server that takes no writes."""

    def refuse() -> None:
        raise ApiError(403, "writes disabled", detail)

    router = APIRouter(include_in_schema=False)
    router.add_api_route("/update", refuse, methods=["POST"])
    router.add_api_route("/store", refuse, methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
    return router


_EXAMPLE_QUERY = (
    "PREFIX pg: <https://w3id.org/polgraph/ontology#>\n"
    "SELECT ?name ?post WHERE { ?a pg:person/pg:name ?name ; pg:post/pg:postTitle ?post } LIMIT 10"
)
QueryText = Annotated[
    str | None, Query(alias="query", description="A SPARQL 1.1 query.", examples=[_EXAMPLE_QUERY])
]
DefaultGraphs = Annotated[
    list[str],
    Query(
        alias="default-graph-uri",
        description="Graphs whose union is the default graph (none: the union of all graphs).",
        examples=[["https://w3id.org/polgraph/id/report/…"]],
    ),
]
NamedGraphs = Annotated[
    list[str],
    Query(
        alias="named-graph-uri",
        description="Graphs GRAPH may range over (none: all).",
        examples=[["https://w3id.org/polgraph/id/report/…"]],
    ),
]

_FORM = "application/x-www-form-urlencoded"
_QUERY_BODY = "application/sparql-query"
_UPDATE_BODY = "application/sparql-update"
# ``responses=`` of a route: status → what OpenAPI shows of its answer
Responses = dict[int | str, dict[str, Any]]

_QUERY_RESPONSES: Responses = {
    200: {
        "description": "Results in the negotiated format",
        "content": {
            "application/sparql-results+json": {
                "example": {
                    "head": {"vars": ["name", "post"]},
                    "results": {
                        "bindings": [
                            {
                                "name": {"type": "literal", "value": "Nguyễn Viết Đồng"},
                                "post": {"type": "literal", "value": "Phó Bí thư"},
                            }
                        ]
                    },
                }
            },
            "text/turtle": {"example": "<https://w3id.org/polgraph/id/…> a <…> ."},
        },
    },
    400: {"description": "The query does not parse, or is an update"},
    403: {"description": "SERVICE is disabled on this server"},
    406: {"description": "No acceptable format for this kind of query"},
    503: {"description": "The query ran past the time limit"},
}


@protocol_router.head("/sparql", include_in_schema=False)
@protocol_router.get(
    "/sparql",
    responses=_QUERY_RESPONSES,
    summary="Run a SPARQL query (or read the service description)",
)
async def sparql_get(
    request: Request,
    jobs: JobsDep,
    settings: SettingsDep,
    query: QueryText = None,
    default_graph_uri: DefaultGraphs = [],  # noqa: B006 - FastAPI's list default
    named_graph_uri: NamedGraphs = [],  # noqa: B006
) -> Response:
    """With `query`: its results. Without: the SPARQL service description (Turtle); a browser
    is sent to the query page (`/queries`)."""
    _refuse_ambiguous_parameters(request, allowed=1)
    if query is None:
        return _describe_service(request, settings)
    return await _run_query(request, jobs, settings, query, default_graph_uri, named_graph_uri)


def _refuse_ambiguous_parameters(request: Request, allowed: int) -> None:
    """The protocol gives one operation per request: two `query` parameters, a `query` with an
    `update`, or a query in the URL beside one in the body are a client's error (400)."""
    params = request.query_params
    if len(params.getlist("query")) > allowed or "update" in params:
        raise ApiError(
            400,
            "bad request",
            "send exactly one query (one 'query' parameter, no 'update') per request",
        )


@protocol_router.post(
    "/sparql",
    responses=_QUERY_RESPONSES,
    summary="Run a SPARQL query (POST)",
    openapi_extra={
        "requestBody": {
            "content": {
                _QUERY_BODY: {"example": _EXAMPLE_QUERY},
                _FORM: {"example": {"query": _EXAMPLE_QUERY}},
            }
        }
    },
)
async def sparql_post(
    request: Request,
    jobs: JobsDep,
    settings: SettingsDep,
    default_graph_uri: DefaultGraphs = [],  # noqa: B006
    named_graph_uri: NamedGraphs = [],  # noqa: B006
) -> Response:
    """The query form-encoded (`query=`) or as the body (`application/sparql-query`)."""
    kind = _media_type(request)
    _refuse_ambiguous_parameters(request, allowed=0)  # the query comes in the body, not the URL
    if kind == _FORM:
        form = await request.form()
        if "update" in form:
            raise _update_refused()
        if len(form.getlist("query")) > 1:
            raise ApiError(400, "bad request", "send exactly one 'query' field")
        text = form.get("query")
        if not isinstance(text, str):
            raise ApiError(400, "bad request", "the form has no 'query' field")
        default_graph_uri = default_graph_uri + [str(v) for v in form.getlist("default-graph-uri")]
        named_graph_uri = named_graph_uri + [str(v) for v in form.getlist("named-graph-uri")]
    elif kind == _QUERY_BODY:
        text = await _text_body(request)
    elif kind == _UPDATE_BODY:
        raise _update_refused()
    else:
        raise ApiError(
            415,
            "unsupported media type",
            f"send the query as {_FORM} or {_QUERY_BODY}, not {kind or 'no type'}",
        )
    return await _run_query(request, jobs, settings, text, default_graph_uri, named_graph_uri)


# Far deeper than any query a person writes; deep enough nesting crashes parsers and engines.
MAX_NESTING = 64


def _refuse_deep_nesting(text: str) -> None:
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise ApiError(
            400,
            "nested too deep",
            f"the request nests {depth} levels of braces "
            f"or parentheses; at most {MAX_NESTING} are read",
        )


async def _run_query(
    request: Request,
    jobs: Jobs,
    settings: Settings,
    text: str,
    default_graphs: list[str],
    named_graphs: list[str],
) -> Response:
    _refuse_deep_nesting(text)
    kind, remote = classify(text)
    if kind == "update":
        raise _update_refused()
    if not settings.allow_remote and "SERVICE" in remote:
        raise ApiError(
            403,
            "remote access disabled",
            "SERVICE would make this server contact another host; its operator has not "
            "enabled that",
        )
    for name, graphs in (("default-graph-uri", default_graphs), ("named-graph-uri", named_graphs)):
        for graph in graphs:
            try:
                ox.NamedNode(graph)
            except ValueError:
                raise ApiError(
                    400, "bad request", f"{name} {graph!r} is not an absolute IRI"
                ) from None
    accept = request.headers.get("accept")
    result_type = choose(accept, list(RESULT_FORMATS))
    graph_type = choose(accept, list(GRAPH_FORMATS))
    if result_type is None and graph_type is None:
        raise ApiError(
            406,
            "not acceptable",
            f"answers come as one of: {', '.join([*RESULT_FORMATS, *GRAPH_FORMATS])}",
        )
    job = QueryJob(
        text=text,
        result_format=RESULT_FORMATS.get(result_type or ""),
        graph_format=GRAPH_FORMATS.get(graph_type or ""),
        default_graphs=tuple(default_graphs),
        named_graphs=tuple(named_graphs),
        max_bytes=settings.max_result_bytes,
    )
    try:
        reply = await jobs.run(job)
    except ApiError as exc:
        if exc.error == "query syntax" and isinstance(exc.detail, str):
            return syntax_error(exc.error, exc.detail, text)
        raise
    body = b"" if request.method == "HEAD" else reply.body
    return Response(body, headers={"content-type": CONTENT_TYPES[reply.format], "vary": "Accept"})


def syntax_error(error: str, message: str, text: str) -> JSONResponse:
    """``400`` for a request that does not parse: ``{"error", "detail"}`` as every error, the
    detail saying where and what in words, and the ``line`` and ``column`` (from 1) beside it
    for an editor to mark. A message with no position (a SPARQL service's) is passed on."""
    problem = read_syntax_error(message, text)
    if problem is None:
        return error_response(400, error, message)
    return JSONResponse(
        {
            "error": error,
            "detail": problem.detail,
            "line": problem.line,
            "column": problem.column,
        },
        status_code=400,
    )


def _update_refused() -> ApiError:
    return ApiError(
        400,
        "update not allowed",
        "/sparql runs queries only; send SPARQL updates to /update with the write token",
    )


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _text_body(request: Request) -> str:
    try:
        return (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad request", "the body is not UTF-8") from None


def _describe_service(request: Request, settings: Settings) -> Response:
    accept = request.headers.get("accept")
    if choose(accept, ["text/html", *GRAPH_FORMATS]) == "text/html" and "text/html" in (
        accept or ""
    ):
        return RedirectResponse(request.url_for("queries_page"), status_code=303)
    chosen = choose(
        accept,
        ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"],
    )
    if chosen is None:
        raise ApiError(
            406,
            "not acceptable",
            "the service description comes as Turtle, N-Triples, JSON-LD or RDF/XML",
        )
    body = service_description(
        str(request.url_for("sparql_get")),
        GRAPH_FORMATS[chosen],
        writable=bool(settings.write_token),
        remote=settings.allow_remote,
    )
    content = b"" if request.method == "HEAD" else body
    return Response(
        content, headers={"content-type": CONTENT_TYPES[GRAPH_FORMATS[chosen]], "vary": "Accept"}
    )


# What a write route answers without the token, or with a wrong one.
_TOKEN_ANSWERS: Responses = {401: {"description": "No token"}, 403: {"description": "Wrong token"}}


# -- /update ---------------------------------------------------------------------------------
@write_router.post(
    "/update",
    status_code=204,
    summary="Run a SPARQL update (write token)",
    responses={
        204: {"description": "Done"},
        400: {"description": "Does not parse"},
        401: {"description": "No token"},
        403: {"description": "Wrong token, or LOAD while remote access is disabled"},
    },
    openapi_extra={
        "requestBody": {
            "content": {
                _UPDATE_BODY: {
                    "example": "INSERT DATA { GRAPH <urn:x:notes> { <urn:x:a> "
                    '<http://www.w3.org/2000/01/rdf-schema#label> "note" } }'
                },
                _FORM: {"example": {"update": "CLEAR GRAPH <urn:x:notes>"}},
            }
        }
    },
)
async def sparql_update(
    request: Request, settings: SettingsDep, writes: StoreWritesDep
) -> Response:
    kind = _media_type(request)
    if kind == _FORM:
        text = (await request.form()).get("update")
        if not isinstance(text, str):
            raise ApiError(400, "bad request", "the form has no 'update' field")
    elif kind == _UPDATE_BODY:
        text = await _text_body(request)
    else:
        raise ApiError(
            415, "unsupported media type", f"send the update as {_FORM} or {_UPDATE_BODY}"
        )
    _refuse_deep_nesting(text)
    if operation(text) == "query":
        raise ApiError(400, "not an update", "queries go to /sparql")
    if not settings.allow_remote and remote_operations(text):
        raise ApiError(
            403,
            "remote access disabled",
            f"{' and '.join(sorted(remote_operations(text)))} would make this server contact "
            "another host; its operator has not enabled that",
        )

    def run() -> None:
        with writes() as store:
            _embedded(store).native.update(text)

    try:
        await asyncio.to_thread(run)
    except SyntaxError as exc:
        return syntax_error("update syntax", str(exc), text)
    except OSError as exc:
        raise ApiError(500, "update failed", str(exc)) from None
    except RuntimeError as exc:
        # "CLEAR GRAPH <g>" of a graph that does not exist fails, as SPARQL says, unless SILENT.
        raise ApiError(
            400, "update failed", f"{exc} (nothing was changed; SILENT ignores this)"
        ) from None
    return Response(status_code=204)


# -- /store: the Graph Store HTTP protocol ---------------------------------------------------
_GRAPH_WRITE = {**{t: GRAPH_FORMATS[t] for t in GRAPH_READ}, "text/plain": "N_TRIPLES"}
GraphParam = Annotated[
    str | None, Query(alias="graph", description="The named graph's IRI.", examples=["urn:x:notes"])
]
DefaultParam = Annotated[
    str | None, Query(alias="default", description="Present: the default graph.")
]


def _target(graph: str | None, default: str | None) -> Target:
    if (graph is None) == (default is None):
        raise ApiError(400, "bad request", "name exactly one graph: ?graph=IRI or ?default")
    if graph is None:
        return ox.DefaultGraph()
    try:
        return ox.NamedNode(graph)
    except ValueError as exc:
        raise ApiError(400, "bad request", f"graph {graph!r} is not an IRI: {exc}") from None


@write_router.head("/store", include_in_schema=False)
@write_router.get(
    "/store",
    summary="Read a graph (write token)",
    responses={
        200: {"content": {"text/turtle": {"example": '<urn:x:a> <urn:x:p> "v" .'}}},
        404: {"description": "No such graph"},
        **_TOKEN_ANSWERS,
    },
)
async def store_get(
    request: Request, jobs: JobsDep, graph: GraphParam = None, default: DefaultParam = None
) -> Response:
    _target(graph, default)  # a bad request is told before any job
    found = await jobs.respond(
        "graph", graph=graph, media_type=choose(request.headers.get("accept"), GRAPH_READ)
    )
    if request.method == "HEAD":
        found = Response(b"", headers={"content-type": found.headers["content-type"]})
    found.headers["vary"] = "Accept"
    return found


@write_router.put(
    "/store",
    summary="Replace a graph (write token)",
    status_code=204,
    responses={201: {"description": "Created"}, 204: {"description": "Replaced"}, **_TOKEN_ANSWERS},
    openapi_extra={
        "requestBody": {
            "content": {
                "text/turtle": {
                    "example": '<urn:x:a> <http://www.w3.org/2000/01/rdf-schema#label> "note" .'
                }
            }
        }
    },
)
async def store_put(
    request: Request, writes: StoreWritesDep, graph: GraphParam = None, default: DefaultParam = None
) -> Response:
    return await _write_graph(request, writes, _target(graph, default), replace=True)


@write_router.post(
    "/store",
    summary="Add to a graph (write token)",
    status_code=204,
    responses={201: {"description": "Created"}, 204: {"description": "Added"}, **_TOKEN_ANSWERS},
    openapi_extra={
        "requestBody": {
            "content": {
                "text/turtle": {
                    "example": '<urn:x:b> <http://www.w3.org/2000/01/rdf-schema#label> "more" .'
                }
            }
        }
    },
)
async def store_post(
    request: Request, writes: StoreWritesDep, graph: GraphParam = None, default: DefaultParam = None
) -> Response:
    return await _write_graph(request, writes, _target(graph, default), replace=False)


@write_router.delete(
    "/store",
    summary="Delete a graph (write token)",
    status_code=204,
    responses={404: {"description": "No such graph"}, **_TOKEN_ANSWERS},
)
async def store_delete(
    writes: StoreWritesDep, graph: GraphParam = None, default: DefaultParam = None
) -> Response:
    target = _target(graph, default)

    def run() -> bool:
        with writes() as store:
            if not graph_exists(_embedded(store).native, target):
                return False
            _embedded(store).native.update(
                "CLEAR DEFAULT" if isinstance(target, ox.DefaultGraph) else f"DROP GRAPH {target}"
            )
            return True

    if not await asyncio.to_thread(run):
        raise ApiError(404, "not found", f"there is no graph {graph}")
    return Response(status_code=204)


async def _write_graph(
    request: Request,
    writes: StoreWrites,
    target: Target,
    *,
    replace: bool,
) -> Response:
    kind = _media_type(request)
    if kind not in _GRAPH_WRITE:
        raise ApiError(
            415, "unsupported media type", f"send the graph as one of: {', '.join(_GRAPH_WRITE)}"
        )
    body = await request.body()
    base = target.value if isinstance(target, ox.NamedNode) else None
    try:
        triples = list(ox.parse(body, getattr(ox.RdfFormat, _GRAPH_WRITE[kind]), base_iri=base))
    except (SyntaxError, ValueError) as exc:
        raise ApiError(400, "graph syntax", str(exc)) from None
    # Oxigraph's own N-Triples writer, which SPARQL reads as it is: a term's str() would not do,
    # as it writes a triple term (RDF 1.2) without its <<( )>>.
    written = ox.serialize(
        [ox.Triple(t.subject, t.predicate, t.object) for t in triples],
        format=ox.RdfFormat.N_TRIPLES,
    )
    assert written is not None  # given no file to write to, it returns the bytes
    data = written.decode()
    inside = (
        f"{{ {data} }}"
        if isinstance(target, ox.DefaultGraph)
        else f"{{ GRAPH {target} {{ {data} }} }}"
    )
    clear = (
        "CLEAR SILENT DEFAULT"
        if isinstance(target, ox.DefaultGraph)
        else f"DROP SILENT GRAPH {target}"
    )

    def run() -> bool:
        with writes() as store:
            created = not graph_exists(_embedded(store).native, target)
            # One update is one transaction: readers see the old graph or the new, never a mix.
            parts = ([clear] if replace else []) + ([f"INSERT DATA {inside}"] if triples else [])
            if not triples and not isinstance(target, ox.DefaultGraph):
                parts.append(f"CREATE SILENT GRAPH {target}")
            _embedded(store).native.update(" ;\n".join(parts))
            return created

    created = await asyncio.to_thread(run)
    return Response(status_code=201 if created else 204)


def _embedded(store: OxigraphStore | RemoteStore) -> OxigraphStore:
    """The embedded store the write routes change (they are not offered over a SPARQL store,
    which takes updates at its own endpoint)."""
    if not isinstance(store, OxigraphStore):
        raise ApiError(403, "writes disabled", "this server reads a SPARQL store: write to it")
    return store
