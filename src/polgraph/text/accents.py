"""Names typed with accents or without, as people type them.

A letter typed without marks stands for itself with any marks ("dong" finds "Đồng", "Đông",
"Dong"); a vowel typed with its hat or horn but no tone stands for that vowel with any tone
("đông" finds "Đông" and "Đồng"); a letter typed with its tone stands only for itself. The
REST API's name search reads words this way (``polgraph.server.api.search``); the analytics
read the names of places and bodies this way too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from polgraph.text.normalise import name_key

__all__ = ["letter_class", "loose_word_pattern", "spelt_as"]

# Each vowel without a tone, and the same vowel with each tone (lower case, NFC).
_TONED = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}
# A bare letter stands for the letters written on it.
_BARE = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư"}


def letter_class(ch: str) -> str:
    """The lower-case letters ``ch`` stands for, as a regular-expression class (the same text
    in Python and XPath), or ``ch`` itself when it stands only for itself."""
    if ch == "d":
        return "[dđ]"
    if ch in _TONED:
        return "[" + "".join(_TONED[v] for v in _BARE.get(ch, ch)) + "]"
    return ch


@lru_cache(maxsize=1024)
def _whole_name(typed: str) -> re.Pattern[str]:
    return re.compile(
        "".join(letter_class(ch) if ch.isalnum() else re.escape(ch) for ch in name_key(typed))
    )


def spelt_as(typed: str, stored: str) -> bool:
    """Whether ``stored`` is the name ``typed`` names, accents optional: "xa cam loc" and
    "Xã Cẩm Lộc" are one name, "Cẩm Lộc" and "Cam Lộc" two (compared by ``name_key``, so case,
    spacing and tone placement do not matter either)."""
    return _whole_name(typed).fullmatch(name_key(stored)) is not None


def loose_word_pattern(word: str) -> str:
    """A pattern for a store to narrow its candidates with: ``word``'s letters as
    ``letter_class`` reads them, any other character as any character (so the pattern holds no
    escape one regular-expression dialect knows and another does not)."""
    return "".join(letter_class(ch) if ch.isalnum() else "." for ch in name_key(word))
