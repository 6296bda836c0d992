"""The language data the reader needs beyond the SKOS vocabularies, read from the language folder
(``lang/<code>/*.toml`` at the top of the repository; ``lang/vi/README.md`` says what each file
holds). One file per kind of data, so that a linguist adds a surname, a cue or a title stop word
without touching Python.

Every key is declared here with its file and its shape, so a file with an unknown key, a missing
key, a value of the wrong shape or a word not in folded form (the form the reader matches on) is
refused with a message naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from polgraph.resources import lang_dir
from polgraph.text.view import fold

WORDS, MAPPING, MAPPING_OF_WORDS = "words", "mapping", "mapping of words"

# key → (file, shape, folded): a list of words is a TOML array or a string of words separated by
# white space; a mapping a TOML table.
_KEYS: dict[str, tuple[str, str, bool]] = {
    "surnames": ("names", WORDS, True),
    "droppable_middle_names": ("names", WORDS, True),
    "kinh_middle_names": ("names", WORDS, True),
    "not_name_words": ("names", WORDS, True),
    "not_names": ("names", WORDS, True),
    "person_cues": ("persons", WORDS, True),
    "capital_cues": ("persons", WORDS, True),
    "group_cues": ("persons", WORDS, True),
    "plural_cues": ("persons", WORDS, True),
    "address_cues": ("persons", WORDS, True),
    "photo_positions": ("persons", WORDS, True),
    "title_stops": ("titles", WORDS, True),
    "title_stops_not_verbs": ("titles", WORDS, True),
    "credit_words": ("titles", WORDS, True),
    "award_words": ("titles", WORDS, True),
    "former_words": ("titles", WORDS, True),
    "former_unit_words": ("titles", WORDS, True),
    "post_qualifiers": ("titles", WORDS, True),
    "after_level_words": ("titles", WORDS, True),
    "title_stops_unless_followed_by": ("titles", MAPPING_OF_WORDS, True),
    "title_stops_unless_after": ("titles", MAPPING_OF_WORDS, True),
    "committee_member_level_words": ("levels", MAPPING, True),
    "level_word_of_level": ("levels", MAPPING, True),
    "party_committee_of_level_word": ("levels", MAPPING, False),  # values are bodies' names
    "voter_opinion": ("acts", WORDS, True),
    "reason_words": ("acts", WORDS, True),
    "person_object_cues": ("acts", WORDS, True),
    "not_report": ("acts", WORDS, True),
    "dismissal_verbs": ("elections", WORDS, True),
    "dismissal_objects": ("elections", WORDS, True),
    "dismissal_person": ("elections", WORDS, True),
    "place_heads": ("places", WORDS, True),
    "dotted_place_abbreviations": ("abbreviations", WORDS, True),
    "dotted_title_abbreviations": ("abbreviations", WORDS, True),
}


class LanguageDataError(ValueError):
    """A language file that cannot be read as the reader needs it."""


@dataclass(frozen=True)
class Language:
    """One language's data: tuples of words (in the file's order) and read-only mappings."""

    surnames: tuple[str, ...]
    droppable_middle_names: tuple[str, ...]
    kinh_middle_names: tuple[str, ...]
    not_name_words: tuple[str, ...]
    not_names: tuple[str, ...]
    person_cues: tuple[str, ...]
    capital_cues: tuple[str, ...]
    group_cues: tuple[str, ...]
    plural_cues: tuple[str, ...]
    address_cues: tuple[str, ...]
    photo_positions: tuple[str, ...]
    title_stops: tuple[str, ...]
    title_stops_not_verbs: tuple[str, ...]
    credit_words: tuple[str, ...]
    award_words: tuple[str, ...]
    former_words: tuple[str, ...]
    former_unit_words: tuple[str, ...]
    post_qualifiers: tuple[str, ...]
    after_level_words: tuple[str, ...]
    title_stops_unless_followed_by: MappingProxyType
    title_stops_unless_after: MappingProxyType
    committee_member_level_words: MappingProxyType
    level_word_of_level: MappingProxyType
    party_committee_of_level_word: MappingProxyType
    voter_opinion: tuple[str, ...]
    reason_words: tuple[str, ...]
    person_object_cues: tuple[str, ...]
    not_report: tuple[str, ...]
    dismissal_verbs: tuple[str, ...]
    dismissal_objects: tuple[str, ...]
    dismissal_person: tuple[str, ...]
    place_heads: tuple[str, ...]
    dotted_place_abbreviations: tuple[str, ...]
    dotted_title_abbreviations: tuple[str, ...]


def load_language(folder: Path) -> Language:
    """Read and check every file of a language folder."""
    files = sorted({file for file, _, _ in _KEYS.values()})
    read: dict[str, dict[str, Any]] = {}
    for file in files:
        path = folder / f"{file}.toml"
        try:
            read[file] = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise LanguageDataError(f"{path}: the language folder has no such file") from None
        except tomllib.TOMLDecodeError as error:
            raise LanguageDataError(f"{path}: not TOML: {error}") from None
    for file, data in read.items():
        unknown = set(data) - {key for key, (f, _, _) in _KEYS.items() if f == file}
        if unknown:
            raise LanguageDataError(f"{folder / (file + '.toml')}: unknown keys {sorted(unknown)}")
    values: dict[str, Any] = {}  # each field's value, of the shape _KEYS gives it
    for key, (file, shape, folded) in _KEYS.items():
        where = f"{folder / (file + '.toml')}: {key}"
        if key not in read[file]:
            raise LanguageDataError(f"{where}: missing")
        values[key] = _value(read[file][key], shape, folded, where)
    missing = {f.name for f in fields(Language)} - set(values)
    assert not missing, missing  # every field is declared in _KEYS
    return Language(**values)


def _value(
    raw: Any, shape: str, folded: bool, where: str
) -> tuple[str, ...] | MappingProxyType[str, Any]:
    if shape == WORDS:
        return _words(raw, folded, where)
    if not isinstance(raw, dict):
        raise LanguageDataError(f"{where}: a table is expected")
    out: dict[str, str | tuple[str, ...]] = {}
    for name, value in raw.items():
        _check_word(name, True, f"{where}.{name}")
        if shape == MAPPING:
            if not isinstance(value, str) or not value.strip():
                raise LanguageDataError(f"{where}.{name}: a word is expected")
            _check_word(value, folded, f"{where}.{name}")
            out[name] = value
        else:
            out[name] = _words(value, folded, f"{where}.{name}")
    return MappingProxyType(out)


def _words(raw: Any, folded: bool, where: str) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = raw.split()
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise LanguageDataError(f"{where}: a list of words is expected")
    for word in raw:
        _check_word(word, folded, where)
    if len(set(raw)) != len(raw):
        doubled = sorted({w for w in raw if raw.count(w) > 1})
        raise LanguageDataError(f"{where}: words listed twice: {doubled}")
    return tuple(raw)


def _check_word(word: str, folded: bool, where: str) -> None:
    if word != word.strip() or "  " in word:
        raise LanguageDataError(f"{where}: {word!r} has stray spaces")
    if folded and fold(word) != word:
        raise LanguageDataError(f"{where}: {word!r} is not in folded form; write {fold(word)!r}")


@cache
def vietnamese() -> Language:
    return load_language(lang_dir() / "vi")
