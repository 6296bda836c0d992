"""The store-wide rules (``ontology/rules.ttl``): SHACL-SPARQL warnings that need more than one
report, such as two persons in one exclusive post on one date.

The rules read a small extract of the store (attestations, identities, dates, speeches), copied
into an in-memory graph, so their cost follows the number of attestations, not of all triples.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
import pyshacl
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from polgraph import resources
from polgraph.errors import ShapeMessage
from polgraph.namespaces import PREFIXES
from polgraph.store.base import GraphStore

_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

# What the rules read, one pattern per query so that no OPTIONAL multiplies rows.
_EXTRACTS = [
    "CONSTRUCT { ?a a pg:RoleAttestation ; pg:post ?post ; pg:event ?e ; pg:person ?m . } "
    "WHERE { ?a a pg:RoleAttestation ; pg:post ?post ; pg:event ?e ; pg:person ?m . }",
    "CONSTRUCT { ?a pg:elected ?x } WHERE { ?a a pg:RoleAttestation ; pg:elected ?x }",
    "CONSTRUCT { ?m pg:mentionOf ?p . ?p pg:name ?n } WHERE { ?m pg:mentionOf ?p . ?p pg:name ?n }",
    "CONSTRUCT { ?post rdfs:label ?l ; pg:postType ?t . ?t pg:exclusive ?x } "
    "WHERE { ?post a pg:Post ; rdfs:label ?l ; pg:postType ?t . ?t pg:exclusive ?x }",
    "CONSTRUCT { ?e a ?c ; rdfs:label ?l ; pg:date ?d } "
    "WHERE { ?e pg:date ?d ; rdfs:label ?l ; a ?c . FILTER(STRSTARTS(STR(?c), STR(pg:))) }",
    "CONSTRUCT { ?e a ?c ; rdfs:label ?l } "
    "WHERE { ?s a pg:Speech ; pg:event ?e . ?e rdfs:label ?l ; a ?c . FILTER(STRSTARTS(STR(?c), STR(pg:))) }",
    "CONSTRUCT { ?s a pg:Speech ; pg:speaker ?m ; pg:event ?e . ?m pg:name ?n } "
    "WHERE { ?s a pg:Speech ; pg:speaker ?m ; pg:event ?e . ?m pg:name ?n }",
]


def _extract(store: GraphStore) -> ox.Store:
    data = ox.Store()
    for construct in _EXTRACTS:
        data.extend(ox.Quad(t.subject, t.predicate, t.object) for t in store.query(_PREFIXES + construct))
    return data


def _text(results: Graph, result, rules: Graph) -> str:
    """The English message. pySHACL drops the language tags when it fills in the values, so the
    English one is the text that holds every fixed part of the English template."""
    texts = [str(t) for t in results.objects(result, SH.resultMessage)]
    constraint = results.value(result, SH.sourceConstraint)
    templates = [str(m) for m in rules.objects(constraint, SH.message)
                 if isinstance(m, Literal) and m.language == "en"]
    for template in templates:
        fixed = [part for part in re.split(r"\{[?$]\w+\}", template) if part]
        for text in texts:
            if all(part in text for part in fixed):
                return text
    return texts[0] if texts else "breaks a store-wide rule"


def check_rules(store: GraphStore) -> list[ShapeMessage]:
    """The warnings the store-wide rules give, sorted."""
    from polgraph.rdf.validate import report_data_graph

    rules = Graph().parse(resources.rules_file())
    _, results, _ = pyshacl.validate(
        report_data_graph(_extract(store)), shacl_graph=rules, advanced=True, inference="none",
        inplace=True, allow_warnings=True,
    )
    messages = {
        ShapeMessage(
            severity="Warning", focus=f"<{results.value(result, SH.focusNode)}>", path=None,
            message=_text(results, result, rules),
            value=None if results.value(result, SH.value) is None else str(results.value(result, SH.value)),
        )
        for result in results.subjects(RDF.type, SH.ValidationResult)
    }
    return sorted(messages, key=lambda m: (m.message, m.focus))
