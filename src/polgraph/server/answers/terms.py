"""The vocabulary's own labels for the codes the API answers with (event kinds, acts, speech
kinds), in a language: the vocabularies are in the store, labelled in Vietnamese and English."""

from __future__ import annotations

from typing import Any

from polgraph.server.answers.graph import select, text
from polgraph.server.answers.snapshot import Snapshot

_LABELS = """
SELECT DISTINCT ?scheme ?code ?label WHERE {
  { ?class pg:kindCode ?code ; rdfs:label ?label . BIND ("kind" AS ?scheme) }
  UNION { ?concept a pg:ActType ; skos:notation ?code ; skos:prefLabel ?label .
          BIND ("act" AS ?scheme) }
  FILTER (LANG(?label) = ?lang)
}"""


def terms_answer(store: Snapshot, lang: str) -> list[dict[str, Any]]:
    """Each code's label in ``lang``: ``scheme`` (kind or act), ``code``, ``label``."""
    return select(store, _LABELS, {"lang": text(lang)})
