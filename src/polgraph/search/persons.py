"""Persons as the index holds them: the name, and what tells namesakes apart.

Two persons of one name differ by what they held and where: each document shows the person's
latest post (by the day of the event attesting it) with its body, the place of their latest
event with the units it lies in, the years their events span and how many reports name them;
and a person is also found by every post, body and place of theirs ("chu tich cam loc").

A person's document is made from the index's own tables (``polgraph.search.mentions``): the
mentions resolved into them, what each mention's report says of it, and the posts it held. As
the API lists them, a person is one some report names as taking part in its event.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Mapping

from polgraph.search.documents import Document, words_of, year_span
from polgraph.search.nodes import Facts

_TAKING_PART = """SELECT a.person, m.report, m.day, m.place
  FROM assigned a JOIN mentions m ON m.mention = a.mention
  WHERE a.person IN (SELECT value FROM wanted_persons)"""
_HOLDING = """SELECT a.person, m.day, h.title, h.body
  FROM assigned a JOIN mentions m ON m.mention = a.mention JOIN holdings h ON h.mention = a.mention
  WHERE a.person IN (SELECT value FROM wanted_persons)"""


def person_documents(
    db: sqlite3.Connection, facts: Facts, persons: Mapping[str, tuple[str, str]]
) -> list[Document]:
    """The documents of ``persons`` (IRI → name and name key), from the index's tables as
    ``db`` holds them; the persons no report names as taking part are left out. Reads the temporary
    table ``wanted_persons`` the caller fills with their IRIs."""
    reports: dict[str, set[str]] = defaultdict(set)
    been: dict[str, list[tuple[str, str]]] = defaultdict(list)  # (day or "", place)
    days: dict[str, set[str]] = defaultdict(set)
    for person, report, day, place in db.execute(_TAKING_PART):
        reports[person].add(report)
        if day:
            days[person].add(day)
        if place:
            been[person].append((day or "", place))
    held: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # (day or "", title, body)
    for person, day, title, body in db.execute(_HOLDING):
        held[person].append((day or "", title, body or ""))
    facts.load(
        {place for found in been.values() for _, place in found}
        | {body for found in held.values() for _, _, body in found if body}
    )
    return [
        _document(
            iri, *persons[iri], reports[iri], sorted(been[iri]), sorted(held[iri]), days[iri], facts
        )
        for iri in sorted(persons)
        if reports.get(iri)
    ]


def _document(
    iri: str,
    name: str,
    key: str,
    reports: set[str],
    been: list[tuple[str, str]],
    held: list[tuple[str, str, str]],
    days: set[str],
    facts: Facts,
) -> Document:
    # ``been`` and ``held`` are sorted: the latest last (an undated one is older than any
    # dated), then by name, so that the same store always gives the same line.
    post = None
    if held:
        _, title, body = held[-1]
        post = {"title": title, "body": facts.body(body or None)}
    details = {
        "name": name,
        "reports": len(reports),
        "post": post,
        "place": facts.place(been[-1][1] if been else None),
        "years": year_span(days),
    }
    more = words_of(
        [
            *(title for _, title, _ in held),
            *(facts.label(body) for _, _, body in held if body),
            *(word for place in sorted({p for _, p in been}) for word in facts.place_words(place)),
            *sorted({day[:4] for day in days}),
        ]
    )
    return Document("person", iri, name, more, details, weight=len(reports), name_key=key)
