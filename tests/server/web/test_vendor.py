"""The pages' third-party browser libraries, served from the npm packages make install fetched
(web-assets/), and nothing else from that folder."""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT
from fastapi import FastAPI
from fastapi.testclient import TestClient

from polgraph.server.web import vendor


@pytest.fixture(scope="module")
def client():
    app = FastAPI()
    app.include_router(vendor.router)
    with TestClient(app) as running:
        yield running


def _installed_or_skip() -> None:
    if not vendor.NODE_MODULES.is_dir():
        reason = "web-assets/node_modules is absent: make install fetches it with npm"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must install the web assets: {reason}")
        pytest.skip(reason)


def test_each_asset_is_the_pinned_package_file(client):
    _installed_or_skip()
    pinned = json.loads((ROOT / "web-assets" / "package.json").read_text())["dependencies"]
    for name, inside in vendor.ASSETS.items():
        answer = client.get(f"/vendor/{name}")
        assert answer.status_code == 200, name
        assert answer.content == (vendor.NODE_MODULES / inside).read_bytes()
        assert answer.headers["content-type"].startswith(
            "text/css" if name.endswith(".css") else "text/javascript"
        )
        package = inside.split("/build/")[0].split("/dist/")[0]
        installed = json.loads((vendor.NODE_MODULES / package / "package.json").read_text())
        assert installed["version"] == pinned[package], package


@pytest.mark.parametrize(
    "name", ["yasgui", "package.json", "..%2Fpackage.json", "cytoscape%2Fpackage.json"]
)
def test_nothing_but_the_named_assets_is_served(client, name):
    assert client.get(f"/vendor/{name}").status_code == 404


def test_a_missing_install_is_not_found_and_not_available(monkeypatch, tmp_path):
    monkeypatch.setattr(vendor, "NODE_MODULES", tmp_path)
    vendor.asset_file.cache_clear()
    try:
        assert not vendor.available("cytoscape.js")
        app = FastAPI()
        app.include_router(vendor.router)
        answer = TestClient(app).get("/vendor/cytoscape.js")
        assert answer.status_code == 404
        assert "make install" in answer.json()["detail"]
    finally:
        vendor.asset_file.cache_clear()
