"""The reader's lexicon: one per vocabulary, built once from the SKOS files, and the word lists the
reader takes from it. Vocabularies with extra concepts are written here for these tests."""

from __future__ import annotations

import pytest

from polgraph.extract.acts import ActFinder
from polgraph.extract.event import find_event_kind, lay_out
from polgraph.extract.event.kinds import _starting, kind_in, kind_patterns
from polgraph.extract.lexicon import build_lexicon, lexicon
from polgraph.text.view import ReportText, fold
from polgraph.vocab import Vocabulary, build_vocabulary, load_ontology, load_vocab_graph

PREFIXES = """
@prefix pg:   <https://w3id.org/polgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix abbr: <https://w3id.org/polgraph/vocab/abbr/> .
@prefix body: <https://w3id.org/polgraph/vocab/body/> .
@prefix act:  <https://w3id.org/polgraph/vocab/act/> .
@prefix kind: <https://w3id.org/polgraph/vocab/event-kind/> .
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
    assert (
        lex.expansions["QHX"]
        == lex.expansions["Qhx"]
        == lex.expansions["Q.H.X"]
        == "quy hoạch xanh"
    )
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
    assert (
        lex.doc_pattern.search("theo kế hoạch số 12-kh/hu của huyện ủy").group("number")
        == "12-kh/hu"
    )
    assert lex.expansions["UBND"] == "Ủy ban nhân dân"


@pytest.mark.parametrize("code", ["attended", "chaired", "speech", "awarded"])
def test_act_cues_are_folded_and_longest_first(code):
    cues = lexicon().acts[code]
    assert cues == sorted(cues, key=len, reverse=True)
    assert all(cue == cue.lower() for cue in cues)


def test_build_lexicon_builds_a_fresh_one(vocabulary):
    assert build_lexicon(vocabulary) is not lexicon(vocabulary)
    assert build_lexicon(vocabulary).posts == lexicon(vocabulary).posts


# Event kinds: the phrases are the event-kind vocabulary's.


def test_the_event_kinds_are_the_kind_codes_of_the_ontology(vocabulary):
    assert {k.code for k in lexicon().event_kinds} == set(vocabulary.event_classes)


def kind_of(body: str, headline: str = "Tin địa phương") -> str:
    return find_event_kind(lay_out(ReportText(f"{headline}\n\n{body}")), headline)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # pg:objectCue after pg:objectPrefix words
        (
            "Sáng 2/3, Hội Nông dân xã Tân Hà Đông tổ chức thành công Hội thi nhà nông giỏi.",
            "other",
        ),
        (
            "Chiều 9/5, Huyện ủy Lam Giang long trọng tổ chức Lễ kỷ niệm 60 năm thành lập huyện.",
            "ceremony",
        ),
        # pg:verbCue
        (
            "Ngày 7/6, Tổ đại biểu HĐND huyện Lam Giang tiếp xúc với cử tri xã Tân Hà Đông.",
            "voter_meeting",
        ),
        # pg:cue and pg:notAfter: a congress's resolution is not a congress
        (
            "Huyện Lam Giang phổ biến Nghị quyết Đại hội Đảng bộ tỉnh, nhiều đảng viên tham gia.",
            "other",
        ),
        (
            "Ngày 7/6, Đại hội Hội Cựu chiến binh xã Tân Hà Đông nhiệm kỳ 2025-2030 đã diễn ra.",
            "congress",
        ),
        # a gapped pg:cue: "hđnd … họp bất thường"
        (
            "Hôm qua, HĐND huyện Lam Giang khóa XX họp bất thường để bầu chức danh.",
            "council_session",
        ),
        ("Hôm qua, HĐND huyện Lam Giang khóa XX làm lễ. Sau đó họp bất thường.", "ceremony"),
    ],
)
def test_the_kind_is_read_from_the_vocabularys_phrases(body, expected):
    assert kind_of(body) == expected


def test_a_phrase_added_to_the_vocabulary_names_the_kind():
    vocab = vocabulary_with("""
    kind:ceremony pg:cue "rước đuốc"@vi ; pg:objectCue "rước đuốc"@vi .
    kind:other pg:cue "hđnd … hát"@vi .
    kind:congress pg:notAfter "kỷ niệm ngày"@vi .
    kind:working-visit pg:verbCue "thăm hỏi"@vi .
    <https://w3id.org/polgraph/vocab/event-kind> pg:objectPrefix "đêm"@vi .
    """)
    lex = lexicon(vocab)
    sentence = fold("Đoàn viên xã Tân Hà Đông rước đuốc qua các thôn")
    assert kind_in(sentence) is None
    assert kind_in(sentence, lex) == "ceremony"
    assert kind_in(fold("Các đại biểu HĐND huyện cùng hát vang bài ca"), lex) == "other"
    assert kind_in(fold("Các đại biểu HĐND huyện. Cùng hát"), lex) is None
    assert kind_in(fold("kỷ niệm ngày đại hội thành lập hội"), lex) is None
    assert kind_in(fold("kỷ niệm ngày đại hội thành lập hội")) == "congress"
    patterns = kind_patterns(lex)
    assert _starting(patterns.object_head, " đêm rước đuốc mừng xuân") == "ceremony"
    assert _starting(kind_patterns().object_head, " đêm rước đuốc mừng xuân") is None
    assert _starting(patterns.verb, "thăm hỏi") == "working_visit"
    assert _starting(patterns.verb, "thăm") is None


def test_the_longest_phrase_wins_where_several_start():
    assert kind_in(fold("Khai mạc Lễ hội đền Vân Sơn")) == "other"  # "lễ hội", not "lễ"
    assert kind_in(fold("Tổng kết Lễ hội đền Vân Sơn")) == "conference"  # the earliest
    assert kind_in(fold("Lễ hội và hội nghị tiếp xúc cử tri")) == "voter_meeting"


# Weak cues: the acts vocabulary's pg:weakCue.


def act_cues(finder: ActFinder, sentence: str) -> list[tuple[str, str]]:
    rt = ReportText(sentence)
    return [(cue.act, rt.text[cue.start : cue.end]) for cue in finder.cues(rt, 0, len(rt.text))]


def test_a_weak_cue_counts_only_within_a_longer_cue():
    finder = ActFinder(lexicon())
    assert {"dự", "ý kiến"} <= lexicon().weak_cues
    assert act_cues(finder, "Ông Lò Văn Tám dự và phát biểu ý kiến.") == [
        ("speech", "phát biểu ý kiến")
    ]
    assert act_cues(finder, "Bà Hà Thị Mơ tham dự buổi gặp mặt.") == [("attended", "tham dự")]


def test_a_weak_cue_added_to_the_vocabulary_no_longer_stands_alone():
    vocab = vocabulary_with('act:attended pg:weakCue "có mặt"@vi .')
    sentence = "Bà Hà Thị Mơ có mặt từ sớm ở hội trường."
    assert act_cues(ActFinder(lexicon()), sentence) == [("attended", "có mặt")]
    assert act_cues(ActFinder(lexicon(vocab)), sentence) == []


def test_a_delegations_head_is_read_from_the_cue_after_the_name():
    finder = ActFinder(lexicon())
    sentence = (
        "Đoàn công tác của Ban Dân vận Tỉnh ủy do đồng chí Lương Văn Cầm làm trưởng đoàn "
        "đã làm việc với xã Tân Hà Đông"
    )
    assert ("attended", "làm trưởng đoàn") in act_cues(finder, sentence)
    assert all("…" not in cue for cues in lexicon().acts.values() for cue in cues)
