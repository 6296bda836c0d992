"""Text as the index compares it, the same at index and at query time.

The index's tokenizer (SQLite FTS5's ``unicode61 remove_diacritics 2``) folds case and every
accent of Vietnamese but one: "đ" is a letter of its own, not a "d" with a mark. So text goes in,
and queries are asked, with "đ" written "d" (``indexed``); the tokenizer does the rest, for
reports' whole text at the speed of C. What a reader types becomes words (``query_words``), and
the words an FTS5 expression (``match_expression``): every word must be found, the last one as
the start of a word, since it may be still being typed.
"""

from __future__ import annotations

import re

from polgraph.text.normalise import fold_diacritics, nfc

TOKENIZER = "unicode61 remove_diacritics 2"
MAX_WORDS = 8  # a query's words past these are ignored, as the name search ignores them

_D = str.maketrans("đĐ", "dD")
# The tokenizer's words: letters and digits (an underscore, like any other mark, separates).
_WORD = re.compile(r"[^\W_]+")


def indexed(text: str) -> str:
    """``text`` as it is stored in the index and as queries are asked: NFC, "đ" as "d"."""
    return nfc(text).translate(_D)


def comparable(word: str) -> str:
    """A word as the tokenizer sees it: no accent, no "đ", lower case ("Đồng" → "dong")."""
    return fold_diacritics(nfc(word)).lower()


def query_words(query: str) -> list[str]:
    """The words of ``query`` as the tokenizer sees them, at most ``MAX_WORDS``."""
    return [comparable(word) for word in _WORD.findall(indexed(query))][:MAX_WORDS]


def match_expression(words: list[str], column: str | None = None) -> str:
    """An FTS5 query finding every word (the last as a prefix), in ``column`` only if given.
    Each word is quoted: it holds only letters and digits, so nothing in it is FTS5 syntax."""
    terms = [f'"{word}"' for word in words]
    terms[-1] += "*"
    expression = " ".join(terms)
    return f"{column} : ({expression})" if column else expression


# Each character's comparable form, filled as characters are met: a report's text has a hundred
# distinct ones, so its whole text folds in one ``str.translate``.
_ONE_FOR_ONE: dict[int, str] = {}


def _comparable_letter(ch: str) -> str:
    folded = comparable(ch)
    # One character for one, so that offsets in the folded text are offsets in the text.
    return folded if len(folded) == 1 else ch


def word_hits(text: str, words: list[str]) -> list[tuple[int, int, str]]:
    """Where in ``text`` the index would find ``words`` (``query_words``): each word of the
    text that is one of them, or starts with the last, with its comparable form."""
    if not words:
        return []
    for ch in set(text).difference(map(chr, _ONE_FOR_ONE)):
        _ONE_FOR_ONE[ord(ch)] = _comparable_letter(ch)
    folded = text.translate(_ONE_FOR_ONE)
    # One scan of the folded text: a whole word of the query's, or the start of the last one's,
    # at the start of a word of the text.
    whole = sorted(set(words[:-1]))
    ways = [f"(?:{'|'.join(map(re.escape, whole))})(?![^\\W_])"] if whole else []
    ways.append(re.escape(words[-1]) + r"[^\W_]*")
    pattern = re.compile(rf"(?<![^\W_])(?:{'|'.join(ways)})")
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(folded)]
