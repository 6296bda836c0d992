"""WARC files written by polgraph.archive and read back, by it and by warcio's own reader."""

from __future__ import annotations

import datetime as dt
import gzip
from dataclasses import replace

import pytest
from warcio.archiveiterator import ArchiveIterator

from polgraph.archive import ArchiveWriter, Exchange, read_archive, repair_open_files
from polgraph.archive.reader import page_at, read_info
from polgraph.errors import InputError

WHEN = dt.datetime(2026, 3, 2, 7, 30, tzinfo=dt.UTC)
PAGE = "<html><body><p>Hội nghị Ban Chấp hành Đảng bộ xã lần thứ năm.</p></body></html>"


def _exchange(path: str, body: bytes, **headers: str) -> Exchange:
    return Exchange(
        url=f"http://portal.test{path}",
        method="GET",
        request_headers=[("Host", "portal.test"), ("User-Agent", "polgraph-test")],
        status=200,
        reason="OK",
        response_headers=[("Content-Type", "text/html; charset=utf-8"), *headers.items()],
        body=body,
        fetched=WHEN,
    )


def test_request_and_response_records_read_back_by_warcio(tmp_path):
    with ArchiveWriter(tmp_path, info={"polgraph-select": "events"}) as writer:
        ref = writer.write(_exchange("/a.html", PAGE.encode()))
    (warc,) = writer.files
    assert warc.name.endswith(".warc.gz") and not list(tmp_path.glob("*.open"))
    with warc.open("rb") as handle:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"))
            for r in ArchiveIterator(handle)
        ]
    assert records == [
        ("warcinfo", None),
        ("response", "http://portal.test/a.html"),
        ("request", "http://portal.test/a.html"),
    ]
    (page,) = read_archive(warc)
    assert page.body.decode() == PAGE and page.charset == "utf-8"
    assert page.record == ref and page.fetched == WHEN
    assert read_info(warc)["polgraph-select"] == "events"
    assert page_at(tmp_path, ref) == page


def test_a_compressed_body_is_kept_as_sent_and_read_decoded(tmp_path):
    sent = gzip.compress(PAGE.encode())
    with ArchiveWriter(tmp_path) as writer:
        writer.write(
            _exchange(
                "/b.html", sent, **{"Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}
            )
        )
    (warc,) = writer.files
    with warc.open("rb") as handle:
        raw = [r.raw_stream.read() for r in ArchiveIterator(handle) if r.rec_type == "response"]
    assert raw == [sent]  # the bytes as the server sent them
    assert next(read_archive(warc)).body.decode() == PAGE


def test_files_rotate_by_size_in_order(tmp_path):
    with ArchiveWriter(tmp_path, max_bytes=600) as writer:
        refs = [writer.write(_exchange(f"/{i}.html", PAGE.encode() * 3)) for i in range(4)]
    assert len(writer.files) >= 2
    assert [p.name for p in writer.files] == sorted(p.name for p in writer.files)
    urls = [page.url for path in writer.files for page in read_archive(path)]
    assert urls == [f"http://portal.test/{i}.html" for i in range(4)]
    assert len({ref.file for ref in refs}) == len(writer.files)


def test_a_revisit_record_names_the_record_it_repeats(tmp_path):
    with ArchiveWriter(tmp_path) as writer:
        first = writer.write(_exchange("/c.html", PAGE.encode()))
        writer.write(_exchange("/c.html", PAGE.encode()), revisit_of=first)
    pages = list(read_archive(writer.files[0]))
    assert [p.revisit_of for p in pages] == [None, first.record_id]
    assert pages[1].body == b""


def test_a_file_cut_mid_record_is_repaired_to_its_whole_records(tmp_path):
    with ArchiveWriter(tmp_path) as writer:
        for i in range(3):
            writer.write(_exchange(f"/{i}.html", PAGE.encode()))
    whole = writer.files[0].read_bytes()
    cut = tmp_path / "killed.warc.gz.open"
    cut.write_bytes(whole[:-40])  # as a process killed while writing leaves it
    notes: list[str] = []
    assert len(list(read_archive(cut, problems=notes))) == 3  # the responses are whole
    (repaired,) = repair_open_files(tmp_path)
    assert repaired.name == "killed.warc.gz" and not cut.exists()
    assert len(list(read_archive(repaired))) == 3
    assert repaired.stat().st_size < len(whole)


def test_a_file_that_is_no_warc_is_refused(tmp_path):
    bogus = tmp_path / "notes.warc.gz"
    bogus.write_bytes(gzip.compress(b"just some text\n"))
    with pytest.raises(InputError, match="not a WARC file"):
        list(read_archive(bogus))


def test_a_charset_python_does_not_know_is_no_charset(tmp_path):
    with ArchiveWriter(tmp_path) as writer:
        writer.write(_exchange("/d.html", PAGE.encode()))
    page = next(read_archive(writer.files[0]))
    named = replace(page, headers={"content-type": "text/html; charset=x-no-such-code"})
    assert named.charset is None  # decoding with it would raise LookupError
    assert replace(page, headers={"content-type": "text/html; charset=windows-1258"}).charset
