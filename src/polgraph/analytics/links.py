"""Who is tied to which event of a slice (took part, spoke, was attested in a post), read fast
from a store on disk.

There every term a query returns costs a lookup, and so does following a link from a bound
node. So a slice by place or body first lists its events (few) and follows the links from each,
in blocks of a thousand; everything, or a date window, reads each pattern whole and joins the
parts by hash (sub-queries), several times faster than following a million links one by one.
"""

from __future__ import annotations

from collections.abc import Iterator

from polgraph.analytics.rows import select, values_block
from polgraph.analytics.slicing import ResolvedSlice
from polgraph.store.base import QueriedStore

_CHUNK = 1000  # events per VALUES block
_PERSON = (
    "OPTIONAL { ?mention pg:mentionOf ?canonical } BIND (COALESCE(?canonical, ?mention) AS ?person)"
)


def slice_events(store: QueriedStore, slice_: ResolvedSlice) -> list[str] | None:
    """The events a place or body selects (within the window); None when the slice has neither
    and every event (of the window) is meant."""
    if slice_.areas is None and slice_.bodies is None:
        return None
    return [
        e
        for (e,) in select(store, f"SELECT DISTINCT ?event WHERE {{ {slice_.events(date=None)} }}")
    ]


def tied(
    store: QueriedStore,
    slice_: ResolvedSlice,
    role: str,
    columns: str = "?event ?person",
    *,
    detail: str = "",
    distinct: bool = False,
) -> Iterator[tuple]:
    """Rows of ``columns`` for every ``?link pg:<role> ?mention ; pg:event ?event`` of the slice,
    ``?person`` being the mention's person (or the mention itself when its identity is not
    resolved). ``detail`` is more pattern about ``?link`` (``?link pg:post ?post``)."""
    head = f"SELECT {'DISTINCT ' if distinct else ''}{columns}"
    for where in _patterns(store, slice_, role, detail, with_event="?event" in columns):
        yield from select(store, f"{head} WHERE {{ {where} }}")


def tied_by_event(
    store: QueriedStore, slice_: ResolvedSlice, role: str
) -> Iterator[tuple[str, str]]:
    """``(event, person)`` rows as ``tied`` gives them, read a whole event at a time: the store
    then spells out each event's IRI once rather than once per person there."""
    for where in _patterns(store, slice_, role, ""):
        grouped = select(
            store,
            f"""SELECT ?event
  (GROUP_CONCAT(STR(?person); separator=" ") AS ?people)
  WHERE {{ {where} }} GROUP BY ?event""",
        )
        for event, people in grouped:
            for person in people.split(" "):  # an IRI holds no space
                yield event, person


def _patterns(
    store: QueriedStore, slice_: ResolvedSlice, role: str, detail: str, with_event: bool = True
) -> Iterator[str]:
    """The graph patterns that find the slice's links, one per block of its events. Without
    ``with_event`` (no ``?event`` wanted) reading every link leaves its event out: each link has
    exactly one (the shapes say so), and joining the events costs twice the read."""
    events = slice_events(store, slice_)
    if events is not None:
        for start in range(0, len(events), _CHUNK):
            yield f"""{values_block("event", events[start : start + _CHUNK])}
  ?link pg:event ?event ; pg:{role} ?mention . {detail}
  {_PERSON}"""
        return
    window = (
        f"{{ SELECT ?event WHERE {{ {slice_.events(date=None)} }} }}" if slice_.windowed else ""
    )
    event = (
        "{ SELECT ?link ?event WHERE { ?link pg:event ?event } }" if with_event or window else ""
    )
    links = f"""{{ SELECT ?link ?mention WHERE {{ ?link pg:{role} ?mention }} }}
  {event} {window} {detail}"""
    if all_resolved(store):
        yield f"""{links}
  {{ SELECT ?mention ?person WHERE {{ ?mention pg:mentionOf ?person }} }}"""
    else:
        yield f"""{links}
  OPTIONAL {{ SELECT ?mention ?canonical WHERE {{ ?mention pg:mentionOf ?canonical }} }}
  BIND (COALESCE(?canonical, ?mention) AS ?person)"""


def all_resolved(store: QueriedStore) -> bool:
    """Whether every mention has its person: counting both reads no term, so it is quick."""
    ((mentions,),) = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?m a pg:PersonMention }")
    ((resolved,),) = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?m pg:mentionOf ?p }")
    return mentions == resolved
