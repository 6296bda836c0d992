"""The SPARQL 1.1 Service Description of the endpoint, in the format asked for."""

from __future__ import annotations

from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
_RESULT_FORMATS = [
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
    "TriG",
    "N-Quads",
]
_RDFLIB_FORMATS = {"TURTLE": "turtle", "N_TRIPLES": "nt", "JSON_LD": "json-ld", "RDF_XML": "xml"}


def service_description(endpoint: str, fmt: str, *, writable: bool, remote: bool) -> bytes:
    graph = Graph(bind_namespaces="none")
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if writable:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    for name in _RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    # With no default-graph-uri, the default graph is the union of every report's graph.
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    if remote:
        graph.add((service, SD.feature, SD.BasicFederatedQuery))
    dataset, default = BNode(), BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    return graph.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
