"""The answers about bodies: found by name; one body with its posts' holders over time, its
members (its own and its sub-bodies'), its sub-bodies and the events it organised
(``/api/organizations``, the body's page)."""

from __future__ import annotations

from collections import defaultdict

from polgraph.server.answers import careers
from polgraph.server.answers.content import Content
from polgraph.server.answers.evidence import Sources
from polgraph.server.answers.graph import Readable, iri, named_query, select, streamed
from polgraph.server.answers.ids import iri_for, node, not_found
from polgraph.server.answers.linked_data import describe, wants_linked_data
from polgraph.server.answers.search import Names, page
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table

# Every body's names, as organizations_answer lists them, read whole (see tables.py).
_NAMES = """SELECT DISTINCT ?org ?label (LCASE(?label) AS ?key) WHERE {
  ?org a pg:Organization ; rdfs:label ?label }"""
_HEAD = """
SELECT ?label ?kind ?body_type ?unit ?unit_label WHERE {
  ?org a pg:Organization ; rdfs:label ?label .
  OPTIONAL { ?org a ?class . ?class rdfs:label ?kind
             FILTER (?class != pg:Organization && LANG(?kind) = "en") }
  OPTIONAL { ?org pg:bodyType/skos:prefLabel ?body_type FILTER (LANG(?body_type) = "vi") }
  OPTIONAL { ?org pg:jurisdiction ?unit . ?unit rdfs:label ?unit_label }
}"""
_PARENTS = """SELECT DISTINCT ?other ?label WHERE {
  ?org org:subOrganizationOf ?other . ?other rdfs:label ?label } ORDER BY ?label"""
_CHILDREN = """SELECT DISTINCT ?other ?label WHERE {
  ?other org:subOrganizationOf ?org ; rdfs:label ?label }
ORDER BY ?label"""
_ORGANISED = """
SELECT DISTINCT ?event ?event_label ?date ?kind WHERE {
  ?event pg:organiser ?org ; rdfs:label ?event_label .
  OPTIONAL { ?event pg:date ?date } OPTIONAL { ?event a ?class . ?class pg:kindCode ?kind }
} ORDER BY (!BOUND(?date)) ?date ?event"""


def organizations_answer(store: Snapshot, q: str, limit: int, offset: int) -> dict:
    rows, total = table(store, ORGANIZATION_NAMES).page(q, offset, limit)
    return page([node(org, label=label) for _, org, label in rows], total, limit, offset)


def _names(store: Readable) -> Names:
    return Names((key, org, label) for org, label, key in streamed(store, _NAMES))


def organization_answer(
    store: Snapshot, organization_id: str, media_type: str | None
) -> dict | Content:
    """``get_organization``'s answer in ``media_type`` (JSON or JSON-LD; None: neither is
    acceptable)."""
    org = iri_for("organizations", organization_id)
    bound = {"org": iri(org)}
    found = select(store, _HEAD, bound)
    if not found:
        raise not_found("organizations", organization_id)
    if wants_linked_data(media_type):
        return describe(store, org)
    top = found[0]
    held = careers.attestations(store, org=org)
    return {
        **node(org, label=top["label"], kind=top["kind"], body_type=top["body_type"]),
        "jurisdiction": node(top["unit"], label=top["unit_label"]),
        "parents": [node(r["other"], label=r["label"]) for r in select(store, _PARENTS, bound)],
        "sub_bodies": [node(r["other"], label=r["label"]) for r in select(store, _CHILDREN, bound)],
        "posts": _posts(careers.posts(store, None, held, Sources(store), org=org)),
        "members": [
            {
                "person": node(r["person"], name=r["person_name"]),
                "post": r["post_label"],
                "body": r["post_org_label"],
                "first_seen": r["first_seen"],
                "last_seen": r["last_seen"],
                "attestations": r["attestations"],
            }
            for r in named_query(store, "org-members", {"org": org})
        ],
        "events": [careers.event_of(r) for r in select(store, _ORGANISED, bound)],
    }


def _posts(entries: list[dict]) -> list[dict]:
    """The body's posts by title, each with its holders in date order."""
    posts: dict[str, dict] = {}
    holders: dict[str, list[dict]] = defaultdict(list)
    for entry in entries:
        posts.setdefault(entry["post"]["iri"], entry["post"])
        holders[entry["post"]["iri"]].append(
            {k: v for k, v in entry.items() if k not in ("post", "organization")}
        )
    return [
        {"post": post, "holders": holders[key]}
        for key, post in sorted(posts.items(), key=lambda item: item[1]["title"])
    ]


ORGANIZATION_NAMES = register("organization names", _names)
