"""The ontology and its SKOS vocabularies, read once, as lookup tables.

Every stage that needs to know a title, a kind of body, an act or an area level asks this
module, so the Turtle files under ``ontology/`` stay the one source of truth.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar, cast

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from polgraph import resources
from polgraph.namespaces import PG
from polgraph.text.normalise import normalise_label

_T = TypeVar("_T")


def match_key(text: str) -> str:
    """How labels are compared: normalised spelling, lower case."""
    return normalise_label(text).lower()


@dataclass(frozen=True)
class BodyType:
    concept: URIRef
    org_class: URIRef
    label: str
    level: str | None


@dataclass(frozen=True)
class AreaLevel:
    concept: URIRef
    area_class: URIRef
    word: str
    level: str


@dataclass
class Vocabulary:
    ontology: Graph
    vocab: Graph
    post_types: dict[str, URIRef] = field(default_factory=dict)
    body_labels: list[tuple[str, BodyType]] = field(default_factory=list)
    acts: dict[str, URIRef] = field(default_factory=dict)
    event_classes: dict[str, URIRef] = field(default_factory=dict)
    area_levels: list[tuple[str, AreaLevel]] = field(default_factory=list)
    _body_index: dict[str, BodyType] = field(default_factory=dict, repr=False)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, name: str, build: Callable[[Vocabulary], Any]) -> Any:
        """What is built from this vocabulary (the reader's lexicon), built on first use and kept
        with it, so that each ``Vocabulary`` is read once."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]

    def act_label(self, code: str, lang: str) -> str:
        """An act's label in ``lang`` (``vi`` or ``en``), or its code when it has none."""
        concept = self.acts.get(code)
        return _label_in(self.vocab, concept, SKOS.prefLabel, lang) or code

    def kind_label(self, code: str, lang: str) -> str:
        """An event kind's label in ``lang``, or its code when it has none."""
        event_class = self.event_classes.get(code)
        return _label_in(self.ontology, event_class, RDFS.label, lang) or code

    def post_type(self, title: str) -> URIRef | None:
        """The post concept for a normalised title, trying its longest known prefix."""
        key = match_key(title)
        while key:
            if key in self.post_types:
                return self.post_types[key]
            key = key.rpartition(" ")[0].rstrip(" -–,")
        return None

    def body_type(self, org_name: str) -> tuple[BodyType, str] | None:
        """The kind of body an organisation's name starts with (longest label first), and the
        rest of the name."""
        if not self._body_index:
            for label, known in self.body_labels:
                self._body_index.setdefault(label, known)
        label = normalise_label(org_name)
        words = label.lower().split(" ")
        for count in range(len(words), 0, -1):
            body = self._body_index.get(" ".join(words[:count]))
            if body is not None:
                rest = " ".join(label.split(" ")[count:]).strip(" -–,")
                return body, rest
        return None

    def area_level(self, phrase: str) -> tuple[AreaLevel, str] | None:
        """Split "xã Cẩm Lộc" into its level and the name ("Cẩm Lộc")."""
        key = match_key(phrase)
        for word, level in self.area_levels:
            if key.startswith(word + " "):
                return level, normalise_label(phrase)[len(word) :].strip()
        return None

    def ancestors(self) -> dict[URIRef, frozenset[URIRef]]:
        """Each polgraph class with its polgraph superclasses (transitively)."""
        out: dict[URIRef, frozenset[URIRef]] = {}
        for cls in set(_as_iris(self.ontology.subjects(RDFS.subClassOf, None))):
            if str(cls).startswith(str(PG)):
                out[cls] = frozenset(
                    _as_iris(
                        a
                        for a in self.ontology.transitive_objects(cls, RDFS.subClassOf)
                        if a != cls and str(a).startswith(str(PG))
                    )
                )
        return out

    def concept_types(self) -> dict[URIRef, URIRef]:
        """Each vocabulary concept a report may point at, with its vocabulary class."""
        return {
            concept: cls
            for cls in (PG.PostType, PG.BodyType, PG.ActType)
            for concept in _as_iris(self.vocab.subjects(RDF.type, cls))
        }


_LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)


def vi_labels(graph: Graph, concept: Node, *props: URIRef) -> list[str]:
    """A concept's Vietnamese (or untagged) labels under ``props`` (preferred, alternative and
    hidden labels when none is given), in that order: the one way the vocabularies are read."""
    return [
        str(label)
        for prop in (props or _LABELS)
        for label in graph.objects(concept, prop)
        if isinstance(label, Literal) and label.language in (None, "vi")
    ]


def vi_pref(graph: Graph, concept: Node) -> str | None:
    """A concept's Vietnamese preferred label."""
    return next(iter(vi_labels(graph, concept, SKOS.prefLabel)), None)


def _label_in(graph: Graph, node: Node | None, prop: URIRef, lang: str) -> str | None:
    if node is None:
        return None
    for label in graph.objects(node, prop):
        if isinstance(label, Literal) and label.language == lang:
            return str(label)
    return None


def _local_name(concept: URIRef) -> str:
    return str(concept).rsplit("/", 1)[-1]


def _as_iris(nodes: Iterable[Node | None]) -> Iterable[URIRef]:
    """``nodes`` as the IRIs they are: the ontology and vocabularies name every class, concept
    and property value read here by IRI, where rdflib's types allow any node."""
    return cast("Iterable[URIRef]", nodes)


def _as_iri(node: Node | None) -> URIRef:
    """``node`` as the IRI it is (see ``_as_iris``)."""
    return cast(URIRef, node)


def _longest_first(pairs: list[tuple[str, _T]]) -> list[tuple[str, _T]]:
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0]))


def build_vocabulary(ontology: Graph, vocab: Graph) -> Vocabulary:
    vocabulary = Vocabulary(ontology=ontology, vocab=vocab)
    for concept in _as_iris(vocab.subjects(RDF.type, PG.PostType)):
        for label in vi_labels(vocab, concept):
            vocabulary.post_types.setdefault(match_key(label), concept)
    bodies: list[tuple[str, BodyType]] = []
    for concept in _as_iris(vocab.subjects(RDF.type, PG.BodyType)):
        org_class = _as_iri(vocab.value(concept, PG.orgClass) or PG.Organization)
        level = vocab.value(concept, PG.level)
        pref = vi_pref(vocab, concept) or _local_name(concept)
        body = BodyType(concept, org_class, pref, str(level) if level else None)
        bodies += [(match_key(label), body) for label in vi_labels(vocab, concept)]
    vocabulary.body_labels = _longest_first(bodies)
    for concept in _as_iris(vocab.subjects(RDF.type, PG.ActType)):
        notation = vocab.value(concept, SKOS.notation)
        if notation is not None:
            vocabulary.acts[str(notation)] = concept
    for cls in _as_iris(ontology.subjects(RDF.type, OWL.Class)):
        code = ontology.value(cls, PG.kindCode)
        if code is not None:
            vocabulary.event_classes[str(code)] = cls
    levels: list[tuple[str, AreaLevel]] = []
    for concept in _as_iris(vocab.subjects(RDF.type, PG.AreaLevel)):
        area_class = _as_iri(vocab.value(concept, PG.areaClass) or PG.Area)
        level_name = str(vocab.value(concept, PG.level) or "")
        for label in vi_labels(vocab, concept):
            word = match_key(label)
            if re.fullmatch(r"[\w ]+", word):
                levels.append((word, AreaLevel(concept, area_class, label, level_name)))
    vocabulary.area_levels = _longest_first(levels)
    return vocabulary


def load_ontology() -> Graph:
    return Graph().parse(resources.ontology_file(), format="turtle")


def load_vocab_graph() -> Graph:
    graph = Graph()
    for path in resources.vocab_files():
        graph.parse(path, format="turtle")
    return graph


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary of this installation, parsed on first use."""
    return build_vocabulary(load_ontology(), load_vocab_graph())
