"""What browser tests import by name: one test's tab (``Visit``), where screenshots go, and the
sample report the pages are checked against. The fixtures are in tests/server/web/conftest.py."""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import ROOT

ARTIFACTS = ROOT / "var" / "test-artifacts" / "browser"
SEED_TEXT = (ROOT / "data" / "reports" / "seed.txt").read_text(encoding="utf-8")
PERSON = "Nguyễn Viết Đồng"


class Visit:
    """One test's browser tab: it keeps the console's errors and takes the screenshots."""

    def __init__(self, page, name: str) -> None:
        self.page, self.name, self.errors = page, name, []
        page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def offline(self) -> list[str]:
        """Cut the tab off from every host but the server's, as with no internet; the list of
        the addresses it tried elsewhere, filled as they come."""
        tried: list[str] = []

        def only_here(route) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                tried.append(route.request.url)
                route.abort("internetdisconnected")

        self.page.context.route("**/*", only_here)
        return tried

    def shot(self, step: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=ARTIFACTS / f"{self.name}-{step}.png", full_page=True)

    def assert_no_console_errors(self) -> None:
        assert self.errors == [], self.errors
