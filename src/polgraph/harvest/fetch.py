"""Fetching one address as a polite client: a clear User-Agent, conditional requests, redirects
followed up to a bound (each hop kept, to be archived), and limits on size and time.

httpx does the HTTP (a chosen dependency, already used for the service store); trafilatura's own
downloader cannot send conditional requests, hand back every hop, or keep the bytes as sent, all
of which an archive needs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from polgraph.archive.writer import Exchange

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 30.0  # seconds for the whole page, first byte to last
    max_bytes: int = 10_000_000  # a page past this is cut there (and archived as cut)
    max_redirects: int = 5


@dataclass
class Fetched:
    """What fetching one address gave: every exchange in order (redirect hops, then the last),
    or the error that ended it."""

    url: str
    exchanges: list[Exchange] = field(default_factory=list)
    error: str | None = None
    timed_out: bool = False  # ``error`` is the time limit
    retry_after: str | None = None  # the last response's Retry-After, when it asked to wait

    @property
    def last(self) -> Exchange | None:
        return self.exchanges[-1] if self.exchanges else None


class Fetcher:
    """GETs pages through one httpx client (thread-safe: several hosts are fetched at once).

    ``resolve`` maps host names to addresses, as curl's --resolve does: the request goes to the
    address with the name in its Host header (and TLS server name), so a portal can be harvested
    from a mirror, or from a test server on 127.0.0.1, under its own name."""

    def __init__(
        self,
        user_agent: str,
        limits: FetchLimits | None = None,
        resolve: dict[str, str] | None = None,
    ) -> None:
        self.user_agent = user_agent
        self.limits = limits or FetchLimits()
        self.resolve = dict(resolve or {})
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(self.limits.timeout),
            headers={"User-Agent": user_agent},
            trust_env=False,  # talk to the host named, never through a proxy set for other work
        )

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allowed: Callable[[str], bool] = lambda _url: True,
    ) -> Fetched:
        """GET ``url``, conditionally when validators are given; redirects are followed while
        ``allowed`` (robots.txt) lets them."""
        result = Fetched(url)
        seen = {url}
        current = url
        for _hop in range(self.limits.max_redirects + 1):
            headers = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
            if current == url and etag:
                headers["If-None-Match"] = etag
            if current == url and last_modified:
                headers["If-Modified-Since"] = last_modified
            try:
                exchange = self._get(current, headers)
            except httpx.TimeoutException:
                result.error = f"no whole answer within {self.limits.timeout:g} s"
                result.timed_out = True
                return result
            except httpx.HTTPError as exc:
                result.error = f"{type(exc).__name__}: {exc}"
                return result
            result.exchanges.append(exchange)
            if exchange.status in RETRY_STATUSES:
                result.retry_after = header(exchange, "retry-after")
            if exchange.status not in REDIRECT_STATUSES:
                return result
            location = header(exchange, "location")
            if not location:
                result.error = f"a {exchange.status} redirect without a Location"
                return result
            target = urljoin(current, location)
            if target in seen:
                result.error = f"a redirect loop back to {target}"
                return result
            if not allowed(target):
                result.error = f"redirected to {target}, which robots.txt disallows"
                return result
            seen.add(target)
            current = target
        result.error = f"more than {self.limits.max_redirects} redirects"
        return result

    def _get(self, url: str, headers: dict[str, str]) -> Exchange:
        parts = urlsplit(url)
        target, extensions = url, {}
        address = self.resolve.get(parts.hostname or "")
        if address is not None:
            netloc = address + (f":{parts.port}" if parts.port else "")
            target = urlunsplit(parts._replace(netloc=netloc))
            headers = {**headers, "Host": parts.netloc}
            extensions = {"sni_hostname": parts.hostname}
        request = self._client.build_request("GET", target, headers=headers, extensions=extensions)
        fetched = dt.datetime.now(dt.UTC)
        deadline = time.monotonic() + self.limits.timeout
        response = self._client.send(request, stream=True)
        try:
            body, truncated = self._read(response, deadline)
        finally:
            response.close()
        request_headers = [(k, v) for k, v in request.headers.items() if k.lower() != "host"]
        request_headers.insert(0, ("Host", parts.netloc))
        return Exchange(
            url=url,
            method="GET",
            request_headers=request_headers,
            status=response.status_code,
            reason=response.reason_phrase,
            response_headers=list(response.headers.multi_items()),
            body=body,
            fetched=fetched,
            http_version=response.http_version,
            truncated=truncated,
            remote_ip=address,
        )

    def _read(self, response: httpx.Response, deadline: float) -> tuple[bytes, str | None]:
        """The body as sent (still content-encoded), cut at the size limit."""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_raw():
            chunks.append(chunk)
            size += len(chunk)
            if size > self.limits.max_bytes:
                return b"".join(chunks)[: self.limits.max_bytes], "length"
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("the page took too long", request=response.request)
        return b"".join(chunks), None


def header(exchange: Exchange, name: str) -> str | None:
    """The last value of a response header (``name`` in lower case), or None."""
    for key, value in reversed(exchange.response_headers):
        if key.lower() == name:
            return value
    return None
