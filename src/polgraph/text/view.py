"""A report's text with a folded twin for matching.

``folded`` has exactly the length of ``text``: every fold is one code point for one code point
(lower case, modern tone placement, one kind of dash, space and apostrophe), so a match found in
``folded`` is a span of ``text`` as it stands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from polgraph.text.normalise import modern_tones

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
)
APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_FOLD_TABLE = str.maketrans(
    {**dict.fromkeys(DASHES, "-"), **dict.fromkeys(SPACES, " "), **dict.fromkeys(APOSTROPHES, "'")}
)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, modern tones, one dash, one space, one apostrophe; same length as ``text``."""
    toned = modern_tones(text)
    if len(toned) != len(text):
        toned = text
    lowered = toned.translate(_FOLD_TABLE).lower()
    return lowered if len(lowered) == len(text) else _fold_by_char(toned)


def _fold_by_char(text: str) -> str:
    # Rare: a character whose lower case is longer ("İ"), or a tone move that changed the length.
    # Fold character by character instead.
    return "".join((c.lower() if len(c.lower()) == 1 else c) for c in text.translate(_FOLD_TABLE))


@dataclass
class ReportText:
    """The text every offset refers to (NFC), and its folded twin."""

    text: str
    folded: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = unicodedata.normalize("NFC", self.text)
        self.folded = fold(self.text)

    def find(
        self, pattern: re.Pattern[str], start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches of a pattern written in folded form, over the folded text."""
        return pattern.finditer(self.folded, start, len(self.text) if end is None else end)

    def lines(self) -> list[tuple[int, int]]:
        """[start, end) of each non-empty line."""
        spans, start = [], 0
        for line in self.text.split("\n"):
            end = start + len(line)
            if line.strip():
                spans.append((start, end))
            start = end + 1
        return spans
