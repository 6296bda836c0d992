"""Tenures from attestations: when a person is known to have held a post, and who followed whom.

A tenure runs from the earliest to the latest dated evidence of a person in a post; an election
at the event opens one. An exclusive post (one holder at a time: Bí thư, Chủ tịch of a body)
passing to someone else links the tenures as predecessor and successor; a person who comes back
after someone else held the post starts a new tenure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Attestation:
    iri: str
    person: str
    post: str
    date: dt.date | None
    elected: bool = False
    exclusive: bool = False


@dataclass(frozen=True)
class Tenure:
    key: str
    person: str
    post: str
    first: dt.date
    last: dt.date
    attestations: tuple[str, ...]
    opened_by_election: bool
    successor: str | None = None


def _key(person: str, post: str, first: dt.date) -> str:
    return hashlib.sha256(f"{person}\x1f{post}\x1f{first.isoformat()}".encode()).hexdigest()[:12]


def _runs(dated: list[Attestation], exclusive: bool) -> list[list[Attestation]]:
    """A person's attestations of one post split where another holder of an exclusive post
    came in between (A, B, A: two runs for A)."""
    # On one date the holder in office comes before the one elected that day.
    dated.sort(key=lambda a: (a.date, a.elected, a.person, a.iri))
    runs: dict[str, list[list[Attestation]]] = defaultdict(list)
    previous: str | None = None
    for a in dated:
        if not runs[a.person] or (exclusive and previous not in (None, a.person)
                                  and runs[a.person][-1][-1].date < a.date):
            runs[a.person].append([])
        runs[a.person][-1].append(a)
        previous = a.person
    return [run for person_runs in runs.values() for run in person_runs]


def _tenure(run: list[Attestation]) -> Tenure:
    first, last = run[0].date, run[-1].date
    assert first is not None and last is not None
    opened = any(a.elected for a in run if a.date == first)
    return Tenure(_key(run[0].person, run[0].post, first), run[0].person, run[0].post, first, last,
                  tuple(sorted(a.iri for a in run)), opened)


def derive_tenures(attestations: Iterable[Attestation]) -> list[Tenure]:
    by_post: dict[str, list[Attestation]] = defaultdict(list)
    for a in attestations:
        if a.date is not None:  # undated evidence cannot bound a tenure
            by_post[a.post].append(a)
    tenures: list[Tenure] = []
    for found in by_post.values():
        exclusive = any(a.exclusive for a in found)
        held = [_tenure(run) for run in _runs(list(dict.fromkeys(found)), exclusive)]
        # Same start: the holder already in office comes before the one elected that day.
        held.sort(key=lambda t: (t.first, t.opened_by_election, t.last, t.person))
        if exclusive:
            for index, tenure in enumerate(held):
                following = next((t for t in held[index + 1:] if t.person != tenure.person), None)
                if following is not None:
                    held[index] = replace(tenure, successor=following.key)
        tenures.extend(held)
    return sorted(tenures, key=lambda t: (t.post, t.first, t.person))


def career(tenures: Iterable[Tenure], person: str) -> list[Tenure]:
    return sorted((t for t in tenures if t.person == person), key=lambda t: (t.first, t.last, t.post))
