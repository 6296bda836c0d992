"""The vocabulary's words for the codes the lists filter by: event kinds, body types, post types
and area levels, in Vietnamese and English, read from the store once per snapshot (the
vocabularies are in it, so a page and ``/api`` name a code alike)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from polgraph.server.answers.graph import Readable, select
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table

LANGUAGES = ("vi", "en")
# The area classes the lists know, as the level code each stands for, from the top down.
LEVELS = {
    "Province": "province",
    "District": "district",
    "Commune": "commune",
    "Village": "village",
}

_CONCEPTS = """
SELECT ?scheme ?concept ?code ?label (LANG(?label) AS ?lang) WHERE {
  VALUES (?class ?scheme) { (pg:BodyType "body_type") (pg:PostType "post") }
  ?concept a ?class ; skos:notation ?code ; skos:prefLabel ?label }"""
_KINDS = """SELECT ?code ?label (LANG(?label) AS ?lang) WHERE {
  ?class pg:kindCode ?code ; rdfs:label ?label }"""
_LEVELS = """SELECT ?class ?label (LANG(?label) AS ?lang) WHERE {
  VALUES ?class { pg:Province pg:District pg:Commune pg:Village } ?class rdfs:label ?label }"""


@dataclass
class Labels:
    """``words[scheme][code]``: a code's label by language; ``codes[concept IRI]``: its code."""

    words: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)

    def label(self, scheme: str, code: str, lang: str) -> str:
        """The code's label in ``lang``, else in the other language, else the code."""
        found = self.words.get(scheme, {}).get(code, {})
        return found.get(lang) or next(iter(found.values()), code)

    def known(self, scheme: str) -> list[str]:
        return sorted(self.words.get(scheme, {}))


def _read(store: Readable) -> Labels:
    words: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    codes: dict[str, str] = {}
    for row in select(store, _CONCEPTS):
        codes[row["concept"]] = row["code"]
        _keep(words[row["scheme"]][row["code"]], row)
    for row in select(store, _KINDS):
        _keep(words["kind"][row["code"]], row)
    for row in select(store, _LEVELS):
        _keep(words["level"][LEVELS[row["class"].rsplit("#", 1)[1]]], row)
    return Labels({scheme: dict(found) for scheme, found in words.items()}, codes)


def _keep(labels: dict[str, str], row: dict) -> None:
    # A vocabulary may give a code two labels in a language: the first in order wins, always.
    if row["lang"] in LANGUAGES:
        labels[row["lang"]] = min(labels.get(row["lang"], row["label"]), row["label"])


def labels_of(store: Snapshot) -> Labels:
    return table(store, LIST_LABELS)


LIST_LABELS = register("list labels", _read)
