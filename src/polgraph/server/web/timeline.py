"""A person's posts as a timeline drawn in HTML: each tenure a bar from its first to its last
evidence, the dated events they took part in as marks on a line of their own, years as ticks.
Positions are percentages of the time shown, so the page lays it out at any width."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

_MIN_PAD_DAYS = 15  # room on either side, so a post attested on one day is not at the edge
_MIN_BAR = 0.8  # percent: a post attested on one day still shows as a bar


@dataclass(frozen=True)
class Bar:
    entry: dict  # the API's post entry (post, organization, first_evidence, …)
    left: float
    width: float


@dataclass(frozen=True)
class Mark:
    entry: dict  # the API's event entry (event, acts, posts, source)
    left: float


@dataclass(frozen=True)
class Tick:
    label: str
    left: float


@dataclass(frozen=True)
class Timeline:
    bars: list[Bar]
    marks: list[Mark]
    ticks: list[Tick]
    first: str
    last: str


def timeline(posts: list[dict], events: list[dict]) -> Timeline | None:
    """The timeline of a person's ``posts`` and ``events`` as ``/api/persons/{id}`` answers
    them; None when nothing is dated."""
    dated_posts = [p for p in posts if p["first_evidence"] and p["last_evidence"]]
    dated_events = [e for e in events if e["event"]["date"]]
    days = [
        dt.date.fromisoformat(p[k])
        for p in dated_posts
        for k in ("first_evidence", "last_evidence")
    ]
    days += [dt.date.fromisoformat(e["event"]["date"]) for e in dated_events]
    if not days:
        return None
    first, last = min(days), max(days)
    pad = dt.timedelta(days=max(_MIN_PAD_DAYS, (last - first).days // 20))
    start, shown = first - pad, (last - first) + 2 * pad

    def at(day: str | dt.date) -> float:
        when = dt.date.fromisoformat(day) if isinstance(day, str) else day
        return round(100 * (when - start) / shown, 2)

    bars = []
    for post in dated_posts:
        left = at(post["first_evidence"])
        width = max(at(post["last_evidence"]) - left, _MIN_BAR)
        bars.append(Bar(post, left, round(min(width, 100 - left), 2)))
    marks = [Mark(e, at(e["event"]["date"])) for e in dated_events]
    years = range(start.year + 1, (start + shown).year + 1)
    ticks = [Tick(str(y), at(dt.date(y, 1, 1))) for y in years]
    return Timeline(bars, marks, ticks, first.isoformat(), last.isoformat())
