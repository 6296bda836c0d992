"""The store-wide rules (``ontology/rules.ttl``): SHACL-SPARQL warnings that need more than one
report, such as two persons in one exclusive post on one date.

Each rule is a node shape with a SPARQL target and SPARQL constraints. SHACL evaluates a
constraint's SELECT once per target with ``$this`` pre-bound; the rules are written so that the
same rows come from one evaluation with ``$this`` free, kept for the targets. That is what runs
here, against the store itself: two queries per rule instead of one per suspect node, which is
what keeps the check linear in the size of the store.
"""

from __future__ import annotations

import re
from functools import cache

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from polgraph import resources
from polgraph.errors import ShapeMessage
from polgraph.store.base import GraphStore

_VARIABLE = re.compile(r"\{[?$](\w+)\}")


@cache
def rules_graph() -> Graph:
    return Graph().parse(resources.rules_file())


def _prefixes(rules: Graph, holder) -> str:
    lines = []
    for declaring in rules.objects(holder, SH.prefixes):
        for declaration in rules.objects(declaring, SH.declare):
            prefix = rules.value(declaration, SH.prefix)
            namespace = rules.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(lines) + "\n"


def _english(rules: Graph, constraint) -> str:
    messages = list(rules.objects(constraint, SH.message))
    for message in messages:
        if isinstance(message, Literal) and message.language == "en":
            return str(message)
    return str(messages[0]) if messages else "breaks a store-wide rule"


def _fill(template: str, row, names: set[str]) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        term = row[name] if name in names else None
        return term.value if term is not None else match.group(0)

    return _VARIABLE.sub(value, template)


def check_rules(store: GraphStore, rules: Graph | None = None) -> list[ShapeMessage]:
    """The warnings the store-wide rules give, sorted."""
    rules = rules if rules is not None else rules_graph()
    messages: set[ShapeMessage] = set()
    for shape in sorted(rules.subjects(RDF.type, SH.NodeShape)):
        targets = set()
        for target in rules.objects(shape, SH.target):
            select = rules.value(target, SH.select)
            if select is not None:
                targets |= {row["this"] for row in store.query(_prefixes(rules, target) + str(select))}
        if not targets:
            continue
        for constraint in rules.objects(shape, SH.sparql):
            select = str(rules.value(constraint, SH.select)).replace("$this", "?this")
            results = store.query(_prefixes(rules, constraint) + select)
            names = {v.value for v in results.variables}
            template = _english(rules, constraint)
            for row in results:
                if row["this"] not in targets:
                    continue
                value = row["value"] if "value" in names else None
                messages.add(ShapeMessage(
                    severity="Warning", focus=f"<{row['this'].value}>", path=None,
                    message=_fill(template, row, names), value=None if value is None else value.value,
                ))
    return sorted(messages, key=lambda m: (m.message, m.focus))
