"""The query page's SPARQL editor, in process: what the page loads (from this server only), the
plain text box it keeps when the editor is not installed, and the completions it is given."""

from __future__ import annotations

import os

import lxml.html
import pyoxigraph as ox
import pytest
from conftest import ROOT
from fastapi.testclient import TestClient
from rdflib.namespace import ORG, RDFS

from polgraph.namespaces import PG, PREFIXES
from polgraph.server import create_app
from polgraph.server.headers import PAGE_POLICY
from polgraph.server.web import vendor
from polgraph.settings import Settings

TOKEN = "editor-test-token"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DECLARED_CLASSES = {"http://www.w3.org/2002/07/owl#Class", str(RDFS.Class)}
DECLARED_PROPERTIES = {
    "http://www.w3.org/2002/07/owl#ObjectProperty",
    "http://www.w3.org/2002/07/owl#DatatypeProperty",
    "http://www.w3.org/2002/07/owl#AnnotationProperty",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
}


@pytest.fixture(scope="module")
def client(data_reports_store):
    store = data_reports_store()
    settings = Settings(
        query_workers=1, write_token=TOKEN, identity_path=ROOT / "data" / "identity.yaml"
    )
    with TestClient(create_app(settings, store)) as running:
        running.store = store
        yield running


@pytest.fixture
def without_installed_assets(monkeypatch, tmp_path):
    monkeypatch.setattr(vendor, "NODE_MODULES", tmp_path)
    vendor.asset_file.cache_clear()
    yield
    vendor.asset_file.cache_clear()


def _installed_or_skip() -> None:
    if not vendor.available("yasgui.js", "yasgui.css"):
        reason = "web-assets/node_modules has no YASGUI: make install fetches it with npm"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must install the web assets: {reason}")
        pytest.skip(reason)


def _assets(doc) -> tuple[list[str], list[str]]:
    scripts = [element.get("src") for element in doc.cssselect("script")]
    styles = [element.get("href") for element in doc.cssselect("link[rel=stylesheet]")]
    return scripts, styles


def test_the_editor_is_loaded_from_this_server_and_nothing_runs_inline(client):
    _installed_or_skip()
    answer = client.get("/queries")
    assert answer.headers["content-security-policy"] == PAGE_POLICY
    doc = lxml.html.fromstring(answer.text)
    scripts, styles = _assets(doc)
    # In this order: YASGUI, what both faces share, the editor, then the text box's script,
    # which leaves the form alone once the editor has taken it.
    editor_scripts = [
        "/vendor/yasgui.js",
        "/static/query-results.js",
        "/static/query-editor.js",
        "/static/queries.js",
    ]
    assert [s for s in scripts if s in editor_scripts] == editor_scripts
    assert "/vendor/yasgui.css" in styles
    assert None not in scripts  # no inline script: the policy allows only this server's files
    for address in [*scripts, *styles, *(e.get("src") for e in doc.cssselect("img[src]"))]:
        assert address.startswith("/") and not address.startswith("//"), address
        assert client.get(address).status_code == 200, address
    # The text box is still there, for a browser without scripts, and the editor's places.
    form = doc.cssselect("form#query-form[action='/sparql']")[0]
    assert form.cssselect("textarea[name=query]") and form.get("data-completions")
    assert client.get(form.get("data-completions")).status_code == 200
    assert doc.cssselect("#query-syntax") and doc.cssselect("#query-history ol")
    assert doc.cssselect("button#copy-link") and doc.cssselect("input#share-link[readonly]")


def test_without_the_editor_installed_the_page_keeps_its_text_box(client, without_installed_assets):
    assert not vendor.available("yasgui.js")
    doc = lxml.html.fromstring(client.get("/queries").text)
    scripts, styles = _assets(doc)
    assert scripts[-2:] == ["/static/query-results.js", "/static/queries.js"]
    assert not any("vendor" in address or "query-editor" in address for address in scripts + styles)
    assert doc.cssselect("form#query-form textarea[name=query]")
    assert client.get("/vendor/yasgui.js").status_code == 404


def _store_terms(store: ox.Store) -> tuple[set[str], set[str]]:
    """The classes and properties of the store, read quad by quad rather than by the query the
    route runs: the types given and declared, the predicates used and declared."""
    classes, properties = set(), set()
    for quad in store.quads_for_pattern(None, None, None):
        if quad.predicate == RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            if quad.object.value in DECLARED_CLASSES and isinstance(quad.subject, ox.NamedNode):
                classes.add(quad.subject.value)
            if quad.object.value in DECLARED_PROPERTIES and isinstance(quad.subject, ox.NamedNode):
                properties.add(quad.subject.value)
            classes.add(quad.object.value)
        properties.add(quad.predicate.value)
    return classes, properties


def test_the_completions_are_polgraphs_prefixes_and_the_stores_terms(client):
    answer = client.get("/queries/completions.json")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    found = answer.json()
    assert found["prefixes"] == PREFIXES
    classes, properties = _store_terms(client.store.native)
    assert set(found["classes"]) == classes and found["classes"] == sorted(classes)
    assert set(found["properties"]) == properties and found["properties"] == sorted(properties)
    assert {str(PG.Person), str(PG.RoleAttestation)} <= classes
    # the ontology's terms the sample has no data for, and other vocabularies' terms it uses
    assert {str(PG.successor), str(PG.name), str(RDFS.label), str(ORG.postIn)} <= properties
    # A browser asking again with the answer's tag is told nothing changed.
    again = client.get(
        "/queries/completions.json", headers={"If-None-Match": answer.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""


def test_a_term_written_to_the_store_is_completed_at_once(client):
    before = client.get("/queries/completions.json")
    new_class, new_property = "urn:x:editor#Committee", "urn:x:editor#chairs"
    assert new_class not in before.json()["classes"]
    written = client.post(
        "/update",
        content=f"INSERT DATA {{ GRAPH <urn:x:editor> {{ <urn:x:a> a <{new_class}> ; "
        f'<{new_property}> "x" }} }}',
        headers={
            "Authorization": f"Bearer {TOKEN}",
            "Content-Type": "application/sparql-update",
        },
    )
    assert written.status_code == 204
    after = client.get(
        "/queries/completions.json", headers={"If-None-Match": before.headers["etag"]}
    )
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    assert new_class in after.json()["classes"] and new_property in after.json()["properties"]
