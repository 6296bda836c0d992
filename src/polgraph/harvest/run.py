"""A harvest: from sites' addresses to archived pages and stored reports.

One thread (this one) owns the frontier, the archive and the store; fetches run in a small pool,
at most ``per_host`` at a time on one host and never sooner than the host's delay after the last.
Each page is archived before anything else is done with it, and the frontier says so; the pages
are then read, selected and stored in batches through the ingest pipeline, as ``polgraph ingest``
would read the WARC files. A harvest killed at any point resumes from the frontier: archived
pages not yet stored are read back from the archive, the rest is fetched.
"""

from __future__ import annotations

import datetime as dt
import time
import zlib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from polgraph import __version__
from polgraph.archive.reader import ArchivedPage, decoded_body, page_at
from polgraph.archive.writer import (
    ArchiveWriter,
    Exchange,
    RecordRef,
    payload_digest,
    repair_open_files,
)
from polgraph.errors import InputError
from polgraph.harvest.discovery import Link, feed_entries, page_links, sitemap_links
from polgraph.harvest.fetch import RETRY_STATUSES, Fetched, Fetcher, FetchLimits, header
from polgraph.harvest.frontier import Entry, Frontier
from polgraph.harvest.politeness import (
    MAX_BACKOFF,
    ROBOTS_AGENT,
    HostRules,
    backoff,
    parse_retry_after,
)
from polgraph.pipeline.archived import (
    Selection,
    is_candidate,
    latest_pages,
    prepare_page,
    retire_earlier_versions,
)
from polgraph.pipeline.ingest import Outcome, Pipeline, Prepared

DEFAULT_ARCHIVE = Path("var/archive")
DEFAULT_FRONTIER = Path("var/harvest.sqlite")


@dataclass(frozen=True)
class HarvestOptions:
    since: dt.date | None = None
    until: dt.date | None = None
    max_pages: int | None = None  # pages (listings and articles) requested in this run
    keep_all: bool = False  # every article, not only event reports
    archive: Path = DEFAULT_ARCHIVE
    frontier: Path = DEFAULT_FRONTIER
    contact: str | None = None  # an address or URL for site owners, in the User-Agent
    delay: float = 1.0  # seconds between two requests to one host
    per_host: int = 1  # requests to one host at once
    concurrency: int = 4  # requests at once in all
    retries: int = 3  # attempts after the first, on 429, 5xx and lost connections
    timeout: float = 30.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    warc_max_bytes: int = 1_000_000_000
    resolve: dict[str, str] = field(default_factory=dict)  # host → address (curl's --resolve)
    batch_size: int = 32
    # Links are followed from the start pages (depth 0) and the pages they link to (1): a site's
    # sections and their listings. Next pages of a listing keep its depth; the pages sitemaps and
    # feeds list are leaves (their links are not followed).
    max_depth: int = 2

    @property
    def selection(self) -> Selection:
        return Selection(keep_all=self.keep_all, since=self.since, until=self.until)

    def fetcher(self) -> Fetcher:
        """A client with these options' User-Agent, limits and addresses (close it after)."""
        return Fetcher(
            self.user_agent,
            FetchLimits(self.timeout, self.max_bytes, self.max_redirects),
            self.resolve,
        )

    @property
    def user_agent(self) -> str:
        contact = f"; +{self.contact}" if self.contact else ""
        return f"polgraph/{__version__} (harvester of local political news{contact})"


@dataclass
class HarvestSummary:
    """What a harvest did, counted as it goes (the progress display reads it)."""

    resumed: bool = False
    discovered: int = 0  # addresses queued in this run
    requests: int = 0  # HTTP requests sent, redirects and retries included
    fetched: int = 0  # pages answered 200
    archived: int = 0  # responses archived
    unchanged: int = 0  # 304, the same payload again, or unchanged by the sitemap's date
    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    failed: int = 0
    disallowed: int = 0
    skip_reasons: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    def as_dict(self) -> dict:
        counts = {
            key: getattr(self, key)
            for key in (
                "discovered",
                "requests",
                "fetched",
                "archived",
                "unchanged",
                "stored",
                "skipped",
                "rejected",
                "failed",
                "disallowed",
            )
        }
        return {
            "resumed": self.resumed,
            **counts,
            "skip_reasons": dict(self.skip_reasons),
            "failures": [{"url": url, "reason": reason} for url, reason in self.failures],
            "rejected_reports": [
                {"url": o.source, "error": o.error} for o in self.outcomes if o.status == "rejected"
            ],
            "archive_files": self.files,
            "elapsed_s": round(self.elapsed, 3),
        }


class Harvester:
    def __init__(
        self,
        pipeline: Pipeline,
        options: HarvestOptions,
        progress: Callable[[HarvestSummary], None] | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.options = options
        self.progress = progress or (lambda _summary: None)
        self.summary = HarvestSummary()
        self.hosts: dict[str, HostRules] = {}
        self.batch: list[tuple[str, ArchivedPage]] = []  # the frontier's address, the page
        self.requested_pages = 0

    # -- the run -----------------------------------------------------------------------------
    def run(self, seeds: list[str]) -> HarvestSummary:
        started = time.monotonic()
        seeds = [_checked_seed(seed) for seed in seeds]
        options = self.options
        if options.archive.exists():  # files a killed harvest left open
            repair_open_files(options.archive)
        frontier = Frontier(options.frontier)
        fetcher = options.fetcher()
        info = {
            "software": f"polgraph {__version__}",
            "format": "WARC File Format 1.1",
            "http-header-user-agent": options.user_agent,
            "polgraph-seeds": " ".join(seeds),
            **options.selection.as_info(),
        }
        writer = ArchiveWriter(options.archive, max_bytes=options.warc_max_bytes, info=info)
        self.frontier, self.fetcher, self.writer = frontier, fetcher, writer
        try:
            self.summary.resumed = frontier.start(seeds)
            if self.summary.resumed:
                self._take_up_archived()
            for seed in seeds:
                self._open_site(seed)
            self._fetch_all()
            self._flush()
            if self.pipeline.store is not None:
                self.pipeline.resolve_identities()
            frontier.finish()
        finally:
            writer.close()
            fetcher.close()
            frontier.close()
            self.summary.files = [path.name for path in writer.files]
            self.summary.elapsed = time.monotonic() - started
            self.progress(self.summary)
        return self.summary

    def _take_up_archived(self) -> None:
        """Pages archived by the killed run but not stored: read back from the archive."""
        self.frontier.requeue_fetching()
        for entry in self.frontier.archived_unsettled():
            page = page_at(self.options.archive, entry.record) if entry.record else None
            if page is None:
                self.frontier.mark(entry.url, "todo")
            else:
                self._page_ready(entry, page)

    # -- sites -------------------------------------------------------------------------------
    def _host_of(self, url: str) -> HostRules:
        host = urlsplit(url).netloc
        rules = self.hosts.get(host)
        if rules is None:
            rules = HostRules(host, self.options.delay, ROBOTS_AGENT)
            self.hosts[host] = rules
            self._read_robots(url, rules)
        return rules

    def _read_robots(self, url: str, rules: HostRules) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        fetched = self._request(robots_url, rules)
        rules.read_robots(robots_url, _robots_text(fetched.last))

    def _open_site(self, seed: str) -> None:
        rules = self._host_of(seed)
        parts = urlsplit(seed)
        base = f"{parts.scheme}://{parts.netloc}"
        sitemaps = rules.sitemaps or [f"{base}/sitemap.xml"]
        for sitemap in sitemaps:
            self._queue(Link(sitemap, "sitemap"), 0)
        self._queue(Link(seed, "listing"), 0)

    def _queue(self, link: Link, depth: int) -> None:
        parts = urlsplit(link.url)
        url = link.url if parts.path else parts._replace(path="/").geturl()  # one home page
        self._host_of(url)
        if self.frontier.add(
            url, parts.netloc, link.kind, dated=link.dated, published=link.published, depth=depth
        ):
            self.summary.discovered += 1

    # -- fetching ----------------------------------------------------------------------------
    def _fetch_all(self) -> None:
        options = self.options
        running: dict[Future[Fetched], tuple[Entry, HostRules]] = {}
        with ThreadPoolExecutor(max_workers=max(1, options.concurrency)) as pool:
            while True:
                self._dispatch(pool, running)
                if not running:
                    waiting = [
                        self.hosts[host]
                        for host in self.frontier.hosts_with_work()
                        if host in self.hosts
                    ]
                    if not waiting:
                        return
                    pause = min(rules.next_allowed for rules in waiting) - time.monotonic()
                    time.sleep(min(max(pause, 0.01), 1.0))
                    continue
                done, _ = wait(list(running), timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    entry, rules = running.pop(future)
                    rules.in_flight -= 1
                    self._handle(entry, rules, future.result())
                    self.progress(self.summary)
                if len(self.batch) >= options.batch_size:
                    self._dispatch(pool, running)  # the next pages come while these are stored
                    self._flush()

    def _dispatch(
        self, pool: ThreadPoolExecutor, running: dict[Future[Fetched], tuple[Entry, HostRules]]
    ) -> None:
        options = self.options
        for host in self.frontier.hosts_with_work():
            rules = self.hosts.get(host)
            if rules is None:  # a host of a resumed run: its robots.txt first, by its scheme
                first = self.frontier.next_for(host)
                if first is None:
                    continue
                rules = self._host_of(first.url)
            while (
                len(running) < options.concurrency
                and rules.in_flight < options.per_host
                and rules.ready()
            ):
                entry = self.frontier.next_for(host)
                if entry is None:
                    break
                if not self._worth_asking(entry, rules):
                    continue
                if entry.kind in ("listing", "page"):
                    if options.max_pages is not None and self.requested_pages >= options.max_pages:
                        self.frontier.mark(entry.url, "todo-later", "past --max-pages")
                        continue
                    self.requested_pages += 1
                self.frontier.mark(entry.url, "fetching")
                rules.in_flight += 1
                rules.next_allowed = time.monotonic() + rules.delay  # no second start meanwhile
                future = pool.submit(
                    self.fetcher.fetch,
                    entry.url,
                    etag=entry.etag,
                    last_modified=entry.last_modified,
                    allowed=rules.allows,
                )
                running[future] = (entry, rules)

    def _worth_asking(self, entry: Entry, rules: HostRules) -> bool:
        """Settle, without a request, what robots.txt, the dates or the sitemap already settle."""
        if not rules.allows(entry.url):
            self.frontier.mark(entry.url, "disallowed", "robots.txt disallows it")
            self.summary.disallowed += 1
            return False
        selection = self.options.selection
        if entry.kind == "page" and entry.dated is not None:
            if (entry.published and selection.outside(entry.dated)) or (
                selection.since and entry.dated < selection.since
            ):
                self.frontier.mark(entry.url, "outside", "dated outside --since/--until")
                self._skip(f"outside the dates asked for: dated {entry.dated}")
                return False
            if (
                not entry.published
                and entry.fetched_at is not None
                and entry.dated < entry.fetched_at.date()
            ):
                self.frontier.mark(entry.url, "unchanged", "the sitemap dates it before our copy")
                self.summary.unchanged += 1
                return False
        return True

    def _request(self, url: str, rules: HostRules) -> Fetched:
        """A request made here (robots.txt), archived like the others."""
        fetched = self.fetcher.fetch(url, allowed=lambda _url: True)
        rules.done()
        self.summary.requests += len(fetched.exchanges)
        for exchange in fetched.exchanges:
            self._archive(exchange)
        return fetched

    def _archive(self, exchange: Exchange, revisit_of: RecordRef | None = None) -> RecordRef:
        ref = self.writer.write(exchange, revisit_of=revisit_of)
        self.summary.archived += 1
        return ref

    def _handle(self, entry: Entry, rules: HostRules, fetched: Fetched) -> None:
        self.summary.requests += max(1, len(fetched.exchanges))
        last = fetched.last
        for exchange in fetched.exchanges[:-1]:
            self._archive(exchange)  # the redirects on the way
        if last is None:  # no answer: a lost connection or the time limit
            # A lost connection is tried again; a page past the time limit would be slow again.
            self._retry_or_fail(
                entry, rules, fetched.error or "no answer", retry=not fetched.timed_out
            )
            return
        if last.status in RETRY_STATUSES:
            self._archive(last)
            wait_for = parse_retry_after(fetched.retry_after)
            self._retry_or_fail(entry, rules, f"HTTP {last.status}", retry=True, wait_for=wait_for)
            return
        rules.done()
        if fetched.error is not None:  # a redirect loop, too many hops, or robots.txt
            self._archive(last)
            self._fail(entry, fetched.error)
            return
        if last.status == 304:
            self._archive(last)
            self.frontier.mark(entry.url, "unchanged", "304 Not Modified")
            self.summary.unchanged += 1
            return
        if last.status != 200:
            self._archive(last)
            self._fail(entry, f"HTTP {last.status}")
            return
        try:
            body = decoded_body(last.body, header(last, "content-encoding"))
        except (OSError, ValueError, zlib.error) as exc:  # a body its encoding does not fit
            self._archive(last)
            self._fail(entry, f"the body cannot be decoded ({exc})")
            return
        digest = payload_digest(body)
        if entry.digest == digest and entry.record is not None and not last.truncated:
            self._archive(last, revisit_of=entry.record)  # the server ignored our validators
            self.frontier.mark(entry.url, "unchanged", "the same payload as archived before")
            self.summary.unchanged += 1
            return
        ref = self._archive(last)
        self.summary.fetched += 1
        self.frontier.archived(
            entry.url,
            ref,
            digest=digest,
            etag=header(last, "etag"),
            last_modified=header(last, "last-modified"),
            fetched=last.fetched,
        )
        page = ArchivedPage(
            url=last.url,
            status=200,
            headers={k.lower(): v for k, v in last.response_headers},
            body=body,
            fetched=last.fetched,
            record=ref,
            truncated=last.truncated,
        )
        self._discover(entry, page)
        self._page_ready(entry, page)

    def _discover(self, entry: Entry, page: ArchivedPage) -> None:
        if entry.kind in ("page", "listing") and (
            entry.depth >= self.options.max_depth or page.content_type not in ("text/html", "")
        ):
            return
        text = _text_of(page)
        try:
            if entry.kind == "sitemap":
                links = sitemap_links(page.url, text)
            elif entry.kind == "feed":
                links = feed_entries(page.url, text)
            else:
                links = page_links(page.url, text)
        except Exception as exc:  # noqa: BLE001 - third-party parsers on whatever a site sends
            self.summary.failures.append((entry.url, f"its links cannot be read ({exc})"))
            return
        home = urlsplit(page.url).netloc  # where a redirect led: the site's own name
        for link in links:
            if urlsplit(link.url).netloc != home:
                continue
            if link.kind in ("sitemap", "feed"):
                self._queue(link, entry.depth)
            elif entry.kind in ("sitemap", "feed"):  # articles: read, their links not followed
                self._queue(link, self.options.max_depth)
            else:  # a listing's next page stays at its depth; the rest are one further
                self._queue(link, entry.depth + (link.kind != "listing"))

    def _page_ready(self, entry: Entry, page: ArchivedPage) -> None:
        if entry.kind in ("sitemap", "feed") or not is_candidate(page):
            self.frontier.mark(entry.url, "read")
            return
        self.batch.append((entry.url, page))

    def _retry_or_fail(
        self,
        entry: Entry,
        rules: HostRules,
        reason: str,
        *,
        retry: bool,
        wait_for: float | None = None,
    ) -> None:
        attempts = self.frontier.retry_later(entry.url, reason)
        if not retry or attempts > self.options.retries:
            rules.done()
            self._fail(entry, reason if not retry else f"{reason}, {attempts} attempts")
            return
        if wait_for is not None and wait_for > MAX_BACKOFF:
            rules.done()
            self._fail(entry, f"{reason}: the host asked to wait {wait_for:g} s; left for later")
            return
        rules.done(wait_for if wait_for is not None else backoff(attempts, self.options.delay))
        self.frontier.mark(entry.url, "todo", reason)

    def _fail(self, entry: Entry, reason: str) -> None:
        self.frontier.mark(entry.url, "failed", reason)
        self.summary.failed += 1
        self.summary.failures.append((entry.url, reason))

    def _skip(self, reason: str) -> None:
        self.summary.skipped += 1
        self.summary.skip_reasons[reason.split(":", 1)[0]] += 1

    # -- storing -----------------------------------------------------------------------------
    def _flush(self) -> None:
        """Read, select and store the pages waiting, as ingesting their archive would."""
        if not self.batch:
            return
        waiting, self.batch = self.batch, []
        items: list[Prepared] = [
            prepare_page(page, self.pipeline.vocabulary, self.options.selection)
            for _, page in waiting
        ]
        summary = self.pipeline.settle_all(items, resolve=False)
        stored = [
            (item.source, item.graph.iri, outcome)
            for item, outcome in zip(items, summary.outcomes, strict=True)
            if item.graph is not None
        ]
        store, writer = self.pipeline.store, self.pipeline.writer
        if store is not None and writer is not None:
            retire_earlier_versions(store, writer, latest_pages(stored))
        for (address, _), outcome in zip(waiting, summary.outcomes, strict=True):
            self.summary.outcomes.append(outcome)
            if outcome.status == "skipped":
                self._skip(outcome.error or "skipped")
                self.frontier.mark(address, "skipped", outcome.error)
            elif outcome.status == "rejected":
                self.summary.rejected += 1
                self.frontier.mark(address, "rejected", outcome.error)
            else:
                self.summary.stored += 1
                self.frontier.mark(address, "stored", outcome.status)


def plan_harvest(seeds: list[str], options: HarvestOptions) -> list[tuple[Link, bool]]:
    """What a harvest would fetch, from robots.txt, sitemaps and the feeds the start pages
    name, without fetching any article or writing anything: (link, allowed by robots.txt)."""
    fetcher = options.fetcher()
    found: dict[str, tuple[Link, bool]] = {}
    try:
        for seed in (_checked_seed(seed) for seed in seeds):
            parts = urlsplit(seed)
            base = f"{parts.scheme}://{parts.netloc}"
            rules = HostRules(parts.netloc, options.delay, ROBOTS_AGENT)
            robots = fetcher.fetch(f"{base}/robots.txt").last
            rules.read_robots(f"{base}/robots.txt", _robots_text(robots))
            queue = [Link(url, "sitemap") for url in rules.sitemaps or [f"{base}/sitemap.xml"]]
            start = fetcher.fetch(seed, allowed=rules.allows).last
            if start is not None and start.status == 200:
                queue += [
                    link
                    for link in page_links(seed, _text_of_exchange(start))
                    if link.kind == "feed"
                ]
            seen: set[str] = set()
            while queue:
                link = queue.pop(0)
                if link.url in seen or not rules.allows(link.url):
                    continue
                seen.add(link.url)
                time.sleep(rules.delay)
                answer = fetcher.fetch(link.url, allowed=rules.allows).last
                if answer is None or answer.status != 200:
                    continue
                text = _text_of_exchange(answer)
                more = (
                    sitemap_links(link.url, text)
                    if link.kind == "sitemap"
                    else feed_entries(link.url, text)
                )
                for item in more:
                    if item.kind == "sitemap":
                        queue.append(item)
                    elif item.url not in found:
                        found[item.url] = (item, rules.allows(item.url))
    finally:
        fetcher.close()
    return list(found.values())


def _robots_text(answer: Exchange | None) -> str | None:
    """What a host's robots.txt says, by RFC 9309: its text when it answered 200; nothing (all
    allowed) on 4xx; everything disallowed when it cannot be read (5xx, no answer)."""
    if answer is None or answer.status >= 500:
        return "User-agent: *\nDisallow: /\n"
    if answer.status == 200:
        return _text_of_exchange(answer)
    return None


def _checked_seed(seed: str) -> str:
    parts = urlsplit(seed)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(seed, "not a web address: a harvest starts from http:// or https:// URLs")
    return seed


def _text_of(page: ArchivedPage) -> str:
    return page.body.decode(page.charset or "utf-8", "replace")


def _text_of_exchange(exchange: Exchange) -> str:
    return decoded_body(exchange.body, header(exchange, "content-encoding")).decode(
        "utf-8", "replace"
    )
