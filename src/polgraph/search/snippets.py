"""The sentence of a report that matches a query, cut for a result, with the words marked.

The sentence is the one holding the most of the query's words, and of those the one where most
follow each other as typed (the first such), read as the
index reads them (accents and case aside, the last word as the start of a word), in the text's
sentences as ``polgraph.text.layout`` splits them; a long one is cut around its first marked
word. ``start`` and ``end`` span the marked words in the text, for a link that lights them up.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from polgraph.search.folding import word_hits
from polgraph.text.layout import sentences
from polgraph.text.view import ReportText

# A sentence longer than this is cut to a window around its first marked word.
WINDOW = 240
_BEFORE = 80  # of the window, the characters kept before that word
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    """Pieces of a sentence in order, each marked or not; ``[start, end)`` in the text spans the
    marked words."""

    parts: list[tuple[str, bool]]
    start: int
    end: int


def matching_sentence(text: str, words: list[str]) -> Snippet | None:
    """The snippet of ``text`` for the query's ``words`` (``folding.query_words``); None when
    no sentence holds any of them."""
    if not words or not text:
        return None
    hits = word_hits(text, words)
    if not hits:
        return None
    pairs = set(pairwise(words))
    best: tuple[tuple[int, int], int, int] | None = None  # (score, start, end) of a sentence
    for start, end in sentences(ReportText(text)):
        inside = [_which(word, words) for s, e, word in hits if start <= s and e <= end]
        # The most of the words, and of those the most written one after the other as typed.
        score = (
            len(set(inside)),
            sum(1 for pair in pairwise(inside) if pair in pairs),
        )
        if best is None or score > best[0]:
            best = (score, start, end)
    if best is None or best[0][0] == 0:
        return None
    _, start, end = best
    marks = [(s, e) for s, e, _ in hits if start <= s and e <= end]
    return _cut(text, start, end, marks)


def _which(word: str, words: list[str]) -> str:
    """The query word a text's word stands for (the last, typed as a prefix, when no other)."""
    return word if word in words[:-1] else words[-1]


def _cut(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> Snippet:
    first, last = marks[0][0], marks[-1][1]
    shown_start, shown_end = start, end
    if end - start > WINDOW:
        shown_start = max(start, first - _BEFORE)
        shown_end = min(end, shown_start + WINDOW)
        # Whole words only: move each cut to the nearest space inward.
        if shown_start > start:
            space = text.find(" ", shown_start, first)
            shown_start = space + 1 if space != -1 else shown_start
        if shown_end < end:
            space = text.rfind(" ", max(first, shown_start), shown_end)
            shown_end = space if space > first else shown_end
    parts: list[tuple[str, bool]] = []
    if shown_start > start:
        parts.append((ELLIPSIS, False))
    at = shown_start
    for s, e in marks:
        if s < at or e > shown_end:
            continue
        if s > at:
            parts.append((text[at:s], False))
        parts.append((text[s:e], True))
        at = e
    if at < shown_end:
        parts.append((text[at:shown_end], False))
    if shown_end < end:
        parts.append((ELLIPSIS, False))
    shown_marks = [(s, e) for s, e in marks if shown_start <= s and e <= shown_end]
    return Snippet(
        parts,
        shown_marks[0][0] if shown_marks else first,
        shown_marks[-1][1] if shown_marks else last,
    )
