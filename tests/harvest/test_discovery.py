"""Which links of sitemaps, feeds and listing pages a harvest follows, and how."""

from __future__ import annotations

import datetime as dt

import pytest

from polgraph.harvest.discovery import feed_entries, is_pagination, page_links, sitemap_links
from polgraph.harvest.politeness import HostRules, backoff, parse_retry_after

SITE = "http://xa-example.gov.vn"


@pytest.mark.parametrize(
    ("listing", "link", "expected"),
    [
        ("/tin-tuc", "/tin-tuc?page=2", True),
        ("/tin-tuc?page=2", "/tin-tuc?page=3", True),
        ("/tin-tuc?trang=2&cm=5", "/tin-tuc?trang=3&cm=5", True),
        ("/tin-tuc", "/tin-tuc/trang-2", True),
        ("/chuyen-muc/su-kien/page/1", "/chuyen-muc/su-kien/page/2", True),
        ("/tin-tuc", "/tin-tuc/hoi-nghi-tong-ket-nam-2024.html", False),
        ("/tin-tuc", "/gioi-thieu", False),
        ("/tin-tuc?page=2", "/tin-tuc?id=2024", False),  # another parameter: another page
        ("/tin-tuc", "http://other.example/tin-tuc?page=2", False),
    ],
)
def test_pagination(listing, link, expected):
    target = link if link.startswith("http") else SITE + link
    assert is_pagination(SITE + listing, target) is expected


def test_a_listing_gives_its_feed_its_next_pages_and_its_articles():
    html = f"""<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">
    </head><body><a href="/tin-tuc/dai-hoi-chi-bo-thon-dong.html">Đại hội Chi bộ thôn Đông</a>
    <a rel="next" href="/tin-tuc?p=2">Trang sau</a><a href="{SITE}/logo.png">logo</a>
    <a href="http://other.example/x.html">elsewhere</a></body></html>"""
    kinds = {link.url: link.kind for link in page_links(SITE + "/tin-tuc", html)}
    assert kinds == {
        SITE + "/rss.xml": "feed",
        SITE + "/tin-tuc?p=2": "listing",
        SITE + "/tin-tuc/dai-hoi-chi-bo-thon-dong.html": "page",
    }


def test_sitemaps_keep_their_dates_and_nest():
    index = f"""<?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>{SITE}/sitemap-tin.xml</loc></sitemap></sitemapindex>"""
    assert [(link.url, link.kind) for link in sitemap_links(SITE + "/sitemap.xml", index)] == [
        (SITE + "/sitemap-tin.xml", "sitemap")
    ]
    urls = f"""<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>{SITE}/tin-tuc/ky-hop-thu-nhat.html</loc><lastmod>2021-06-30T08:00:00+07:00</lastmod></url>
    <url><loc>{SITE}/tin-tuc/tiep-xuc-cu-tri.html</loc></url></urlset>"""
    links = sitemap_links(SITE + "/sitemap-tin.xml", urls)
    assert [(link.url, link.dated, link.published) for link in links] == [
        (SITE + "/tin-tuc/ky-hop-thu-nhat.html", dt.date(2021, 6, 30), False),
        (SITE + "/tin-tuc/tiep-xuc-cu-tri.html", None, False),
    ]


def test_feed_items_are_dated_by_publication():
    rss = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
    <item><title>Hội nghị</title><link>{SITE}/tin-tuc/hoi-nghi-so-ket.html</link>
    <pubDate>Mon, 08 Jul 2024 09:30:00 +0700</pubDate></item></channel></rss>"""
    (link,) = feed_entries(SITE + "/rss.xml", rss)
    assert (link.url, link.dated, link.published) == (
        SITE + "/tin-tuc/hoi-nghi-so-ket.html",
        dt.date(2024, 7, 8),
        True,
    )


def test_retry_after_in_seconds_or_as_a_date():
    now = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Mon, 05 Jan 2026 08:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_backoff_doubles_and_is_capped():
    assert [backoff(n, 1.0) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert backoff(30, 1.0) == 300.0


def test_robots_rules_and_crawl_delay():
    rules = HostRules("xa-example.gov.vn", delay=0.5, user_agent="polgraph")
    rules.read_robots(
        SITE + "/robots.txt",
        "User-agent: *\nDisallow: /noi-bo/\nCrawl-delay: 3\nSitemap: " + SITE + "/sm.xml\n",
    )
    assert rules.allows(SITE + "/tin-tuc/a.html") and not rules.allows(SITE + "/noi-bo/a.html")
    assert rules.delay == 3.0 and rules.sitemaps == [SITE + "/sm.xml"]
    rules.read_robots(SITE + "/robots.txt", None)  # none: everything allowed
    assert rules.allows(SITE + "/noi-bo/a.html")
