"""SHACL validation of one report before it is stored.

The data graph is the report's own graph and the nodes it points at without describing them
(fetched from the store by the caller), with what the ontology says of their classes made explicit:
each node also gets its superclasses as types (a pg:PeoplesCommittee is a pg:Organization) and each
vocabulary concept it cites gets its type. Its size, and so the cost of validation, does not grow
with the store.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import pyoxigraph as ox
import pyshacl
from pyshacl.graph_abstraction import OxigraphDataGraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from polgraph import resources
from polgraph.errors import ShapeMessage
from polgraph.namespaces import MODEL_GRAPH_PREFIX, PG, VOCAB
from polgraph.rdf.terms import to_ox_quad
from polgraph.vocab import Vocabulary

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_MODEL_PREFIXES = (str(PG), VOCAB, MODEL_GRAPH_PREFIX, "http://www.w3.org/")


@dataclass
class ValidationReport:
    messages: list[ShapeMessage] = field(default_factory=list)

    @property
    def violations(self) -> list[ShapeMessage]:
        return [m for m in self.messages if m.severity == "Violation"]

    @property
    def warnings(self) -> list[ShapeMessage]:
        return [m for m in self.messages if m.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations


def external_references(triples: Iterable[tuple]) -> set[URIRef]:
    """IRIs the triples point at without describing them: these need one hop of context."""
    triples = list(triples)
    described = {s for s, _, _ in triples}
    return {
        o
        for _, _, o in triples
        if isinstance(o, URIRef) and o not in described and not str(o).startswith(_MODEL_PREFIXES)
    }


def _labels(triples: Iterable[tuple]) -> dict:
    """A readable name for each node that has one, to show in messages."""
    wanted = (PG.name, RDFS.label, PG.documentNumber)
    out = {}
    for s, p, o in triples:
        if p in wanted and s not in out:
            out[s] = str(o)
    return out


def _message(results: Graph, result: Node) -> str:
    texts = list(results.objects(result, SH.resultMessage))
    for lang in ("en", None, "vi"):
        for text in texts:
            if isinstance(text, Literal) and text.language == lang:
                return str(text)
    return str(texts[0]) if texts else "does not conform to its shape"


class _ReportData(OxigraphDataGraph):
    """The data graph as pySHACL reads it. pySHACL tests it for truth (``datagraph or shapes``)
    once per result, and the inherited test counts every triple with a SPARQL query: a batch with
    a few warnings would pay a full scan for each."""

    def __bool__(self) -> bool:
        return True

    # Each match below is the inherited one, read to the end before the first is given. pySHACL
    # often stops after the first, and an unfinished match holds a pyoxigraph iterator that only
    # its own thread may free: on a Dask worker the generator was freed on another thread, where
    # pyo3 leaks the iterator and prints a RuntimeError. A report's data graph is small; reading
    # a match whole is cheap.

    def triples(self, triple: tuple) -> Iterator[tuple]:  # type: ignore[override]
        yield from list(super().triples(triple))

    def subjects(self, *pattern: Any, **options: Any) -> Generator[Any, None, None]:
        yield from list(super().subjects(*pattern, **options))

    def objects(self, *pattern: Any, **options: Any) -> Generator[Any, None, None]:
        yield from list(super().objects(*pattern, **options))

    def subject_objects(self, *pattern: Any, **options: Any) -> Generator[Any, None, None]:
        yield from list(super().subject_objects(*pattern, **options))

    def predicate_objects(self, *pattern: Any, **options: Any) -> Generator[Any, None, None]:
        yield from list(super().predicate_objects(*pattern, **options))

    def subject_predicates(self, *pattern: Any, **options: Any) -> Generator[Any, None, None]:
        yield from list(super().subject_predicates(*pattern, **options))


def report_data_graph(data: ox.Store) -> OxigraphDataGraph:
    """An in-memory Oxigraph store as pySHACL's data graph, without the per-result count."""
    return _ReportData(data)


class ReportValidator:
    """Validates report graphs against ``ontology/shapes.ttl``; build once, use for many reports."""

    def __init__(self, vocabulary: Vocabulary, shapes: Graph | None = None) -> None:
        self.shapes = shapes if shapes is not None else Graph().parse(resources.shapes_file())
        self.ancestors = vocabulary.ancestors()
        self.concept_types = vocabulary.concept_types()

    def data_triples(self, graph: Iterable[tuple], context: Iterable[tuple] = ()) -> list[tuple]:
        """What pySHACL sees for one report: its triples, their context, and explicit types,
        which spare pySHACL the subclass reasoning for sh:targetClass and sh:class."""
        triples = list(chain(graph, context))
        triples += [
            (s, RDF.type, ancestor)
            for s, p, o in triples
            if p == RDF.type
            for ancestor in self.ancestors.get(o, ())
        ]
        triples += [
            (o, RDF.type, self.concept_types[o])
            for o in {t[2] for t in triples}
            if o in self.concept_types
        ]
        return triples

    def _run(self, triples: list[tuple]) -> list[tuple[URIRef, ShapeMessage]]:
        # An in-memory Oxigraph store is far quicker to fill than an rdflib graph, and pySHACL
        # reads it directly.
        data = ox.Store()
        data.extend(to_ox_quad(s, p, o) for s, p, o in triples)
        _, results, _ = pyshacl.validate(
            _ReportData(data),
            shacl_graph=self.shapes,
            inference="none",
            inplace=True,
            allow_warnings=True,
        )
        found = []
        labels = _labels(triples) if (None, RDF.type, SH.ValidationResult) in results else {}
        for result in results.subjects(RDF.type, SH.ValidationResult):
            focus = results.value(result, SH.focusNode)
            path = results.value(result, SH.resultPath)
            value = results.value(result, SH.value)
            found.append(
                (
                    focus,
                    ShapeMessage(
                        severity=_SEVERITY.get(
                            results.value(result, SH.resultSeverity), "Violation"
                        ),
                        focus=f"{labels[focus]} <{focus}>" if focus in labels else f"<{focus}>",
                        path=path.n3(self.shapes.namespace_manager)
                        if isinstance(path, URIRef)
                        else None,
                        message=_message(results, result),
                        value=None if value is None else str(value),
                    ),
                )
            )
        return found

    @staticmethod
    def _report(messages: Iterable[ShapeMessage]) -> ValidationReport:
        return ValidationReport(
            sorted(messages, key=lambda m: (m.severity != "Violation", m.focus, m.message))
        )

    def validate(self, graph: Iterable[tuple], context: Iterable[tuple] = ()) -> ValidationReport:
        return self._report(m for _, m in self._run(self.data_triples(graph, context)))

    def validate_many(
        self, items: list[tuple[Iterable[tuple], Iterable[tuple]]]
    ) -> list[ValidationReport]:
        """Validate several reports in one pass, each judged on its own nodes.

        pySHACL's cost is mostly per shape, so one pass over many small reports is much cheaper
        than one pass each. The batch is each report's context, as the store is: nodes they share
        (bodies, posts, places) are described identically by each. A result belongs to every
        report that describes its focus node; a report with a violation is validated again on
        its own, and that verdict stands, so another report can never cause its rejection.
        """
        if len(items) <= 1:
            return [self.validate(graph, context) for graph, context in items]
        # reports in a batch share bodies, posts and places: load them once
        data: set[tuple] = set()
        owners: dict[URIRef, list[int]] = {}
        for index, (graph, context) in enumerate(items):
            data.update(self.data_triples(graph, context))
            for subject in {s for s, _, _ in graph}:
                owners.setdefault(subject, []).append(index)
        messages: list[list[ShapeMessage]] = [[] for _ in items]
        for focus, message in self._run(list(data)):
            for index in owners.get(focus, []):
                messages[index].append(message)
        reports = [self._report(found) for found in messages]
        for index, report in enumerate(reports):
            if not report.conforms:
                reports[index] = self.validate(*items[index])
        return reports
