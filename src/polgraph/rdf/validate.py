"""SHACL validation of one report before it is stored.

The data graph is the report's own graph, plus the ontology's class hierarchy (so ``sh:class``
sees that a pg:PeoplesCommittee is a pg:Organization) and the nodes the report points at that it
does not describe itself (fetched from the store by the caller). Its size, and so the cost of
validation, does not grow with the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from polgraph import resources
from polgraph.errors import ShapeMessage
from polgraph.namespaces import MODEL_GRAPH_PREFIX, PG, VOCAB
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


def external_references(graph: Graph) -> set[URIRef]:
    """IRIs the graph points at without describing them: these need one hop of context."""
    described = set(graph.subjects())
    return {
        o for o in graph.objects()
        if isinstance(o, URIRef) and o not in described and not str(o).startswith(_MODEL_PREFIXES)
    }


def _label(graph: Graph, node) -> str:
    for prop in (PG.name, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), PG.documentNumber):
        value = graph.value(node, prop)
        if value is not None:
            return f"{value} <{node}>"
    return f"<{node}>"


def _message(results: Graph, result) -> str:
    texts = list(results.objects(result, SH.resultMessage))
    for lang in ("en", None, "vi"):
        for text in texts:
            if isinstance(text, Literal) and text.language == lang:
                return str(text)
    return str(texts[0]) if texts else "does not conform to its shape"


class ReportValidator:
    """Validates report graphs against ``ontology/shapes.ttl``; build once, use for many reports."""

    def __init__(self, vocabulary: Vocabulary, shapes: Graph | None = None) -> None:
        self.shapes = shapes if shapes is not None else Graph().parse(resources.shapes_file())
        self.hierarchy = vocabulary.class_hierarchy()

    def validate(self, graph: Graph, context: Iterable[tuple] = ()) -> ValidationReport:
        data = Graph()
        for triple in graph:
            data.add(triple)
        for triple in self.hierarchy:
            data.add(triple)
        for triple in context:
            data.add(triple)
        _, results, _ = pyshacl.validate(
            data, shacl_graph=self.shapes, inference="none", inplace=True, allow_warnings=True,
        )
        report = ValidationReport()
        for result in results.subjects(RDF.type, SH.ValidationResult):
            focus = results.value(result, SH.focusNode)
            path = results.value(result, SH.resultPath)
            value = results.value(result, SH.value)
            report.messages.append(ShapeMessage(
                severity=_SEVERITY.get(results.value(result, SH.resultSeverity), "Violation"),
                focus=_label(data, focus),
                path=path.n3(data.namespace_manager) if isinstance(path, URIRef) else None,
                message=_message(results, result),
                value=None if value is None else str(value),
            ))
        report.messages.sort(key=lambda m: (m.severity != "Violation", m.focus, m.message))
        return report
