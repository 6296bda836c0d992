"""Each language's pages speak only that language: on a fixed set of pages, no words of the
other catalogue appear in what a reader sees (text, alt, title, placeholder and aria-label),
nor the named queries' English on a Vietnamese page, nor a vocabulary code instead of its
label. Report content (names, quotes, titles) is shown as written and is Vietnamese, so on an
English page only the pages' own words of several syllables are looked for."""

from __future__ import annotations

import re

import lxml.html
import pytest
from conftest import ROOT
from fastapi.testclient import TestClient

from polgraph.pipeline.ingest import Pipeline
from polgraph.server import create_app
from polgraph.server.translations import MESSAGES, catalog
from polgraph.settings import Settings
from polgraph.store import OxigraphStore
from polgraph.vocab import vocabulary

_FIELD = re.compile(r"\{[^}]*\}")
_SHOWN_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
# code and query text are SPARQL, not prose; scripts and styles are not shown
_NOT_PROSE = "//script|//style|//textarea|//pre|//code|//noscript"
# the reports' own sentences, quoted as written (Vietnamese on every page)
_QUOTED = "//q|//*[contains(concat(' ', @class, ' '), ' report-text ')]"


@pytest.fixture(scope="module")
def client(vocabulary, validator):
    store = OxigraphStore(None)
    pipeline = Pipeline(store, vocabulary, validator, identity=ROOT / "data" / "identity.yaml")
    pipeline.ensure_model_graphs()
    assert not pipeline.run([ROOT / "data" / "reports"]).rejected
    app = create_app(
        Settings(query_workers=1, identity_path=ROOT / "data" / "identity.yaml"), store
    )
    with TestClient(app) as running:
        yield running


def _pages(client) -> list[str]:
    first = {
        kind: client.get(f"/api/{kind}", params={"size": 1}).json()
        for kind in ("persons", "events", "organizations", "places")
    }
    found = [
        "/",
        "/events",
        "/persons",
        "/organizations",
        "/places",
        "/network",
        "/queries",
        "/queries?name=org-members",
        "/search?q=hoi nghi",
    ]
    for kind, answer in first.items():
        items = answer.get("items") or answer.get("rows") or []
        assert items, f"/api/{kind} lists nothing"
        found.append(f"/{kind}/{items[0]['id']}")
    return found


def _shown(html: str) -> str:
    tree = lxml.html.fromstring(html)
    for element in tree.xpath(f"{_NOT_PROSE}|{_QUOTED}"):
        element.drop_tree()
    body = tree.find("body")
    words = [body.text_content()]
    for attribute in _SHOWN_ATTRIBUTES:
        words += tree.xpath(f"//body//@{attribute}")
    return " ".join(" ".join(words).split())


def _fragments(words: str) -> list[str]:
    return [part.strip(" :·,.()–-") for part in _FIELD.split(words)]


def _foreign_words(lang: str) -> set[str]:
    """The other catalogue's words that a page in ``lang`` must not show."""
    other = 1 if lang == "vi" else 0
    own = {fragment for pair in MESSAGES.values() for fragment in _fragments(pair[1 - other])}
    foreign = set()
    for pair in MESSAGES.values():
        for fragment in _fragments(pair[other]):
            long_enough = len(fragment.split()) >= (1 if lang == "vi" else 2)
            if long_enough and len(fragment) >= 4 and fragment not in own:
                foreign.add(fragment)
    if lang == "vi":  # the named queries' purposes and notes, written in English
        foreign |= {m.id for m in catalog("vi") if m.context and m.id}
    return foreign


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_words_of_the_other_language(client, lang):
    foreign = _foreign_words(lang)
    assert len(foreign) > 50  # the check has something to look for
    codes = set(vocabulary().acts) | set(vocabulary().event_classes)
    for path in _pages(client):
        answer = client.get(path, params={"lang": lang})
        assert answer.status_code == 200, (path, answer.text.partition("<main>")[2][:600])
        shown = _shown(answer.text)
        found = sorted(
            w for w in foreign if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", shown)
        )
        assert found == [], f"{path}?lang={lang} shows {found}"
        bare = sorted(c for c in codes if re.search(rf"(?<![\w-]){c}(?![\w-])", shown) and "_" in c)
        assert bare == [], f"{path}?lang={lang} shows the codes {bare}"
