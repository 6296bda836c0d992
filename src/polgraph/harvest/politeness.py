"""The rules a polite harvester keeps for each host: robots.txt, a delay between requests, and
backing off when the host says it is busy."""

from __future__ import annotations

import datetime as dt
import email.utils
import time
import urllib.robotparser
from dataclasses import dataclass, field

ROBOTS_AGENT = "polgraph"  # the name robots.txt rules address us by (User-agent: polgraph)
MAX_BACKOFF = 300.0  # seconds: a host asking for a longer pause is left for the next run


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None if absent or
    unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


def backoff(attempt: int, base: float) -> float:
    """Exponential backoff after the ``attempt``-th failure (1, 2, …), capped."""
    return min(MAX_BACKOFF, max(base, 0.5) * 2 ** (attempt - 1))


@dataclass
class HostRules:
    """One host's robots.txt and timing. ``delay`` is the larger of ours and its Crawl-delay."""

    host: str
    delay: float
    user_agent: str
    robots: urllib.robotparser.RobotFileParser | None = None
    next_allowed: float = 0.0  # time.monotonic() before which no request starts
    in_flight: int = 0
    sitemaps: list[str] = field(default_factory=list)

    def read_robots(self, url: str, text: str | None) -> None:
        """Take the host's robots.txt (None: there is none, so everything is allowed)."""
        if text is None:
            self.robots = None
            return
        parser = urllib.robotparser.RobotFileParser(url)
        parser.parse(text.splitlines())
        self.robots = parser
        crawl_delay = parser.crawl_delay(self.user_agent)
        if crawl_delay:
            self.delay = max(self.delay, float(crawl_delay))
        self.sitemaps = list(parser.site_maps() or [])

    def allows(self, url: str) -> bool:
        return self.robots is None or self.robots.can_fetch(self.user_agent, url)

    def ready(self, now: float | None = None) -> bool:
        return (now if now is not None else time.monotonic()) >= self.next_allowed

    def done(self, wait: float | None = None) -> None:
        """A request ended: the next may start after the delay, or after ``wait`` when the
        host asked for more."""
        pause = self.delay if wait is None else max(self.delay, wait)
        self.next_allowed = max(self.next_allowed, time.monotonic() + pause)
