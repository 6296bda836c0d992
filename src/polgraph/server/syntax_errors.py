"""A query's syntax error told so that a person can act on it: the line and column, what is
wrong there in words, and the line itself with a caret under the place.

Oxigraph says ``error at 3:18: expected one of ABS, AVG, …, [_], ['A' ..= 'Z' | …]``: its
parser's expected set, with whitespace (``[_]``) and the character classes of names among the
tokens, and its own messages ("Prefix not found") mixed in. Only the position and the tokens a
person could type are kept, and a message of the parser's own is preferred to a list of tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from polgraph.namespaces import PREFIXES
from polgraph.rdf.sparql_text import TOKENS

_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
# one item of the expected set: a quoted token, a character class, or bare words
_ITEM = re.compile(r'\s*("(?:[^"\\]|\\.)*"|\[(?:[^\]\'\\]|\\.|\'(?:[^\'\\]|\\.)*\')*\]|[^,]+)')
_KEYWORD = re.compile(r"[A-Za-z]\w*")
# RDF 1.2's annotation and triple-term syntax, offered almost everywhere and rarely meant
_UNLIKELY = {"{|", "|}", "~", "<<", ">>", "<<(", ")>>"}
_SHOWN = 10  # expected tokens listed before "…"
_BAD_IRI = "this is not a valid IRI: an IRI is absolute (https://…, urn:…) and has no spaces"


@dataclass(frozen=True)
class SyntaxProblem:
    line: int  # from 1
    column: int  # from 1, in characters
    message: str
    excerpt: str  # the line, numbered, and a caret under the column

    @property
    def detail(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}\n{self.excerpt}"


def read_syntax_error(error: str, text: str) -> SyntaxProblem | None:
    """``error``, an Oxigraph parser's message about ``text``, told readably; None when it
    names no position (a SPARQL service's own message, say), to be passed on as it is."""
    found = _POSITION.fullmatch(error.strip())
    if found is None:
        return None
    lines = text.splitlines() or [""]
    line, column = _at_the_last_word(lines, int(found[1]), int(found[2]))
    items = [item.strip() for item in _ITEM.findall(_expected_part(found[3]))]
    said = [item for item in items if " " in item and not item.startswith(('"', "["))]
    undeclared = _first_undeclared_prefix(text)
    if said and said[0] != "Prefix not found":
        message = _BAD_IRI if said[0] == "IRI parsing failed" else said[0][0].lower() + said[0][1:]
    elif undeclared is not None:
        # Oxigraph often reports an undeclared prefix as some other token missing, further on.
        line, column, prefix = undeclared
        message = _undeclared(prefix)
    elif said:
        message = "a prefix is used that the query does not declare"
    else:
        message = _expected_tokens(items, _token_at(lines, line, column))
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    gutter = f"{line}: "
    excerpt = f"{gutter}{written}\n{' ' * (len(gutter) + len(written[: column - 1]))}^"
    return SyntaxProblem(line, column, message, excerpt)


def _expected_part(message: str) -> str:
    return message.strip().removeprefix("expected ").removeprefix("one of ")


def _expected_tokens(items: list[str], found: str | None) -> str:
    tokens = [_unquoted(i) for i in items if i.startswith('"') or _KEYWORD.fullmatch(i)]
    tokens = [token for token in dict.fromkeys(tokens) if token not in _UNLIKELY]
    where = "the query ends here" if found is None else f"unexpected {found!r}"
    if not tokens:
        return f"{where}: this is not valid SPARQL"
    listed = ", ".join(t if _KEYWORD.fullmatch(t) else f"'{t}'" for t in tokens[:_SHOWN])
    more = ", …" if len(tokens) > _SHOWN else ""
    return f"{where}; expected {'one of ' if len(tokens) > 1 else ''}{listed}{more}"


def _unquoted(item: str) -> str:
    return re.sub(r"\\(.)", r"\1", item[1:-1]) if item.startswith('"') else item


def _rest(lines: list[str], line: int, column: int) -> str:
    """The text from the position on."""
    if not 0 < line <= len(lines):
        return ""
    return "\n".join([lines[line - 1][column - 1 :], *lines[line:]])


def _at_the_last_word(lines: list[str], line: int, column: int) -> tuple[int, int]:
    """The position, or, when only blanks follow it, just after the last word written: the
    parser reports a query cut short at its very end, often on an empty last line."""
    if _rest(lines, line, column).strip():
        return line, column
    written = [n for n, text in enumerate(lines[:line], 1) if text.strip()]
    if not written:
        return line, column
    last = written[-1]
    return min((last, len(lines[last - 1].rstrip()) + 1), (line, column))


def _token_at(lines: list[str], line: int, column: int) -> str | None:
    """What is written at the position: its word, or its one sign; None at the end."""
    rest = _rest(lines, line, column).lstrip()
    if not rest:
        return None
    word = re.match(r"[\w?$:.-]+", rest)
    return word[0][:30] if word else rest[0]


def _first_undeclared_prefix(text: str) -> tuple[int, int, str] | None:
    """The line, column and prefix of the first prefixed name whose prefix the query does not
    declare anywhere."""
    declared: set[str] = set()
    used: list[tuple[int, str]] = []
    after_prefix = False
    for token in TOKENS.finditer(text):
        kind, written = token.lastgroup, token.group()
        if kind is None or kind == "name":  # a prefixed name (the group is its prefix alone)
            prefix = written.partition(":")[0]
            if after_prefix:
                declared.add(prefix)
            else:
                used.append((token.start(), prefix))
        after_prefix = kind == "word" and written.upper() == "PREFIX"
    for start, prefix in used:
        if prefix not in declared:
            line_start = text.rfind("\n", 0, start) + 1
            return text.count("\n", 0, start) + 1, start - line_start + 1, prefix
    return None


def _undeclared(prefix: str) -> str:
    namespace = f"<{PREFIXES[prefix]}>" if prefix in PREFIXES else "<…>"
    return f"the prefix '{prefix}:' is not declared: add PREFIX {prefix}: {namespace} at the top"
