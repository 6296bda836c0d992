"""The pages' own words, in Vietnamese and in English, from gettext catalogues read with Babel:
``locale/<lang>/LC_MESSAGES/messages.po`` beside this module, which a translator edits with any
PO editor. A page's own words are asked for by key (``t("nav_home")``), so the two catalogues
are peers and neither language is the other's fallback; the named queries' purposes and notes,
written in English in ``queries/*.rq``, are asked for by their English text (gettext's usual
way), so an English page shows them as written. Labels of the vocabulary's codes (event kinds,
acts) come from the vocabularies themselves (see ``terms``); names, titles and quotes come from
the reports and are shown as written."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
LANGUAGES = ("vi", "en")
# the context of the named queries' words in the catalogues: English text as the message id
QUERY_CONTEXT = "named-query"


@cache
def catalog(lang: str) -> Catalog:
    """The catalogue of ``lang`` as written in its PO file."""
    if lang not in LANGUAGES:
        raise KeyError(f"no catalogue for language {lang!r}")
    with (LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


@cache
def translations(lang: str) -> Translations:
    """``lang``'s catalogue as gettext translations (compiled in memory: no build step)."""
    compiled = io.BytesIO()
    write_mo(compiled, catalog(lang))
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@cache
def _page_keys(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The catalogue's page keys, and those of them with plural forms."""
    pages = [m for m in catalog(lang) if m.id and not m.context]
    keys = frozenset(m.id if isinstance(m.id, str) else m.id[0] for m in pages)
    return keys, frozenset(m.id[0] for m in pages if m.pluralizable)


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **fields)``: the words for ``key`` in ``lang``, fields filled in; a key with
    plural forms takes the form for its ``n``. A key missing from the catalogue is an error,
    never the key shown in its place."""
    gettext = translations(lang)
    keys, plural = _page_keys(lang)

    def t(key: str, **fields: object) -> str:
        if key not in keys:
            raise KeyError(f"{key!r} is not in the {lang} catalogue ({LOCALE / lang})")
        if key in plural:
            count = fields.get("n")
            words = gettext.ngettext(key, key, count if isinstance(count, int) else 2)
        else:
            words = gettext.gettext(key)
        return words.format(**fields) if fields else words

    return t


def query_words(lang: str) -> Callable[[str], str]:
    """The named queries' English words (purposes, parameter notes) in ``lang``."""
    gettext = translations(lang)

    def words(english: str) -> str:
        return str(gettext.pgettext(QUERY_CONTEXT, english)) if english else english

    return words


class _Messages(Mapping[str, tuple[str, str]]):
    """Each page key with its (Vietnamese, English) words, read from the catalogues when first
    asked: what tests compare pages with."""

    def _pairs(self) -> dict[str, tuple[str, str]]:
        return _pairs()

    def __getitem__(self, key: str) -> tuple[str, str]:
        return self._pairs()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._pairs())

    def __len__(self) -> int:
        return len(self._pairs())


def _singular(message_string: str | tuple[str, ...] | list[str] | None) -> str:
    if message_string is None:
        return ""
    return message_string if isinstance(message_string, str) else message_string[-1]


@cache
def _pairs() -> dict[str, tuple[str, str]]:
    vi, en = (
        {
            m.id if isinstance(m.id, str) else m.id[0]: m
            for m in catalog(lang)
            if m.id and not m.context
        }
        for lang in LANGUAGES
    )
    return {key: (_singular(vi[key].string), _singular(en[key].string)) for key in vi if key in en}


MESSAGES: Mapping[str, tuple[str, str]] = _Messages()
