"""What a SPARQL request is, read before anything runs it.

The text is scanned as SPARQL's grammar tokenises it: strings, IRIs, comments, variables and
prefixed names are skipped, so only bare keywords remain. That is enough to tell a query from an
update. Whether it would reach another host (``SERVICE``, ``LOAD``) is decided on the request as a
parser reads it (rdflib's SPARQL parser, after SPARQL's own \\u escapes are expanded), not on its
words: a scanner and the engine can disagree on where a prefixed name or a comment ends
(``ex:a\\#``). When the parser cannot read a request that spells either word anywhere, it is
taken to use it. ``nesting_depth`` lets a caller refuse a request nested too deep for any parser.
"""

from __future__ import annotations

import re
from typing import Any

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from polgraph.rdf.sparql_text import QUERY_KEYWORDS, TOKENS, expand_escapes, keywords

UPDATE_KEYWORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
}
REMOTE_KEYWORDS = {"SERVICE", "LOAD"}


def classify(text: str) -> tuple[str | None, set[str]]:
    """``operation`` and ``remote_operations`` of the text."""
    kind = operation(text)
    return kind, _remote(text, kind)


def operation(text: str) -> str | None:
    """ "query" or "update" from the first keyword after the prologue, ``None`` if neither."""
    return _operation(keywords(expand_escapes(text)))


def _operation(words: list[str]) -> str | None:
    for word in words:
        if word in ("BASE", "PREFIX"):
            continue
        if word in QUERY_KEYWORDS:
            return "query"
        if word in UPDATE_KEYWORDS:
            return "update"
    return None


def remote_operations(text: str) -> set[str]:
    """The operations in the request that would make the server contact another host."""
    return _remote(text, operation(text))


_REMOTE_WORDS = re.compile(r"service|load", re.IGNORECASE)
_PARSED_REMOTE = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}
_OPEN, _CLOSE = set("{(["), set("})]")


def _remote(text: str, kind: str | None) -> set[str]:
    expanded = expand_escapes(text)
    spelt = {word.upper() for word in _REMOTE_WORDS.findall(expanded)}
    if not spelt:
        return set()  # neither word anywhere, escapes expanded: nothing can reach another host
    try:
        parsed = parseUpdate(expanded) if kind == "update" else parseQuery(expanded)
    except (ParseBaseException, RecursionError, ValueError, TypeError):
        return spelt  # unreadable here: whatever it spells, take it to use
    return _operations_in(parsed)


def _operations_in(tree: Any) -> set[str]:
    found: set[str] = set()
    stack: list[Any] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name in _PARSED_REMOTE:
                found.add(_PARSED_REMOTE[node.name])
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or hasattr(node, "as_list"):
            stack.extend(node)
    return found


def nesting_depth(text: str) -> int:
    """How deep the request's braces, brackets and parentheses nest, outside strings, IRIs and
    comments (a depth bomb is refused on this before any parser recurses into it)."""
    depth = deepest = 0
    for match in TOKENS.finditer(text):
        token = match.group("other")
        if token in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif token in _CLOSE:
            depth = max(0, depth - 1)
    return deepest
