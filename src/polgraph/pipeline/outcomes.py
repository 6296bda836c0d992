"""What becomes of one report in a batch (``Outcome``), and a report read and mapped, waiting to
be validated and stored (``Prepared``): shared by the ingest of files, of archived pages and of
a cluster's results."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from polgraph.errors import ShapeMessage
from polgraph.rdf.mapping import ReportGraph
from polgraph.rdf.validate import ValidationReport


@dataclass
class Outcome:
    source: str
    status: str  # added | replaced | unchanged | valid | rejected | skipped
    graph: str | None = None
    messages: list[ShapeMessage] = field(default_factory=list)
    error: str | None = None


@dataclass
class Prepared:
    """A report read and mapped, ready to be validated and stored; or why it cannot be."""

    source: str
    graph: ReportGraph | None = None
    note: ShapeMessage | None = None  # our own warning, added to the shapes' messages
    rejected: Outcome | None = None
    # Set when the report was validated elsewhere (on a cluster's worker) without any context
    # from the store: ``references`` are the IRIs it would have needed context for.
    checked: ValidationReport | None = None
    references: frozenset[URIRef] = frozenset()
