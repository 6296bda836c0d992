"""A method a path does not answer is a 405 naming every method the path does answer (not only
those of the first route the router tried), OPTIONS tells the same, and the OpenAPI document says
so, as it says where the write token is needed (401 without it, 403 with a wrong one)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from starlette.responses import Response
from starlette.routing import Mount, Route

from polgraph.server import create_app
from polgraph.server.methods import allowed_methods
from polgraph.settings import Settings
from polgraph.store import OxigraphStore

# Written out by hand: what each path answers, with a write token set.
SPARQL = {"GET", "HEAD", "POST", "OPTIONS"}
STORE = {"GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"}
UPDATE = {"POST", "OPTIONS"}
READ_ONLY_API = {"GET", "OPTIONS"}
STATIC = {"GET", "HEAD", "OPTIONS"}

# The operations that need the write token.
WRITES = [
    ("get", "/store"),
    ("put", "/store"),
    ("post", "/store"),
    ("delete", "/store"),
    ("post", "/update"),
    ("post", "/api/reports"),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = OxigraphStore(tmp_path_factory.mktemp("store") / "store")
    with TestClient(create_app(Settings(query_workers=1, write_token="t"), store)) as client:
        yield client


@pytest.fixture(scope="module")
def read_only(tmp_path_factory):
    store = OxigraphStore(tmp_path_factory.mktemp("read-only") / "store")
    with TestClient(create_app(Settings(query_workers=1), store)) as client:
        yield client


def _allow(reply) -> set[str]:
    return {method.strip() for method in reply.headers["allow"].split(",")}


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("PUT", "/sparql", SPARQL),
        ("DELETE", "/sparql", SPARQL),
        ("PATCH", "/store?graph=urn:x:g", STORE),
        ("GET", "/update", UPDATE),
        ("PUT", "/update", UPDATE),
        ("DELETE", "/api/persons", READ_ONLY_API),
        ("POST", "/api/persons/nguyen-van-a-00000000-00000000", READ_ONLY_API),
        ("GET", "/api/reports", {"POST", "OPTIONS"}),
        ("POST", "/", READ_ONLY_API),
        ("POST", "/static/style.css", STATIC),
        ("TRACE", "/openapi.json", {"GET", "HEAD", "OPTIONS"}),
    ],
)
def test_a_refused_method_names_every_method_of_its_path(client, method, url, allowed):
    reply = client.request(method, url)
    assert reply.status_code == 405, reply.text
    assert _allow(reply) == allowed


def test_a_refused_method_answers_in_the_apis_error_form(client):
    reply = client.put("/sparql")
    assert reply.headers["content-type"].startswith("application/json")
    assert reply.headers["x-content-type-options"] == "nosniff"
    body = reply.json()
    assert set(body) == {"error", "detail"}
    assert body["error"] == "method not allowed"
    assert "PUT" in body["detail"] and all(method in body["detail"] for method in SPARQL)


def test_the_write_routes_are_refused_before_their_token_is_asked(client):
    # The method is wrong whoever asks: 405, not 401.
    reply = client.patch("/store?graph=urn:x:g")
    assert reply.status_code == 405 and _allow(reply) == STORE


def test_the_routes_of_a_mounted_router_are_counted():
    def nothing(_request):
        return Response()

    routes = [
        Route("/x", nothing, methods=["GET"]),
        Mount(
            "/sub",
            routes=[
                Route("/x", nothing, methods=["PUT"]),
                Route("/x", nothing, methods=["DELETE"]),
            ],
        ),
    ]
    scope = {"type": "http", "method": "PATCH", "root_path": "", "path_params": {}}
    assert allowed_methods(routes, {**scope, "path": "/sub/x"}) == {"PUT", "DELETE"}
    assert allowed_methods(routes, {**scope, "path": "/x"}) == {"GET", "HEAD"}
    assert allowed_methods(routes, {**scope, "path": "/y"}) == set()


def test_a_read_only_server_refuses_writes_at_the_write_paths(read_only):
    assert read_only.post("/update", data={"update": "CLEAR ALL"}).status_code == 403
    assert read_only.put("/store?graph=urn:x:g", content=b"").status_code == 403
    # methods no write path answers are still told apart from a refused write
    assert read_only.patch("/store?graph=urn:x:g").status_code == 405
    assert read_only.get("/update").status_code == 405
    reply = read_only.put("/sparql")
    assert reply.status_code == 405 and _allow(reply) == SPARQL


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/sparql", SPARQL),
        ("/store", STORE),
        ("/update", UPDATE),
        ("/api/events", READ_ONLY_API),
        ("/static/style.css", STATIC),
    ],
)
def test_options_tells_the_methods_of_a_path(client, url, allowed):
    reply = client.options(url)
    assert reply.status_code == 204, reply.text
    assert _allow(reply) == allowed
    assert reply.content == b""


def test_options_on_no_path_is_a_404(client):
    assert client.options("/api/nothing-here").status_code == 404


def test_a_cors_preflight_is_still_the_cors_middlewares(client):
    origin = {"Origin": "https://example.org"}
    read = client.options(
        "/sparql",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert read.status_code == 200
    assert read.headers["access-control-allow-origin"] == "*"
    offered = {m.strip() for m in read.headers["access-control-allow-methods"].split(",")}
    assert offered == {"GET", "HEAD", "POST"}
    write = client.options(
        "/store",
        headers={
            **origin,
            "Access-Control-Request-Method": "PUT",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert write.status_code == 400
    assert "PUT" not in write.headers.get("access-control-allow-methods", "")
    # an OPTIONS from a page elsewhere that is no preflight is told the methods, readable there
    plain = client.options("/sparql", headers=origin)
    assert plain.status_code == 204 and _allow(plain) == SPARQL
    assert plain.headers["access-control-allow-origin"] == "*"


def test_the_openapi_document_tells_the_405_of_every_operation(client):
    paths = client.get("/openapi.json").json()["paths"]
    operations = [(method, path, op) for path, ops in paths.items() for method, op in ops.items()]
    assert {
        ("get", "/sparql"),
        ("post", "/sparql"),
        ("post", "/update"),
        ("put", "/store"),
        ("get", "/api/persons"),
    } <= {(method, path) for method, path, _ in operations}
    for method, path, operation in operations:
        answer = operation["responses"].get("405")
        assert answer is not None, (method, path)
        assert "Allow" in answer["headers"], (method, path)
        assert answer["content"]["application/json"]["example"]["error"] == "method not allowed"


def test_the_openapi_document_tells_where_the_write_token_is_needed(client):
    paths = client.get("/openapi.json").json()["paths"]
    for method, path in WRITES:
        assert {"401", "403"} <= set(paths[path][method]["responses"]), (method, path)
    # and the routes do answer so
    assert client.get("/store?graph=urn:x:g").status_code == 401
    wrong = {"Authorization": "Bearer wrong"}
    assert client.get("/store?graph=urn:x:g", headers=wrong).status_code == 403
    assert (
        client.post(
            "/update", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
        ).status_code
        == 401
    )
