"""The lexicon the rules read the vocabularies through: area levels (``LEVELS``), the level words
and party committees that precede a unit's name, bodies and abbreviations to spell out, and the
document kinds and codes with the pattern that finds a numbered document. Built once per
``Vocabulary`` from its SKOS graph and cached."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from polgraph.namespaces import PG
from polgraph.text.view import fold

LEVELS = ("village", "commune", "district", "province")


@dataclass
class _Lexicon:
    level_words: dict[str, tuple[str, frozenset[str]]]   # folded label → (word, levels)
    exact_case: dict[str, frozenset[str]]                # abbreviation labels as written
    level_pattern: re.Pattern[str]
    committees: dict[str, tuple[str, frozenset[str]]]    # "huyện ủy" → ("huyện", {"district"})
    bodies: dict[str, tuple[str, str | None]]            # folded label → (prefLabel, level)
    max_body_words: int
    abbreviations: dict[str, str]                        # "UBND" → "Ủy ban nhân dân"
    doc_kinds: dict[str, str]                            # folded word → prefLabel
    doc_codes: dict[str, str]                            # folded code ("kh") → prefLabel
    doc_pattern: re.Pattern[str]
    kind_pattern: re.Pattern[str]                        # a document-kind word alone


_LEXICONS: dict[int, tuple[object, _Lexicon]] = {}


def _lexicon(vocabulary) -> _Lexicon:
    cached = _LEXICONS.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    lexicon = _build_lexicon(vocabulary)
    _LEXICONS[id(vocabulary)] = (vocabulary, lexicon)
    return lexicon


def _vi_labels(graph, concept, *props) -> list[str]:
    return [str(label) for prop in props for label in graph.objects(concept, prop)
            if isinstance(label, Literal) and label.language in (None, "vi")]


def _build_lexicon(vocabulary) -> _Lexicon:
    graph = vocabulary.vocab
    # Area levels, dotted abbreviations included ("TP.", "Q."), which Vocabulary.area_levels drops.
    level_words: dict[str, tuple[str, set[str]]] = {}
    exact_case: dict[str, set[str]] = {}
    for concept in graph.subjects(RDF.type, PG.AreaLevel):
        pref = (_vi_labels(graph, concept, SKOS.prefLabel) or [""])[0]
        level = str(graph.value(concept, PG.level) or "")
        if not pref or level not in LEVELS:
            continue
        for label in _vi_labels(graph, concept, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            key = fold(label)
            if "trung ương" in key or "thuộc" in key:
                continue  # "thành phố thuộc tỉnh" describes a level; it does not precede names
            word, levels = level_words.setdefault(key, (fold(pref), set()))
            levels.add(level)
            if label != label.lower():
                exact_case.setdefault(key, set()).add(label)
    alternatives = sorted(level_words, key=len, reverse=True)
    # Party committees and youth unions whose name carries the level: "Huyện ủy Lệ Thủy".
    bodies: dict[str, tuple[str, str | None]] = {}
    committees: dict[str, tuple[str, frozenset[str]]] = {}
    for key, body in vocabulary.body_labels:
        folded_key = fold(key)
        bodies.setdefault(folded_key, (body.label, body.level))
        head, _, tail = fold(body.label).partition(" ")
        if body.level in ("district", "province") and tail in ("ủy", "đoàn") and " " not in tail:
            words = {word for word, levels in level_words.values()
                     if body.level in levels and (word == head or word.startswith(head + " "))}
            if len(words) == 1:
                # "Thành ủy Vinh" is a district-level city's: the word keeps both its levels.
                word = words.pop()
                levels = set().union(*(l for w, l in level_words.values() if w == word))
                committees[folded_key] = (word, frozenset(levels & {"district", "province"}))
    alternatives = sorted(set(alternatives) | set(committees), key=len, reverse=True)
    level_pattern = re.compile(
        r"(?<![\w.])(" + "|".join(re.escape(a) for a in alternatives) + r")(?=[\s.]|$)"
        if alternatives else r"(?!)"
    )
    abbreviations: dict[str, str] = {}
    for concept in graph.subjects(RDF.type, PG.Abbreviation):
        pref = (_vi_labels(graph, concept, SKOS.prefLabel) or [""])[0]
        for label in _vi_labels(graph, concept, SKOS.altLabel, SKOS.hiddenLabel):
            abbreviations.setdefault(label, pref)
    doc_kinds: dict[str, str] = {}
    doc_codes: dict[str, str] = {}
    for concept in graph.subjects(RDF.type, PG.DocumentKind):
        pref = (_vi_labels(graph, concept, SKOS.prefLabel) or [""])[0]
        doc_kinds[fold(pref)] = pref
        for label in _vi_labels(graph, concept, SKOS.altLabel, SKOS.hiddenLabel):
            doc_codes.setdefault(fold(label), pref)
    kinds = sorted(set(doc_kinds) | {"văn bản"}, key=len, reverse=True)
    kind_alt = "|".join(re.escape(k) for k in kinds)
    # "Kế hoạch số 93-KH/HU", "Nghị quyết 96/2023/QH15", "Luật Đất đai số 31/2024/QH15".
    doc_pattern = re.compile(
        r"(?<!\w)(?P<kind>" + kind_alt + r")"
        r"(?:\s+(?:số|số hiệu)\s*:?\s*|\s+(?P<title>[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,7}?)"
        r"\s+số\s*:?\s*|\s+)"
        r"(?P<number>\d+[a-zđ]?(?:[-/]{1,2}[0-9a-zđà-ỹ&]+(?:\.[0-9a-zđà-ỹ]+)*)+)(?![\w/])"
    )
    return _Lexicon(
        {k: (w, frozenset(l)) for k, (w, l) in level_words.items()},
        {k: frozenset(v) for k, v in exact_case.items()}, level_pattern, committees, bodies,
        max(len(k.split()) for k in bodies), abbreviations, doc_kinds, doc_codes, doc_pattern,
        re.compile(r"(?<!\w)(?:" + kind_alt + r")(?!\w)"),
    )
