"""The reader's lexicon: one per vocabulary, built once from the SKOS files, and the word lists the
reader takes from it. Vocabularies with extra concepts are written here for these tests."""

from __future__ import annotations

import pytest

from polgraph.extract.lexicon import build_lexicon, lexicon
from polgraph.vocab import Vocabulary, build_vocabulary, load_ontology, load_vocab_graph

PREFIXES = """
@prefix pg:   <https://w3id.org/polgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix abbr: <https://w3id.org/polgraph/vocab/abbr/> .
@prefix body: <https://w3id.org/polgraph/vocab/body/> .
@prefix act:  <https://w3id.org/polgraph/vocab/act/> .
"""


def vocabulary_with(turtle: str) -> Vocabulary:
    """The installed vocabularies with ``turtle`` added."""
    graph = load_vocab_graph()
    graph.parse(data=PREFIXES + turtle, format="turtle")
    return build_vocabulary(load_ontology(), graph)


def test_one_lexicon_per_vocabulary_built_once(vocabulary):
    assert lexicon() is lexicon(vocabulary) is lexicon(vocabulary)
    other = vocabulary_with("")
    assert lexicon(other) is lexicon(other)
    assert lexicon(other) is not lexicon(vocabulary)
    assert lexicon(other).vocabulary is other


def test_the_abbreviations_are_read_once_for_both_uses():
    vocab = vocabulary_with("""
    abbr:test-qx a skos:Concept , pg:Abbreviation ;
        skos:prefLabel "quy hoạch xanh"@vi , "green planning"@en ;
        skos:altLabel "QHX"@vi , "Qhx"@vi ;
        skos:hiddenLabel "Q.H.X"@vi .
    abbr:test-body a skos:Concept , pg:Abbreviation ;
        skos:prefLabel "Văn phòng"@vi , "Office"@en ;
        skos:altLabel "VPX"@vi ;
        pg:expandsTo body:van-phong .
    """)
    lex = lexicon(vocab)
    # Every alternative or hidden label spells out (units and issuers read them as written).
    assert lex.expansions["QHX"] == lex.expansions["Qhx"] == lex.expansions["Q.H.X"] == "quy hoạch xanh"
    assert lex.expansions["VPX"] == "Văn phòng"
    # Inside a name only upper-case alternative labels of abbreviations of no post or body.
    assert lex.abbreviations["QHX"] == "quy hoạch xanh"
    assert "Qhx" not in lex.abbreviations and "Q.H.X" not in lex.abbreviations
    assert "VPX" not in lex.abbreviations
    assert set(lex.abbreviations) < set(lex.expansions)


def test_the_installed_lexicon_knows_posts_levels_bodies_and_documents():
    lex = lexicon()
    assert lex.post_at("phó chủ tịch ubnd xã")[0].post == "Phó Chủ tịch"
    assert lex.level_words["huyện"][1] == frozenset({"district"})
    assert lex.committees["huyện ủy"][0] == "huyện"
    assert lex.doc_pattern.search("theo kế hoạch số 12-kh/hu của huyện ủy").group("number") == "12-kh/hu"
    assert lex.expansions["UBND"] == "Ủy ban nhân dân"


@pytest.mark.parametrize("code", ["attended", "chaired", "speech", "awarded"])
def test_act_cues_are_folded_and_longest_first(code):
    cues = lexicon().acts[code]
    assert cues == sorted(cues, key=len, reverse=True)
    assert all(cue == cue.lower() for cue in cues)


def test_build_lexicon_builds_a_fresh_one(vocabulary):
    assert build_lexicon(vocabulary) is not lexicon(vocabulary)
    assert build_lexicon(vocabulary).posts == lexicon(vocabulary).posts

