"""Archived web pages as reports: which of them to keep, and the report each becomes, with the
WARC record it was read from.

A page is kept when it is a whole HTML page that answered 200, reads as an article, and reports
a political event (``polgraph.extract.classify``; ``Selection.keep_all`` keeps every article)
published within the selection's dates. Every page passed over becomes a "skipped" outcome saying
why. When a page's address was stored before with other text (the page changed), the new version
replaces the old report: ``retire_earlier_versions``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from polgraph.archive.reader import ArchivedPage, read_archive, read_info
from polgraph.errors import InputError
from polgraph.extract.classify import classify_page
from polgraph.extract.schema import ArchivedCapture
from polgraph.extract.source import read_source
from polgraph.rdf.mapping import map_extraction
from polgraph.store.base import GraphStore
from polgraph.store.layout import ReportWriter
from polgraph.text.normalise import nfc
from polgraph.vocab import Vocabulary

from .outcomes import Outcome, Prepared

_HTML_TYPES = ("text/html", "application/xhtml+xml", "")
_KEY_LIMIT = 80


@dataclass(frozen=True)
class Selection:
    """Which archived pages become reports. Written into each WARC file's warcinfo record by a
    harvest, so that ingesting the files alone selects the same pages."""

    keep_all: bool = False
    since: dt.date | None = None
    until: dt.date | None = None

    def as_info(self) -> dict[str, str]:
        info = {"polgraph-select": "all" if self.keep_all else "events"}
        if self.since:
            info["polgraph-since"] = self.since.isoformat()
        if self.until:
            info["polgraph-until"] = self.until.isoformat()
        return info

    @classmethod
    def from_info(cls, info: dict[str, str]) -> Selection:
        def day(name: str) -> dt.date | None:
            value = info.get(name)
            try:
                return dt.date.fromisoformat(value) if value else None
            except ValueError:
                return None

        return cls(
            keep_all=info.get("polgraph-select") == "all",
            since=day("polgraph-since"),
            until=day("polgraph-until"),
        )

    def outside(self, published: dt.date | None) -> bool:
        if published is None:
            return False  # no date to judge by: kept, as the reader may find one in the text
        return bool(
            (self.since and published < self.since) or (self.until and published > self.until)
        )


def page_key(url: str) -> str:
    """A report's short key from its address: the last part of the path, without its suffix
    ("/tin-tuc/hoi-nghi-so-ket.html" → "hoi-nghi-so-ket")."""
    parts = urlsplit(url)
    last = [part for part in parts.path.split("/") if part]
    stem = last[-1].rsplit(".", 1)[0] if last else parts.netloc
    if parts.query:
        stem = f"{stem}-{parts.query}"
    return stem[:_KEY_LIMIT] or parts.netloc


def is_candidate(page: ArchivedPage) -> bool:
    """A response that could be an article: a 200 HTML page (sitemaps, feeds, robots.txt,
    redirects and 304s are archived too, but are not pages)."""
    return page.status == 200 and page.revisit_of is None and page.content_type in _HTML_TYPES


def prepare_page(
    page: ArchivedPage,
    vocabulary: Vocabulary,
    selection: Selection,
    *,
    published: dt.date | None = None,
) -> Prepared:
    """One archived page as a report ready to be validated and stored, or as a skipped or
    rejected outcome saying why not."""
    source = page.url

    def passed_over(reason: str) -> Prepared:
        return Prepared(source, rejected=Outcome(source, "skipped", error=reason))

    if page.truncated:
        return passed_over(f"the page was cut short ({page.truncated}) when it was fetched")
    try:
        read = read_source(
            page.body, source, ".html", published=published, url=page.url, charset=page.charset
        )
    except InputError as exc:
        if exc.message.startswith("no article text"):
            return passed_over("no article text in the page")
        return Prepared(source, rejected=Outcome(source, "rejected", error=exc.message))
    if _mostly_links(page.body, read.text):
        return passed_over("a listing of links, not an article")
    if not selection.keep_all:
        verdict = classify_page(read.title, read.text)
        if not verdict.is_event:
            return passed_over(f"not an event report: {verdict.reason}")
    if selection.outside(read.published):
        return passed_over(f"outside the dates asked for: published {read.published}")
    from polgraph.extract.reader import read_report  # the reader is slow to import

    try:
        extraction = read_report(read, report_id=page_key(page.url))
        capture = ArchivedCapture(
            record=page.record.record_id,
            file=page.record.file,
            fetched=page.fetched,
            target=page.url,
        )
    except ValueError as exc:
        return Prepared(
            source, rejected=Outcome(source, "rejected", error=f"the reader failed on it: {exc}")
        )
    meta = extraction.report.model_copy(update={"archived": capture})
    extraction = extraction.model_copy(update={"report": meta})
    return Prepared(source, map_extraction(extraction, vocabulary))


# A page whose article text is mostly the words of its links lists other pages (a section, a
# listing page of news): its headlines may name events, but it reports none.
_LINK_SHARE = 0.6
_SHORTEST_HEADLINE = 20


def _mostly_links(html: bytes, text: str) -> bool:
    """Whether most of the article text trafilatura found is the text of the page's links."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return False
    anchors = {
        nfc(" ".join(" ".join(str(part) for part in anchor.itertext()).split()))
        for anchor in tree.iter("a")
        if anchor.get("href")
    }
    anchors = {a for a in anchors if len(a) >= _SHORTEST_HEADLINE}
    if not anchors:
        return False
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    total = sum(len(line) for line in lines)
    linked = sum(max((len(a) for a in anchors if a in line), default=0) for line in lines)
    return total > 0 and linked / total >= _LINK_SHARE


def archived_reports(
    path: Path,
    vocabulary: Vocabulary,
    *,
    selection: Selection | None = None,
    published: dt.date | None = None,
    problems: list[str] | None = None,
) -> Iterator[Prepared]:
    """The pages of one WARC file as reports (or skipped outcomes), in the file's order. The
    selection is the one the harvest wrote into the file unless one is given."""
    chosen = selection or Selection.from_info(read_info(path))
    for page in read_archive(path, problems=problems):
        if is_candidate(page):
            yield prepare_page(page, vocabulary, chosen, published=published)


_STORED_AT = """PREFIX pg: <https://w3id.org/polgraph/ontology#>
SELECT ?report ?url WHERE {{ VALUES ?url {{ {urls} }} GRAPH ?report {{ ?report pg:url ?url }} }}"""


def retire_earlier_versions(
    store: GraphStore, writer: ReportWriter, latest: dict[str, URIRef]
) -> list[URIRef]:
    """Remove the reports read earlier from the pages in ``latest`` (address → the report just
    stored from it) when their text was another: a changed page replaces its old report rather
    than standing beside it. Returns the reports removed."""
    removed: list[URIRef] = []
    urls = sorted(latest)
    step = max(1, store.values_limit)
    for start in range(0, len(urls), step):
        terms = " ".join(
            Literal(url, datatype=XSD.anyURI).n3() for url in urls[start : start + step]
        )
        for row in store.query(_STORED_AT.format(urls=terms)):
            report = URIRef(row["report"].value)
            if report != latest.get(row["url"].value) and writer.remove(report):
                removed.append(report)
    return removed


def latest_pages(stored: Iterable[tuple[str, URIRef, Outcome]]) -> dict[str, URIRef]:
    """Address → the report stored from it (from address, report, outcome), the last one of
    the run counting."""
    latest: dict[str, URIRef] = {}
    for url, report, outcome in stored:
        if outcome.status in ("added", "replaced", "unchanged"):
            latest[url] = report
    return latest
