"""The persons, events, bodies, places and post types a parameter names, as people name them.

A reference is taken in any of the forms a user has at hand: the node's IRI; the address of its
page or the id in it (``/persons/<id>``, ``<id>``, the older short form ``person/<id>``); or its
name as the pages show it (a person's name, a body's, place's or event's label, a post type's
title), compared as people type names: case, spacing and tone-mark placement do not matter and
accents are optional ("tran thi mai" finds "Trần Thị Mai", as ``polgraph.text.accents`` reads
them). A body may be written as reports write it ("UBND xã Hòa Bình"), a place without its level
word ("Hòa Bình").

Exactly one node found is the answer; several are an ``AmbiguousEntity`` listing them, with what
tells them apart; none is an ``UnknownEntity``. The command line, the library and the query page
all resolve through ``resolve_entity``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from polgraph.errors import QueryError
from polgraph.namespaces import ID, POST, PREFIXES
from polgraph.store.base import QueriedStore
from polgraph.text.accents import loose_word_pattern, spelt_as
from polgraph.text.normalise import fold_diacritics, normalise_label

_HEADER = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
# What an id in a page's address is made of (``polgraph.server.answers.ids``): slugs and hashes.
_ID = re.compile(r"[A-Za-z0-9._~-]{1,200}")
_PLACE_ID = re.compile(r"(?:unit|area)/[A-Za-z0-9._/-]{1,200}")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# Candidates' details name at most this many posts each.
_DETAIL_POSTS = 3


@dataclass(frozen=True)
class EntityKind:
    """A kind of node parameters name: where its IRIs live and what it is called by."""

    name: str  # the parameter type naming it in a query's header ("person")
    noun: str  # for messages ("person", "body")
    plural: str
    prefixes: tuple[str, ...]  # every IRI of the kind starts with one of these
    id_base: str  # taken off an IRI to give the id the site shows
    page: str | None  # the pages' route ("persons"): /persons/<id>
    typed: str  # a pattern that holds for ?node when it is of the kind
    called: str  # the property path to its names
    exact_names: bool = True  # names stored as plain strings, found by value

    def id_of(self, iri: str) -> str:
        """The id the site shows for ``iri`` (the end of its page's address)."""
        return iri.removeprefix(self.id_base)

    def iri_for_id(self, ident: str) -> str | None:
        """The IRI an id of this kind stands for, or None when ``ident`` is not one."""
        if self.name == "place":
            return self.id_base + ident if _PLACE_ID.fullmatch(ident) else None
        return self.id_base + ident if _ID.fullmatch(ident) else None


PERSON = EntityKind(
    "person",
    "person",
    "persons",
    (f"{ID}person/",),
    f"{ID}person/",
    "persons",
    "?node a pg:Person .",
    "pg:name",
)
EVENT = EntityKind(
    "event", "event", "events", (f"{ID}event/",), f"{ID}event/", "events", "", "rdfs:label"
)
ORG = EntityKind(
    "org",
    "body",
    "bodies",
    (f"{ID}org/",),
    f"{ID}org/",
    "organizations",
    "?node a pg:Organization .",
    "rdfs:label",
)
PLACE = EntityKind(
    "place", "place", "places", (f"{ID}unit/", f"{ID}area/"), str(ID), "places", "", "rdfs:label"
)
POST_TYPE = EntityKind(
    "post_type",
    "post",
    "posts",
    (str(POST),),
    str(POST),
    None,
    "?node a pg:PostType .",
    "skos:prefLabel|skos:altLabel",
    exact_names=False,  # labels carry a language tag: they are compared, not looked up
)
KINDS: dict[str, EntityKind] = {kind.name: kind for kind in (PERSON, EVENT, ORG, PLACE, POST_TYPE)}
# An ``iri`` parameter with one of these names takes that kind (the queries' headers say
# "# param: org iri required — the body").
_PARAMETER_KINDS = {
    "person": PERSON,
    "event": EVENT,
    "org": ORG,
    "organization": ORG,
    "body": ORG,
    "place": PLACE,
    "unit": PLACE,
    "area": PLACE,
    "post_type": POST_TYPE,
}


def kind_of_parameter(name: str, declared: str) -> EntityKind | None:
    """The kind of node a parameter takes: its declared type when that is a kind ("person"),
    else the kind its name says for an ``iri`` parameter ("org"); None for any other."""
    if declared in KINDS:
        return KINDS[declared]
    return _PARAMETER_KINDS.get(name) if declared == "iri" else None


@dataclass(frozen=True)
class Candidate:
    """One node a reference may mean: its IRI, name, id on the site, and what sets it apart."""

    iri: str
    label: str
    id: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.id}: {self.label}" + (f" — {self.detail}" if self.detail else "")


class UnknownEntity(QueryError):
    """No node of the kind goes by the reference."""

    def __init__(self, kind: EntityKind, ref: str, parameter: str | None = None) -> None:
        self.kind, self.ref, self.parameter = kind, ref, parameter
        if _SCHEME.match(ref) or "/" in ref:
            what = f"no {kind.noun} {ref!r} in the store"
        else:
            what = f"no {kind.noun} named {ref!r} in the store"
        super().__init__(f"{_prefix(parameter)}{what} ({_hint(kind)})")

    def detail(self) -> dict[str, Any]:
        """The error as plain values, for a page to word it."""
        return {"kind": self.kind.name, "ref": self.ref, "parameter": self.parameter}


class AmbiguousEntity(QueryError):
    """Several nodes of the kind go by the reference: ``candidates`` are they."""

    def __init__(
        self,
        kind: EntityKind,
        ref: str,
        candidates: list[Candidate],
        parameter: str | None = None,
    ) -> None:
        self.kind, self.ref, self.candidates, self.parameter = kind, ref, candidates, parameter
        listed = "".join(f"\n  {candidate}" for candidate in candidates)
        super().__init__(
            f"{_prefix(parameter)}{len(candidates)} {kind.plural} are named {ref!r}; "
            f"give one by its id:{listed}"
        )

    def detail(self) -> dict[str, Any]:
        """The error as plain values, for a page to word it and offer the candidates."""
        return {
            "kind": self.kind.name,
            "ref": self.ref,
            "parameter": self.parameter,
            "candidates": [asdict(candidate) for candidate in self.candidates],
        }


def _prefix(parameter: str | None) -> str:
    return f"parameter {parameter}: " if parameter else ""


def _hint(kind: EntityKind) -> str:
    if kind.page is None:
        return "give its name or its IRI"
    return "give a name, the id in its page's address, or its IRI"


def resolve_entity(
    store: QueriedStore, kind: EntityKind, ref: str, *, parameter: str | None = None
) -> str:
    """The IRI of the one node of ``kind`` that ``ref`` names (an IRI, a page's address or the
    id in it, or a name). ``UnknownEntity`` when none does, ``AmbiguousEntity`` when several
    do, ``QueryError`` when ``ref`` is empty; ``parameter`` is named in their messages."""
    text = ref.strip()
    if not text:
        raise QueryError(f"{_prefix(parameter)}name a {kind.noun} ({_hint(kind)})")
    reference = reference_iri(kind, text)
    if reference is not None:
        if _exists(store, kind, reference):
            return reference
        if _SCHEME.match(text) or "/" in text:  # an address, never a name
            raise UnknownEntity(kind, text, parameter)
    found = named(store, kind, text)
    if not found:
        raise UnknownEntity(kind, text, parameter)
    if len(found) > 1:
        raise AmbiguousEntity(kind, text, describe(store, kind, found), parameter)
    return next(iter(found))


def reference_iri(kind: EntityKind, text: str) -> str | None:
    """The IRI ``text`` stands for when it is one, the address of a page or the id in it;
    None when it can only be a name. Nothing is looked up."""
    if _SCHEME.match(text):
        if text.startswith(kind.prefixes) or not text.lower().startswith(("http:", "https:")):
            return text
        path = urlsplit(text).path
        return _from_path(kind, path) or text
    return _from_path(kind, text) or kind.iri_for_id(text)


def _from_path(kind: EntityKind, path: str) -> str | None:
    """A page's path ("/persons/<id>", "/api/persons/<id>", "/places/unit/…") or the short form
    of an IRI ("person/<id>") as the IRI it names."""
    rest = path.strip().removeprefix("/").removeprefix("api/")
    if kind.page is not None and rest.startswith(kind.page + "/"):
        return kind.iri_for_id(rest[len(kind.page) + 1 :].strip("/"))
    for prefix in kind.prefixes:
        if prefix.startswith(str(ID)) and rest.startswith(prefix.removeprefix(str(ID))):
            return str(ID) + rest
    return None


def _exists(store: QueriedStore, kind: EntityKind, iri: str) -> bool:
    if not iri.startswith(kind.prefixes):
        return False
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise QueryError(f"{iri!r} is not an IRI") from None
    rows = _select(
        store,
        f"SELECT ?node WHERE {{ VALUES ?node {{ {node} }} {kind.typed} "
        f"?node {kind.called} ?name }} LIMIT 1",
    )
    return bool(rows)


def named(store: QueriedStore, kind: EntityKind, text: str) -> dict[str, str]:
    """The nodes of ``kind`` whose name ``text`` is, accents optional, each with that name: the
    names stored as written first (the store finds them by value); failing that, every name
    sharing the last word of ``text``, compared here."""
    spellings = _spellings(kind, text)
    if kind.exact_names:
        exact = " ".join(str(ox.Literal(spelling)) for spelling in sorted(spellings))
        found = _names_of(
            store, kind, f"VALUES ?name {{ {exact} }} ?node {kind.called} ?name . {kind.typed}"
        )
        if found:
            return {node: names[0] for node, names in found.items()}
    last_word = fold_diacritics(normalise_label(text)).split(" ")[-1]
    narrowed = str(ox.Literal(loose_word_pattern(last_word)))
    found = _names_of(
        store,
        kind,
        f"?node {kind.called} ?name . {kind.typed} FILTER (REGEX(LCASE(STR(?name)), {narrowed}))",
    )
    matched = {
        node: [name for name in names if _names(kind, spellings, name)]
        for node, names in found.items()
    }
    return {node: names[0] for node, names in matched.items() if names}


def _spellings(kind: EntityKind, text: str) -> set[str]:
    """How the name ``text`` may be stored: as typed, with capitals, and, for a body written
    as reports write it ("UBND xã X"), spelt out as its node is labelled."""
    label = normalise_label(text)
    spellings = {label, label[:1].upper() + label[1:], label.title()}
    if kind is ORG:
        from polgraph.rdf.mapping import organization_label
        from polgraph.vocab import vocabulary

        spellings.add(organization_label(label, vocabulary()))
    return spellings


def _names(kind: EntityKind, spellings: Iterable[str], stored: str) -> bool:
    """Whether one of the ``spellings`` names what is called ``stored``; a place also without
    its level word ("Hòa Bình" for "Xã Hòa Bình")."""
    called = [stored]
    if kind is PLACE:
        from polgraph.vocab import vocabulary

        split = vocabulary().area_level(stored)
        if split is not None:
            called.append(split[1])
    return any(spelt_as(spelling, name) for spelling in spellings for name in called)


def _names_of(store: QueriedStore, kind: EntityKind, pattern: str) -> dict[str, list[str]]:
    """The nodes of ``kind`` that ``pattern`` finds (binding ?node and ?name), each with the
    names it found them by, in order."""
    prefixes = " || ".join(f'STRSTARTS(STR(?node), "{prefix}")' for prefix in kind.prefixes)
    rows = _select(
        store,
        f"SELECT DISTINCT ?node ?name WHERE {{ {pattern} FILTER ({prefixes}) }} ORDER BY ?name",
    )
    found: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        found[row["node"]].append(row["name"])
    return dict(found)


def describe(store: QueriedStore, kind: EntityKind, found: dict[str, str]) -> list[Candidate]:
    """The nodes ``found`` (IRI → name) as candidates to choose from, with what tells them
    apart: a person's posts and years, an event's date and place, a body's place, a place's
    parent unit."""
    details = _DETAILS.get(kind.name)
    told: dict[str, str] = details(store, sorted(found)) if details else {}
    return [
        Candidate(iri, found[iri], kind.id_of(iri), told.get(iri, ""))
        for iri in sorted(found, key=lambda node: (found[node], node))
    ]


def _values(nodes: list[str]) -> str:
    return "VALUES ?node { " + " ".join(str(ox.NamedNode(node)) for node in nodes) + " }"


def _person_details(store: QueriedStore, nodes: list[str]) -> dict[str, str]:
    rows = _select(
        store,
        f"""SELECT DISTINCT ?node ?title ?body ?first ?last WHERE {{ {_values(nodes)}
          ?tenure pg:holder ?node ; pg:post ?post ;
                  pg:firstEvidence ?first ; pg:lastEvidence ?last .
          ?post pg:postTitle ?title . OPTIONAL {{ ?post org:postIn/rdfs:label ?body }}
        }} ORDER BY ?node ?first ?title""",
    )
    posts: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        years = sorted({row["first"][:4], row["last"][:4]})
        held = ", ".join(part for part in (row["title"], row.get("body")) if part)
        posts[row["node"]].append(f"{held} ({'–'.join(years)})")
    return {
        node: "; ".join(held[:_DETAIL_POSTS]) + ("; …" if len(held) > _DETAIL_POSTS else "")
        for node, held in posts.items()
    }


def _joined(
    store: QueriedStore, nodes: list[str], shown: tuple[str, ...], optionals: str
) -> dict[str, str]:
    """Each node's values of the variables ``shown`` that ``optionals`` bind, in order."""
    variables = " ".join(f"?{name}" for name in shown)
    rows = _select(
        store, f"SELECT DISTINCT ?node {variables} WHERE {{ {_values(nodes)} {optionals} }}"
    )
    told: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        for name in shown:
            if row.get(name) and row[name] not in told[row["node"]]:
                told[row["node"]].append(row[name])
    return {node: ", ".join(values) for node, values in told.items()}


def _event_details(store: QueriedStore, nodes: list[str]) -> dict[str, str]:
    return _joined(
        store,
        nodes,
        ("date", "place"),
        "OPTIONAL { ?node pg:date ?date } OPTIONAL { ?node pg:place/rdfs:label ?place }",
    )


def _org_details(store: QueriedStore, nodes: list[str]) -> dict[str, str]:
    return _joined(
        store,
        nodes,
        ("place", "above"),
        "OPTIONAL { ?node pg:jurisdiction ?unit . ?unit rdfs:label ?place "
        "OPTIONAL { ?unit pg:partOf/rdfs:label ?above } }",
    )


def _place_details(store: QueriedStore, nodes: list[str]) -> dict[str, str]:
    return _joined(store, nodes, ("above",), "OPTIONAL { ?node pg:partOf/rdfs:label ?above }")


_DETAILS = {
    "person": _person_details,
    "event": _event_details,
    "org": _org_details,
    "place": _place_details,
}


def _select(store: QueriedStore, sparql: str) -> list[dict[str, str]]:
    """A SELECT's rows over the union of graphs, each variable's value as text (unbound ones
    left out)."""
    results = store.query(_HEADER + sparql)
    columns = [variable.value for variable in results.variables]
    return [
        {column: row[column].value for column in columns if row[column] is not None}
        for row in results
    ]
