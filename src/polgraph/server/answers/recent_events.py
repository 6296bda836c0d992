"""The home page's latest events."""

from __future__ import annotations

from typing import Any

from polgraph.server.answers.graph import select
from polgraph.server.answers.snapshot import Snapshot

RECENT_EVENTS = 10
# The API lists events oldest first (undated last); the home page wants the newest. Each is a
# node (``iri``, ``label``) as the API gives them, for the pages' event list.
_RECENT = """
SELECT ?iri ?label ?date ?kind WHERE {
  ?iri a ?class ; rdfs:label ?label ; pg:date ?date . ?class pg:kindCode ?kind .
} ORDER BY DESC(?date) ?iri LIMIT """ + str(RECENT_EVENTS)


def recent_answer(store: Snapshot) -> list[dict[str, Any]]:
    """The latest dated events, newest first."""
    return select(store, _RECENT)
