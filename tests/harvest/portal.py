"""A district portal served on 127.0.0.1 for the harvester's tests and benchmark: robots.txt, a
sitemap index and its sitemaps, an RSS feed, paginated listing pages and articles, and the pages
that make harvesting hard (a Windows-1258 page, a 500 then 200, a 429 with Retry-After, a
redirect loop, a slow page, a 30 MB page).

    with Portal() as portal:                      # the small hand-written site
        portal.base_url                           # "http://portal.test:PORT"
        portal.paths.events, portal.paths.flaky_500, …
        portal.requests, portal.requested("/noi-bo/"), portal.reset_log()
        portal.change(portal.paths.events[0])     # new text, ETag, Last-Modified, sitemap lastmod
        portal.article(path), portal.reset_faults()
    Portal(articles=2000)                         # the same site and bench/archive.py's reports

Every URL the portal writes is absolute on ``host`` ("portal.test": the harvester's URL library
refuses IP literals and localhost), so clients connect to ``address``:``port`` and send that host
in the Host header; any Host header is accepted. Validators (ETag, Last-Modified) come from the
page's content with the port taken out and from fixed dates (change() dates an edit by its own
time), so two harvests, or two portals, see the same ones. The harvest tests import it as
``portal``, with tests/harvest on the path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import math
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

if __package__:  # imported as harvest.portal, with tests/ on the path (pytest's pythonpath)
    from harvest import portal_pages as pages
else:  # imported as portal, with tests/harvest on the path, as the harvest tests do
    import portal_pages as pages

__all__ = ["LoggedRequest", "Portal", "PortalPaths"]

SLOW_SECONDS = 5.0
RETRY_AFTER = "1"
CHUNK = 64 * 1024
SITEMAP_LIMIT = 1000  # URLs a sitemap holds at most (the protocol allows 50,000)
STOP_TIMEOUT = 5.0  # seconds the server's threads get to end when the portal stops
# When the portal's own pages (home, robots.txt, about) last changed, later than any article's
# date (change() dates an edit by the time it is made, as a real site would).
SITE_UPDATED = dt.datetime(2025, 6, 30, 1, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str  # path and query as requested: "/tin-tuc?page=2"
    headers: dict[str, str]  # names in lower case
    time: float  # when it arrived, on time.monotonic()'s clock


@dataclass(frozen=True)
class PortalPaths:
    """Where things are. ``events`` are the event reports a harvester that follows robots.txt and
    every discovery route, retries 500 and 429, and decodes Windows-1258 gets (the generated
    archive's too); ``non_events`` the other articles it gets. Neither lists ``slow`` (an event
    report that takes 5 s), ``huge`` (30 MB of statistics), the redirect loop or the pages under
    ``disallowed_prefix``."""

    home: str
    robots: str
    sitemap_index: str
    sitemaps: tuple[str, ...]
    feed: str
    listings: tuple[str, ...]  # "/tin-tuc", "/tin-tuc?page=2", …
    events: tuple[str, ...]
    non_events: tuple[str, ...]
    generated: tuple[str, ...]  # the generated archive's reports (also in ``events``)
    feed_only: str  # in the feed and nowhere else: the newest article
    listing_only: str  # on the last listing page and nowhere else: the oldest article
    windows_1258: str
    flaky_500: str
    rate_limited: str
    redirect_loop: str  # the one the sitemap lists; it redirects to redirect_target, and back
    redirect_target: str
    moved: str  # listed in a sitemap; answers 301 with the address of events[2]
    slow: str
    huge: str
    about: str
    disallowed_prefix: str
    disallowed: tuple[str, ...]  # the pages under it that the sitemap and a listing link to


@dataclass(frozen=True)
class _Page:
    body: bytes
    content_type: str
    etag: str
    last_modified: dt.datetime


def _http_date(moment: dt.datetime) -> str:
    return format_datetime(moment.astimezone(dt.UTC), usegmt=True)


def _etag(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return f'"{digest.hexdigest()[:24]}"'


def _article_modified(article: pages.Article) -> dt.datetime:
    """An article's Last-Modified before any change: 09:00 Vietnam time on its posting day."""
    return dt.datetime.combine(article.posted, dt.time(9, 0), pages.LOCAL)


class Portal:
    """The portal's pages and request log; it serves while used as a context manager, once."""

    def __init__(self, *, articles: int = 0, host: str = "portal.test") -> None:
        self.host = host
        self.address = "127.0.0.1"
        self.port = 0
        self.requests: list[LoggedRequest] = []
        self.archive = pages.generate_archive(articles) if articles else None
        generated = self.archive.articles if self.archive else ()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._cache: dict[str, _Page] = {}
        self._changes: dict[str, int] = {}  # path → how many times change() edited it
        self._changed_at: dict[str, dt.datetime] = {}  # path → when change() last edited it
        self._faults_served: set[str] = set()  # the paths that have failed their first request
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

        # Every article the portal serves, by path.
        special = (
            pages.WINDOWS_1258,
            pages.FLAKY_500,
            pages.RATE_LIMITED,
            pages.SLOW,
        )
        internal = (pages.INTERNAL_IN_SITEMAP, pages.INTERNAL_IN_LISTING)
        everything = (
            *pages.EVENTS,
            *pages.NON_EVENTS,
            pages.ABOUT,
            pages.FEED_ONLY,
            pages.LISTING_ONLY,
            *special,
            *internal,
            *generated,
        )
        self._articles: dict[str, pages.Article] = {a.path: a for a in everything}

        # Listings: news newest first, without the feed-only article and the special pages.
        listed = sorted(
            (*pages.EVENTS, *pages.NON_EVENTS, pages.LISTING_ONLY, *generated),
            # newest first, but the listing-only article always last: on the last page only
            key=lambda a: (a is not pages.LISTING_ONLY, a.posted, a.path),
            reverse=True,
        )
        per_page = 20 if articles else 4  # the small site still has three listing pages
        self._listing_pages = [
            [a.path for a in listed[start : start + per_page]]
            for start in range(0, len(listed), per_page)
        ]
        # The feed: the feed-only article and the newest listed ones.
        feed_size = 20 if articles else 5
        self._feed = [pages.FEED_ONLY.path] + [a.path for a in listed[: feed_size - 1]]
        # Sitemaps: everything but the feed-only and listing-only articles, one disallowed page
        # and the redirect loop's first step; at least two sitemaps, at most SITEMAP_LIMIT each.
        in_sitemaps = [
            *(a.path for a in pages.EVENTS),
            *(a.path for a in special),
            pages.REDIRECT_A,
            pages.MOVED,
            pages.INTERNAL_IN_SITEMAP.path,
            pages.HUGE_PATH,
            *(a.path for a in pages.NON_EVENTS),
            pages.ABOUT.path,
            *(a.path for a in reversed(generated)),
        ]
        count = max(2, math.ceil(len(in_sitemaps) / SITEMAP_LIMIT))
        size = math.ceil(len(in_sitemaps) / count)
        self._sitemaps = {
            f"/sitemap-{n + 1}.xml": in_sitemaps[n * size : (n + 1) * size] for n in range(count)
        }

        self.paths = PortalPaths(
            home="/",
            robots="/robots.txt",
            sitemap_index="/sitemap_index.xml",
            sitemaps=tuple(self._sitemaps),
            feed="/rss.xml",
            listings=tuple(pages.listing_target(n + 1) for n in range(len(self._listing_pages))),
            events=tuple(
                a.path
                for a in (
                    *pages.EVENTS,
                    pages.FEED_ONLY,
                    pages.LISTING_ONLY,
                    pages.WINDOWS_1258,
                    pages.FLAKY_500,
                    pages.RATE_LIMITED,
                    *generated,
                )
            ),
            non_events=tuple(a.path for a in (*pages.NON_EVENTS, pages.ABOUT)),
            generated=tuple(a.path for a in generated),
            feed_only=pages.FEED_ONLY.path,
            listing_only=pages.LISTING_ONLY.path,
            windows_1258=pages.WINDOWS_1258.path,
            flaky_500=pages.FLAKY_500.path,
            rate_limited=pages.RATE_LIMITED.path,
            redirect_loop=pages.REDIRECT_A,
            redirect_target=pages.REDIRECT_B,
            moved=pages.MOVED,
            slow=pages.SLOW.path,
            huge=pages.HUGE_PATH,
            about=pages.ABOUT.path,
            disallowed_prefix="/noi-bo/",
            disallowed=(pages.INTERNAL_IN_SITEMAP.path, pages.INTERNAL_IN_LISTING.path),
        )

    # -- running ----------------------------------------------------------------------------

    def __enter__(self) -> Portal:
        if self._server is not None:
            raise RuntimeError("a portal serves once: make a new one")
        self._server = _Server((self.address, 0), _Handler, self)
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"portal:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._stopping.set()  # the slow and huge pages stop waiting and streaming
        server.shutdown()
        server.close_connections()  # handlers waiting for a keep-alive request wake up
        server.join_handlers(STOP_TIMEOUT)
        server.server_close()
        thread.join(STOP_TIMEOUT)

    @property
    def base_url(self) -> str:
        if not self.port:
            raise RuntimeError("the portal has a port only while it runs (use it as `with`)")
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    # -- what tests look at -----------------------------------------------------------------

    def requested(self, path_prefix: str) -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith(path_prefix)]

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()

    def reset_faults(self) -> None:
        """The flaky and rate-limited pages fail their next request again."""
        with self._lock:
            self._faults_served.clear()

    def article(self, path: str) -> pages.Article:
        """The article at ``path`` as served now (with what change() added)."""
        with self._lock:
            return pages.changed(self._articles[path], self._changes.get(path, 0))

    def change(self, path: str) -> None:
        """Rewrite the article at ``path``: one more sentence, a new ETag, a later Last-Modified
        and its sitemap's lastmod."""
        if path not in self._articles:
            raise KeyError(f"no article at {path}")
        with self._lock:
            self._changes[path] = self._changes.get(path, 0) + 1
            # As a real site's: the change's own time, later than any copy fetched before it.
            moment = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(seconds=1)
            self._changed_at[path] = moment
            self._cache.clear()

    def last_modified(self, path: str) -> dt.datetime:
        """When the article at ``path`` last changed, as its Last-Modified says."""
        with self._lock:
            changed = self._changed_at.get(path)
        return changed or _article_modified(self._articles[path])

    # -- serving ----------------------------------------------------------------------------

    def _log(self, request: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _first_request(self, path: str) -> bool:
        """Whether this is the first request to ``path`` (since the last reset_faults)."""
        with self._lock:
            if path in self._faults_served:
                return False
            self._faults_served.add(path)
            return True

    def page(self, target: str) -> _Page | None:
        """The page at ``target`` (path and query), or None: rendered once, then cached."""
        with self._lock:
            cached = self._cache.get(target)
        if cached is not None:
            return cached
        rendered = self._render(target)
        if rendered is not None:
            with self._lock:
                self._cache[target] = rendered
        return rendered

    def _render(self, target: str) -> _Page | None:
        base = self.base_url
        split = urlsplit(target)
        path, query = split.path, parse_qs(split.query)
        if path == "/":
            return self._text(pages.home_page(base), "text/html", SITE_UPDATED)
        if path == "/robots.txt":
            return self._text(pages.robots_txt(base), "text/plain", SITE_UPDATED)
        if path == "/sitemap_index.xml":
            maps = [(p, self._sitemap_modified(p)) for p in self._sitemaps]
            text = pages.sitemap_index(base, [(p, moment.date()) for p, moment in maps])
            return self._text(text, "application/xml", max(moment for _, moment in maps))
        if path in self._sitemaps:
            entries = [(p, self._modified(p)) for p in self._sitemaps[path]]
            text = pages.urlset(base, [(p, moment.date()) for p, moment in entries])
            return self._text(text, "application/xml", self._sitemap_modified(path))
        if path == "/rss.xml":
            feed = [self.article(p) for p in self._feed]
            moment = max(self._modified(a.path) for a in feed)
            return self._text(pages.rss(base, feed), "application/rss+xml", moment)
        if path == "/tin-tuc":
            return self._listing(query)
        if path in self._articles:
            article = self.article(path)
            charset = "windows-1258" if path == pages.WINDOWS_1258.path else "utf-8"
            text = pages.article_page(base, article, charset=charset)
            return self._text(text, "text/html", self._modified(path), charset=charset)
        return None

    def _listing(self, query: dict[str, list[str]]) -> _Page | None:
        pages_count = len(self._listing_pages)
        try:
            number = int(query.get("page", ["1"])[0])
        except ValueError:
            return None
        if not 1 <= number <= pages_count:
            return None
        listed = [self.article(p) for p in self._listing_pages[number - 1]]
        internal = pages.INTERNAL_IN_LISTING.path if number == 1 else None
        text = pages.listing_page(self.base_url, number, pages_count, listed, internal)
        return self._text(text, "text/html", max(self._modified(a.path) for a in listed))

    def _modified(self, path: str) -> dt.datetime:
        if path in self._articles and path != pages.ABOUT.path:
            return self.last_modified(path)
        return SITE_UPDATED

    def _sitemap_modified(self, sitemap: str) -> dt.datetime:
        return max(self._modified(p) for p in self._sitemaps[sitemap])

    def _text(
        self, text: str, media_type: str, modified: dt.datetime, *, charset: str = "utf-8"
    ) -> _Page:
        encode = pages.windows_1258 if charset == "windows-1258" else str.encode
        body = encode(text)
        # The port stays out of the validators: the same content has the same ETag on any run.
        etag = _etag(media_type, charset, text.replace(self.base_url, ""))
        return _Page(body, f"{media_type}; charset={charset}", etag, modified)

    def huge(self) -> tuple[int, Callable[[], Iterator[bytes]], str]:
        """The huge page's length, its chunks, and its ETag."""
        base = self.base_url
        head, chunk, repeats, tail = pages.huge_parts(base)
        etag = _etag(head.replace(base.encode(), b""), chunk, str(repeats), tail)
        return pages.huge_length(base), lambda: pages.huge_chunks(base), etag


class _Server(ThreadingHTTPServer):
    # Daemon threads: a handler stuck on a client can never keep the test process alive; the
    # portal still ends its connections and joins its handlers when it stops.
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, portal: Portal) -> None:
        self.portal = portal
        self._open: dict[socket.socket, threading.Thread] = {}
        self._open_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open[request] = threading.current_thread()
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._open_lock:
                self._open.pop(request, None)

    def close_connections(self) -> None:
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):  # closed by the client already
                connection.shutdown(socket.SHUT_RDWR)

    def join_handlers(self, timeout: float) -> None:
        with self._open_lock:
            threads = list(self._open.values())
        for thread in threads:
            thread.join(timeout)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that give up (time limits, size limits) close their end mid-response.
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


def _matches(etag: str, if_none_match: str) -> bool:
    """If-None-Match's weak comparison: "*", or the ETag among the listed ones."""
    wanted = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in wanted or etag.removeprefix("W/") in wanted


def _not_modified(page: _Page, headers: dict[str, str]) -> bool:
    if "if-none-match" in headers:  # it takes precedence over If-Modified-Since (RFC 9110)
        return _matches(page.etag, headers["if-none-match"])
    if "if-modified-since" in headers:
        try:
            since = parsedate_to_datetime(headers["if-modified-since"])
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=dt.UTC)
        return page.last_modified.replace(microsecond=0) <= since
    return False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "CongThongTin/2.1"
    sys_version = ""
    timeout = 30  # an idle keep-alive connection ends after this many seconds
    # Headers and body go out in separate writes: with Nagle's algorithm the body would wait for
    # the client's delayed ACK, 40 ms a response, which no real server makes its clients wait.
    disable_nagle_algorithm = True
    server: _Server

    @property
    def portal(self) -> Portal:
        return self.server.portal

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log is the portal's; stderr stays quiet

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        if parsed:
            headers = {name.lower(): value for name, value in self.headers.items()}
            request = LoggedRequest(self.command, self.path, headers, time.monotonic())
            self.portal._log(request)
        return parsed

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def do_GET(self) -> None:
        self._respond(body=True)

    def _respond(self, *, body: bool) -> None:
        portal, paths = self.portal, self.portal.paths
        target = self.path
        path = urlsplit(target).path
        if path == paths.moved:
            self._send(301, b"", "text/plain", {"Location": portal.url(paths.events[2])}, body=body)
            return
        if path in (paths.redirect_loop, paths.redirect_target):
            other = paths.redirect_target if path == paths.redirect_loop else paths.redirect_loop
            self._send(302, b"", "text/plain", {"Location": portal.url(other)}, body=body)
            return
        if path == paths.flaky_500 and portal._first_request(path):
            message = "Lỗi máy chủ nội bộ, vui lòng thử lại sau.".encode()
            self._send(500, message, "text/plain; charset=utf-8", body=body)
            return
        if path == paths.rate_limited and portal._first_request(path):
            message = "Quá nhiều yêu cầu, vui lòng thử lại sau.".encode()
            headers = {"Retry-After": RETRY_AFTER}
            self._send(429, message, "text/plain; charset=utf-8", headers, body=body)
            return
        if path == paths.huge:
            self._huge(body=body)
            return
        page = portal.page(target)
        if page is None:
            not_found = pages.not_found_page(portal.base_url).encode()
            self._send(404, not_found, "text/html; charset=utf-8", body=body)
            return
        validators = {"ETag": page.etag, "Last-Modified": _http_date(page.last_modified)}
        request_headers = {name.lower(): value for name, value in self.headers.items()}
        if _not_modified(page, request_headers):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        if path == paths.slow:
            self._slow(page, validators, body=body)
            return
        self._send(200, page.body, page.content_type, validators, body=body)

    def _send(
        self,
        status: int,
        payload: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
        *,
        body: bool,
    ) -> None:
        """A whole response; without its payload if ``body`` is false (HEAD)."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body and payload:
            self._write([payload])

    def _slow(self, page: _Page, validators: dict[str, str], *, body: bool) -> None:
        """Headers at once, the body after SLOW_SECONDS, or never if the portal stops first."""
        self.send_response(200)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        for name, value in validators.items():
            self.send_header(name, value)
        self.end_headers()
        if not body:
            return
        self.wfile.flush()
        if self.portal._stopping.wait(SLOW_SECONDS):
            self.close_connection = True  # the body never comes: the response is cut short
            return
        self._write([page.body])

    def _huge(self, *, body: bool) -> None:
        length, chunks, etag = self.portal.huge()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(length))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", _http_date(SITE_UPDATED))
        self.end_headers()
        if body:
            self._write(chunks())

    def _write(self, chunks: Iterable[bytes]) -> None:
        """Send ``chunks``; a client that hangs up, or the portal stopping, ends the response."""
        try:
            for chunk in chunks:
                if self.portal._stopping.is_set():
                    self.close_connection = True
                    return
                for start in range(0, len(chunk), CHUNK):
                    self.wfile.write(chunk[start : start + CHUNK])
        except (ConnectionError, TimeoutError):
            self.close_connection = True
