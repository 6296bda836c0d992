"""The pages' gettext catalogues (src/polgraph/server/locale): the two languages hold the same
words, each filled in, with the same fields; the named queries' English is translated; and the
templates' Jinja2 i18n extension reads the same catalogue as ``t``."""

from __future__ import annotations

import re
import string

import pytest

from polgraph.query.named import available_queries
from polgraph.server.translations import (
    LANGUAGES,
    MESSAGES,
    QUERY_CONTEXT,
    catalog,
    query_words,
    translator,
)
from polgraph.server.web.rendering import environment


def _fields(words: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(words) if name}


def _page_keys(lang: str) -> set[str]:
    return {
        m.id if isinstance(m.id, str) else m.id[0] for m in catalog(lang) if m.id and not m.context
    }


def test_both_catalogues_hold_the_same_keys_each_filled_in_with_the_same_fields():
    assert _page_keys("vi") == _page_keys("en") == set(MESSAGES)
    assert len(MESSAGES) > 200
    for key, (vi, en) in MESSAGES.items():
        assert vi.strip() and en.strip(), key
        assert _fields(vi) == _fields(en), key


def test_every_named_query_reads_in_vietnamese():
    vi, en = query_words("vi"), query_words("en")
    english = [q.purpose for q in available_queries().values()]
    english += [p.doc for q in available_queries().values() for p in q.params if p.doc]
    assert len(english) > 10
    for words in english:
        assert en(words) == words  # an English page shows the query as written
        translated = vi(words)
        assert translated != words, f"no Vietnamese for {words!r}"
        assert re.search(r"[^\x00-\x7f]", translated), translated  # written with its accents


def test_a_count_takes_its_plural_form_by_language():
    plural = [m.id[0] for m in catalog("en") if m.pluralizable]
    assert plural, "no message with plural forms"
    en, vi = translator("en"), translator("vi")
    for key in plural:
        others = dict.fromkeys(_fields(MESSAGES[key][1]) - {"n"}, "x")
        one, many = en(key, n=1, **others), en(key, n=3, **others)
        assert "1" in one and "3" in many and one.replace("1", "") != many.replace("3", "")
        same = vi(key, n=1, **others).replace("1", ""), vi(key, n=3, **others).replace("3", "")
        assert same[0] == same[1]  # Vietnamese has one form


def test_a_key_missing_from_a_catalogue_is_an_error():
    with pytest.raises(KeyError, match="not in the vi catalogue"):
        translator("vi")("no_such_words")
    with pytest.raises(KeyError):
        translator("fr")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_templates_translate_through_jinja2s_i18n_extension(lang):
    template = environment.from_string("{{ _('nav_home') }}|{% trans %}nav_network{% endtrans %}")
    gettext = translator(lang)
    shown = template.render(gettext=gettext, ngettext=lambda s, p, n: gettext(s, n=n))
    assert shown == f"{gettext('nav_home')}|{gettext('nav_network')}"
    assert QUERY_CONTEXT == "named-query"
