"""/docs, in process: every script, style and icon it loads is served by this server (from the
fastapi-offline package), never from a CDN, and its Content Security Policy allows its own
inline start-up script by hash while the other pages keep the strict one. ReDoc, which always
loads a logo from its maker's CDN, is not served: /redoc leads to /docs."""

from __future__ import annotations

import base64
import hashlib
import re

import lxml.html
import pytest
from fastapi.testclient import TestClient

from polgraph.server import create_app
from polgraph.server.headers import PAGE_POLICY
from polgraph.settings import Settings
from polgraph.store import OxigraphStore


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings(query_workers=1), OxigraphStore(None))) as running:
        yield running


def loaded(html: str) -> list[str]:
    """The addresses a page loads: scripts, styles and icons."""
    doc = lxml.html.fromstring(html)
    return [*doc.xpath("//script/@src"), *doc.xpath("//link/@href")]


def test_the_docs_load_only_what_this_server_serves(client):
    answer = client.get("/docs")
    assert answer.status_code == 200
    addresses = loaded(answer.text)
    assert len(addresses) == 3, addresses  # the script, the style, the icon
    for address in addresses:
        assert address.startswith("/") and not address.startswith("//"), address
        served = client.get(address)
        assert served.status_code == 200, address
        assert len(served.content) > 100, address
    assert not re.search(r"https?://|cdn", answer.text, re.IGNORECASE)


def test_swagger_ui_is_the_bundled_script_and_style(client):
    addresses = loaded(client.get("/docs").text)
    script = next(a for a in addresses if a.endswith(".js"))
    style = next(a for a in addresses if a.endswith(".css"))
    assert "SwaggerUIBundle" in client.get(script).text
    assert client.get(style).headers["content-type"].startswith("text/css")


def test_the_docs_allow_their_inline_script_by_hash_and_nothing_else(client):
    answer = client.get("/docs")
    policy = answer.headers["content-security-policy"]
    (inline,) = re.findall(r"<script>(.*?)</script>", answer.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}';" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "unsafe-eval" not in policy and "http" not in policy
    # Every other page keeps the strict policy.
    assert client.get("/queries").headers["content-security-policy"] == PAGE_POLICY


def test_fastapis_own_cdn_pages_are_gone(client):
    assert client.get("/docs/oauth2-redirect").status_code == 404
    assert client.get("/openapi.json").status_code == 200
    assert "/docs" not in client.get("/openapi.json").json()["paths"]


def test_redoc_leads_to_the_docs(client):
    answer = client.get("/redoc", follow_redirects=False)
    assert answer.status_code == 308 and answer.headers["location"] == "/docs"
