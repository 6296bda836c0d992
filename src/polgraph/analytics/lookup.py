"""Names to IRIs: the persons, places, bodies and posts that arguments name.

Each accepts an IRI, the last segment of one, or the name as people write it (compared by
``name_key``: case, tone-mark placement and spacing do not matter; places and bodies may be
typed without accents too, read as ``polgraph.text.accents`` reads them). A name two persons
share is ambiguous and says which IRIs to choose from.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from polgraph.analytics.descriptions import describe
from polgraph.analytics.errors import AnalysisError, NotFoundError
from polgraph.analytics.rows import iri, literal, select, values_block
from polgraph.namespaces import ID, PG
from polgraph.store.base import QueriedStore
from polgraph.text.accents import loose_word_pattern, spelt_as
from polgraph.text.normalise import name_key, normalise_label

if TYPE_CHECKING:
    from polgraph.vocab import Vocabulary


def _is_iri(ref: str) -> bool:
    return ref.startswith(("http://", "https://", "urn:"))


def find_person(store: QueriedStore, ref: str) -> str:
    """The person ``ref`` names: a pg:Person, or a mention when its identity is not resolved."""
    ref = ref.strip()
    if not ref:
        raise AnalysisError("name a person: an IRI, the end of one, or a name")
    if _is_iri(ref):
        rows = select(
            store,
            f"SELECT ?p WHERE {{ BIND({iri(ref)} AS ?p) "
            "?p a ?cls VALUES ?cls { pg:Person pg:PersonMention } }",
        )
    else:
        key = literal(name_key(ref))
        slug = (
            ""
            if " " in ref
            else f"""UNION {{ ?p a pg:Person .
                   FILTER (STRENDS(STR(?p), {literal("/" + ref.rstrip("/").rsplit("/", 1)[-1])}))
                 }}"""
        )
        rows = select(
            store,
            f"""SELECT DISTINCT ?p WHERE {{
          {{ ?p pg:nameKey {key} ; a pg:Person }} {slug}
          UNION {{ ?p pg:nameKey {key} ; a pg:PersonMention
                   FILTER NOT EXISTS {{ ?p pg:mentionOf ?someone }} }}
        }}""",
        )
    found = sorted({r[0] for r in rows})
    if not found:
        raise NotFoundError(f"no person {ref!r} in the store")
    if len(found) > 1:
        described = "; ".join(
            f"{p} ({', '.join(reports)})" for p, reports in _reports_of(store, found)
        )
        raise AnalysisError(f"{len(found)} persons are named {ref!r}; give one IRI: {described}")
    return found[0]


def _reports_of(store: QueriedStore, persons: list[str]) -> list[tuple[str, list[str]]]:
    rows = select(
        store,
        f"""SELECT DISTINCT ?p ?key WHERE {{ {values_block("p", persons)}
      ?m pg:mentionOf? ?p . ?part pg:participant ?m ; pg:source/pg:reportKey ?key . }}""",
    )
    found: dict[str, list[str]] = defaultdict(list)
    for person, key in rows:
        found[person].append(key)
    return [(p, sorted(found[p])) for p in persons]


def _spellings(ref: str) -> list[str]:
    """How a label the user types may be stored: normalised, and with a capital first letter
    (official units are "Xã Cẩm Lộc")."""
    label = normalise_label(ref)
    return sorted({label, label[:1].upper() + label[1:]})


def _labelled(store: QueriedStore, ref: str, kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    """(node, label) of the nodes whose IRI starts with one of ``kinds`` (under id/) and whose
    label is ``ref`` as stored; failing that, every such node, for the caller to compare."""
    prefixes = " || ".join(f"STRSTARTS(STR(?node), {literal(str(ID) + k)})" for k in kinds)
    exact = " ".join(literal(s) for s in _spellings(ref))
    rows = list(
        select(
            store,
            f"SELECT DISTINCT ?node ?label WHERE {{ VALUES ?label {{ {exact} }} "
            f"?node rdfs:label ?label FILTER ({prefixes}) }}",
        )
    )
    if rows:
        return rows
    # A full scan of the labels: slower, only when the exact spelling was not found.
    return list(
        select(
            store,
            f"SELECT DISTINCT ?node ?label WHERE {{ ?node rdfs:label ?label FILTER ({prefixes}) }}",
        )
    )


def find_areas(store: QueriedStore, ref: str) -> tuple[str, ...]:
    """The areas ``ref`` names: an IRI, an official code, or a name with or without its level
    word and accents ("xã Cẩm Lộc", "Cẩm Lộc", "xa cam loc"); a name several units share
    selects them all. A name the store's units do not carry is looked up among the bodies named
    after it and the official units' former names."""
    ref = ref.strip()
    if _is_iri(ref):
        return (ref,)
    if ref.isdigit():
        found = {
            r[0]
            for r in select(
                store, f"SELECT DISTINCT ?a WHERE {{ ?a pg:officialCode {literal(ref)} }}"
            )
        }
    else:
        from polgraph.vocab import vocabulary

        vocab = vocabulary()
        found = {
            area
            for area, label in _labelled(store, ref, ("unit/", "area/"))
            if _names_place(ref, label, vocab)
        }
        found = found or _named_by_bodies(store, ref) or _official_unit(store, ref)
    if not found:
        raise NotFoundError(
            f"no place {ref!r} in the store (give a name, an official code or an IRI)"
        )
    return tuple(sorted(found))


def _names_place(ref: str, label: str, vocab: Vocabulary) -> bool:
    """Whether ``ref`` names the place called ``label``, with its level word or without."""
    split = vocab.area_level(label)
    return spelt_as(ref, label) or (split is not None and spelt_as(ref, split[1]))


def _named_by_bodies(store: QueriedStore, ref: str) -> set[str]:
    """The units of the bodies named after the place: "Ủy ban nhân dân xã Xuân Hòa" serves the
    commune the official lists call Xuân Phúc, so "xã Xuân Hòa" finds it."""
    from polgraph.vocab import vocabulary

    vocab = vocabulary()
    # The store narrows the bodies to those whose name ends with the place's last word.
    ending = literal(loose_word_pattern(normalise_label(ref).split(" ")[-1]) + "$")
    named = set()
    for body, label in select(
        store,
        "SELECT DISTINCT ?o ?label WHERE { ?o rdfs:label ?label "
        f"FILTER (STRSTARTS(STR(?o), {literal(str(ID) + 'org/')}) "
        f"&& REGEX(LCASE(?label), {ending})) }}",
    ):
        found = vocab.body_type(label)
        place = found[1] if found else ""
        if place and _names_place(ref, place, vocab):
            named.add(body)
    units = describe(store, named, {"unit": str(PG.jurisdiction)})
    return {d["unit"] for d in units.values() if "unit" in d}


def _official_unit(store: QueriedStore, ref: str) -> set[str]:
    from polgraph.places.gazetteer import admin_units
    from polgraph.rdf import iris

    unit = admin_units().resolve(ref)
    if unit is None:
        return set()
    node = str(iris.unit(unit.structure, unit.level, unit.code))
    return {node} if describe(store, [node], {"code": str(PG.officialCode)})[node] else set()


def find_bodies(store: QueriedStore, ref: str) -> tuple[str, ...]:
    """The body ``ref`` names: an IRI, or its name as reports write it ("UBND xã Cẩm Lộc"),
    accents optional ("ubnd xa cam loc")."""
    ref = ref.strip()
    if _is_iri(ref):
        return (ref,)
    from polgraph.rdf.mapping import organization_label
    from polgraph.vocab import vocabulary

    spelt = organization_label(ref, vocabulary())  # "UBND xã X" is stored as "Ủy ban nhân dân xã X"
    found = {
        o
        for o, label in _labelled(store, spelt, ("org/",))
        if spelt_as(ref, label) or spelt_as(spelt, label)
    }
    if not found:
        raise NotFoundError(
            f"no body {ref!r} in the store (give its name as reports write it, or its IRI)"
        )
    return tuple(sorted(found))


def find_posts(
    store: QueriedStore, ref: str, bodies: tuple[str, ...] | None = None
) -> tuple[str, ...]:
    """The posts ``ref`` names: a post IRI, a post-type IRI of the vocabulary, or a title
    ("Chủ tịch"), within ``bodies`` when given."""
    ref = ref.strip()
    scope = "" if bodies is None else values_block("body", bodies) + " ?post org:postIn ?body ."
    if _is_iri(ref):
        test = (
            f"{{ BIND({iri(ref)} AS ?post) ?post a pg:Post }} "
            f"UNION {{ ?post pg:postType {iri(ref)} }}"
        )
        found = {r[0] for r in select(store, f"SELECT DISTINCT ?post WHERE {{ {test} {scope} }}")}
    else:
        wanted = name_key(ref)
        exact = " ".join(literal(s) for s in _spellings(ref))
        rows = list(
            select(
                store,
                f"SELECT DISTINCT ?post ?title WHERE {{ {scope} VALUES ?title {{ {exact} }} "
                "?post pg:postTitle ?title }",
            )
        )
        rows = rows or list(
            select(
                store, f"SELECT DISTINCT ?post ?title WHERE {{ {scope} ?post pg:postTitle ?title }}"
            )
        )
        found = {post for post, title in rows if name_key(title) == wanted}
    if not found:
        where = "" if bodies is None else " in that body"
        raise NotFoundError(f"no post {ref!r}{where} in the store")
    return tuple(sorted(found))
