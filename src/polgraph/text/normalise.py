"""Unicode and Vietnamese spelling normalisation.

Vietnamese is written with two conventions for where the tone mark goes in the open
syllables "oa", "oe" and "uy": the old one marks the second vowel ("hoà", "thuỷ"), the
modern one the first ("hòa", "thủy"). Reports mix both, so matching folds them to the modern
form while labels keep what was written.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "collapse_spaces",
    "fold_diacritics",
    "modern_tones",
    "name_key",
    "nfc",
    "normalise_label",
    "slug",
    "stable_slug",
]

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
# An old-style open syllable: o+a/e or u+y (not after q, where "u" belongs to the consonant),
# the tone on the second vowel, and no letter after it.
_OLD_STYLE = re.compile(
    r"(?<![qQ\w])(\w*?)([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?!\w)"
)
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _move_tone(match: re.Match[str]) -> str:
    head, first, second, tone = match.groups()
    if head[-1:] in ("q", "Q"):
        return match.group(0)
    pair = (first.lower(), second.lower())
    if pair not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return match.group(0)
    return head + first + tone + second


def modern_tones(text: str) -> str:
    """Move tone marks of open "oa", "oe", "uy" syllables to the first vowel (NFC in, NFC out)."""
    decomposed = unicodedata.normalize("NFD", text)
    return nfc(_OLD_STYLE.sub(_move_tone, decomposed))


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=8192)  # names recur across a report and a batch
def normalise_label(text: str) -> str:
    """The spelling used for posts, bodies and places: NFC, modern tones, ASCII apostrophe."""
    return collapse_spaces(modern_tones(nfc(text)).replace("\u2019", "'").replace("\u02bc", "'"))


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """The matching key of a person's name: normalised spelling, lower case."""
    return normalise_label(name).lower()


def fold_diacritics(text: str) -> str:
    """Remove every diacritic ("Nguyễn Viết Đồng" → "Nguyen Viet Dong") for accent-free search."""
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)
    )
    return stripped.replace("đ", "d").replace("Đ", "D")


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """A readable ASCII fragment for IRIs; not unique on its own (tones are dropped)."""
    folded = fold_diacritics(normalise_label(text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


@lru_cache(maxsize=8192)
def stable_slug(text: str, length: int = 8) -> str:
    """A readable slug made unique by a hash of the normalised text ("xa-cam-loc-1a2b3c4d")."""
    digest = hashlib.sha256(normalise_label(text).encode("utf-8")).hexdigest()[:length]
    return f"{slug(text)[:60].strip('-')}-{digest}"
