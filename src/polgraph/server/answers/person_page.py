"""A person's page's answer: the person as ``/api/persons/{id}`` answers, or, for a report's own
node for someone, the person it stands for."""

from __future__ import annotations

from typing import Any

from polgraph.server.answers.graph import iri, select
from polgraph.server.answers.ids import iri_for
from polgraph.server.answers.linked_data import JSON
from polgraph.server.answers.persons import person_answer
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.errors import ApiError


def person_page_answer(store: Snapshot, person_id: str) -> dict[str, Any]:
    """``{"person": …}`` as ``/api/persons/{id}`` answers it, or, for a report's own node for
    someone, ``{"person of mention": the person's IRI}``."""
    try:
        return {"person": person_answer(store, person_id, JSON)}
    except ApiError as exc:
        resolved = _person_of_mention(store, person_id) if exc.status_code == 404 else None
        if resolved is None:
            raise
        return {"person of mention": resolved}


def _person_of_mention(store: Snapshot, person_id: str) -> str | None:
    rows = select(
        store,
        "SELECT ?of WHERE { ?mention pg:mentionOf ?of }",
        {"mention": iri(iri_for("persons", person_id))},
    )
    return str(rows[0]["of"]) if rows else None
