"""The part of the graph an analysis looks at: a date window, an area and a body.

A ``Slice`` holds the filters as a person gives them (dates, a place and a body by name, code or
IRI); ``KnowledgeGraph`` resolves it into a ``ResolvedSlice`` of IRIs, which writes the SPARQL
patterns the projections splice in. What each filter means:

- the date window keeps events dated inside it (inclusive); an undated event is kept only when
  there is no window. Tenures are kept when they overlap it.
- the area keeps events whose place lies in it, through ``pg:partOf`` and the 2025 successor
  units (``pg:successorUnit``), so old reports answer for the new units too.
- the body keeps the events it (or one of its sub-bodies, ``org:subOrganizationOf``) organised
  or at which someone is attested in one of its posts, and the posts of it or of its sub-bodies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from polgraph.analytics.errors import AnalysisError
from polgraph.analytics.rows import values_block


def parse_date(value: str | dt.date | None, option: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise AnalysisError(f"'{option}' must be a date YYYY-MM-DD, not {value!r}") from None


@dataclass(frozen=True)
class Slice:
    """Filters as given: ``start``/``end`` dates (or ISO strings), ``place`` and ``org`` as an IRI,
    an official code (places) or a name."""

    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    org: str | None = None

    @classmethod
    def of(
        cls,
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        place: str | None = None,
        org: str | None = None,
    ) -> Slice:
        """A slice from strings as a command line or a URL gives them; a bad date raises."""
        first, last = parse_date(start, "from"), parse_date(end, "to")
        if first and last and first > last:
            raise AnalysisError(f"the window is empty: from {first} is after to {last}")
        return cls(first, last, (place or "").strip() or None, (org or "").strip() or None)

    def describe(self) -> str:
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or '…'} to {self.end or '…'}")
        if self.place:
            parts.append(f"in {self.place}")
        if self.org:
            parts.append(f"body {self.org}")
        return ", ".join(parts) or "everything"


def _date(value: dt.date) -> str:
    return f'"{value.isoformat()}"^^xsd:date'


@dataclass(frozen=True)
class ResolvedSlice:
    """A slice with its place and body turned into the IRIs they select."""

    start: dt.date | None = None
    end: dt.date | None = None
    areas: tuple[str, ...] | None = None
    bodies: tuple[str, ...] | None = None
    label: str = "everything"
    # The areas with every unit inside them or succeeded by one (pg:partOf, pg:successorUnit),
    # and the bodies with every body under them: found before the patterns are written
    # (polgraph.analytics.hierarchy), so no pattern holds a `*` path.
    places: tuple[str, ...] | None = None
    orgs: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if (self.areas is None) != (self.places is None) or (self.bodies is None) != (
            self.orgs is None
        ):
            raise ValueError("a slice's areas need their places, its bodies their orgs")

    @property
    def windowed(self) -> bool:
        return self.start is not None or self.end is not None

    def _window(self, variable: str) -> str:
        tests = ([f"?{variable} >= {_date(self.start)}"] if self.start else []) + (
            [f"?{variable} <= {_date(self.end)}"] if self.end else []
        )
        return f"FILTER ({' && '.join(tests)})" if tests else ""

    def events(self, event: str = "event", date: str | None = "date") -> str:
        """Patterns keeping ``?event`` in the slice and binding its ``?date`` (unbound when the
        event has none and there is no window; not read at all with ``date=None`` and no
        window). The place and the body select their events in sub-queries, so an event
        reached by several paths still gives one row."""
        parts = []
        if self.places is not None:
            parts.append(f"""{{ SELECT DISTINCT ?{event} WHERE {{
    {values_block("slice_place", self.places)}
    ?{event} pg:place ?slice_place .
    }} }}""")
        if self.orgs is not None:
            parts.append(f"""{{ SELECT DISTINCT ?{event} WHERE {{
    {values_block("slice_org", self.orgs)}
    {{ ?{event} pg:organiser ?slice_org }}
    UNION {{ ?slice_post org:postIn ?slice_org .
             ?slice_att pg:post ?slice_post ; pg:event ?{event} }} }} }}""")
        if self.windowed:
            date = date or "slice_date"
            parts.append(f"?{event} pg:date ?{date} . {self._window(date)}")
        elif date:
            parts.append(f"OPTIONAL {{ ?{event} pg:date ?{date} }}")
        return "\n  ".join(parts)

    def posts(self, post: str = "post") -> str:
        """Patterns keeping ``?post`` when it belongs to the slice's body (or a sub-body)."""
        if self.orgs is None:
            return ""
        return (
            f"{{ SELECT DISTINCT ?{post} WHERE {{ {values_block('slice_org', self.orgs)}\n"
            f"    ?{post} org:postIn ?slice_org . }} }}"
        )

    def tenures(self, tenure: str = "tenure", first: str = "first", last: str = "last") -> str:
        """Patterns keeping ``?tenure`` (with ``?first``/``?last`` bound) when it overlaps the
        window and some attestation of it is at an event in the area."""
        parts = []
        if self.end:
            parts.append(f"FILTER (?{first} <= {_date(self.end)})")
        if self.start:
            parts.append(f"FILTER (?{last} >= {_date(self.start)})")
        if self.places is not None:
            parts.append(
                "FILTER EXISTS { "
                + values_block("slice_place", self.places)
                + f" ?{tenure} pg:attestedBy/pg:event/pg:place ?slice_place . }}"
            )
        return "\n  ".join(parts)
