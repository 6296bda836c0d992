"""The reader's lexicon, built once from the SKOS vocabularies (ontology/vocab/*.ttl)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from polgraph.namespaces import PG
from polgraph.text.view import fold
from polgraph.vocab import Vocabulary, vocabulary as default_vocabulary


@dataclass(frozen=True)
class PostEntry:
    post: str                      # the normalised title ("Phó Chủ tịch")
    body: str | None = None        # compound titles name their body too ("Đảng bộ")
    level: str | None = None       # and its level ("district")
    default_body: str | None = None  # the body when only a place is written ("Ủy ban nhân dân")


@dataclass
class Lexicon:
    vocabulary: Vocabulary
    posts: dict[str, PostEntry] = field(default_factory=dict)     # folded label → entry
    acts: dict[str, list[str]] = field(default_factory=dict)      # act code → folded cues
    abbreviations: dict[str, str] = field(default_factory=dict)   # "NTM" → "nông thôn mới"
    max_post_words: int = 1

    def post_at(self, folded: str) -> tuple[PostEntry, int] | None:
        """The longest post label that starts ``folded`` (at word boundaries) and its length."""
        words = folded.split(" ")
        for count in range(min(len(words), self.max_post_words), 0, -1):
            candidate = " ".join(words[:count]).rstrip(",;:")
            entry = self.posts.get(candidate)
            if entry is not None:
                return entry, len(candidate)
        return None


def _vi(graph, concept) -> str | None:
    for label in graph.objects(concept, SKOS.prefLabel):
        if isinstance(label, Literal) and label.language == "vi":
            return str(label)
    return None


def _labels(graph, concept) -> list[str]:
    return [str(l) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
            for l in graph.objects(concept, p) if isinstance(l, Literal) and l.language in (None, "vi")]


def build_lexicon(vocabulary: Vocabulary) -> Lexicon:
    g = vocabulary.vocab
    lexicon = Lexicon(vocabulary)
    for concept in g.subjects(RDF.type, PG.PostType):
        default = next((g.value(c, PG.defaultBodyType) for c in g.transitive_objects(concept, SKOS.broader)
                        if g.value(c, PG.defaultBodyType) is not None), None)
        entry = PostEntry(_vi(g, concept), default_body=_vi(g, default) if default else None)
        for label in _labels(g, concept):
            lexicon.posts.setdefault(fold(label), entry)
    for concept in g.subjects(RDF.type, PG.CompoundTitle):
        post, body = g.value(concept, PG.impliesPost), g.value(concept, PG.impliesBodyType)
        level = g.value(concept, PG.level)
        entry = PostEntry(_vi(g, post), _vi(g, body), str(level) if level else None)
        for label in _labels(g, concept):
            lexicon.posts[fold(label)] = entry  # "Huyện ủy viên" wins over its first words
    lexicon.max_post_words = max(len(label.split(" ")) for label in lexicon.posts)
    for concept in g.subjects(RDF.type, PG.Abbreviation):
        if g.value(concept, PG.expandsTo) is not None:
            continue  # posts and bodies are spelt out through their own vocabularies
        expansion = _vi(g, concept)
        for label in g.objects(concept, SKOS.altLabel):
            if str(label).isupper() and expansion:
                lexicon.abbreviations.setdefault(str(label), expansion)
    for concept in g.subjects(RDF.type, PG.ActType):
        code = str(g.value(concept, SKOS.notation))
        cues = {fold(str(c)) for c in g.objects(concept, PG.cue) if "…" not in str(c)}
        lexicon.acts[code] = sorted(cues, key=len, reverse=True)
    return lexicon


@cache
def lexicon() -> Lexicon:
    return build_lexicon(default_vocabulary())
