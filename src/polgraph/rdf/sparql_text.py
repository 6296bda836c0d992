"""SPARQL text that every store reads: values bound into a query, and Oxigraph's LATERAL
written in standard SPARQL 1.1 for the services that do not know it."""

from __future__ import annotations

import re

import pyoxigraph as ox

from polgraph.errors import QueryError

TOKENS = re.compile(
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
QUERY_KEYWORDS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def keywords(text: str) -> list[str]:
    """The bare words of the text, upper-cased, in order."""
    return [m.group("word").upper() for m in TOKENS.finditer(text) if m.group("word")]


def expand_escapes(text: str) -> str:
    """SPARQL's codepoint escapes (\\u0053, \\U00000053) as the characters they stand for: the
    grammar applies them to the whole request before reading it."""

    def char(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(char, text)


def query_form(text: str) -> str | None:
    """The query's form (SELECT, ASK, CONSTRUCT or DESCRIBE), from its first keyword after the
    prologue; None when it is none of them (an update, say)."""
    for word in keywords(expand_escapes(text)):
        if word not in ("BASE", "PREFIX"):
            return word if word in QUERY_KEYWORDS else None
    return None


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_LATERAL = re.compile(r"\bLATERAL\s*\{", re.IGNORECASE)


def with_values(text: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with ``bindings`` joined in first, as ``VALUES (?a ?b) { (<x> "y") }``."""
    if not bindings:
        return text
    match = _WHERE.search(text)
    if match is None:
        raise QueryError("a query with parameters needs a WHERE { … } clause")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    block = f"\n  VALUES ({names}) {{ ({values}) }}"
    return text[: match.end()] + block + text[match.end() :]


def without_lateral(text: str) -> str:
    """Oxigraph's LATERAL in standard SPARQL 1.1: ``LATERAL { OPTIONAL { … } }`` as
    ``OPTIONAL { … }``, ``LATERAL { FILTER … }`` (a filter alone) as that filter, any other
    ``LATERAL { … }`` as the group ``{ … }`` joined.

    Oxigraph evaluates the lateral form per row, which is what makes it quick there (see
    ``polgraph.server.answers.graph``); a SPARQL 1.1 service plans the plain form itself. The rows
    are the same where the group's filters use only variables the group binds, as polgraph's
    queries do, and where a lone filter uses only variables bound before it: per row it sees
    them, and so does a filter of the enclosing group. Oxigraph does not substitute the row's
    values into a bare ``FILTER EXISTS``, and matches its pattern anew each time; in a
    LATERAL it does. A sub-query with a LIMIT has no such plain form (it would pick rows in the
    whole store, not per row), so none is written in a LATERAL."""
    out: list[str] = []
    position = 0
    while (match := _LATERAL.search(text, position)) is not None:
        end = _closing_brace(text, match.end() - 1)
        if end < 0:
            break
        inner = without_lateral(text[match.end() : end].strip())  # a LATERAL within too
        out.append(text[position : match.start()])
        if _is_one(inner, "OPTIONAL") or _is_lone_filter(inner):
            out.append(inner)
        else:
            out.append("{ " + inner + " }")
        position = end + 1
    out.append(text[position:])
    return "".join(out)


def _is_one(inner: str, keyword: str) -> bool:
    """Whether ``inner`` is ``keyword { … }`` and nothing after it."""
    if not re.match(keyword + r"\s*\{", inner, re.IGNORECASE):
        return False
    return _closing_brace(inner, inner.index("{")) == len(inner) - 1


def _is_lone_filter(inner: str) -> bool:
    """Whether ``inner`` is one ``FILTER ( … )``, ``FILTER EXISTS { … }`` or ``FILTER NOT
    EXISTS { … }`` and nothing after it."""
    found = re.match(r"FILTER\s*(?=\()|FILTER\s+(?:NOT\s+)?(?=EXISTS\s*\{)", inner, re.IGNORECASE)
    if found is None:
        return False
    rest = inner[found.end() :]
    if rest.startswith("("):
        return _closing_brace(inner, found.end(), "()") == len(inner) - 1
    return _is_one(rest, "EXISTS")


def _closing_brace(text: str, opening: int, pair: str = "{}") -> int:
    """Where the brace (or another ``pair``'s opening) at ``opening`` closes (-1: nowhere), past
    IRIs and strings."""
    depth = 0
    index = opening
    quote = ""
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[index:]):
            index = text.index(">", index)
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
        elif char == pair[0]:
            depth += 1
        elif char == pair[1]:
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


_TERM = (
    r'(?:<[^<>\s]*>|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^<>\s]*>)?'
    r"|[A-Za-z][\w-]*:[\w.-]*|UNDEF)"
)
_ONE_VALUE = re.compile(rf"\bVALUES\s+\?(\w+)\s*\{{\s*({_TERM})\s*\}}", re.IGNORECASE)
_ONE_ROW = re.compile(
    rf"\bVALUES\s*\(\s*((?:\?\w+\s*)+)\)\s*\{{\s*\(\s*((?:{_TERM}\s*)+)\)\s*\}}", re.IGNORECASE
)


_PATH_CLOSURE = re.compile(r"[\w>)][*+]\s")


def one_row_values_as_binds(text: str) -> str:
    """In a query with a ``*`` or ``+`` path, a VALUES block of one row as BINDs: ``VALUES ?x
    { <a> }`` as ``BIND(<a> AS ?x)``.

    The same rows where the block opens its group, as polgraph's blocks do. Virtuoso 7 answers
    a one-row VALUES joined with such a path (``pg:partOf*``) wrongly, as if the value were not
    there; a BIND it answers right. Elsewhere the VALUES stays: there Virtuoso answers it right,
    and fails on some BINDs ("no SPART_VARR_FIXED")."""
    if not _PATH_CLOSURE.search(text):
        return text

    def binds(names: list[str], terms: list[str]) -> str:
        return " ".join(
            f"BIND({term} AS ?{name})"
            for name, term in zip(names, terms, strict=True)
            if term.upper() != "UNDEF"
        )

    text = _ONE_VALUE.sub(lambda m: binds([m[1]], [m[2]]), text)

    def row(match: re.Match[str]) -> str:
        names = re.findall(r"\?(\w+)", match[1])
        terms = re.findall(_TERM, match[2])
        return binds(names, terms) if len(names) == len(terms) else match[0]

    return _ONE_ROW.sub(row, text)
