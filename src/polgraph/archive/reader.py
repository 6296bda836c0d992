"""Reading WARC files back: the pages a harvest archived, with where each was archived."""

from __future__ import annotations

import codecs
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed

from polgraph.archive.writer import RecordRef
from polgraph.errors import InputError

ARCHIVE_SUFFIXES = (".warc.gz", ".warc")
_DECODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate", "br": "brotli"}


@dataclass(frozen=True)
class ArchivedPage:
    """A response as archived: what the server said and sent, decoded from its content
    encoding, and where the record is."""

    url: str
    status: int
    headers: dict[str, str]  # lower-case names; a repeated header keeps its last value
    body: bytes
    fetched: dt.datetime
    record: RecordRef
    truncated: str | None = None
    revisit_of: str | None = None  # a revisit record: the record ID whose payload it repeats

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset the server declared, when Python knows it (a site may name any)."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            declared = value.strip().strip("\"'")
            if name.strip().lower() == "charset" and declared:
                try:
                    codecs.lookup(declared)
                except LookupError:
                    return None
                return declared
        return None


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def decoded_body(body: bytes, content_encoding: str | None) -> bytes:
    """The body without its content encoding (gzip, deflate, br), as a browser would read it."""
    coding = _DECODINGS.get((content_encoding or "").strip().lower())
    if not body or coding is None:
        return body
    reader = DecompressingBufferedReader(io.BytesIO(body), decomp_type=coding)
    return reader.read()


def _moment(value: str | None) -> dt.datetime:
    if not value:
        return dt.datetime.fromtimestamp(0, dt.UTC)
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def read_info(path: Path) -> dict[str, str]:
    """The fields of the file's warcinfo record (empty when it has none)."""
    with _open(path) as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type != "warcinfo":
                return {}
            fields: dict[str, str] = {}
            for line in record.content_stream().read().decode("utf-8", "replace").splitlines():
                name, sep, value = line.partition(":")
                if sep:
                    fields[name.strip()] = value.strip()
            return fields
    return {}


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None


def read_archive(path: Path, *, problems: list[str] | None = None) -> Iterator[ArchivedPage]:
    """Every response and revisit record of a WARC file, in order. A file cut short (a harvest
    killed while writing it) gives its whole records, and the cut is noted in ``problems``; a
    file that is no WARC at all is an ``InputError``."""
    name = path.name.removesuffix(".open")
    seen_any = False
    with _open(path) as handle:
        try:
            for page in _pages(handle, name):
                seen_any = True
                yield page
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            if not seen_any:
                raise InputError(str(path), f"not a WARC file ({exc})") from None
            if problems is not None:
                problems.append(f"{path}: the file is cut short after its whole records ({exc})")


def _pages(handle: BinaryIO, name: str) -> Iterator[ArchivedPage]:
    records = ArchiveIterator(handle)
    for record in records:
        if record.rec_type not in ("response", "revisit"):
            continue
        http = record.http_headers
        if http is None:
            continue
        headers = {k.lower(): v for k, v in http.headers}
        # content_stream() undoes the chunking and the content encoding warcio recognises.
        raw = record.content_stream().read() if record.rec_type == "response" else b""
        offset = records.get_record_offset()
        warc = record.rec_headers
        yield ArchivedPage(
            url=warc.get_header("WARC-Target-URI") or "",
            status=int(http.get_statuscode() or 0),
            headers=headers,
            body=raw,
            fetched=_moment(warc.get_header("WARC-Date")),
            record=RecordRef((warc.get_header("WARC-Record-ID") or "").strip("<>"), name, offset),
            truncated=warc.get_header("WARC-Truncated"),
            revisit_of=(warc.get_header("WARC-Refers-To") or "").strip("<>") or None,
        )


def page_at(directory: Path, record: RecordRef) -> ArchivedPage | None:
    """The response at ``record`` in ``directory``'s WARC files; None when the file or the
    record is missing (cut off when a killed harvest's file was repaired)."""
    path = directory / record.file
    if not path.exists():
        return None
    with path.open("rb") as handle:
        if record.offset >= path.stat().st_size:
            return None
        handle.seek(record.offset)
        try:
            for page in _pages(handle, record.file):
                # the iterator counts offsets from where it started: the record's own is kept
                return (
                    replace(page, record=record)
                    if page.record.record_id == record.record_id
                    else None
                )
        except (ArchiveLoadFailed, EOFError, OSError, ValueError):
            return None
    return None
