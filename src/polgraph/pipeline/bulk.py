"""Reports as gzipped N-Quads files for a store's bulk loader, instead of writes to a store.

A batch of accepted reports becomes one file ``batch-NNNNNN.nq.gz`` holding what the store's
layout (``polgraph.store.layout``) would write: each report's own graph, each shared
description graph it relies on (once per run), and the report in the pending graph, so that
``polgraph identity rebuild`` on the loaded store resolves persons and tenures. The ontology and
the vocabularies are ``model.nq.gz``. Loaders read a folder of such files in any order: the
quads are a set, and no report is in two files of one run.

Each file is written beside its name as ``.partial`` and renamed once whole, so a crash leaves
no truncated file for a loader to read.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from typing import IO, cast

import pyoxigraph as ox
from rdflib import URIRef

from polgraph.errors import InputError
from polgraph.files import atomic_output
from polgraph.rdf.mapping import ReportGraph
from polgraph.rdf.terms import to_ox_quad
from polgraph.store.base import ReplaceOutcome
from polgraph.store.layout import PENDING_GRAPH, DescriptionNames, Touched, laid_out, touched_by

MODEL_FILE = "model.nq.gz"


class NQuadsWriter:
    """Writes batches of report graphs into ``directory``, which must be empty or new: files of
    an earlier run beside them would load an old version of a report with the new one."""

    def __init__(self, directory: Path) -> None:
        if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
            raise InputError(
                str(directory),
                "the N-Quads folder must be new or empty (files of an earlier run would be "
                "loaded beside the new ones)",
            )
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.files: list[Path] = []
        self.batches = 0
        self._names = DescriptionNames()
        self._described: set[URIRef] = set()  # description graphs already in a file of this run
        self._reports: dict[URIRef, int] = {}  # report -> hash of what was written of it

    def write_model(self, graphs: dict[URIRef, Iterable[tuple]]) -> Path:
        """The ontology and vocabularies, each in its named graph."""
        return self._write(MODEL_FILE, list(graphs.items()))

    def write(self, reports: list[ReportGraph]) -> list[ReplaceOutcome | None]:
        """One file for ``reports``; what became of each, in order. A report given twice in a
        batch keeps its later version (REPLACED, or UNCHANGED when the same). One already in an
        earlier file of this run is left out: UNCHANGED when the same, None when it differs, as
        the loader would take both versions together."""
        graphs: list[tuple[URIRef, Iterable[tuple]]] = []
        touched = Touched()
        outcomes: list[ReplaceOutcome | None] = []
        batch: dict[URIRef, tuple[set[tuple], dict[URIRef, frozenset[tuple]]]] = {}
        for report in reports:
            own, descriptions = laid_out(report, self._names)
            earlier = self._reports.get(report.iri)
            if earlier is not None:
                same = earlier == hash(frozenset(own))
                outcomes.append(ReplaceOutcome.UNCHANGED if same else None)
                continue
            if report.iri in batch:
                same = batch[report.iri][0] == own
                outcomes.append(ReplaceOutcome.UNCHANGED if same else ReplaceOutcome.REPLACED)
            else:
                outcomes.append(ReplaceOutcome.ADDED)
            batch[report.iri] = (own, descriptions)
        for iri, (own, descriptions) in batch.items():
            self._reports[iri] = hash(frozenset(own))
            graphs.append((iri, own))
            for name, triples in descriptions.items():
                if name not in self._described:
                    self._described.add(name)
                    graphs.append((name, triples))
            touched.update(touched_by(iri, own))
        if batch:
            graphs.append((PENDING_GRAPH, touched.triples()))
            self.batches += 1
            self._write(f"batch-{self.batches:06d}.nq.gz", graphs)
        return outcomes

    def _write(self, name: str, graphs: list[tuple[URIRef, Iterable[tuple]]]) -> Path:
        target = self.directory / name
        quads = (
            to_ox_quad(s, p, o, ox.NamedNode(str(graph)))
            for graph, triples in graphs
            for s, p, o in triples
        )
        # mtime=0: the header keeps no time of writing, which a loader has no use for.
        with atomic_output(target) as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as sink:
            ox.serialize(quads, cast(IO[bytes], sink), ox.RdfFormat.N_QUADS)
        self.files.append(target)
        return target
