"""polgraph as one object over a store: ``Polgraph(settings, store)`` reads reports, ingests and
validates them, rebuilds identities, answers named queries and exports the graph. It returns plain
results and raises polgraph's errors (``polgraph.errors``); it never prints. The command line is
a thin layer over it.

    from polgraph import Polgraph
    from polgraph.settings import Settings

    with Polgraph(Settings.from_env()) as graph:
        graph.ingest([Path("data/reports")])
        rows = graph.query("who-held-role-at-event", {"report": "seed"}).rows()

The packages beneath are imported when a method first needs them, so that importing this module
(and ``polgraph --help``) stays quick.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from polgraph.errors import InputError, QueryError, ShapeMessage, StoreError
from polgraph.settings import Settings

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    import pandas as pd
    from distributed import Client
    from rdflib import URIRef

    from polgraph.analytics import KnowledgeGraph
    from polgraph.extract.reader import Reader
    from polgraph.extract.schema import Extraction
    from polgraph.harvest import HarvestOptions, HarvestSummary
    from polgraph.pipeline.ingest import Outcome, Pipeline
    from polgraph.query.named import NamedQuery
    from polgraph.rdf.validate import ReportValidator
    from polgraph.store import GraphStore


@dataclass(frozen=True)
class IdentityCounts:
    """Persons in the whole store, the mentions resolved into them, and their tenures."""

    persons: int
    mentions: int
    tenures: int


@dataclass
class BatchResult:
    """What ingesting or validating a batch of reports gave: each report's outcome (added,
    replaced, unchanged, valid or rejected), the store-wide rules' warnings after an ingest, and
    the whole store's identity counts after an ingest (None after a validation), and the files
    written when the reports went to N-Quads files instead of a store."""

    outcomes: list[Outcome]
    rule_messages: list[ShapeMessage] = field(default_factory=list)
    identities: IdentityCounts | None = None
    files: list[Path] = field(default_factory=list)
    # about an input as a whole (an archive cut short)
    notes: list[str] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(outcome.status for outcome in self.outcomes)

    @property
    def rejected(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "rejected"]


@dataclass(frozen=True)
class SearchIndexBuilt:
    """The full-text search index built again: where it is, and how many persons, bodies,
    places, events and reports it holds (by kind: person, body, place, event, report)."""

    path: Path
    counts: dict[str, int]


@dataclass
class RebuildResult:
    """A full identity resolution: the store-wide rules' warnings, and what the store now holds."""

    rule_messages: list[ShapeMessage]
    identities: IdentityCounts


@dataclass
class StoreCounts:
    """How many reports and quads the store holds, and its resources by kind (persons, …)."""

    reports: int
    quads: int
    kinds: list[tuple[str, int]]

    def to_pandas(self) -> pd.DataFrame:
        """The resources by kind as a DataFrame: ``kind`` and ``n`` (``Int64``). Needs pandas
        (``pip install 'polgraph[pandas]'``): ``ImportError`` saying so without it."""
        from polgraph.query.results import load_pandas

        pandas = load_pandas()
        return pandas.DataFrame(
            {
                "kind": pandas.array([kind for kind, _ in self.kinds], dtype="string"),
                "n": pandas.array([n for _, n in self.kinds], dtype="Int64"),
            }
        )


@dataclass
class QueryAnswer:
    """A query's answer as the store gives it: ``results`` is pyoxigraph's (solutions to iterate
    once, a boolean, or triples), which ``polgraph.query.results.write_results`` writes in the
    W3C formats; ``rows()`` and ``to_pandas()`` read a SELECT's solutions as plain values or a
    DataFrame instead (they read ``results`` once and keep the solutions for each other)."""

    query: NamedQuery
    results: Any
    _solutions: tuple[list[str], list[list[Any]]] | None = field(
        default=None, init=False, repr=False
    )

    def _read(self) -> tuple[list[str], list[list[Any]]]:
        """The SELECT's columns and each solution's terms (None where unbound), read once."""
        if self._solutions is None:
            if not hasattr(self.results, "variables"):
                raise QueryError(
                    f"{self.query.name} is not a SELECT query: only solutions make rows"
                )
            columns = [variable.value for variable in self.results.variables]
            self._solutions = (columns, [[row[c] for c in columns] for row in self.results])
        return self._solutions

    def rows(self) -> list[dict[str, str | None]]:
        """A SELECT's solutions, each a column-to-value mapping (None where a column is
        unbound); call this instead of iterating ``results``, which can be read only once."""
        columns, solutions = self._read()
        return [
            {c: None if term is None else term.value for c, term in zip(columns, row, strict=True)}
            for row in solutions
        ]

    def to_pandas(self) -> pd.DataFrame:
        """A SELECT's solutions as a pandas DataFrame with the same columns and rows: dates as
        datetimes, counts as integers, IRIs and names as strings, unbound values missing
        (``polgraph.query.results.to_dataframe``). Needs pandas (``pip install
        'polgraph[pandas]'``): ``ImportError`` saying so without it."""
        from polgraph.query.results import to_dataframe

        return to_dataframe(*self._read())


class Polgraph:
    """The graph of local political events in one store.

    ``store`` is an opened store (``polgraph.store.open_store``, or a ``RemoteStore``); without
    one, the store the settings name (``store_url``, else ``store_path``) is opened when a
    method first needs it (read-only with ``read_only``) and closed by ``close()``. A store
    handed in stays the caller's to close. The researchers' identity corrections are
    ``settings.identity_path``, when that file exists.
    """

    def __init__(
        self, settings: Settings, store: GraphStore | None = None, *, read_only: bool = False
    ) -> None:
        self.settings = settings
        self.read_only = read_only
        self._store = store
        self._owns_store = False
        self._reader: Reader | None = None
        self._validator: ReportValidator | None = None

    # -- the store -------------------------------------------------------------------------
    @property
    def store(self) -> GraphStore:
        """The store, opened now if it was not yet; ``StoreError`` when it cannot be."""
        if self._store is None:
            from polgraph.store import open_configured_store

            self._store = open_configured_store(self.settings, read_only=self.read_only)
            self._owns_store = True
        return self._store

    def close(self) -> None:
        """Close the store if this object opened it."""
        if self._owns_store and self._store is not None:
            # A read-only store cannot flush, which close() does: dropping it releases it.
            if not self.read_only:
                self._store.close()
            self._store = None
            self._owns_store = False

    def __enter__(self) -> Polgraph:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def identity_file(self) -> Path | None:
        """The identity corrections applied on ingest and rebuild: the settings' file, if it
        exists."""
        path = self.settings.identity_path
        return path if path is not None and path.is_file() else None

    def identity_counts(self) -> IdentityCounts:
        from polgraph.identity.resolution import identity_counts

        return IdentityCounts(*identity_counts(self.store))

    # -- reading reports -------------------------------------------------------------------
    @staticmethod
    def report_files(paths: Sequence[Path], *, text_only: bool = False) -> list[Path]:
        """The report files under ``paths`` in the order they are read: folders walked for the
        kinds polgraph reads, files named explicitly always kept. ``text_only`` keeps the files
        the reader reads (text and HTML, and any file named explicitly)."""
        from polgraph.extract.source import TEXT_SUFFIXES
        from polgraph.pipeline.ingest import expand_inputs

        files = list(expand_inputs(paths))
        if text_only:
            files = [
                p
                for p in files
                if p.is_file() and (p.suffix.lower() in TEXT_SUFFIXES or p in paths)
            ]
        return files

    def prepare(self) -> None:
        """Load the reader's lexicon, the vocabularies and the shapes now rather than with the
        first report, so that a caller can, for example, exclude them from the garbage
        collector's scans. They are kept for every later call."""
        self._read_with()
        self._validate_with()

    def _read_with(self) -> Reader:
        if self._reader is None:
            from polgraph.extract.reader import default_reader

            self._reader = default_reader()
        return self._reader

    def extract(self, path: Path, *, published: dt.date | None = None) -> Extraction:
        """A text or HTML report read into the extraction (with the span behind every fact);
        ``published`` dates a report that states no date. ``InputError`` when it is unreadable."""
        from polgraph.extract.source import load_source

        return self._read_with().read(load_source(path, published=published), report_id=path.stem)

    # -- ingest ----------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[Path],
        *,
        published: dt.date | None = None,
        progress: Callable[[Path], None] | None = None,
        all_pages: bool = False,
    ) -> BatchResult:
        """Read, validate and store each report in its own named graph (re-ingesting replaces
        it), then resolve persons and tenures and check the store-wide rules, as
        ``polgraph.pipeline.ingest.Pipeline.run`` does. A rejected report is an outcome, not an
        error; a bad corrections file raises (the reports stay stored).

        A WARC archive gives the pages its harvest selected (event reports within its dates);
        ``all_pages`` keeps every article in it instead."""
        pipeline = self._pipeline(self.store, identity=self.identity_file)
        if all_pages:
            from polgraph.pipeline.archived import Selection

            pipeline.page_selection = Selection(keep_all=True)
        pipeline.ensure_model_graphs()
        self.prepare()
        summary = pipeline.run(paths, store=True, progress=progress, published=published)
        return BatchResult(
            summary.outcomes, pipeline.rule_messages, self.identity_counts(), notes=summary.notes
        )

    def write_nquads(
        self,
        paths: Iterable[Path],
        directory: Path,
        *,
        published: dt.date | None = None,
        progress: Callable[[Path], None] | None = None,
    ) -> BatchResult:
        """Read and validate each report as ``ingest`` does, but write the accepted ones to
        gzipped N-Quads files in ``directory`` (new or empty), one per batch, for a store's bulk
        loader; no store is opened. Persons and tenures are left to ``rebuild`` on the loaded
        store. ``InputError`` when ``directory`` holds files already."""
        from polgraph.pipeline.bulk import NQuadsWriter
        from polgraph.pipeline.ingest import Pipeline
        from polgraph.vocab import vocabulary

        bulk = NQuadsWriter(directory)
        pipeline = Pipeline(None, vocabulary(), self._validate_with(), bulk=bulk)
        pipeline.ensure_model_graphs()
        self.prepare()
        summary = pipeline.run(paths, store=True, progress=progress, published=published)
        return BatchResult(summary.outcomes, files=list(bulk.files), notes=summary.notes)

    def validate(
        self,
        paths: Iterable[Path],
        *,
        published: dt.date | None = None,
        progress: Callable[[Path], None] | None = None,
    ) -> BatchResult:
        """Check reports against the shapes, nothing stored. The store, when there is one that
        can be opened, gives the one hop of context a report's links need; without it each report
        is checked alone."""
        pipeline = self._pipeline(self._context_store(), identity=None)
        self.prepare()
        summary = pipeline.run(paths, store=False, progress=progress, published=published)
        return BatchResult(summary.outcomes)

    def _context_store(self) -> GraphStore | None:
        if (
            self._store is None
            and self.settings.store_url is None
            and not self.settings.store_path.exists()
        ):
            return None
        try:
            return self.store
        except StoreError:
            return None  # a store in use elsewhere only loses the one-hop context, not the check

    def _validate_with(self) -> ReportValidator:
        if self._validator is None:
            from polgraph.rdf.validate import ReportValidator
            from polgraph.vocab import vocabulary

            self._validator = ReportValidator(vocabulary())
        return self._validator

    def _pipeline(self, store: GraphStore | None, *, identity: Path | None) -> Pipeline:
        from polgraph.pipeline.ingest import Pipeline
        from polgraph.vocab import vocabulary

        return Pipeline(store, vocabulary(), self._validate_with(), identity=identity)

    # -- identities ------------------------------------------------------------------------
    def rebuild(self) -> RebuildResult:
        """Resolve every name and post again (an ingest resolves only those it touched) and check
        the rules on the whole store. A bad corrections file is refused (``InputError``) before
        anything is rewritten."""
        from polgraph.identity.overrides import load_overrides

        load_overrides(self.identity_file)
        pipeline = self._pipeline(self.store, identity=self.identity_file)
        pipeline.resolve_identities(full=True)
        return RebuildResult(pipeline.rule_messages, self.identity_counts())

    # -- full-text search ------------------------------------------------------------------
    def rebuild_search(self) -> SearchIndexBuilt:
        """Build the store's full-text search index again, whole, in one transaction (an ingest
        keeps it in step; this is for a store written otherwise, by a SPARQL update or a bulk
        load, or an index lost)."""
        from polgraph.search import index_for

        index = index_for(self.store)
        return SearchIndexBuilt(index.path, index.rebuild(self.store))

    # -- harvesting ------------------------------------------------------------------------
    def harvest(
        self,
        seeds: Sequence[str],
        options: HarvestOptions | None = None,
        *,
        progress: Callable[[HarvestSummary], None] | None = None,
    ) -> HarvestSummary:
        """Harvest the sites at ``seeds``: discover their pages, fetch them politely, archive
        every response in WARC files and store the pages that report events (see
        ``polgraph.harvest``); then resolve persons and tenures. A killed harvest is resumed
        by the next call with the same seeds."""
        from polgraph.harvest import Harvester, HarvestOptions

        pipeline = self._pipeline(self.store, identity=self.identity_file)
        pipeline.ensure_model_graphs()
        self.prepare()
        return Harvester(pipeline, options or HarvestOptions(), progress).run(list(seeds))

    # -- on a Dask cluster ------------------------------------------------------------------
    @staticmethod
    def cluster(
        address: str | None = None, workers: int | None = None, *, timeout: float = 10.0
    ) -> AbstractContextManager[Client]:
        """A Dask client for ``ingest_on_cluster`` and ``rebuild_on_cluster``: to the scheduler
        at ``address`` (``tcp://host:8786``), or to ``workers`` local worker processes started
        on entering and stopped on leaving. ``InputError`` when no scheduler answers."""
        from polgraph.pipeline.cluster_client import connect

        return connect(address, workers, timeout=timeout)

    @classmethod
    def refuse_archives_on_cluster(cls, paths: Sequence[Path]) -> None:
        """``InputError`` when ``paths`` hold a WARC archive: those are read in one process, not
        on a cluster's workers."""
        from polgraph.archive.reader import is_archive

        archives = [path for path in cls.report_files(paths) if is_archive(path)]
        if archives:
            raise InputError(
                str(archives[0]),
                "WARC archives are read in one process: ingest them without --cluster or --workers",
            )

    def ingest_on_cluster(
        self,
        paths: Iterable[Path],
        client: Client,
        *,
        published: dt.date | None = None,
        progress: Callable[[Path], None] | None = None,
        workers_write: bool = True,
    ) -> BatchResult:
        """``ingest`` with the reports read, mapped and validated by the cluster's workers
        (which must see the same paths): the same outcomes and the same store. The embedded
        store is written by this process; a SPARQL service by the workers themselves (they
        read its account from their own environment), or by this process without
        ``workers_write``. ``progress`` is called as each report is done, on whichever worker."""
        from polgraph.pipeline.cluster_ingest import ingest_on_cluster

        paths = list(paths)
        self.refuse_archives_on_cluster(paths)
        pipeline = self._pipeline(self.store, identity=self.identity_file)
        pipeline.ensure_model_graphs()
        summary = ingest_on_cluster(
            pipeline,
            client,
            paths,
            progress=progress,
            published=published,
            workers_write=workers_write,
        )
        return BatchResult(summary.outcomes, pipeline.rule_messages, self.identity_counts())

    def rebuild_on_cluster(self, client: Client) -> RebuildResult:
        """``rebuild`` with the persons of each name and the tenures of each post worked out on
        the cluster's workers; the store is read and written here. The same result."""
        from polgraph.identity.overrides import load_overrides
        from polgraph.pipeline.cluster_identity import ClusterWork

        load_overrides(self.identity_file)
        pipeline = self._pipeline(self.store, identity=self.identity_file)
        pipeline.work = ClusterWork(client)
        pipeline.resolve_identities(full=True)
        return RebuildResult(pipeline.rule_messages, self.identity_counts())

    def explain(self, person: str) -> list[str]:
        """Which mentions make up a person (an IRI, the last part of one, or a name), and the
        shared post, body or place behind each join. ``NotFoundError`` when there is none."""
        from polgraph.analytics.errors import NotFoundError
        from polgraph.identity.overrides import load_overrides
        from polgraph.identity.resolution import explain_person

        path = self.identity_file
        overrides = load_overrides(path) if path is not None else None
        lines = explain_person(self.store, overrides, person)
        if lines is None:
            raise NotFoundError(f"no person {person!r} in the store")
        return lines

    # -- queries ---------------------------------------------------------------------------
    @staticmethod
    def queries() -> list[NamedQuery]:
        """The named queries, with their purposes and parameters."""
        from polgraph.query.named import available_queries

        return list(available_queries().values())

    def query(self, name: str, params: Mapping[str, str] | None = None) -> QueryAnswer:
        """Run a named query, or the query in a .rq file, with its parameters bound. A person,
        event, body, place or post parameter takes an IRI, the id in its page's address or a
        name (accents optional). ``QueryError`` when the query is unknown, a parameter wrong or
        the text does not parse; among them ``UnknownEntity`` when a parameter names nothing in
        the store and ``AmbiguousEntity`` when it names several (``polgraph.query.entities``)."""
        from polgraph.query.named import load_query

        named = load_query(name)
        text = named.render(named.resolve(self.store, dict(params or {})))
        try:
            results = self.store.query(text)
        except SyntaxError as exc:
            raise QueryError(f"{named.path or named.name}: {exc}") from None
        return QueryAnswer(named, results)

    def who(self, post: str, org: str, day: dt.date) -> QueryAnswer:
        """Who held ``post`` ("Chủ tịch") of the body ``org`` (as reports write it, "UBND xã Cẩm
        Lộc", accents optional, or its id or IRI) on ``day``, with the evidence: the role-at-date
        query. ``QueryError`` when the post and body cannot be read; ``AmbiguousEntity`` when
        the name fits several bodies, ``UnknownEntity`` when it fits none."""
        from polgraph.query.entities import ORG, AmbiguousEntity, UnknownEntity, resolve_entity

        post_type, body = post_of_body(post, org)
        try:
            found = resolve_entity(self.store, ORG, body)
        except UnknownEntity:  # told in the words given, not as the reader spelt them out
            raise UnknownEntity(ORG, org) from None
        except AmbiguousEntity as exc:
            raise AmbiguousEntity(ORG, org, exc.candidates) from None
        params = {"org": found, "post_type": str(post_type), "date": day.isoformat()}
        return self.query("role-at-date", params)

    def stats(self) -> StoreCounts:
        from polgraph.query.named import load_query

        counts = self.store.stats()
        kinds = [
            (row["kind"].value, int(row["n"].value))
            for row in self.store.query(load_query("count-by-class").text)
        ]
        return StoreCounts(counts.reports, counts.quads, kinds)

    def export(self, fmt: str, out: IO[bytes]) -> None:
        """Write the whole store to ``out`` as ttl, nq, trig, jsonld or popolo."""
        from polgraph.query.export import EXPORT_FORMATS, export

        if fmt not in EXPORT_FORMATS:
            raise QueryError(f"unknown format {fmt!r}: choose {', '.join(EXPORT_FORMATS)}")
        export(self.store, fmt, out)

    # -- networks --------------------------------------------------------------------------
    def network(self) -> KnowledgeGraph:
        """The network analyses over this store (``polgraph.analytics.KnowledgeGraph``)."""
        from polgraph.analytics import KnowledgeGraph

        return KnowledgeGraph(self.store)


def post_of_body(post: str, org: str) -> tuple[URIRef, str]:
    """The vocabulary's post type of ``post`` and the name of the body it is a post of, spelt as
    the reader spells a report's ("UBND xã X": "Ủy ban nhân dân xã X"); an IRI ``org``, or the
    id of a body's page, is kept.
    ``QueryError`` when the words are not one known post of one body."""
    from polgraph.extract.reader import parse_title
    from polgraph.query.entities import ORG, reference_iri
    from polgraph.vocab import vocabulary

    if reference_iri(ORG, org.strip()) is not None:  # an IRI, a page's address or its id
        title, body = post, org
    else:
        roles = parse_title(f"{post} {org}")
        if len(roles) != 1 or not roles[0].org:
            raise QueryError(f"cannot read {post!r} of {org!r} as one post of one body")
        title, body = roles[0].post, roles[0].org
    post_type = vocabulary().post_type(title)
    if post_type is None:
        raise QueryError(f"unknown post {post!r}")
    return post_type, body
