"""Accent-optional name search, and the page every list answers with.

Each query word becomes a regular expression over the stored lower-case name keys (``pg:nameKey``,
``polgraph.text.normalise.name_key``), its letters read as ``polgraph.text.accents`` reads them
("dong" finds "Đồng"), matched at the start of a word; every word must match, in any order. The
expressions are bound as literals, never spliced into queries.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from polgraph.text.accents import letter_class
from polgraph.text.normalise import name_key

_MAX_WORDS = 8


def word_patterns(query: str) -> list[str]:
    """One XPath regular expression per word of ``query`` (at most eight words). Characters
    other than letters, digits, apostrophes and hyphens separate words."""
    cleaned = "".join(ch if ch.isalnum() or ch in "'-" else " " for ch in name_key(query))
    patterns = []
    for word in cleaned.split()[:_MAX_WORDS]:
        # Outside a class, "-" and "'" are plain characters in XPath expressions.
        body = "".join(letter_class(ch) for ch in word)
        patterns.append(f"(^|[\\s'-]){body}")
    return patterns


def regex_filter(variable: str, count: int, prefix: str = "word") -> str:
    """``FILTER (REGEX(?v, ?word0) && …)`` for ``count`` bound patterns (text without values)."""
    if count == 0:
        return ""
    tests = " && ".join(f"REGEX({variable}, ?{prefix}{i})" for i in range(count))
    return f"FILTER ({tests})"


# -- pages ----------------------------------------------------------------------------------
Limit = Annotated[int, Query(ge=1, le=100, description="How many items to answer (at most 100).",
                             openapi_examples={"default": {"summary": "twenty", "value": 20}})]
Offset = Annotated[int, Query(ge=0, description="How many items to skip.",
                              openapi_examples={"first page": {"summary": "from the start", "value": 0}})]


def page(items: list, total: int, limit: int, offset: int) -> dict:
    return {"items": items, "total": total, "limit": limit, "offset": offset}
