"""What the browser tests share: headless Chromium (Debian's ``chromium`` package) driven by
Playwright, against ``polgraph serve`` on 127.0.0.1 over the sample reports of data/reports (and
the report full of markup, to see that none of it runs).

One server and one browser serve every browser test; each test has a fresh browser context (no
cookies) that speaks Vietnamese, and fails on any console error. Screenshots of each step go to
var/test-artifacts/browser/. Without Chromium (or Playwright) the tests are skipped and say
why, except under CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import Visit
from conftest import RESOURCES, ROOT
from live_server import serving

from polgraph.pipeline.ingest import Pipeline
from polgraph.store import OxigraphStore

CHROMIUM = Path(os.environ.get("POLGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARKUP_REPORT = RESOURCES / "reports" / "markup-in-text.yaml"


def _missing() -> str | None:
    if not CHROMIUM.is_file():
        return (
            f"{CHROMIUM} is absent: the browser tests drive Debian's chromium package "
            "(apt-get install chromium)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[test]'"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def server(browser, tmp_path_factory, vocabulary, validator) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "store"
    store = OxigraphStore(path)
    pipeline = Pipeline(store, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    assert not pipeline.run([ROOT / "data" / "reports", MARKUP_REPORT]).rejected
    store.close()
    with serving(path, {"POLGRAPH_QUERY_WORKERS": "2"}) as base:
        yield base


@pytest.fixture
def visit(browser, server, request) -> Iterator[Visit]:
    context = browser.new_context(
        base_url=server,
        locale="vi-VN",
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(15_000)
    try:
        yield Visit(context.new_page(), request.node.name.removeprefix("test_"))
    finally:
        context.close()
