"""Writing WARC files: each fetch as a request record and its response record (or a revisit
record when the payload is the one archived before), gzip per record, rotated by size.

A file is written as ``<name>.warc.gz.open`` and renamed when closed, as Heritrix and
warcprox do, so that tools reading a folder never see a file still growing. A process killed
mid-record leaves an ``.open`` file whose last record is cut short: ``repair_open_files`` cuts
it back to its last whole record and closes it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OPEN_SUFFIX = ".open"
WARC_SUFFIX = ".warc.gz"
# The hop-by-hop framing httpx has already undone: kept, a reader would undo it a second time.
_FRAMING_HEADERS = {"transfer-encoding"}


@dataclass(frozen=True)
class RecordRef:
    """Where a response was archived: the record's ID (``<urn:uuid:…>`` without the brackets),
    the file's name, and the record's offset in it."""

    record_id: str
    file: str
    offset: int


@dataclass
class Exchange:
    """One HTTP request and the response to it, as sent and received."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes  # as received: still content-encoded when the server compressed it
    fetched: dt.datetime  # when the response began (UTC)
    http_version: str = "HTTP/1.1"
    truncated: str | None = None  # WARC-Truncated's reason ("length", "time") when cut short
    remote_ip: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # more WARC headers for the response


def _warc_date(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def payload_digest(body: bytes) -> str:
    """WARC-Payload-Digest's form: the payload's SHA-1 in base 32."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


class ArchiveWriter:
    """Appends exchanges to WARC files in ``directory``, starting a new file past ``max_bytes``.

    ``info`` goes into each file's warcinfo record: the software and the harvest's selection, so
    that a graph rebuilt from the files alone selects the same pages."""

    def __init__(
        self,
        directory: Path,
        *,
        prefix: str = "polgraph",
        max_bytes: int = 1_000_000_000,
        info: dict[str, str] | None = None,
    ) -> None:
        self.directory = directory
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.info = dict(info or {})
        self.directory.mkdir(parents=True, exist_ok=True)
        self._sequence = 0
        self._stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        self._handle: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._name = ""
        self.files: list[Path] = []  # closed files, in order

    # -- files -------------------------------------------------------------------------------
    def _start_file(self) -> None:
        self._sequence += 1
        self._name = f"{self.prefix}-{self._stamp}-{self._sequence:05d}{WARC_SUFFIX}"
        self._handle = (self.directory / (self._name + OPEN_SUFFIX)).open("xb")
        self._writer = WARCWriter(self._handle, gzip=True)
        record = self._writer.create_warcinfo_record(self._name, self.info)
        self._writer.write_record(record)

    def _close_file(self) -> None:
        if self._handle is None:
            return
        self._handle.close()
        final = self.directory / self._name
        (self.directory / (self._name + OPEN_SUFFIX)).replace(final)
        self.files.append(final)
        self._handle = self._writer = None

    def close(self) -> None:
        self._close_file()

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _ready(self) -> tuple[BinaryIO, WARCWriter]:
        if self._handle is not None and self._handle.tell() >= self.max_bytes:
            self._close_file()
        if self._handle is None:
            self._start_file()
        assert self._handle is not None and self._writer is not None
        return self._handle, self._writer

    # -- records -----------------------------------------------------------------------------
    def write(self, exchange: Exchange, *, revisit_of: RecordRef | None = None) -> RecordRef:
        """Archive one exchange: its request record, then its response (a revisit record naming
        ``revisit_of`` when the payload is the one archived there). Flushed before it returns,
        so that a record said to be archived is in the file."""
        handle, writer = self._ready()
        response = self._response_record(writer, exchange, revisit_of)
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        request = self._request_record(writer, exchange, response_id)
        offset = handle.tell()
        writer.write_record(response)
        writer.write_record(request)
        handle.flush()
        return RecordRef(response_id.strip("<>"), self._name, offset)

    @staticmethod
    def _response_record(
        writer: WARCWriter, exchange: Exchange, revisit_of: RecordRef | None
    ) -> ArcWarcRecord:
        headers = [
            (k, v) for k, v in exchange.response_headers if k.lower() not in _FRAMING_HEADERS
        ]
        status = StatusAndHeaders(
            f"{exchange.status} {exchange.reason}".strip(),
            headers,
            protocol=exchange.http_version,
        )
        warc_headers = {"WARC-Date": _warc_date(exchange.fetched), **exchange.extra}
        if exchange.remote_ip:
            warc_headers["WARC-IP-Address"] = exchange.remote_ip
        if exchange.truncated:
            warc_headers["WARC-Truncated"] = exchange.truncated
        if revisit_of is not None:
            warc_headers.update(
                {
                    "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
                    "WARC-Refers-To": f"<urn:{revisit_of.record_id.removeprefix('urn:')}>",
                    "WARC-Payload-Digest": payload_digest(exchange.body),
                }
            )
            return writer.create_warc_record(
                exchange.url,
                "revisit",
                payload=io.BytesIO(b""),
                http_headers=status,
                warc_headers_dict=warc_headers,
            )
        return writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.body),
            length=len(exchange.body),
            http_headers=status,
            warc_headers_dict=warc_headers,
        )

    @staticmethod
    def _request_record(writer: WARCWriter, exchange: Exchange, response_id: str) -> ArcWarcRecord:
        from urllib.parse import urlsplit

        parts = urlsplit(exchange.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        status = StatusAndHeaders(
            f"{exchange.method} {target} {exchange.http_version}",
            list(exchange.request_headers),
            is_http_request=True,
        )
        return writer.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=status,
            warc_headers_dict={
                "WARC-Date": _warc_date(exchange.fetched),
                "WARC-Concurrent-To": response_id,
            },
        )


def repair_open_files(directory: Path) -> list[Path]:
    """Close the ``.open`` files a killed process left: each is cut back to the end of its last
    whole record and renamed. Returns the files repaired."""
    repaired = []
    for partial in sorted(directory.glob(f"*{WARC_SUFFIX}{OPEN_SUFFIX}")):
        good_end = _whole_records_end(partial)
        with partial.open("r+b") as handle:
            handle.truncate(good_end)
        final = partial.with_name(partial.name.removesuffix(OPEN_SUFFIX))
        if good_end == 0:
            partial.unlink()
            continue
        partial.replace(final)
        repaired.append(final)
    return repaired


def _whole_records_end(path: Path) -> int:
    end = 0
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                record.content_stream().read()
                records.read_to_end()
                start, length = records.member_info
                end = start + length
        except (ArchiveLoadFailed, EOFError, OSError, ValueError):
            pass  # the cut-short record: everything before it is whole
    return end
