"""Tenures from attestations: when a person is known to have held a post, and who followed whom.

A tenure runs from the earliest to the latest dated evidence of a person in a post (undated
evidence bounds nothing); it is opened by election when its first evidence is an election. On an
exclusive post (one holder at a time: Bí thư, Chủ tịch of a body) a person who comes back after
someone else was attested in between starts a new tenure, and each tenure's successor is the next
tenure of another person, in the order (first, opened by election, last, person): on a shared first
date the holder already in office goes before the one elected that day, as at a session where the
outgoing holder and the newly elected one are both attested.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise


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
    """Each person's attestations of one post, split (exclusive posts only) where another
    person's attestation falls strictly between two of theirs (A, B, A: two runs for A)."""
    dates = sorted({a.date for a in dated if a.date is not None})  # every one has a date
    index: dict[dt.date | None, int] = {date: i for i, date in enumerate(dates)}
    by_person: dict[str, list[Attestation]] = defaultdict(list)
    for a in sorted(dated, key=lambda a: (a.date, a.iri)):
        by_person[a.person].append(a)
    runs = []
    for found in by_person.values():
        run = [found[0]]
        for previous, a in pairwise(found):
            # A date between two consecutive dates of this person can only be someone else's.
            if exclusive and index[a.date] - index[previous.date] > 1:
                runs.append(run)
                run = []
            run.append(a)
        runs.append(run)
    return runs


def _tenure(run: list[Attestation]) -> Tenure:
    first, last = run[0].date, run[-1].date
    assert first is not None and last is not None
    opened = any(a.elected for a in run if a.date == first)
    return Tenure(
        _key(run[0].person, run[0].post, first),
        run[0].person,
        run[0].post,
        first,
        last,
        tuple(sorted(a.iri for a in run)),
        opened,
    )


def _with_successors(held: list[Tenure]) -> list[Tenure]:
    """Each tenure's successor: the next one (in the given order) of a different person."""
    out = list(held)
    following: Tenure | None = None
    for i in range(len(held) - 2, -1, -1):
        # Otherwise held[i + 1] is the same person's, and its successor is held[i]'s too.
        if held[i + 1].person != held[i].person:
            following = held[i + 1]
        if following is not None:
            out[i] = replace(held[i], successor=following.key)
    return out


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
        tenures.extend(_with_successors(held) if exclusive else held)
    return sorted(tenures, key=lambda t: (t.post, t.first, t.person))


def career(tenures: Iterable[Tenure], person: str) -> list[Tenure]:
    return sorted(
        (t for t in tenures if t.person == person), key=lambda t: (t.first, t.last, t.post)
    )
