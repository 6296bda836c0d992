"""Web pages kept as they were fetched, in WARC files (ISO 28500), read and written with warcio:
the archive a harvest writes and a graph can be rebuilt from, offline."""

from polgraph.archive.reader import ArchivedPage, read_archive
from polgraph.archive.writer import ArchiveWriter, Exchange, RecordRef, repair_open_files

__all__ = [
    "ArchiveWriter",
    "ArchivedPage",
    "Exchange",
    "RecordRef",
    "read_archive",
    "repair_open_files",
]
