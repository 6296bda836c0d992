"""What the lists need to know of every body and of who held its posts, read once per snapshot:
a body's name, type, unit and parent bodies; each person's posts, with their types and bodies.

Each property is its own query, joined here: a few thousand bodies and tenures at most, which
a dictionary joins in milliseconds, where one query of OPTIONALs would have the store join
whole columns (see graph.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from polgraph.server.answers.graph import Readable
from polgraph.server.answers.list_labels import labels_of
from polgraph.server.answers.pairs import first_values, read_rows
from polgraph.server.answers.snapshot import Snapshot
from polgraph.server.answers.tables import register, table

_NAMES = "SELECT ?org ?label WHERE { ?org a pg:Organization ; rdfs:label ?label }"
_PAIRS = "SELECT ?org ?value WHERE { ?org a pg:Organization ; {property} ?value }"
_HELD = "SELECT ?person ?post WHERE { ?tenure pg:holder ?person ; pg:post ?post }"
_POSTS = "SELECT ?post ?value WHERE { ?post a pg:Post ; {property} ?value }"


@dataclass(frozen=True, slots=True)
class Body:
    iri: str
    label: str
    body_type: str | None  # the body-type vocabulary's code
    jurisdiction: str | None  # a unit's IRI
    parents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Held:
    """A post a person held (one or more tenures): its type's code and its body."""

    person: str
    post: str
    post_type: str | None
    body: str | None


class Bodies:
    """Every body by IRI, and the posts each person held."""

    def __init__(self, bodies: dict[str, Body], held: list[Held]) -> None:
        self.by_iri = bodies
        self.held = held
        children: dict[str, set[str]] = defaultdict(set)
        for body in bodies.values():
            for parent in body.parents:
                children[parent].add(body.iri)
        self._children = dict(children)

    def with_sub_bodies(self, iri: str) -> set[str]:
        """The body and every body under it (``org:subOrganizationOf*``)."""
        found, todo = {iri}, [iri]
        while todo:
            for child in self._children.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    @classmethod
    def read(cls, store: Snapshot) -> Bodies:
        codes = labels_of(store).codes
        labels = first_values(read_rows(store, _NAMES))
        first = {name: _firsts(store, _PAIRS, prop) for name, prop in _BODY_PROPERTIES}
        parents: dict[str, set[str]] = defaultdict(set)
        for org, parent in read_rows(store, _PAIRS.replace("{property}", "org:subOrganizationOf")):
            parents[org].add(parent)
        bodies = {
            org: Body(
                iri=org,
                label=label,
                body_type=codes.get(first["body_type"].get(org, "")),
                jurisdiction=first["jurisdiction"].get(org),
                parents=tuple(sorted(parents.get(org, ()))),
            )
            for org, label in labels.items()
        }
        post_types = _firsts(store, _POSTS, "pg:postType")
        post_bodies = _firsts(store, _POSTS, "org:postIn")
        held = sorted(
            {
                Held(person, post, codes.get(post_types.get(post, "")), post_bodies.get(post))
                for person, post in read_rows(store, _HELD)
            },
            key=lambda h: (h.person, h.post),
        )
        return cls(bodies, held)


_BODY_PROPERTIES = (("body_type", "pg:bodyType"), ("jurisdiction", "pg:jurisdiction"))


def _firsts(store: Readable, query: str, prop: str) -> dict[str, str]:
    """Each subject's first value of ``prop`` (see pairs.py)."""
    return first_values(read_rows(store, query.replace("{property}", prop)))


def bodies_of(store: Snapshot) -> Bodies:
    return table(store, BODIES)


BODIES = register("bodies", Bodies.read)
