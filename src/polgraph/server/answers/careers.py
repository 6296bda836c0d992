"""Posts over time: tenures and the attestations behind them, for a person or for a body's posts.

A tenure (``pg:Tenure``, derived after each ingest) runs from a person's earliest to latest dated
attestation of a post. Undated attestations bound no tenure, yet they are evidence someone held
the post, so they are listed too, after the dated ones, with no first or last evidence.
"""

from __future__ import annotations

from collections import defaultdict

from polgraph.server.answers.evidence import Sources
from polgraph.server.answers.graph import (
    Readable,
    iri,
    select,
    with_kinds,
    with_organizations_and_kinds,
)
from polgraph.server.answers.ids import node

# {scope} narrows to one body's posts; a person is narrowed by binding ?person.
_ATTESTATIONS = """
SELECT DISTINCT ?a ?person ?person_name ?post ?title ?post_label ?event ?event_label
                ?date ?as_written ?elected ?report ?start ?end WHERE { {scope}
  ?mention pg:mentionOf ?person . ?person pg:name ?person_name .
  ?a a pg:RoleAttestation ; pg:person ?mention ; pg:post ?post ; pg:event ?event ;
     pg:source ?report .
  ?post pg:postTitle ?title ; rdfs:label ?post_label .
  ?event rdfs:label ?event_label .
  # per row, not every date of the store: see graph.py
  LATERAL { OPTIONAL { ?event pg:date ?date } }
  OPTIONAL { ?a pg:asWritten ?as_written } OPTIONAL { ?a pg:elected ?elected }
  LATERAL { OPTIONAL { ?a pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }
}"""
_TENURES = """
SELECT DISTINCT ?tenure ?person ?first ?last ?opened ?a ?before ?before_name ?after ?after_name
WHERE { {scope}
  ?tenure a pg:Tenure ; pg:holder ?person ; pg:post ?post ; pg:firstEvidence ?first ;
          pg:lastEvidence ?last ; pg:openedByElection ?opened ; pg:attestedBy ?a .
  LATERAL { OPTIONAL { ?tenure pg:predecessor/pg:holder ?before . ?before pg:name ?before_name } }
  LATERAL { OPTIONAL { ?tenure pg:successor/pg:holder ?after . ?after pg:name ?after_name } }
}"""
_PARTICIPATIONS = """
SELECT DISTINCT ?part ?event ?event_label ?date ?report ?start ?end WHERE {
  ?mention pg:mentionOf ?person .
  ?part pg:participant ?mention ; pg:event ?event ; pg:source ?report .
  ?event rdfs:label ?event_label .
  OPTIONAL { ?event pg:date ?date }
  LATERAL { OPTIONAL { ?part pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }
}"""
ACTS = """
SELECT DISTINCT ?part ?act ?order WHERE { {scope}
  ?part pg:act ?concept . ?concept skos:notation ?act . OPTIONAL { ?concept pg:kindOrder ?order }
} ORDER BY ?order"""
_SPEECHES = """
SELECT DISTINCT ?speech ?event ?event_label ?date ?speech_kind ?topic ?capacity ?report ?start ?end
WHERE {
  ?mention pg:mentionOf ?person .
  ?speech pg:speaker ?mention ; pg:event ?event ; pg:source ?report ;
          pg:speechKind/skos:notation ?speech_kind .
  ?event rdfs:label ?event_label .
  OPTIONAL { ?event pg:date ?date }
  OPTIONAL { ?speech pg:topic ?topic }
  LATERAL { OPTIONAL { ?speech pg:capacity/pg:post/rdfs:label ?capacity } }  # per row: see graph.py
  LATERAL { OPTIONAL { ?speech pg:evidence ?span . ?span oa:start ?start ; oa:end ?end } }
}"""


def event_of(row: dict) -> dict:
    return node(row["event"], label=row["event_label"], date=row["date"], kind=row["kind"])


def by_date(entry: dict, key: str = "date") -> tuple:
    """Dated entries in order, undated ones last."""
    return (entry[key] is None, entry[key] or "")


def attestations(store: Readable, person: str | None = None, org: str | None = None) -> list[dict]:
    """The attestations of a person, or of the posts of a body."""
    scope, bindings = _scope(person, org)
    rows = select(store, _ATTESTATIONS.replace("{scope}", scope), bindings)
    return with_organizations_and_kinds(store, rows)


def _scope(person: str | None, org: str | None) -> tuple[str, dict]:
    if org is not None:
        return "?post org:postIn ?org .", {"org": iri(org)}
    assert person is not None
    return "", {"person": iri(person)}


def posts(
    store: Readable, person: str | None, held: list[dict], sources: Sources, org: str | None = None
) -> list[dict]:
    """One entry per tenure, and one per post whose only evidence is undated, with the
    attestations behind each; in date order."""
    scope, bindings = _scope(person, org)
    tenures: dict[str, dict] = {}
    for row in select(store, _TENURES.replace("{scope}", scope), bindings):
        tenure = tenures.setdefault(row["tenure"], {**row, "attestations": set()})
        tenure["attestations"].add(row["a"])
    evidence = {row["a"]: row for row in held}
    sources.load(row["report"] for row in held)
    entries, placed = [], set()
    for tenure in tenures.values():
        rows = [evidence[a] for a in sorted(tenure["attestations"]) if a in evidence]
        if not rows:
            continue
        placed |= tenure["attestations"]
        entries.append(_entry(rows, sources, tenure))
    undated: dict[tuple, list[dict]] = defaultdict(list)
    for row in held:
        if row["a"] not in placed:
            undated[row["post"], row["person"]].append(row)
    entries.extend(_entry(rows, sources, None) for rows in undated.values())
    entries.sort(
        key=lambda e: (*by_date(e, "first_evidence"), e["last_evidence"] or "", e["post"]["title"])
    )
    return entries


def _entry(rows: list[dict], sources: Sources, tenure: dict | None) -> dict:
    first = rows[0]
    rows = sorted(rows, key=by_date)
    return {
        "id": None,
        "iri": None,
        **(node(tenure["tenure"]) if tenure else {}),
        "holder": node(first["person"], name=first["person_name"]),
        "post": node(first["post"], title=first["title"], label=first["post_label"]),
        "organization": node(first["org"], label=first["org_label"]),
        "first_evidence": tenure and tenure["first"],
        "last_evidence": tenure and tenure["last"],
        "opened_by_election": bool(tenure and tenure["opened"]),
        "predecessor": tenure and node(tenure["before"], name=tenure["before_name"]),
        "successor": tenure and node(tenure["after"], name=tenure["after_name"]),
        "evidence": [
            {
                **node(r["a"]),
                "event": event_of(r),
                "as_written": r["as_written"],
                "elected": bool(r["elected"]),
                "source": sources.cite(r["report"], r["start"], r["end"]),
            }
            for r in rows
        ],
    }


def participation_rows(store: Readable, person: str) -> list[dict]:
    rows = with_kinds(store, select(store, _PARTICIPATIONS, {"person": iri(person)}))
    scope = "?mention pg:mentionOf ?person . ?part pg:participant ?mention ."
    acts = select(store, ACTS.replace("{scope}", scope), {"person": iri(person)})
    by_part: dict[str, list[str]] = defaultdict(list)
    for act in acts:
        by_part[act["part"]].append(act["act"])
    return [{**row, "acts": by_part[row["part"]]} for row in rows]


def events(rows: list[dict], held: list[dict], sources: Sources) -> list[dict]:
    """Each event the person took part in: what they did, the posts they held there."""
    posts_at: dict[str, list[str]] = defaultdict(list)
    for row in held:
        if row["post_label"] not in posts_at[row["event"]]:
            posts_at[row["event"]].append(row["post_label"])
    found = [
        {
            **node(row["part"]),
            "event": event_of(row),
            "acts": row["acts"],
            "posts": sorted(posts_at[row["event"]]),
            "source": sources.cite(row["report"], row["start"], row["end"]),
        }
        for row in rows
    ]
    return sorted(found, key=lambda e: (*by_date(e["event"]), e["event"]["iri"]))


def speech_rows(store: Readable, person: str) -> list[dict]:
    return with_kinds(store, select(store, _SPEECHES, {"person": iri(person)}))


def speeches(rows: list[dict], sources: Sources) -> list[dict]:
    found = [
        {
            **node(row["speech"]),
            "event": event_of(row),
            "kind": row["speech_kind"],
            "topic": row["topic"],
            "capacity": row["capacity"],
            "source": sources.cite(row["report"], row["start"], row["end"]),
        }
        for row in rows
    ]
    return sorted(found, key=lambda s: (*by_date(s["event"]), s["source"]["start"] or 0))
