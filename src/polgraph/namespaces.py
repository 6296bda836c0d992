"""The IRIs polgraph uses: its ontology, its vocabularies and the base of its data."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

PG = Namespace("https://w3id.org/polgraph/ontology#")
ONTOLOGY_IRI = "https://w3id.org/polgraph/ontology"
VOCAB = "https://w3id.org/polgraph/vocab/"
POST = Namespace(VOCAB + "post/")
BODY = Namespace(VOCAB + "body/")
ACT = Namespace(VOCAB + "act/")
AREA_LEVEL = Namespace(VOCAB + "area-level/")
ID = Namespace("https://w3id.org/polgraph/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")

# Graphs that hold the model itself rather than a report.
MODEL_GRAPH_PREFIX = "https://w3id.org/polgraph/graph/"

PREFIXES: dict[str, str] = {
    "pg": str(PG),
    "post": str(POST),
    "body": str(BODY),
    "act": str(ACT),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "time": str(TIME),
    "dcterms": str(DCTERMS),
    "oa": str(OA),
    "schema": str(SCHEMA),
}

__all__ = [
    "PG", "ONTOLOGY_IRI", "VOCAB", "POST", "BODY", "ACT", "AREA_LEVEL", "ID", "OA", "SCHEMA",
    "MODEL_GRAPH_PREFIX", "PREFIXES",
]
