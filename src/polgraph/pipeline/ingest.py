"""The ingest pipeline: read a report, map it to RDF, validate it, store it.

Each report is handled on its own: a rejected one is reported and nothing of it is stored, while
the rest of the batch goes on.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import URIRef

from polgraph.errors import InputError, ShapeMessage, StoreError, ValidationFailed
from polgraph.extract.schema import Extraction
from polgraph.extract.source import TEXT_SUFFIXES, load_source, read_source
from polgraph.extract.structured import STRUCTURED_SUFFIXES, load_structured, parse_structured
from polgraph.identity.resolution import LOCAL, GroupWork, IdentitySummary
from polgraph.namespaces import MODEL_GRAPH_PREFIX
from polgraph.pipeline.memory import release_freed_memory
from polgraph.rdf.mapping import ReportGraph, map_extraction
from polgraph.rdf.validate import ReportValidator, ValidationReport, external_references
from polgraph.search import IndexUpdate, SearchIndex, index_for
from polgraph.search.mentions import resolved_assignments
from polgraph.store.base import GraphStore
from polgraph.store.layout import ReportWriter
from polgraph.vocab import Vocabulary
from polgraph.vocab import vocabulary as default_vocabulary

from .outcomes import Outcome, Prepared

if TYPE_CHECKING:
    from polgraph.pipeline.archived import Selection as PageSelection
    from polgraph.pipeline.bulk import NQuadsWriter

ONTOLOGY_GRAPH = URIRef(MODEL_GRAPH_PREFIX + "ontology")
VOCAB_GRAPH = URIRef(MODEL_GRAPH_PREFIX + "vocab")


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about inputs as a whole (a cut-short archive)

    @property
    def counts(self) -> Counter:
        return Counter(o.status for o in self.outcomes)

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "rejected"]


def expand_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to read, in a stable order. Folders are walked for the suffixes polgraph reads; a
    file named explicitly is always tried, so that an unreadable one is reported rather than
    silently passed over."""
    from polgraph.archive.reader import is_archive

    readable = STRUCTURED_SUFFIXES + TEXT_SUFFIXES
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and (child.suffix.lower() in readable or is_archive(child))
                    and not child.name.startswith(".")
                ):
                    yield child
        else:
            yield path


def read_extraction(path: Path, published: dt.date | None = None) -> Extraction:
    """A report file as facts: structured files are read as they are, text and HTML are read
    by the reader."""
    suffix = path.suffix.lower()
    if suffix in STRUCTURED_SUFFIXES:
        return load_structured(path)
    if suffix in TEXT_SUFFIXES:
        from polgraph.extract.reader import read_report

        return read_report(load_source(path, published=published), report_id=path.stem)
    raise _unknown_kind(str(path), suffix)


def parse_extraction(
    data: bytes, source: str, suffix: str, published: dt.date | None = None, key: str | None = None
) -> Extraction:
    """``read_extraction`` for a report already in memory (an upload): ``suffix`` says what kind
    it is, ``source`` names it in messages, ``key`` is the report's short key for text reports."""
    suffix = suffix.lower()
    if suffix in STRUCTURED_SUFFIXES:
        return parse_structured(data, source, suffix)
    if suffix in TEXT_SUFFIXES:
        from polgraph.extract.reader import read_report

        return read_report(read_source(data, source, suffix, published=published), report_id=key)
    raise _unknown_kind(source, suffix)


def prepare_report(
    path: Path,
    vocabulary: Vocabulary,
    published: dt.date | None = None,
    source: str | None = None,
) -> Prepared:
    """Read and map one report file; an unreadable one, or one the reader fails on, is a
    rejection. ``source`` names it in outcomes and messages (default: the path)."""
    source = str(path) if source is None else source
    try:
        extraction = read_extraction(path, published)
        if extraction.id is None:
            extraction = extraction.model_copy(update={"id": path.stem})
    except InputError as exc:
        return Prepared(source, rejected=Outcome(source, "rejected", error=exc.message))
    except ValueError as exc:  # facts the reader got wrong: this report only is lost
        return Prepared(
            source, rejected=Outcome(source, "rejected", error=f"the reader failed on it: {exc}")
        )
    note = (
        None
        if extraction.persons
        else ShapeMessage(
            "Warning", source, None, "the report names nobody: only its event is stored"
        )
    )
    return Prepared(source, map_extraction(extraction, vocabulary), note)


def _unknown_kind(source: str, suffix: str) -> InputError:
    return InputError(
        source,
        f"unknown kind of file {suffix or '(no suffix)'}; "
        "expected .txt, .html, .json, .yaml, .yml or a WARC archive (.warc.gz, .warc)",
    )


# A long run has the store write its in-memory buffers to disk every so many reports, and gives
# the memory freed back (``polgraph.pipeline.memory``): else the process grows by 0.3 MB a report.
_FLUSH_EVERY = 1000


class Pipeline:
    """Reads, maps, validates and (with a store) stores reports."""

    def __init__(
        self,
        store: GraphStore | None,
        vocabulary: Vocabulary | None = None,
        validator: ReportValidator | None = None,
        identity: Path | None = None,
        bulk: NQuadsWriter | None = None,
    ) -> None:
        self.store = store
        self.bulk = bulk  # without a store: accepted reports go to N-Quads files instead
        self.vocabulary = vocabulary or default_vocabulary()
        self.validator = validator or ReportValidator(self.vocabulary)
        self.identity = identity  # the researchers' corrections (data/identity.yaml), if any
        self.writer = ReportWriter(store) if store is not None else None
        self.resolution: IdentitySummary | None = None
        self.rule_messages: list[ShapeMessage] = []  # the rules' warnings after the last resolution
        self.work: GroupWork = LOCAL  # where resolution's per-name and per-post work runs
        # Which pages of a WARC archive become reports (None: what the harvest wrote into it).
        self.page_selection: PageSelection | None = None
        # The full-text search index kept in step with the store after each resolution (None:
        # none kept); why it could not be, when it could not (the next ingest rebuilds it).
        self.search: SearchIndex | None = index_for(store) if store is not None else None
        self.search_note: str | None = None

    def resolve_identities(self, *, full: bool = False) -> IdentitySummary:
        """Persons and tenures for what the writes left pending (everything, with ``full`` or
        changed corrections), written as their own graphs; then the store-wide rules on what
        that touched (on everything when it was everything)."""
        from polgraph.identity.resolution import update_identities
        from polgraph.rdf.rules import RuleScope, check_rules

        assert self.store is not None and self.writer is not None
        if full:
            self.writer.collect_garbage()
        search_update = self._begin_search_update()
        self.resolution = resolution = update_identities(
            self.store, self.identity, full=full, work=self.work
        )
        done = resolution.resolution
        scope = (
            None
            if resolution.full or done is None or done.posts is None
            else RuleScope(frozenset(resolution.reports or ()), frozenset(done.posts))
        )
        self.rule_messages = check_rules(self.store, scope=scope)
        self._finish_search_update(search_update, resolution)
        release_freed_memory()
        return resolution

    def _begin_search_update(self) -> IndexUpdate | None:
        """The search index marked as being updated, before resolution commits (see
        ``polgraph.search.index``); None when there is none, or it cannot be written."""
        self.search_note = None
        if self.search is None:
            return None
        try:
            return self.search.begin_update()
        except StoreError as exc:
            self.search_note = f"the search index was not updated: {exc}"
            return None

    def _finish_search_update(
        self, update: IndexUpdate | None, resolution: IdentitySummary
    ) -> None:
        """Write into the search index what the writes and resolution touched. A failure leaves
        the stored reports as they are and the index marked for the next ingest to rebuild."""
        if update is None or self.store is None:
            return
        done = resolution.resolution
        names = None if done is None else done.names
        # Whom the names' mentions are now, as resolution made them: not read back.
        resolved = resolved_assignments(done) if done is not None and names is not None else None
        try:
            update.finish(self.store, resolution.reports, names, resolved)
        except StoreError as exc:
            self.search_note = (
                f"the search index was not updated ({exc}); the next ingest, or "
                "`polgraph search rebuild`, rebuilds it"
            )

    def remove(self, report: URIRef) -> bool:
        """Remove a stored report (and what only it described), then resolve what it touched;
        False when there is no such report."""
        assert self.writer is not None
        removed = self.writer.remove(report)
        if removed:
            self.resolve_identities()
        return removed

    def ensure_model_graphs(self) -> None:
        """Keep the ontology and vocabularies in the store (or the N-Quads files), so queries can
        use their labels."""
        if self.bulk is not None:
            self.bulk.write_model(
                {ONTOLOGY_GRAPH: self.vocabulary.ontology, VOCAB_GRAPH: self.vocabulary.vocab}
            )
            return
        assert self.store is not None
        self.store.replace_graph(ONTOLOGY_GRAPH, self.vocabulary.ontology)
        self.store.replace_graph(VOCAB_GRAPH, self.vocabulary.vocab)

    def build(self, extraction: Extraction) -> tuple[ReportGraph, ValidationReport]:
        report_graph = map_extraction(extraction, self.vocabulary)
        return report_graph, self.check([report_graph.triples])[0]

    def check(self, graphs: list) -> list[ValidationReport]:
        """Validate report graphs (rdflib graphs or sets of triples), each with one hop of
        context from the store."""

        def context(graph):
            return self.store.describe(external_references(graph)) if self.store is not None else ()

        return self.validator.validate_many([(graph, context(graph)) for graph in graphs])

    def ingest(self, extraction: Extraction, source: str, *, store: bool = True) -> Outcome:
        report_graph, report = self.build(extraction)
        outcome = self._settle([(source, report_graph, report)], store=store)[0]
        if outcome.status == "rejected":
            raise ValidationFailed(source, report.messages)
        if store and self.store is not None:
            # Also when unchanged: a retry finishes what an interrupted resolution left pending.
            self.resolve_identities()
        return outcome

    def _settle(
        self, checked: list[tuple[str, ReportGraph, ValidationReport]], *, store: bool
    ) -> list[Outcome]:
        """Outcomes of checked reports: the rejected are reported, the others stored together."""
        outcomes: list[Outcome | None] = []
        accepted = []
        for source, graph, report in checked:
            if not report.conforms:
                outcomes.append(
                    Outcome(
                        source, "rejected", messages=report.messages, error="rejected by the shapes"
                    )
                )
            elif not store or (self.writer is None and self.bulk is None):
                outcomes.append(Outcome(source, "valid", str(graph.iri), report.messages))
            else:
                outcomes.append(None)
                accepted.append((len(outcomes) - 1, source, graph, report))
        if accepted:
            sink = self.writer or self.bulk
            assert sink is not None
            written = sink.write([graph for _, _, graph, _ in accepted])
            for (slot, source, graph, report), status in zip(accepted, written, strict=True):
                outcomes[slot] = (
                    Outcome(source, status.value, str(graph.iri), report.messages)
                    if status is not None
                    else Outcome(
                        source,
                        "rejected",
                        str(graph.iri),
                        report.messages,
                        error="another version of this report is in an earlier file of this run",
                    )
                )
        return outcomes  # type: ignore[return-value]  # every slot is filled above

    def run(
        self,
        paths: Iterable[Path],
        *,
        store: bool = True,
        progress: Callable[[Path], None] | None = None,
        batch_size: int = 64,
        published: dt.date | None = None,
    ) -> Summary:
        """Ingest (or with ``store=False`` only check) every report under ``paths``, in order.

        Reports are validated ``batch_size`` at a time (see ``ReportValidator.validate_many``)
        and the accepted ones of a batch stored together; a rejected report never stops the batch.
        """

        from polgraph.archive.reader import is_archive

        pages: list[tuple[int, str, URIRef]] = []  # archived pages: slot, address, report
        notes: list[str] = []

        def prepared() -> Iterator[Prepared]:
            slot = 0
            for path in expand_inputs(paths):
                if progress:
                    progress(path)
                if not is_archive(path):
                    yield prepare_report(path, self.vocabulary, published)
                    slot += 1
                    continue
                for item in self._archived(path, published, notes):
                    if item.graph is not None:
                        pages.append((slot, item.source, item.graph.iri))
                    yield item
                    slot += 1

        summary = self.settle_all(prepared(), store=store, batch_size=batch_size, resolve=False)
        summary.notes.extend(notes)
        if pages and store and self.store is not None and self.writer is not None:
            from polgraph.pipeline.archived import latest_pages, retire_earlier_versions

            latest = latest_pages((url, iri, summary.outcomes[slot]) for slot, url, iri in pages)
            retire_earlier_versions(self.store, self.writer, latest)
        if store and self.store is not None:
            self.resolve_identities()  # even when nothing changed: the corrections may have
            summary.notes.extend([self.search_note] if self.search_note else [])
        return summary

    def _archived(
        self, path: Path, published: dt.date | None, notes: list[str]
    ) -> Iterator[Prepared]:
        """The pages of a WARC file as reports; a file that is no WARC is one rejection."""
        from polgraph.pipeline.archived import archived_reports

        try:
            yield from archived_reports(
                path,
                self.vocabulary,
                selection=self.page_selection,
                published=published,
                problems=notes,
            )
        except InputError as exc:
            yield Prepared(str(path), rejected=Outcome(str(path), "rejected", error=exc.message))

    def settle_all(
        self,
        items: Iterable[Prepared],
        *,
        store: bool = True,
        batch_size: int = 64,
        resolve: bool = True,
    ) -> Summary:
        """``run`` from reports already read and mapped (here, or on a cluster's workers), in
        the order given: validated and stored batch by batch, then identities resolved (not
        with ``resolve=False``: a cluster's worker leaves that to the client)."""
        outcomes: list[Outcome | None] = []
        pending: list[tuple[int, Prepared]] = []
        written = [0]  # reports stored since the store last wrote its buffers to disk

        def flush() -> None:
            reports = self._verdicts([item for _, item in pending])
            for (_, item), report in zip(pending, reports, strict=True):
                report.messages.extend([item.note] if item.note is not None else [])
            settled = self._settle(
                [
                    (item.source, item.graph, report)
                    for (_, item), report in zip(pending, reports, strict=True)
                    if item.graph is not None
                ],
                store=store,
            )
            for (slot, _), outcome in zip(pending, settled, strict=True):
                outcomes[slot] = outcome
            pending.clear()
            written[0] += len(settled)
            if store and self.store is not None and written[0] >= _FLUSH_EVERY:
                self.store.flush()
                written[0] = 0
            release_freed_memory()

        for item in items:
            outcomes.append(item.rejected)
            if item.rejected is not None:
                continue
            pending.append((len(outcomes) - 1, item))
            if len(pending) >= batch_size:
                flush()
        if pending:
            flush()
        summary = Summary([o for o in outcomes if o is not None])
        if store and resolve and self.store is not None:
            self.resolve_identities()  # even when nothing changed: the corrections may have
            summary.notes.extend([self.search_note] if self.search_note else [])
        return summary

    def _verdicts(self, items: list[Prepared]) -> list[ValidationReport]:
        """The shapes' verdicts on a batch, as ``check`` gives them. A verdict reached elsewhere
        without context is the same one when the store has nothing to add: kept then (a copy,
        as notes are added to it), else the batch is validated here."""
        if all(item.checked is not None for item in items) and not (
            self.store is not None
            and any(item.references and self.store.describe(item.references) for item in items)
        ):
            return [
                ValidationReport(list(item.checked.messages))
                for item in items
                if item.checked is not None
            ]
        return self.check([item.graph.triples for item in items if item.graph is not None])
