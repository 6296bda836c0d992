"""The store-wide rules (``ontology/rules.ttl``): SHACL-SPARQL warnings that need more than one
report, such as two persons in one exclusive post on one date.

Each rule is a node shape with a SPARQL target and SPARQL constraints. SHACL evaluates a
constraint's SELECT once per target with ``$this`` pre-bound; the rules are written so that the
same rows come from one evaluation with ``$this`` free, kept for the targets. That is what runs
here, against the store itself: two queries per rule instead of one per suspect node.

After an ingest only what it touched is checked (``RuleScope``): a target's query marks, with a
comment line ``# scope: ?v = touched posts`` (or ``reports``), where its variable is bound to the
touched posts (reports) by a ``VALUES`` block, so the store starts from them and the cost follows
the change, not the store. A touched post is one a stored report attests or one held by a mention
whose person changed. The constraints then run with ``$this`` bound to the targets found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol, cast

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import Identifier, Node

from polgraph import resources
from polgraph.errors import ShapeMessage

_VARIABLE = re.compile(r"\{[?$](\w+)\}")
_WHERE = re.compile(r"WHERE\s*\{", re.IGNORECASE)
_SCOPE = re.compile(r"#\s*scope:\s*\?(\w+)\s*=\s*touched (posts|reports)[^\n]*")
_BOUND_AT_ONCE = 2000  # targets bound per constraint query: a VALUES block of bounded size


class QueriedStore(Protocol):
    """What the rules need of a store: SPARQL over the union of its graphs. Any store of
    ``polgraph.store`` is one; naming only this keeps the rules upstream of the store."""

    def query(self, sparql: str) -> Any: ...


@dataclass(frozen=True)
class RuleScope:
    """What to check: the nodes of the touched reports and of the touched posts."""

    reports: frozenset[str]
    posts: frozenset[str]


def _values(variable: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(f'<{i}>' for i in sorted(iris))} }}"


def _scoped_target(select: str, scope: RuleScope | None) -> str | None:
    """The target's SELECT with its scope comments made VALUES blocks; None when the scope
    leaves it nothing to look at. A target without a scope comment is checked store-wide."""
    if scope is None:
        return select
    empty = False

    def bind(match: re.Match) -> str:
        nonlocal empty
        touched = scope.posts if match.group(2) == "posts" else scope.reports
        empty = empty or not touched
        return _values(match.group(1), touched)

    scoped = _SCOPE.sub(bind, select)
    return None if empty else scoped


def _bound_to(select: str, this: list[str]) -> str:
    """The SELECT with ``?this`` bound to ``this`` first."""
    return _WHERE.sub(lambda m: f"{m.group(0)} {_values('this', this)}", select, count=1)


@cache
def rules_graph() -> Graph:
    return Graph().parse(resources.rules_file())


def _prefixes(rules: Graph, holder: Node) -> str:
    lines = []
    for declaring in rules.objects(holder, SH.prefixes):
        for declaration in rules.objects(declaring, SH.declare):
            prefix = rules.value(declaration, SH.prefix)
            namespace = rules.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(lines) + "\n"


def _english(rules: Graph, constraint: Node) -> str:
    messages = list(rules.objects(constraint, SH.message))
    for message in messages:
        if isinstance(message, Literal) and message.language == "en":
            return str(message)
    return str(messages[0]) if messages else "breaks a store-wide rule"


def _fill(template: str, row: Any, names: set[str]) -> str:
    """``template`` with the values of ``row`` (a solution of ``QueriedStore.query``)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        term = row[name] if name in names else None
        return term.value if term is not None else match.group(0)

    return _VARIABLE.sub(value, template)


def check_rules(
    store: QueriedStore, rules: Graph | None = None, scope: RuleScope | None = None
) -> list[ShapeMessage]:
    """The warnings the store-wide rules give, sorted: on everything, or on ``scope``."""
    rules = rules if rules is not None else rules_graph()
    limit = getattr(store, "values_limit", None)  # a QueriedStore need not say
    if (
        scope is not None
        and limit is not None
        and max(map(len, (scope.posts, scope.reports))) > limit
    ):
        scope = None  # more than the store takes in one query: the whole store is checked
    step = min(_BOUND_AT_ONCE, limit or _BOUND_AT_ONCE)
    messages: set[ShapeMessage] = set()
    # The shapes are IRIs or blank nodes (Identifiers, which sort); rdflib types them as Nodes.
    for shape in sorted(cast("Iterator[Identifier]", rules.subjects(RDF.type, SH.NodeShape))):
        targets = set()
        for target in rules.objects(shape, SH.target):
            select = rules.value(target, SH.select)
            scoped = None if select is None else _scoped_target(str(select), scope)
            if scoped is not None:
                targets |= {
                    row["this"].value for row in store.query(_prefixes(rules, target) + scoped)
                }
        if not targets:
            continue
        ordered = sorted(targets)
        for constraint in rules.objects(shape, SH.sparql):
            query = str(rules.value(constraint, SH.select)).replace("$this", "?this")
            template = _english(rules, constraint)
            for first in range(0, len(ordered), step):
                results = store.query(
                    _prefixes(rules, constraint) + _bound_to(query, ordered[first : first + step])
                )
                names = {v.value for v in results.variables}
                for row in results:
                    value = row["value"] if "value" in names else None
                    messages.add(
                        ShapeMessage(
                            severity="Warning",
                            focus=f"<{row['this'].value}>",
                            path=None,
                            message=_fill(template, row, names),
                            value=None if value is None else value.value,
                        )
                    )
    return sorted(messages, key=lambda m: (m.message, m.focus))
