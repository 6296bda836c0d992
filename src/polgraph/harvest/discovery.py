"""Finding a site's pages: the links of its sitemaps, feeds and listing pages.

The parsing is trafilatura's and courlan's (sitemap indexes and text sitemaps, RSS/Atom/JSON
feeds, feed links in a page's head, link extraction with URL cleaning and same-site filtering);
this module only adds what a harvest needs besides the links: the dates sitemaps and feeds give
(to skip what is out of range, or unchanged since the last harvest) and which links of a listing
page lead to its next pages.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urljoin, urlsplit

from courlan import extract_links, get_hostinfo, is_navigation_page, is_not_crawlable
from lxml import etree
from lxml import html as lxml_html
from trafilatura.feeds import FeedParameters, determine_feed, is_potential_feed
from trafilatura.feeds import extract_links as feed_links
from trafilatura.sitemaps import SitemapObject

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Link:
    url: str
    kind: str  # "sitemap" | "feed" | "listing" | "page"
    dated: dt.date | None = None  # a sitemap's lastmod or a feed item's date
    published: bool = False  # ``dated`` is the publication date (a feed's), not a change date


def site_of(url: str) -> tuple[str | None, str]:
    """(domain, base URL) as courlan sees them; the domain is None for an address courlan
    cannot place (an IP literal, localhost)."""
    domain, base = get_hostinfo(url)
    return domain, base


def sitemap_links(url: str, content: str) -> list[Link]:
    """The pages and nested sitemaps of one sitemap (XML, sitemap index or text)."""
    domain, base = site_of(url)
    if domain is None:
        return []
    sitemap = SitemapObject(base, domain, [])
    sitemap.current_url = url
    sitemap.content = content
    sitemap.process()
    dates = _lastmods(content)
    links = [Link(u, "sitemap") for u in dict.fromkeys(sitemap.sitemap_urls)]
    links += [Link(u, "page", dates.get(u)) for u in dict.fromkeys(sitemap.urls)]
    return links


def _lastmods(content: str) -> dict[str, dt.date]:
    """loc → lastmod of a sitemap's <url> entries (trafilatura keeps only the locations)."""
    tree = _xml(content)
    if tree is None:
        return {}
    found: dict[str, dt.date] = {}
    for entry in tree.iter("{*}url", "url"):
        loc = entry.findtext("{*}loc") or entry.findtext("loc")
        lastmod = entry.findtext("{*}lastmod") or entry.findtext("lastmod")
        day = _iso_day(lastmod)
        if loc and day:
            found[loc.strip()] = day
    return found


def _xml(content: str) -> etree._Element | None:
    """The document of a sitemap or feed, parsed leniently and without reaching the network."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
        return etree.fromstring(content.strip().encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return None


def _iso_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def feed_entries(url: str, content: str) -> list[Link]:
    """The pages of an RSS, Atom or JSON feed, with each item's publication date when given."""
    domain, base = site_of(url)
    if domain is None or not is_potential_feed(content.strip()):
        return []
    urls = feed_links(content, FeedParameters(base, domain, base))
    dates = _feed_dates(content)
    return [Link(u, "page", dates.get(u), published=u in dates) for u in dict.fromkeys(urls)]


def _feed_dates(content: str) -> dict[str, dt.date]:
    tree = _xml(content)
    if tree is None:
        return {}
    found: dict[str, dt.date] = {}
    for item in tree.iter("{*}item", "item", "{*}entry", "entry"):
        link = item.findtext("{*}link") or item.findtext("link")
        if not link:
            element = item.find("{*}link")
            link = element.get("href") if element is not None else None
        when = (
            item.findtext("{*}pubDate")
            or item.findtext("pubDate")
            or item.findtext("{*}published")
            or item.findtext("{*}updated")
        )
        day = _feed_day(when)
        if link and day:
            found[link.strip()] = day
    return found


def _feed_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError):
        return _iso_day(value)


def page_links(url: str, content: str) -> list[Link]:
    """A listing or start page's links on the same site: its feeds, its next pages (listings)
    and the rest (pages)."""
    domain, base = site_of(url)
    if domain is None:
        return []
    links = [Link(u, "feed") for u in determine_feed(content, FeedParameters(base, domain, url))]
    following = _rel_next(url, content)
    try:
        found = extract_links(
            pagecontent=content, url=url, external_bool=False, with_nav=True, strict=False
        )
    except ValueError:  # a malformed relative link
        found = set()
    feeds = {link.url for link in links}
    for link in sorted(found):
        if link == url or link in feeds or is_not_crawlable(link):
            continue
        kind = "listing" if link in following or is_pagination(url, link) else "page"
        links.append(Link(link, kind))
    return links


def _rel_next(url: str, content: str) -> set[str]:
    """The targets of rel="next"/"prev" links, absolute."""
    try:
        tree = lxml_html.fromstring(content)
    except (etree.ParserError, ValueError):
        return set()
    return {
        urljoin(url, element.get("href") or "")
        for element in tree.iter("a", "link")
        if element.get("href")
        and {"next", "prev"} & set((element.get("rel") or "").lower().split())
    }


def is_pagination(listing: str, link: str) -> bool:
    """Whether ``link`` is another page of the listing at ``listing``: courlan's navigation
    patterns ("/page/2"), or the same address but for numbers ("?page=2", "?trang=3",
    "/tin-tuc/p2" under "/tin-tuc")."""
    if is_navigation_page(link):
        return True
    a, b = urlsplit(listing), urlsplit(link)
    if (a.scheme, a.netloc) != (b.scheme, b.netloc):
        return False
    if a.path == b.path and b.query:
        ours, theirs = dict(parse_qsl(a.query)), dict(parse_qsl(b.query))
        changed = {k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k)}
        return bool(changed) and all(_DIGITS.fullmatch(theirs.get(k, "")) for k in changed)
    base = a.path.rstrip("/")
    if b.path.startswith(base + "/") and not b.query:
        rest = b.path[len(base) + 1 :].strip("/")
        return (
            "/" not in rest and bool(_DIGITS.search(rest)) and "." not in rest and len(rest) <= 12
        )
    return _DIGITS.sub("#", a.path + "?" + a.query) == _DIGITS.sub("#", b.path + "?" + b.query)
