"""The SPARQL endpoint against a live server on 127.0.0.1, with real clients."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from conftest import RESOURCES, SEED_YAML
from live_server import serving
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, TURTLE, XML, SPARQLWrapper

from polgraph.extract.structured import load_structured
from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore

pytestmark = pytest.mark.slow  # a live server, and queries run past the limit

TOKEN = "s3cret-token"
PG = "https://w3id.org/polgraph/ontology#"
ROLES_AT_SEED = f"""PREFIX pg: <{PG}>
SELECT DISTINCT ?name ?post WHERE {{
  ?a a pg:RoleAttestation ; pg:person/pg:name ?name ; pg:post/pg:postTitle ?post ; pg:source ?r .
  ?r pg:reportKey "seed" .
}} ORDER BY ?name ?post"""
CONSTRUCT_ROLES = f"""PREFIX pg: <{PG}>
CONSTRUCT {{ ?m pg:name ?name }} WHERE {{ ?a a pg:RoleAttestation ; pg:person ?m ; pg:source ?r .
  ?r pg:reportKey "seed" . ?m pg:name ?name }}"""
# Every triple against every triple against every triple: never ends on its own.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, vocabulary, validator):
    path = tmp_path_factory.mktemp("endpoint") / "store"
    store = OxigraphStore(path)
    pipeline = Pipeline(store, vocabulary, validator)
    pipeline.ensure_model_graphs()
    for source in (SEED_YAML, RESOURCES / "reports" / "council-session.yaml"):
        pipeline.ingest(load_structured(source), str(source))
    store.close()
    return path


@pytest.fixture(scope="module")
def server(store_path):
    env = {
        "POLGRAPH_WRITE_TOKEN": TOKEN,
        "POLGRAPH_QUERY_TIMEOUT": "2",
        "POLGRAPH_QUERY_WORKERS": "2",
    }
    with serving(store_path, env) as base:
        yield base


@pytest.fixture(scope="module")
def expected_roles(vocabulary, validator):
    """The same question answered by an in-memory store, to compare the endpoint with."""
    store = OxigraphStore(None)
    pipeline = Pipeline(store, vocabulary, validator)
    pipeline.ingest(load_structured(SEED_YAML), "seed")
    return sorted((s["name"].value, s["post"].value) for s in store.query(ROLES_AT_SEED))


def _wrapper(base: str, query: str, fmt) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


# -- real clients ----------------------------------------------------------------------------
def test_sparqlwrapper_json(server, expected_roles):
    result = _wrapper(server, ROLES_AT_SEED, JSON).queryAndConvert()
    rows = sorted((b["name"]["value"], b["post"]["value"]) for b in result["results"]["bindings"])
    assert rows == expected_roles
    assert ("Nguyễn Viết Đồng", "Phó Bí thư") in rows


def test_sparqlwrapper_xml(server, expected_roles):
    document = _wrapper(server, ROLES_AT_SEED, XML).queryAndConvert()
    names = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert names[0::2] == [name for name, _ in sorted(expected_roles)]


def test_sparqlwrapper_csv(server, expected_roles):
    text = _wrapper(server, ROLES_AT_SEED, CSV).queryAndConvert().decode("utf-8")
    lines = text.strip().splitlines()
    assert lines[0].strip() == "name,post"
    assert len(lines) - 1 == len(expected_roles)


@pytest.mark.parametrize(("fmt", "rdflib_format"), [(TURTLE, "turtle"), (JSONLD, "json-ld")])
def test_sparqlwrapper_construct(server, expected_roles, fmt, rdflib_format):
    client = _wrapper(server, CONSTRUCT_ROLES, fmt)
    raw = client.query().response.read()
    graph = Graph().parse(data=raw, format=rdflib_format)
    names = {str(o) for o in graph.objects(None, URIRef(PG + "name"))}
    assert names == {name for name, _ in expected_roles}


def test_rdflib_sparqlstore(server, expected_roles):
    graph = Graph(store=SPARQLStore(f"{server}/sparql", returnFormat="json"))
    rows = sorted((str(r[0]), str(r[1])) for r in graph.query(ROLES_AT_SEED))
    assert rows == expected_roles
    assert (None, URIRef(PG + "reportKey"), Literal("seed")) in graph


# -- the protocol ----------------------------------------------------------------------------
def test_post_form_and_body_give_the_same_answer_as_get(server):
    get = httpx.get(f"{server}/sparql", params={"query": ROLES_AT_SEED})
    form = httpx.post(f"{server}/sparql", data={"query": ROLES_AT_SEED})
    body = httpx.post(
        f"{server}/sparql",
        content=ROLES_AT_SEED.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert get.status_code == form.status_code == body.status_code == 200
    assert get.json() == form.json() == body.json()


def test_dataset_parameters_narrow_the_graphs(server):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    reports = httpx.get(
        f"{server}/sparql",
        params={"query": f"PREFIX pg: <{PG}> SELECT ?r ?key WHERE {{ ?r pg:reportKey ?key }}"},
    ).json()
    seed = next(
        b["r"]["value"] for b in reports["results"]["bindings"] if b["key"]["value"] == "seed"
    )

    def n(params):
        reply = httpx.get(f"{server}/sparql", params=params)
        assert reply.status_code == 200, reply.text
        return int(reply.json()["results"]["bindings"][0]["n"]["value"])

    everything = n({"query": count})
    only_seed = n({"query": count, "default-graph-uri": seed})
    assert 0 < only_seed < everything
    named = httpx.get(
        f"{server}/sparql",
        params={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": seed,
        },
    ).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [seed]


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        (None, "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv; charset=utf-8"),
        (
            "text/tab-separated-values;q=0.9, text/csv;q=0.1",
            "text/tab-separated-values; charset=utf-8",
        ),
    ],
)
def test_select_content_types_are_exact(server, accept, content_type):
    headers = {"Accept": accept} if accept else {}
    reply = httpx.get(f"{server}/sparql", params={"query": ROLES_AT_SEED}, headers=headers)
    assert reply.status_code == 200
    assert reply.headers["content-type"] == content_type


@pytest.mark.parametrize(
    ("accept", "content_type", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-quads", "application/n-quads", "nquads"),
        ("application/trig", "application/trig", "trig"),
    ],
)
def test_construct_formats(server, expected_roles, accept, content_type, rdflib_format):
    headers = {"Accept": accept} if accept else {}
    reply = httpx.get(f"{server}/sparql", params={"query": CONSTRUCT_ROLES}, headers=headers)
    assert reply.status_code == 200
    assert reply.headers["content-type"] == content_type
    if rdflib_format in ("nquads", "trig"):
        from rdflib import Dataset

        graph = Dataset().parse(data=reply.content, format=rdflib_format)
    else:
        graph = Graph().parse(data=reply.content, format=rdflib_format)
    assert {str(o) for o in graph.objects(None, URIRef(PG + "name"))} == {
        n for n, _ in expected_roles
    }


def test_ask_and_head(server):
    ask = httpx.get(f"{server}/sparql", params={"query": f'ASK {{ ?r <{PG}reportKey> "seed" }}'})
    assert ask.json() == {"head": {}, "boolean": True}
    head = httpx.head(
        f"{server}/sparql", params={"query": ROLES_AT_SEED}, headers={"Accept": "text/csv"}
    )
    assert head.status_code == 200
    assert head.headers["content-type"] == "text/csv; charset=utf-8"
    assert head.content == b""


def test_nothing_acceptable_is_406(server):
    reply = httpx.get(
        f"{server}/sparql", params={"query": ROLES_AT_SEED}, headers={"Accept": "image/png"}
    )
    assert reply.status_code == 406
    construct_as_csv = httpx.get(
        f"{server}/sparql", params={"query": CONSTRUCT_ROLES}, headers={"Accept": "text/csv"}
    )
    assert construct_as_csv.status_code == 406
    assert construct_as_csv.json()["error"] == "not acceptable"


def test_a_bad_query_is_400_with_the_position(server):
    reply = httpx.get(f"{server}/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert reply.status_code == 400
    body = reply.json()
    assert body["error"] == "query syntax"
    assert "1:" in body["detail"]  # line:column of the fault


@pytest.mark.parametrize("send", ["get", "form", "body"])
def test_an_update_sent_to_sparql_is_refused_and_not_run(server, send):
    update = 'INSERT DATA { GRAPH <urn:x:evil> { <urn:x:a> <urn:x:b> "c" } }'
    if send == "get":
        reply = httpx.get(f"{server}/sparql", params={"query": update})
    elif send == "form":
        reply = httpx.post(f"{server}/sparql", data={"update": update})
    else:
        reply = httpx.post(
            f"{server}/sparql",
            content=update,
            headers={"Content-Type": "application/sparql-update"},
        )
    assert reply.status_code == 400
    assert "/update" in reply.json()["detail"]
    ask = httpx.get(f"{server}/sparql", params={"query": "ASK { GRAPH <urn:x:evil> { ?s ?p ?o } }"})
    assert ask.json()["boolean"] is False


def test_service_description_and_query_page(server):
    reply = httpx.get(f"{server}/sparql")
    assert reply.headers["content-type"] == "text/turtle"
    graph = Graph().parse(data=reply.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = URIRef(f"{server}/sparql")
    assert (endpoint, URIRef(sd + "endpoint"), endpoint) in graph
    assert (endpoint, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Update")) in graph
    assert (endpoint, URIRef(sd + "feature"), URIRef(sd + "BasicFederatedQuery")) not in graph
    # A browser is sent to the query page.
    page = httpx.get(
        f"{server}/sparql",
        headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        follow_redirects=True,
    )
    assert page.url.path == "/queries"
    assert page.headers["content-type"].startswith("text/html")
    assert "<textarea" in page.text and 'action="/sparql"' in page.text


# -- safety ----------------------------------------------------------------------------------
def test_service_is_refused_without_contacting_anyone(server):
    # A listener that records whether anyone connects.
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        reply = httpx.get(f"{server}/sparql", params={"query": query})
        assert reply.status_code == 403
        assert reply.json()["error"] == "remote access disabled"
        with pytest.raises(socket.timeout):
            listener.accept()


def test_writes_need_the_token(server):
    update = 'INSERT DATA { GRAPH <urn:x:notes> { <urn:x:a> <urn:x:label> "note" } }'
    kind = {"Content-Type": "application/sparql-update"}
    assert httpx.post(f"{server}/update", content=update, headers=kind).status_code == 401
    wrong = httpx.post(
        f"{server}/update", content=update, headers={**kind, "Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 403
    assert httpx.get(f"{server}/store", params={"graph": "urn:x:notes"}).status_code == 401
    ask = 'ASK { GRAPH <urn:x:notes> { <urn:x:a> <urn:x:label> "note" } }'
    assert httpx.get(f"{server}/sparql", params={"query": ask}).json()["boolean"] is False
    done = httpx.post(f"{server}/update", content=update, headers={**kind, **AUTH})
    assert done.status_code == 204
    assert httpx.get(f"{server}/sparql", params={"query": ask}).json()["boolean"] is True
    load = httpx.post(
        f"{server}/update", content="LOAD <http://127.0.0.1:9/x.ttl>", headers={**kind, **AUTH}
    )
    assert load.status_code == 403


def test_graph_store_protocol_round_trip(server):
    graph = {"graph": "urn:x:gsp"}
    turtle = {"Content-Type": "text/turtle", **AUTH}
    created = httpx.put(
        f"{server}/store", params=graph, headers=turtle, content='<urn:x:s> <urn:x:p> "một" .'
    )
    assert created.status_code == 201
    added = httpx.post(
        f"{server}/store", params=graph, headers=turtle, content='<urn:x:s> <urn:x:p> "hai" .'
    )
    assert added.status_code == 204
    read = httpx.get(
        f"{server}/store", params=graph, headers={"Accept": "application/n-triples", **AUTH}
    )
    assert read.headers["content-type"] == "application/n-triples"
    assert {str(o) for o in Graph().parse(data=read.text, format="nt").objects()} == {"một", "hai"}
    replaced = httpx.put(
        f"{server}/store", params=graph, headers=turtle, content='<urn:x:s> <urn:x:p> "ba" .'
    )
    assert replaced.status_code == 204
    read = httpx.get(f"{server}/store", params=graph, headers=AUTH)
    assert {str(o) for o in Graph().parse(data=read.text, format="turtle").objects()} == {"ba"}
    bad = httpx.put(f"{server}/store", params=graph, headers=turtle, content="<urn:x:s> <urn:x:p")
    assert bad.status_code == 400
    assert httpx.get(f"{server}/store", params=graph, headers=AUTH).text.count("ba") == 1  # kept
    assert httpx.delete(f"{server}/store", params=graph, headers=AUTH).status_code == 204
    assert httpx.get(f"{server}/store", params=graph, headers=AUTH).status_code == 404
    assert httpx.delete(f"{server}/store", params=graph, headers=AUTH).status_code == 404


def test_a_runaway_query_ends_at_the_limit_while_others_are_answered(server):
    outcome: dict = {}

    def runaway():
        started = time.monotonic()
        reply = httpx.get(f"{server}/sparql", params={"query": RUNAWAY}, timeout=60)
        outcome["status"], outcome["seconds"] = reply.status_code, time.monotonic() - started
        outcome["body"] = reply.json()

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)  # the runaway is running now
    started = time.monotonic()
    quick = httpx.get(f"{server}/sparql", params={"query": ROLES_AT_SEED}, timeout=60)
    quick_seconds = time.monotonic() - started
    thread.join(60)
    assert quick.status_code == 200
    assert quick_seconds < 1.0, f"a small query took {quick_seconds:.2f} s beside a runaway"
    assert outcome["status"] == 503
    assert outcome["body"]["error"] == "query time limit"
    assert 1.9 <= outcome["seconds"] < 6, outcome
    # The killed worker is replaced: the server still answers many queries afterwards.
    for _ in range(5):
        assert httpx.get(f"{server}/sparql", params={"query": ROLES_AT_SEED}).status_code == 200


def test_cors_is_open_for_reads_only(server):
    origin = {"Origin": "https://example.org"}
    read = httpx.get(f"{server}/sparql", params={"query": ROLES_AT_SEED}, headers=origin)
    assert read.headers["access-control-allow-origin"] == "*"
    preflight_read = httpx.options(
        f"{server}/sparql",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight_read.status_code == 200
    preflight_write = httpx.options(
        f"{server}/store",
        headers={
            **origin,
            "Access-Control-Request-Method": "PUT",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert preflight_write.status_code == 400
    assert (
        "access-control-allow-origin" not in preflight_write.headers
        or "PUT" not in preflight_write.headers.get("access-control-allow-methods", "")
    )


def test_answers_larger_than_a_pipe_arrive_whole(server):
    # Every triple, twice over: megabytes, many times what a pipe holds at once, so the server
    # reads the answer while the query worker is still writing it. Twice, not more: a busy 2-core
    # machine must still answer well inside the server's 2 s query limit.
    copies = 2
    query = (
        "SELECT ?s ?p ?o ?k WHERE { ?s ?p ?o VALUES ?k { "
        + " ".join(map(str, range(copies)))
        + " } }"
    )
    count = httpx.get(
        f"{server}/sparql",
        params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    triples = int(count.json()["results"]["bindings"][0]["n"]["value"])
    for _ in range(3):
        response = httpx.get(
            f"{server}/sparql", params={"query": query}, headers={"Accept": "text/csv"}, timeout=30
        )
        assert response.status_code == 200, response.text[:300]
        assert len(response.content) > 1_000_000
        assert response.text.count("\r\n") == 1 + copies * triples  # the header, then every row
