"""Accent-optional name search, and the page every list answers with.

Each query word becomes a regular expression, its letters read as ``polgraph.text.accents``
reads them ("dong" finds "Đồng"), matched at the start of a word of a lower-case key (a person's
``pg:nameKey`` from ``polgraph.text.normalise.name_key``, a body's or a place's label, a
report's title); every word must match, in any order. ``word_matchers`` compiles them for
Python's ``re``. The lists match them in Python over a table of keys read once
(``polgraph.server.answers.tables``), not with the store's REGEX: Oxigraph compiles an expression
bound as a value again for each row it tests, seconds over 10,000 reports.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from polgraph.text.accents import letter_class
from polgraph.text.normalise import name_key

_MAX_WORDS = 8


def word_bodies(query: str) -> list[str]:
    """One expression per word of ``query`` (at most eight words), without the word start.
    Characters other than letters, digits, apostrophes and hyphens separate words."""
    cleaned = "".join(ch if ch.isalnum() or ch in "'-" else " " for ch in name_key(query))
    # Outside a class, "-" and "'" are plain characters, in XPath and Python expressions alike.
    return ["".join(letter_class(ch) for ch in word) for word in cleaned.split()[:_MAX_WORDS]]


def word_matchers(query: str) -> list[re.Pattern]:
    """The words of ``query`` for Python's ``re``; each is matched at the start of a word
    (``Keys``)."""
    return [re.compile(body) for body in word_bodies(query)]


# What ``\s`` stands for in the store's REGEX: Unicode's White_Space (Python's ``\s`` would
# take in four control characters more).
_SPACES = re.compile("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_WORD_MARKS = re.compile("['-]")


class Keys:
    """Distinct texts (lower-case names, labels, titles) in order, searched word by word.

    A word's expression, matched where a word starts (the start of the text, or after a space,
    an apostrophe or a hyphen), holds no space, so it matches within one of the text's
    space-free pieces. So each text is filed under the tails of those pieces from each
    start, and a word is tried once on each distinct tail (a few thousand syllables for names)
    rather than on every text.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys: list[str] = sorted(set(keys))
        holders: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.keys):
            tails = set()
            for piece in _SPACES.split(key):
                if piece:
                    tails.add(piece)
                    tails.update(piece[mark.end() :] for mark in _WORD_MARKS.finditer(piece))
            for tail in tails:
                holders[tail].append(i)
        self._holders = dict(holders)

    def matching(self, matchers: Sequence[re.Pattern]) -> list[int]:
        """The positions in ``keys`` of the keys in which every matcher matches at the start of
        a word, in order."""
        if not matchers:
            return list(range(len(self.keys)))
        found: set[int] | None = None
        for matcher in matchers:
            holding = {
                i for tail, keys in self._holders.items() if matcher.match(tail) for i in keys
            }
            found = holding if found is None else found & holding
            if not found:
                return []
        return sorted(found or ())


class Names:
    """Rows ``(key, iri, …)`` in the order of their key, then IRI, found by words of the key."""

    def __init__(self, rows: Iterable[tuple[str, ...]]) -> None:
        self.rows = sorted(set(rows))
        self.keys = Keys(row[0] for row in self.rows)
        # The rows of keys.keys[i] are rows[self._first[i]:self._first[i + 1]].
        self._first = [bisect.bisect_left(self.rows, (key,)) for key in self.keys.keys]
        self._first.append(len(self.rows))
        self._everyone = count_of(self.rows)
        self._one_row_each = self._everyone == len(self.rows)

    def find(self, query: str) -> list[tuple[str, ...]]:
        """The rows whose key holds every word of ``query`` (see ``word_matchers``), in order."""
        matchers = word_matchers(query)
        if not matchers:
            return self.rows
        return [
            row
            for i in self.keys.matching(matchers)
            for row in self.rows[self._first[i] : self._first[i + 1]]
        ]

    def page(self, query: str, offset: int, limit: int) -> tuple[list[tuple[str, ...]], int]:
        """``find(query)[offset:offset + limit]``, and how many IRIs ``find`` names."""
        matchers = word_matchers(query)
        if not matchers:
            return self.rows[offset : offset + limit], self._everyone
        if not self._one_row_each:
            found = self.find(query)
            return found[offset : offset + limit], count_of(found)
        rows: list[tuple[str, ...]] = []
        total = 0
        for i in self.keys.matching(matchers):
            first, end = self._first[i], self._first[i + 1]
            if len(rows) < limit and total + end - first > offset:
                rows += self.rows[first + max(0, offset - total) : end][: limit - len(rows)]
            total += end - first
        return rows, total


def count_of(rows: Iterable[tuple], column: int = 1) -> int:
    """How many distinct values ``column`` holds in ``rows`` (the IRIs, by default)."""
    return len({row[column] for row in rows})


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    """A page of a list, as every list answers: its items, how many the whole list has, and
    where the page is in it."""
    return {"items": items, "total": total, "limit": limit, "offset": offset}
