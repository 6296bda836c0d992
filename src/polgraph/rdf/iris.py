"""Deterministic IRIs: the same facts always give the same IRIs, whatever the order of ingest.

Report-scoped things (the event, attestations, participations, speeches, spans) hang off the
report's content hash. Bodies, posts, places, terms and documents are named by their normalised
names, and by the official unit or body they belong to when there is one, so every report that
mentions "Ủy ban nhân dân xã Cẩm Lộc" points at one node, and its namesake in another province at
another. What such a node is follows from its IRI alone, which is what lets the store keep one
description of it for all reports.
Persons are named per report (a mention); identity resolution links mentions to persons whose
IRIs come from the name and where it was found (see ``polgraph.identity.persons``).
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from polgraph.namespaces import ID
from polgraph.text.normalise import name_key, normalise_label, slug, stable_slug


def content_hash(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _short(*parts: str, length: int = 12) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def report(digest: str) -> URIRef:
    return ID[f"report/{digest[:24]}"]


def event(digest: str) -> URIRef:
    return ID[f"event/{digest[:24]}"]


def person(digest: str, name: str) -> URIRef:
    return ID[f"person/{stable_slug(name_key(name))}-{digest[:8]}"]


def organization(name: str, unit: str | None = None) -> URIRef:
    """A body by its spelt-out name, within the official unit (``structure/level/code``) its
    name places it in, when the report's place settles one."""
    if unit is None:
        return ID[f"org/{stable_slug(name)}"]
    return ID[f"org/{slug(name)[:60].strip('-')}-{_short(normalise_label(name), unit, length=8)}"]


def post(title: str, body: URIRef | None) -> URIRef:
    scope = str(body).rsplit("/", 1)[-1] if body is not None else "unattached"
    return ID[f"post/{scope}/{stable_slug(title, length=6)}"]


def attestation(digest: str, person_iri: URIRef, post_iri: URIRef) -> URIRef:
    return ID[f"attestation/{digest[:16]}-{_short(str(person_iri), str(post_iri))}"]


def participation(digest: str, person_iri: URIRef) -> URIRef:
    return ID[f"participation/{digest[:16]}-{_short(str(person_iri))}"]


def speech(digest: str, person_iri: URIRef, index: int) -> URIRef:
    return ID[f"speech/{digest[:16]}-{_short(str(person_iri))}-{index}"]


def area(name: str, inside: str | None = None) -> URIRef:
    """An area the official lists do not name, by its level and name ("thôn Làng Mới"), scoped by
    the official unit it lies in when that is known; other parents are linked, not encoded."""
    if inside is None:
        return ID[f"area/{stable_slug(name)}"]
    return ID[f"area/{stable_slug(name)}-{_short(normalise_label(name), inside, length=8)}"]


def unit(structure: str, level: str, code: str) -> URIRef:
    """An official administrative unit: its code is its name ("unit/legacy/commune/18730")."""
    return ID[f"unit/{structure}/{level}/{code}"]


def term(start: int, end: int) -> URIRef:
    return ID[f"term/{start}-{end}"]


def document(
    number: str, issuer: str | None, digest: str, kind: str | None = None, issued: str | None = None
) -> URIRef:
    # Numbers repeat across issuers ("93-KH/HU" exists in many districts) and years, so the
    # issuer (its IRI) and what the report says of the document scope them; with no issuer
    # known, the citing report does.
    scope = [issuer, kind or "", issued or ""] if issuer else [digest]
    return ID[f"document/{stable_slug(number, length=4)}-{_short(normalise_label(number), *scope)}"]


def span(report_iri: URIRef, start: int, end: int) -> URIRef:
    return URIRef(f"{report_iri}#span-{start}-{end}")
