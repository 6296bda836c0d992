"""The answer to a report just stored: the persons its names resolved to (``POST /api/reports``)."""

from __future__ import annotations

from typing import Any

from polgraph.server.answers.graph import iri, select
from polgraph.server.answers.ids import node
from polgraph.server.answers.snapshot import Snapshot

_RESOLVED = """
SELECT DISTINCT ?name ?person WHERE { GRAPH ?report { ?mention a pg:PersonMention ; pg:name ?name }
  OPTIONAL { ?mention pg:mentionOf ?person } } ORDER BY ?name"""


def resolved_answer(store: Snapshot, report: str) -> list[dict[str, Any]]:
    """The names ``report`` gives persons, and the persons they resolved to."""
    return [
        {"name": r["name"], "person": node(r["person"])}
        for r in select(store, _RESOLVED, {"report": iri(report)})
    ]
