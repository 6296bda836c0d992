"""The test portal (tests/harvest/portal.py) serves what the harvest tests rely on: discovery
files, validators and 304s, the faults it promises (500, 429, redirect loop, slow, huge), a
request log, change(), and a generated archive shaped like one portal's years."""

from __future__ import annotations

import re
import sys
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx
import pytest

# The portal's modules are helpers of this folder, imported as the harvest tests import them.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import portal_pages as pages
from portal import Portal

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def portal() -> Iterator[Portal]:
    with Portal() as site:
        yield site


def client(portal: Portal, timeout: float = 5) -> httpx.Client:
    """A client of 127.0.0.1 that names the portal's host, as the harvester does."""
    return httpx.Client(
        base_url=f"http://{portal.address}:{portal.port}",
        headers={"Host": f"{portal.host}:{portal.port}"},
        timeout=timeout,
    )


def get(portal: Portal, path: str, **headers: str) -> httpx.Response:
    with client(portal) as http:
        return http.get(path, headers=headers)


def locations(xml: bytes, element: str) -> list[tuple[str, str]]:
    root = ET.fromstring(xml)
    return [
        (node.findtext(f"{SITEMAP}loc", ""), node.findtext(f"{SITEMAP}lastmod", ""))
        for node in root.iter(f"{SITEMAP}{element}")
    ]


def sitemap_urls(portal: Portal) -> dict[str, str]:
    """Every URL of every sitemap → its lastmod."""
    index = get(portal, "/sitemap_index.xml").content
    found: dict[str, str] = {}
    for sitemap, _ in locations(index, "sitemap"):
        path = sitemap.removeprefix(portal.base_url)
        found.update(locations(get(portal, path).content, "url"))
    return found


def feed_items(portal: Portal) -> list[ET.Element]:
    return list(ET.fromstring(get(portal, "/rss.xml").content).iter("item"))


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_robots_txt_disallows_the_internal_section_and_names_the_sitemap_index(portal):
    response = get(portal, "/robots.txt")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "User-agent: *" in lines and "Disallow: /noi-bo/" in lines
    assert f"Sitemap: http://portal.test:{portal.port}/sitemap_index.xml" in lines


def test_the_sitemaps_list_most_articles_the_specials_and_one_internal_page(portal):
    index = locations(get(portal, "/sitemap_index.xml").content, "sitemap")
    base = portal.base_url
    assert [loc for loc, _ in index] == [base + "/sitemap-1.xml", base + "/sitemap-2.xml"]
    urls = sitemap_urls(portal)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", lastmod) for lastmod in urls.values())
    paths = portal.paths
    specials = {paths.windows_1258, paths.flaky_500, paths.rate_limited, paths.redirect_loop}
    specials |= {paths.slow, paths.huge, paths.disallowed[0]}
    assert {base + path for path in specials} <= set(urls)
    assert [u for u in urls if u.startswith(base + paths.disallowed_prefix)] == [
        base + paths.disallowed[0]
    ]
    assert base + paths.feed_only not in urls and base + paths.listing_only not in urls
    assert all(u.startswith(base + "/") for u in urls)


def test_the_home_page_points_to_the_feed_and_the_listing(portal):
    html = get(portal, "/").text
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Tin tức – Sự kiện" '
        f'href="{portal.base_url}/rss.xml">' in html
    )
    assert portal.base_url + "/tin-tuc" in links(html)


def test_the_feed_has_the_latest_articles_one_of_them_in_no_sitemap(portal):
    items = feed_items(portal)
    assert len(items) == 5
    urls = [item.findtext("link") for item in items]
    assert urls[0] == portal.base_url + portal.paths.feed_only
    assert set(urls) - set(sitemap_urls(portal)) == {portal.base_url + portal.paths.feed_only}
    for item in items:
        assert item.findtext("title")
        assert parsedate_to_datetime(item.findtext("pubDate", "")).tzinfo is not None


def test_the_listing_pages_paginate_and_the_last_holds_an_article_found_nowhere_else(portal):
    base, paths = portal.base_url, portal.paths
    assert paths.listings == ("/tin-tuc", "/tin-tuc?page=2", "/tin-tuc?page=3")
    found = {listing: links(get(portal, listing).text) for listing in paths.listings}
    first = get(portal, "/tin-tuc").text
    assert f'<a rel="next" href="{base}/tin-tuc?page=2">Trang sau</a>' in first
    assert f'<a href="{base}/tin-tuc?page=3">3</a>' in first
    assert f'<a rel="prev" href="{base}/tin-tuc?page=2">' in get(portal, "/tin-tuc?page=3").text
    everywhere = [href for hrefs in found.values() for href in hrefs]
    assert Counter(href for href in everywhere if "/noi-bo/" in href) == {
        base + paths.disallowed[1]: 1
    }
    assert base + paths.listing_only in found["/tin-tuc?page=3"]
    elsewhere = set(sitemap_urls(portal)) | {item.findtext("link") for item in feed_items(portal)}
    assert base + paths.listing_only not in elsewhere
    assert base + paths.feed_only not in everywhere
    assert get(portal, "/tin-tuc?page=4").status_code == 404


def test_every_event_report_is_reachable_from_a_sitemap_the_feed_or_a_listing(portal):
    reachable = set(sitemap_urls(portal)) | {item.findtext("link") for item in feed_items(portal)}
    for listing in portal.paths.listings:
        reachable |= set(links(get(portal, listing).text))
    wanted = {portal.base_url + p for p in (*portal.paths.events, *portal.paths.non_events)}
    assert wanted <= reachable


def test_an_article_is_a_full_vietnamese_page(portal):
    path = portal.paths.events[0]
    response = get(portal, path)
    html = response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="vi">' in html and '<meta charset="utf-8">' in html
    article = portal.article(path)
    assert f"<title>{article.headline} - " in html and "<h1" in html
    assert "<header" in html and "<nav>" in html and "<footer" in html and "<article" in html
    assert f"Ngày đăng: {article.posted:%d/%m/%Y}" in html
    assert unicodedata.is_normalized("NFC", html)
    assert "Bí thư Đảng ủy, Chủ tịch HĐND xã chủ trì hội nghị" in html


def test_every_page_has_validators_and_answers_a_conditional_request_with_304(portal):
    paths = ["/", "/robots.txt", "/sitemap_index.xml", "/sitemap-1.xml", "/rss.xml"]
    paths += ["/tin-tuc?page=2", portal.paths.events[0], portal.paths.windows_1258]
    for path in paths:
        first = get(portal, path)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert first.status_code == 200 and etag.startswith('"')
        by_tag = get(portal, path, **{"If-None-Match": etag})
        assert by_tag.status_code == 304 and by_tag.content == b""
        assert by_tag.headers["etag"] == etag
        by_date = get(portal, path, **{"If-Modified-Since": modified})
        assert by_date.status_code == 304
        assert get(portal, path, **{"If-None-Match": '"other"'}).status_code == 200


def test_validators_do_not_depend_on_the_port(portal):
    with Portal() as other:
        for path in ("/", "/sitemap-2.xml", portal.paths.events[1]):
            assert get(portal, path).headers["etag"] == get(other, path).headers["etag"]


def test_a_page_in_windows_1258(portal):
    response = get(portal, portal.paths.windows_1258)
    assert response.headers["content-type"] == "text/html; charset=windows-1258"
    body = response.content
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = unicodedata.normalize("NFC", body.decode("cp1258"))
    assert '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' in text
    for paragraph in portal.article(portal.paths.windows_1258).paragraphs:
        assert paragraph in text
    # The tone marks are combining characters, as Windows-1258 writes them.
    assert body.decode("cp1258") != text


def test_the_flaky_page_fails_once_then_serves(portal):
    path = portal.paths.flaky_500
    assert get(portal, path).status_code == 500
    assert get(portal, path).status_code == 200
    portal.reset_faults()
    assert get(portal, path).status_code == 500


def test_the_rate_limited_page_asks_to_wait_once_then_serves(portal):
    first = get(portal, portal.paths.rate_limited)
    assert first.status_code == 429 and first.headers["retry-after"] == "1"
    assert get(portal, portal.paths.rate_limited).status_code == 200


def test_the_redirect_loop(portal):
    base = portal.base_url
    with client(portal) as http:
        a = http.get("/chuyen-huong/a")
        b = http.get("/chuyen-huong/b")
    assert a.status_code == 302 and a.headers["location"] == base + "/chuyen-huong/b"
    assert b.status_code == 302 and b.headers["location"] == base + "/chuyen-huong/a"


def test_the_slow_page_does_not_hold_up_the_others(portal):
    with client(portal, timeout=0.5) as http:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            http.get(portal.paths.slow)
        assert time.monotonic() - started < 2
    done = threading.Event()

    def slow() -> None:
        with client(portal, timeout=10) as http, pytest.raises(httpx.HTTPError):
            http.get(portal.paths.slow)
        done.set()

    # Ended by the portal stopping, at the end of the test.
    threading.Thread(target=slow, daemon=True).start()
    time.sleep(0.2)
    assert get(portal, "/robots.txt").status_code == 200  # answered while the slow page waits
    assert not done.is_set()


def test_stopping_the_portal_ends_a_slow_response_at_once():
    failed = threading.Event()
    with Portal() as portal:

        def slow() -> None:
            try:
                with client(portal, timeout=10) as http:
                    http.get(portal.paths.slow)
            except httpx.HTTPError:
                failed.set()

        waiting = threading.Thread(target=slow)
        waiting.start()
        while not portal.requested(portal.paths.slow):
            time.sleep(0.01)
        started = time.monotonic()
    assert time.monotonic() - started < 2
    waiting.join(5)
    assert failed.is_set()  # cut short: the headers promised a body that never came


def test_the_huge_page_is_30_mb_streamed_with_its_length(portal):
    with client(portal, timeout=10) as http, http.stream("GET", portal.paths.huge) as response:
        length = int(response.headers["content-length"])
        received = sum(len(chunk) for chunk in response.iter_bytes())
    assert length >= 30 * 1024 * 1024 and received == length
    with client(portal) as http:
        head = http.head(portal.paths.huge)
    assert int(head.headers["content-length"]) == length and head.content == b""


def test_any_host_header_is_accepted_and_unknown_paths_are_404(portal):
    with httpx.Client(timeout=5) as http:
        response = http.get(f"http://127.0.0.1:{portal.port}/robots.txt")
    assert response.status_code == 200
    assert get(portal, "/khong-co.html").status_code == 404


def test_the_request_log(portal):
    get(portal, "/tin-tuc?page=2", **{"User-Agent": "polgraph-test/1"})
    get(portal, "/robots.txt")
    assert [(r.method, r.path) for r in portal.requests] == [
        ("GET", "/tin-tuc?page=2"),
        ("GET", "/robots.txt"),
    ]
    first = portal.requests[0]
    assert first.headers["user-agent"] == "polgraph-test/1"
    assert first.headers["host"] == f"portal.test:{portal.port}"
    assert portal.requested("/tin-tuc") == [first]
    assert portal.requests[1].time >= first.time
    portal.reset_log()
    assert portal.requests == []


def test_change_rewrites_an_article_and_its_validators(portal):
    path = portal.paths.events[2]
    url = portal.base_url + path
    before = get(portal, path)
    lastmod_before = sitemap_urls(portal)[url]
    portal.change(path)
    after = get(portal, path)
    assert after.headers["etag"] != before.headers["etag"]
    modified = parsedate_to_datetime(after.headers["last-modified"])
    assert modified > parsedate_to_datetime(before.headers["last-modified"])
    assert "Cập nhật lần 1:" in after.text and "Cập nhật lần 1:" not in before.text
    assert get(portal, path, **{"If-None-Match": before.headers["etag"]}).status_code == 200
    lastmod_after = sitemap_urls(portal)[url]
    assert lastmod_after > lastmod_before and lastmod_after == modified.date().isoformat()
    with pytest.raises(KeyError):
        portal.change("/tin-tuc/khong-co.html")


def test_the_generated_archive_is_one_portal_over_the_years():
    started = time.monotonic()
    portal = Portal(articles=2000)
    assert time.monotonic() - started < 2
    archive = portal.archive
    assert archive is not None and len(archive.articles) == 2000
    years = {a.posted.year for a in archive.articles}
    assert len(years) >= 8  # one portal's archive over the years
    # The same officials recur over the years: most names are in reports of three years or more.
    names = re.compile(r"đồng chí ((?:[A-ZĐ]\w+ ){1,3}[A-ZĐ]\w+)")
    years_of: dict[str, set[int]] = {}
    for article in archive.articles:
        for name in names.findall(" ".join(article.paragraphs)):
            years_of.setdefault(name, set()).add(article.posted.year)
    recurring = [name for name, seen in years_of.items() if len(seen) >= 3]
    assert len(recurring) >= 100
    assert len(set(portal.paths.generated)) == 2000
    assert set(portal.paths.generated) <= set(portal.paths.events)
    # Deterministic: the same archive from another portal.
    assert pages.generate_archive(2000).articles == archive.articles


def test_the_generated_archive_is_spread_over_sitemaps_feed_and_listings():
    with Portal(articles=2000) as portal:
        urls = sitemap_urls(portal)
        assert len(portal.paths.sitemaps) == 3
        for sitemap in portal.paths.sitemaps:
            assert len(locations(get(portal, sitemap).content, "url")) <= 1000
        assert {portal.base_url + p for p in portal.paths.generated} <= set(urls)
        assert len(feed_items(portal)) == 20
        first = [h for h in links(get(portal, "/tin-tuc").text) if "/tin-tuc/" in h]
        assert len(first) == 20
        last = portal.paths.listings[-1]
        assert portal.base_url + portal.paths.listing_only in links(get(portal, last).text)
        page = get(portal, portal.paths.generated[0])
        assert page.status_code == 200 and "Ngày đăng:" in page.text
