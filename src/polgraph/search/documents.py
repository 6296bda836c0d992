"""What the index holds of one thing found: a ``Document``, and how each kind's is written.

A document's ``name`` and ``more`` are the words it is found by (see ``schema``); ``details`` is
what a result shows, as plain JSON values, so that the index answers a search without asking the
store; ``weight`` ranks equal matches (the reports naming a person, a body or a place).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from polgraph.search.folding import comparable, indexed


@dataclass(frozen=True)
class Document:
    kind: str  # one of schema.KINDS
    iri: str
    name: str
    more: str
    details: dict[str, Any] = field(default_factory=dict)
    weight: float = 0.0
    report: str | None = None  # the report an event's or a report's row comes from
    name_key: str | None = None  # the name a person was resolved under

    def row(self) -> tuple:
        """The ``entries`` row (without its id)."""
        return (
            self.kind,
            self.iri,
            comparable(self.name),
            self.weight,
            self.report,
            self.name_key,
            json.dumps(self.details, ensure_ascii=False, separators=(",", ":")),
        )

    def words(self) -> tuple[str, str]:
        """The ``name`` and ``more`` columns of the kind's FTS5 table."""
        return indexed(self.name), indexed(self.more)


def words_of(parts: Iterable[str | None]) -> str:
    """Distinct pieces of text, in their first order, as one column's text."""
    seen: dict[str, None] = {}
    for part in parts:
        if part:
            seen.setdefault(part, None)
    return " · ".join(seen)


def year_span(days: Iterable[str]) -> list[int] | None:
    """The first and last year of ``days`` (YYYY-MM-DD), or None when there are none."""
    years = sorted({int(day[:4]) for day in days if day[:4].isdigit()})
    return [years[0], years[-1]] if years else None
