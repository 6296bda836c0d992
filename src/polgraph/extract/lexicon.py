"""The reader's lexicon: every word the reader knows, read from the SKOS vocabularies
(``ontology/vocab/*.ttl``) of one ``Vocabulary`` and kept with it, so that it is built once.

Posts and compound titles, the cues of acts, the abbreviations, the area levels and party committees
that precede a unit's name, the bodies, the document kinds and codes with the pattern that finds a
numbered document, and the phrases that name each kind of event. ``lexicon(vocabulary)`` gives it
(the installation's vocabulary when none is given)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from polgraph.namespaces import PG
from polgraph.text.view import fold
from polgraph.vocab import Vocabulary, vi_labels, vi_pref
from polgraph.vocab import vocabulary as default_vocabulary

LEVELS = ("village", "commune", "district", "province")


@dataclass(frozen=True)
class PostEntry:
    post: str  # the normalised title ("Phó Chủ tịch")
    body: str | None = None  # compound titles name their body too ("Đảng bộ")
    level: str | None = None  # and its level ("district")
    default_body: str | None = None  # the body when only a place is written ("Ủy ban nhân dân")


@dataclass(frozen=True)
class EventKindWords:
    """The phrases that name one kind of event (``ontology/vocab/event-kinds.ttl``), folded. A
    gapped phrase "A … B" is A, then B further on in the same clause."""

    code: str  # the kind code of the extraction JSON ("congress")
    cues: tuple[str, ...]  # anywhere in the headline or the first sentences
    object_cues: tuple[str, ...] = ()  # heading what the opening verb holds
    verb_cues: tuple[str, ...] = ()  # the opening verb itself
    not_after: tuple[str, ...] = ()  # words right after which its phrases name nothing


@dataclass
class Lexicon:
    vocabulary: Vocabulary
    posts: dict[str, PostEntry] = field(default_factory=dict)  # folded label → entry
    max_post_words: int = 1
    acts: dict[str, list[str]] = field(default_factory=dict)  # act code → folded cues
    weak_cues: frozenset[str] = frozenset()  # cues too common to stand alone (pg:weakCue): "dự"
    # Abbreviations, read once: ``expansions`` has every alternative or hidden label of an
    # abbreviation ("UBND" → "Ủy ban nhân dân", "TP." → "thành phố"); ``abbreviations`` only the
    # upper-case ones spelt out inside a name ("NTM" → "nông thôn mới"), not those of posts and
    # bodies (pg:expandsTo), which their own vocabularies spell out.
    expansions: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    # Area levels, dotted abbreviations included ("TP.", "Q."), which Vocabulary.area_levels drops.
    # folded → (word, levels)
    level_words: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    exact_case: dict[str, frozenset[str]] = field(default_factory=dict)  # labels as written ("TP.")
    # "huyện ủy" → ("huyện", {"district"})
    committees: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    level_pattern: re.Pattern[str] = re.compile(r"(?!)")
    # folded label → (prefLabel, level)
    bodies: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    max_body_words: int = 1
    doc_kinds: dict[str, str] = field(default_factory=dict)  # folded word → prefLabel
    doc_codes: dict[str, str] = field(default_factory=dict)  # folded code ("kh") → prefLabel
    doc_pattern: re.Pattern[str] = re.compile(r"(?!)")
    kind_pattern: re.Pattern[str] = re.compile(r"(?!)")  # a document-kind word alone
    event_kinds: tuple[EventKindWords, ...] = ()  # by kind code
    # "kỷ niệm 90 năm Ngày thành lập Mặt trận Tổ quốc Việt Nam": the years counted ("years") and
    # what is commemorated ("name", folded), and the year each name counts from.
    anniversary_pattern: re.Pattern[str] = re.compile(r"(?!)")
    anniversary_origins: dict[str, int] = field(default_factory=dict)
    event_object_prefixes: tuple[str, ...] = ()  # words before an object cue ("buổi", "long trọng")

    def post_at(self, folded: str) -> tuple[PostEntry, int] | None:
        """The longest post label that starts ``folded`` (at word boundaries) and its length."""
        words = folded.split(" ")
        for count in range(min(len(words), self.max_post_words), 0, -1):
            candidate = " ".join(words[:count]).rstrip(",;:")
            entry = self.posts.get(candidate)
            if entry is not None:
                return entry, len(candidate)
        return None


def lexicon(vocabulary: Vocabulary | None = None) -> Lexicon:
    """The lexicon of ``vocabulary`` (of this installation when none is given), built on first
    use and kept with the vocabulary."""
    if vocabulary is None:
        vocabulary = default_vocabulary()
    return vocabulary.derived("lexicon", build_lexicon)


def build_lexicon(vocabulary: Vocabulary) -> Lexicon:
    lex = Lexicon(vocabulary)
    _read_posts(lex)
    _read_acts(lex)
    _read_abbreviations(lex)
    _read_levels(lex)
    _read_documents(lex)
    _read_event_kinds(lex)
    _read_anniversaries(lex)
    return lex


def _read_posts(lex: Lexicon) -> None:
    g = lex.vocabulary.vocab
    for concept in g.subjects(RDF.type, PG.PostType):
        default = next(
            (
                g.value(c, PG.defaultBodyType)
                for c in g.transitive_objects(concept, SKOS.broader)
                if g.value(c, PG.defaultBodyType) is not None
            ),
            None,
        )
        entry = PostEntry(_title(g, concept), default_body=vi_pref(g, default) if default else None)
        for label in vi_labels(g, concept):
            lex.posts.setdefault(fold(label), entry)
    for concept in g.subjects(RDF.type, PG.CompoundTitle):
        post, body = g.value(concept, PG.impliesPost), g.value(concept, PG.impliesBodyType)
        level = g.value(concept, PG.level)
        entry = PostEntry(
            _title(g, post),
            vi_pref(g, body) if body is not None else None,
            str(level) if level else None,
        )
        for label in vi_labels(g, concept):
            lex.posts[fold(label)] = entry  # "Huyện ủy viên" wins over its first words
    lex.max_post_words = max(len(label.split(" ")) for label in lex.posts)


def _title(g: Graph, post: Node | None) -> str:
    """A post's title: its Vietnamese preferred label, which every post concept has."""
    title = vi_pref(g, post) if post is not None else None
    if title is None:
        raise ValueError(f"the vocabulary gives no Vietnamese skos:prefLabel for the post {post}")
    return title


def _read_acts(lex: Lexicon) -> None:
    g = lex.vocabulary.vocab
    weak: set[str] = set()
    for concept in g.subjects(RDF.type, PG.ActType):
        code = str(g.value(concept, SKOS.notation))
        cues = {fold(str(c)) for c in g.objects(concept, PG.cue)}
        lex.acts[code] = sorted(cues, key=len, reverse=True)
        weak |= {fold(str(c)) for c in g.objects(concept, PG.weakCue)}
    lex.weak_cues = frozenset(weak)


def _read_abbreviations(lex: Lexicon) -> None:
    g = lex.vocabulary.vocab
    for concept in g.subjects(RDF.type, PG.Abbreviation):
        expansion = vi_pref(g, concept) or ""
        general = g.value(concept, PG.expandsTo) is None
        for prop in (SKOS.altLabel, SKOS.hiddenLabel):
            for label in vi_labels(g, concept, prop):
                lex.expansions.setdefault(label, expansion)
                if general and prop == SKOS.altLabel and label.isupper() and expansion:
                    lex.abbreviations.setdefault(label, expansion)


def _read_levels(lex: Lexicon) -> None:
    g = lex.vocabulary.vocab
    level_words: dict[str, tuple[str, set[str]]] = {}
    exact_case: dict[str, set[str]] = {}
    for concept in g.subjects(RDF.type, PG.AreaLevel):
        pref = vi_pref(g, concept) or ""
        level = str(g.value(concept, PG.level) or "")
        if not pref or level not in LEVELS:
            continue
        for label in vi_labels(g, concept):
            key = fold(label)
            if "trung ương" in key or "thuộc" in key:
                continue  # "thành phố thuộc tỉnh" describes a level; it does not precede names
            word, levels = level_words.setdefault(key, (fold(pref), set()))
            levels.add(level)
            if label != label.lower():
                exact_case.setdefault(key, set()).add(label)
    # Party committees and youth unions whose name carries the level: "Huyện ủy Lệ Thủy".
    for key, body in lex.vocabulary.body_labels:
        folded_key = fold(key)
        lex.bodies.setdefault(folded_key, (body.label, body.level))
        head, _, tail = fold(body.label).partition(" ")
        if body.level in ("district", "province") and tail in ("ủy", "đoàn") and " " not in tail:
            words = {
                word
                for word, levels in level_words.values()
                if body.level in levels and (word == head or word.startswith(head + " "))
            }
            if len(words) == 1:
                # "Thành ủy Vinh" is a district-level city's: the word keeps both its levels.
                word = words.pop()
                levels = set().union(*(lv for w, lv in level_words.values() if w == word))
                lex.committees[folded_key] = (word, frozenset(levels & {"district", "province"}))
    lex.max_body_words = max(len(k.split()) for k in lex.bodies)
    lex.level_words = {k: (w, frozenset(lv)) for k, (w, lv) in level_words.items()}
    lex.exact_case = {k: frozenset(v) for k, v in exact_case.items()}
    alternatives = sorted(set(level_words) | set(lex.committees), key=len, reverse=True)
    lex.level_pattern = re.compile(
        r"(?<![\w.])(" + "|".join(re.escape(a) for a in alternatives) + r")(?=[\s.]|$)"
        if alternatives
        else r"(?!)"
    )


def _read_documents(lex: Lexicon) -> None:
    g = lex.vocabulary.vocab
    for concept in g.subjects(RDF.type, PG.DocumentKind):
        pref = vi_pref(g, concept) or ""
        lex.doc_kinds[fold(pref)] = pref
        for label in vi_labels(g, concept, SKOS.altLabel, SKOS.hiddenLabel):
            lex.doc_codes.setdefault(fold(label), pref)
    kinds = sorted(set(lex.doc_kinds) | {"văn bản"}, key=len, reverse=True)
    kind_alt = "|".join(re.escape(k) for k in kinds)
    # "Kế hoạch số 93-KH/HU", "Nghị quyết 96/2023/QH15", "Luật Đất đai số 31/2024/QH15".
    lex.doc_pattern = re.compile(
        r"(?<!\w)(?P<kind>" + kind_alt + r")"
        r"(?:\s+(?:số|số hiệu)\s*:?\s*|\s+(?P<title>[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,7}?)"
        r"\s+số\s*:?\s*|\s+)"
        r"(?P<number>\d+[a-zđ]?(?:[-/]{1,2}[0-9a-zđà-ỹ&]+(?:\.[0-9a-zđà-ỹ]+)*)+)(?![\w/])"
    )
    lex.kind_pattern = re.compile(r"(?<!\w)(?:" + kind_alt + r")(?!\w)")


def _read_event_kinds(lex: Lexicon) -> None:
    g = lex.vocabulary.vocab

    def words(subject: Node, prop: URIRef) -> tuple[str, ...]:
        return tuple(
            sorted({fold(w) for w in vi_labels(g, subject, prop)}, key=lambda w: (-len(w), w))
        )

    kinds = []
    for concept in g.subjects(RDF.type, PG.EventKind):
        kinds.append(
            EventKindWords(
                str(g.value(concept, SKOS.notation)),
                words(concept, PG.cue),
                words(concept, PG.objectCue),
                words(concept, PG.verbCue),
                words(concept, PG.notAfter),
            )
        )
    lex.event_kinds = tuple(sorted(kinds, key=lambda k: k.code))
    lex.event_object_prefixes = tuple(
        sorted(
            {
                w
                for scheme in g.subjects(PG.objectPrefix, None)
                for w in words(scheme, PG.objectPrefix)
            },
            key=lambda w: (-len(w), w),
        )
    )


def _read_anniversaries(lex: Lexicon) -> None:
    g = lex.vocabulary.vocab
    for concept in g.subjects(RDF.type, PG.Anniversary):
        origin = g.value(concept, PG.originDate)
        if origin is None:
            continue
        for label in vi_labels(g, concept):
            lex.anniversary_origins.setdefault(fold(label), int(str(origin)[:4]))
    if not lex.anniversary_origins:
        return
    names = "|".join(
        re.escape(name).replace(r"\ ", r"\s+")
        for name in sorted(lex.anniversary_origins, key=len, reverse=True)
    )
    # A name followed by a level word or "bộ" is a local body's ("Hội Nông dân huyện"), founded on
    # a day of its own.
    local = "|".join(
        re.escape(word) for word in sorted({*lex.level_words, "bộ", "ủy"}, key=len, reverse=True)
    )
    lex.anniversary_pattern = re.compile(
        r"(?<!\w)k[ỷỉ] niệm\s+(?P<years>\d{1,3})\s+năm\s+"
        r"(?:ngày\s+)?(?:(?:thành lập|truyền thống)\s+)?"
        rf"(?P<name>{names})(?!\w)(?!\s+(?:{local})(?!\w))"
    )
