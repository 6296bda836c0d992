"""What the nodes a projection names are: labels, names, events' dates and places, posts'
labels and bodies — read in bulk, once per node, rather than repeated on every row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib.namespace import ORG, RDFS

from polgraph.analytics.rows import select, values_block
from polgraph.namespaces import PG
from polgraph.store.base import QueriedStore

_CHUNK = 1000  # IRIs per VALUES block
_BULK = 20_000  # above this many subjects, reading every value beats looking each up


def describe(
    store: QueriedStore,
    subjects: Iterable[str] | None,
    predicates: dict[str, str],
    bulk: dict[str, str] | None = None,
) -> dict[str, dict[str, str]]:
    """One value of each of ``predicates`` (name → full IRI) for each subject that has it.

    Shared nodes (posts, bodies, places) are described again in every report graph that names
    them, and the union of graphs repeats each copy: asked one predicate at a time, with
    DISTINCT (which drops copies before their terms are read), the rows grow with the copies
    rather than with their product. Above ``_BULK`` subjects, the ``bulk`` queries (each giving
    subject and value for one name) read every value at once instead, which is far quicker on a
    store on disk than looking each subject up; subjects they leave bare are looked up.
    ``subjects=None`` asks for every subject the bulk queries find (and looks up none)."""
    if subjects is None:  # every subject the bulk queries find
        everything: dict[str, dict[str, str]] = defaultdict(dict)
        for name, sparql in (bulk or {}).items():
            for subject, value in select(store, sparql):
                everything[subject].setdefault(name, value)
        return dict(everything)
    wanted = set(subjects)
    out: dict[str, dict[str, str]] = {s: {} for s in wanted}
    if bulk and len(wanted) > _BULK:
        for name, sparql in bulk.items():
            for subject, value in select(store, sparql):
                found = out.get(subject)
                if found is not None:
                    found.setdefault(name, value)
        wanted = {s for s, found in out.items() if not found}
    names = {iri: name for name, iri in predicates.items()}
    # A FILTER over each subject's few triples: a second VALUES block (for ?p) makes the store
    # plan the join forty times slower.
    wanted_predicates = ", ".join(f"<{p}>" for p in sorted(names))
    ordered = sorted(wanted)
    for start in range(0, len(ordered), _CHUNK):
        block = values_block("s", ordered[start : start + _CHUNK])
        for subject, predicate, value in select(
            store,
            f"SELECT DISTINCT ?s ?p ?o WHERE {{ {block} "
            f"?s ?p ?o FILTER (?p IN ({wanted_predicates})) }}",
        ):
            out[subject].setdefault(names[predicate], value)
    return out


_ALL_LABELS = "SELECT DISTINCT ?s ?o WHERE { ?s rdfs:label ?o }"


def labels(store: QueriedStore, iris: Iterable[str] | None) -> dict[str, str]:
    """The rdfs:label (or pg:name) of each IRI that has one."""
    found = describe(
        store, iris, {"label": str(RDFS.label), "name": str(PG.name)}, {"label": _ALL_LABELS}
    )
    return {s: d.get("label") or d["name"] for s, d in found.items() if d}


def names(store: QueriedStore, persons: Iterable[str] | None) -> dict[str, str]:
    """The name of each person (or of each mention standing for one); ``None``: of every person."""
    found = describe(
        store,
        persons,
        {"name": str(PG.name)},
        {"name": "SELECT ?s ?o WHERE { ?s a pg:Person ; pg:name ?o }"},
    )
    return {s: d["name"] for s, d in found.items() if d}


def event_details(store: QueriedStore, events: Iterable[str] | None) -> dict[str, dict[str, str]]:
    """Each event's ``date`` and ``place``, when it has them; ``None``: of every event."""
    return describe(
        store,
        events,
        {"date": str(PG.date), "place": str(PG.place)},
        {
            "date": "SELECT ?s ?o WHERE { ?s pg:date ?o }",
            "place": "SELECT ?s ?o WHERE { ?s pg:place ?o }",
        },
    )


def post_labels(store: QueriedStore, posts: Iterable[str] | None) -> dict[str, dict[str, str]]:
    """Each post's ``label`` ("Chủ tịch Ủy ban nhân dân xã X") and ``body``."""
    return describe(
        store,
        posts,
        {"label": str(RDFS.label), "body": str(ORG.postIn)},
        {"label": _ALL_LABELS, "body": "SELECT DISTINCT ?s ?o WHERE { ?s org:postIn ?o }"},
    )


def post_details(store: QueriedStore, posts: Iterable[str] | None) -> dict[str, dict[str, str]]:
    """Each post's title, body, body label, post type (when the vocabulary knows it) and label
    (title and body label, as the mapping labels posts)."""
    found = describe(
        store,
        posts,
        {"title": str(PG.postTitle), "body": str(ORG.postIn), "type": str(PG.postType)},
        {
            "title": "SELECT DISTINCT ?s ?o WHERE { ?s pg:postTitle ?o }",
            "body": "SELECT DISTINCT ?s ?o WHERE { ?s org:postIn ?o }",
            "type": "SELECT DISTINCT ?s ?o WHERE { ?s pg:postType ?o }",
        },
    )
    bodies = labels(store, {d["body"] for d in found.values() if "body" in d})
    for data in found.values():
        if "body" in data:
            data["body_label"] = bodies.get(data["body"], data["body"])
        title = data.get("title", "")
        data["label"] = f"{title} {data['body_label']}" if "body" in data else title
    return found
