"""Careers: a person's posts in order (their tenures, with first and last evidence) and the
promotions among them.

A later post is a promotion over an earlier one when it is the principal post the earlier one
deputises for, in the same body (Phó Chủ tịch → Chủ tịch of one People's Committee; the
vocabulary's ``pg:deputyOf``), or when it is in a body of a higher level (commune → district →
province) and the earlier post was last attested no later than the new one was first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from polgraph.analytics import descriptions
from polgraph.analytics.hierarchy import ABOVE_BODY, JURISDICTION, reachable, steps
from polgraph.analytics.rows import Row, select, values_block
from polgraph.analytics.slicing import ResolvedSlice
from polgraph.store.base import QueriedStore

_LEVELS = {"commune": 1, "district": 2, "province": 3}
LEVEL_NAMES = {rank: name for name, rank in _LEVELS.items()}


def _tenure_rows(
    store: QueriedStore, slice_: ResolvedSlice, persons: tuple[str, ...] | None
) -> Iterator[Row]:
    scope = "" if persons is None else values_block("person", persons)
    return select(
        store,
        f"""
SELECT ?person ?name ?tenure ?post ?first ?last ?elected ?predecessor ?successor WHERE {{
  {scope}
  ?tenure a pg:Tenure ; pg:holder ?person ; pg:post ?post ;
    pg:firstEvidence ?first ; pg:lastEvidence ?last .
  {slice_.posts()}
  {slice_.tenures()}
  ?person pg:name ?name .
  OPTIONAL {{ ?tenure pg:openedByElection ?elected }}
  OPTIONAL {{ ?tenure pg:predecessor/pg:holder/pg:name ?predecessor }}
  OPTIONAL {{ ?tenure pg:successor/pg:holder/pg:name ?successor }}
}}""",
    )


def _body_ranks(store: QueriedStore, bodies: set[str]) -> dict[str, int]:
    """Each body's level (1 commune, 2 district, 3 province): its own unit's, or else that of
    the nearest body above it with one (a party cell is at its commune's level)."""
    ranks: dict[str, int] = {}
    above = reachable(store, bodies, ABOVE_BODY)  # each body with itself and those above it
    units = steps(store, set().union(*above.values()), JURISDICTION)
    for body, ups in above.items():
        for unit in (unit for up in ups for unit in units.get(up, ())):
            # Official units are named by level: …/unit/legacy/commune/18730.
            parts = unit.rsplit("/", 2)
            rank = _LEVELS.get(parts[-2]) if len(parts) == 3 else None
            if rank is not None and rank < ranks.get(body, 99):
                ranks[body] = rank
    return ranks


def _principals(store: QueriedStore) -> dict[str, str]:
    """Each deputy post type and the principal it deputises for (the vocabulary's pg:deputyOf)."""
    return dict(
        select(store, "SELECT DISTINCT ?type ?principal WHERE { ?type pg:deputyOf ?principal }")
    )


def _collect(store: QueriedStore, rows: Iterable[Row]) -> dict[str, dict]:
    """Per person: name and tenures (one dict per tenure, its body at its most local level)."""
    people: dict[str, dict] = {}
    seen: set[str] = set()
    for person, name, tenure, post, first, last, elected, predecessor, successor in rows:
        entry = people.setdefault(person, {"person": person, "name": name, "tenures": []})
        if tenure not in seen:
            seen.add(tenure)
            entry["tenures"].append(
                {
                    "post": post,
                    "first": first,
                    "last": last,
                    "elected": elected == "true",
                    "predecessor": predecessor,
                    "successor": successor,
                }
            )
    posts = descriptions.post_details(
        store, {t["post"] for e in people.values() for t in e["tenures"]}
    )
    ranks = _body_ranks(store, {d["body"] for d in posts.values() if "body" in d})
    principals = _principals(store)
    for entry in people.values():
        for tenure in entry["tenures"]:
            about = posts.get(tenure["post"], {})
            tenure.update(
                title=about.get("title", ""),
                label=about.get("label", tenure["post"]),
                body=about.get("body"),
                body_label=about.get("body_label"),
                rank=ranks.get(about.get("body", "")),
                post_type=about.get("type"),
                principal_type=principals.get(about.get("type", "")),
            )
    return people


def _promotion(earlier: dict, later: dict) -> str | None:
    if later["first"] <= earlier["first"]:
        return None
    if (
        earlier["principal_type"]
        and earlier["principal_type"] == later["post_type"]
        and earlier["body"] == later["body"]
    ):
        return "deputy to principal"
    if (
        earlier["rank"]
        and later["rank"]
        and later["rank"] > earlier["rank"]
        and earlier["last"] <= later["first"]
    ):
        return f"up a level ({LEVEL_NAMES[earlier['rank']]} to {LEVEL_NAMES[later['rank']]})"
    return None


def _career(entry: dict) -> dict:
    ordered = sorted(entry["tenures"], key=lambda t: (t["first"], t["last"], t["label"]))
    promotions = []
    for position, later in enumerate(ordered):
        # The latest earlier post it rises from, if any: one promotion per new post.
        for earlier in reversed(ordered[:position]):
            kind = _promotion(earlier, later)
            if kind:
                promotions.append(
                    {
                        "from": earlier["label"],
                        "to": later["label"],
                        "from_post": earlier["post"],
                        "to_post": later["post"],
                        "date": later["first"],
                        "kind": kind,
                    }
                )
                break
    posts = [
        {
            "post": t["post"],
            "title": t["title"],
            "label": t["label"],
            "body": t["body"],
            "body_label": t["body_label"],
            "level": LEVEL_NAMES.get(t["rank"]),
            "first": t["first"],
            "last": t["last"],
            "elected": t["elected"],
            "predecessor": t["predecessor"],
            "successor": t["successor"],
        }
        for t in ordered
    ]
    return {
        "person": entry["person"],
        "name": entry["name"],
        "posts": posts,
        "promotions": promotions,
    }


def careers(
    store: QueriedStore, slice_: ResolvedSlice, persons: tuple[str, ...] | None = None
) -> list[dict]:
    """The careers of ``persons`` (or of everyone with a tenure in the slice): the most
    promotions first, then the most posts."""
    people = _collect(store, _tenure_rows(store, slice_, persons))
    found = [_career(entry) for entry in people.values()]
    return sorted(
        found, key=lambda c: (-len(c["promotions"]), -len(c["posts"]), c["name"], c["person"])
    )


def person_events(store: QueriedStore, person: str) -> list[dict]:
    """The events a person took part in, in date order: the marks of a timeline."""
    rows = select(
        store,
        f"""
SELECT DISTINCT ?event ?label ?date WHERE {{
  {values_block("person", (person,))}
  ?mention pg:mentionOf? ?person .  # the person's mentions, or the mention itself when unresolved
  ?part pg:participant ?mention ; pg:event ?event .
  ?event rdfs:label ?label . OPTIONAL {{ ?event pg:date ?date }}
}}""",
    )
    by_event: dict[str, dict[str, str | None]] = defaultdict(dict)
    for event, label, date in rows:
        by_event[event] = {"event": event, "label": label, "date": date}
    return sorted(by_event.values(), key=lambda e: (e["date"] or "9999", e["event"]))
