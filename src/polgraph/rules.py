"""The store-wide rules (``ontology/rules.ttl``): SHACL-SPARQL warnings that need more than one
report, such as two persons in one exclusive post on one date.

Each rule is a node shape with a SPARQL target and SPARQL constraints. SHACL evaluates a
constraint's SELECT once per target with ``$this`` pre-bound; the rules are written so that the
same rows come from one evaluation with ``$this`` free, kept for the targets. That is what runs
here, against the store itself: two queries per rule instead of one per suspect node.

After an ingest only what it touched is checked (``RuleScope``): the candidate focus nodes are
the touched reports' own nodes and the attestations of the touched posts (whose holders may have
changed with their identities), given to both queries as a ``VALUES`` block on ``$this``, so the
store starts from them and the cost follows the change, not the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from polgraph import resources
from polgraph.errors import ShapeMessage
from polgraph.namespaces import PG
from polgraph.store.base import GraphStore

_VARIABLE = re.compile(r"\{[?$](\w+)\}")
_WHERE = re.compile(r"WHERE\s*\{", re.IGNORECASE)
_MANY = 5000  # more candidates than this: one query over the store, filtered, is quicker


@dataclass(frozen=True)
class RuleScope:
    """What to check: the touched reports' nodes, and the attestations of the touched posts."""

    reports: frozenset[str]
    posts: frozenset[str]


def _values(variable: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(f'<{i}>' for i in sorted(iris))} }}"


def _candidates(store: GraphStore, scope: RuleScope) -> set[str]:
    found: set[str] = set()
    if scope.reports:
        found |= {row["s"].value for row in store.query(
            f"SELECT DISTINCT ?s WHERE {{ {_values('g', scope.reports)} GRAPH ?g {{ ?s ?p ?o }} }}")}
    if scope.posts:
        found |= {row["a"].value for row in store.query(
            f"SELECT ?a WHERE {{ {_values('post', scope.posts)} ?a <{PG.post}> ?post }}")}
    return found


def _scoped(select: str, this: set[str] | None) -> str:
    """The SELECT with ``?this`` bound to ``this`` first (all of them when None or too many)."""
    if this is None or len(this) > _MANY:
        return select
    return _WHERE.sub(lambda m: f"{m.group(0)} {_values('this', this)}", select, count=1)


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


def check_rules(store: GraphStore, rules: Graph | None = None,
                scope: RuleScope | None = None) -> list[ShapeMessage]:
    """The warnings the store-wide rules give, sorted: on everything, or on ``scope``."""
    rules = rules if rules is not None else rules_graph()
    candidates = None if scope is None else _candidates(store, scope)
    if candidates is not None and not candidates:
        return []
    messages: set[ShapeMessage] = set()
    for shape in sorted(rules.subjects(RDF.type, SH.NodeShape)):
        targets = set()
        for target in rules.objects(shape, SH.target):
            select = rules.value(target, SH.select)
            if select is not None:
                rows = store.query(_prefixes(rules, target) + _scoped(str(select), candidates))
                targets |= {row["this"] for row in rows
                            if candidates is None or row["this"].value in candidates}
        if not targets:
            continue
        for constraint in rules.objects(shape, SH.sparql):
            select = str(rules.value(constraint, SH.select)).replace("$this", "?this")
            results = store.query(_prefixes(rules, constraint)
                                  + _scoped(select, {t.value for t in targets}))
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
