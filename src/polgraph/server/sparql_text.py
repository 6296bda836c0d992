"""What a SPARQL request is, read from its words before anything runs it.

The text is scanned as SPARQL's grammar tokenises it: strings, IRIs, comments, variables and
prefixed names are skipped, so only bare keywords remain. That is enough to tell a query from an
update and to find the operations that reach other hosts (``SERVICE``, ``LOAD``), wherever
they hide in the text.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(
    r"""
      (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<comment>\#[^\n\r]*)
    | (?P<variable>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<name>[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:[\w.\-%\\\u00b7\u00c0-\uffff]*
    | (?P<word>[A-Za-z_]\w*)
    | (?P<other>\S)
    """,
    re.VERBOSE,
)
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
QUERY_KEYWORDS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
REMOTE_KEYWORDS = {"SERVICE", "LOAD"}


def keywords(text: str) -> list[str]:
    """The bare words of the text, upper-cased, in order."""
    return [m.group("word").upper() for m in _TOKENS.finditer(text) if m.group("word")]


def classify(text: str) -> tuple[str | None, set[str]]:
    """``operation`` and ``remote_operations`` of the text, from one scan of it."""
    words = keywords(text)
    return _operation(words), REMOTE_KEYWORDS & set(words)


def operation(text: str) -> str | None:
    """"query" or "update" from the first keyword after the prologue, ``None`` if neither."""
    return _operation(keywords(text))


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
    """The keywords in the text that would make the server contact another host."""
    return REMOTE_KEYWORDS & set(keywords(text))
