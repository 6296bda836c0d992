"""The ontology and vocabularies: parse, labelled in vi and en, aligned, covered by shapes."""

from typing import get_args

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from polgraph import resources
from polgraph.extract.schema import EventKind
from polgraph.namespaces import PG

EXTERNAL = (
    "http://www.w3.org/ns/org#",
    "http://xmlns.com/foaf/0.1/",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/2006/time#",
    "https://schema.org/",
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(resources.ontology_file())


def pg_terms(onto):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return sorted(
        {s for k in kinds for s in onto.subjects(RDF.type, k) if str(s).startswith(str(PG))}
    )


def test_every_term_has_vietnamese_and_english_labels_and_comments(onto):
    terms = pg_terms(onto)
    assert len(terms) > 80
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
            assert {"vi", "en"} <= langs, f"{term} lacks a {prop} in { ({'vi', 'en'} - langs) }"


def test_every_class_is_aligned_with_a_w3c_or_schema_org_term(onto):
    for cls in onto.subjects(RDF.type, OWL.Class):
        if not isinstance(cls, URIRef):
            continue  # an anonymous union used as a domain
        ancestors = set(onto.transitive_objects(cls, RDFS.subClassOf))
        assert any(str(a).startswith(EXTERNAL) for a in ancestors), f"{cls} is not aligned"


def test_terms_used_by_the_shapes_exist_in_the_ontology(onto):
    shapes = Graph().parse(resources.shapes_file())
    defined = set(pg_terms(onto))
    used = {o for o in shapes.objects() if isinstance(o, URIRef) and str(o).startswith(str(PG))}
    assert used <= defined, used - defined


def test_every_instance_class_has_a_shape(onto):
    shapes = Graph().parse(resources.shapes_file())
    sh = "http://www.w3.org/ns/shacl#"
    targeted = set(shapes.objects(None, URIRef(sh + "targetClass"))) | {
        onto.value(prop, RDFS.range)
        for prop in shapes.objects(None, URIRef(sh + "targetObjectsOf"))
    }
    vocab_classes = set(onto.objects(None, PG.orgClass)) | set(
        onto.subjects(RDFS.subClassOf, SKOS.Concept)
    )
    for cls in pg_terms(onto):
        if (cls, RDF.type, OWL.Class) not in onto or cls in vocab_classes:
            continue
        lineage = {cls} | set(onto.transitive_objects(cls, RDFS.subClassOf))
        assert lineage & targeted, f"no shape targets {cls} or a superclass"


def test_vocabularies_conform_to_their_shapes(onto):
    vocab = Graph()
    for path in resources.vocab_files():
        vocab.parse(path)
    data = vocab + onto
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=Graph().parse(resources.ontology_dir() / "vocab-shapes.ttl")
    )
    assert conforms, text


VOCAB_PREFIXES = """
@prefix pg:   <https://w3id.org/polgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix act:  <https://w3id.org/polgraph/vocab/act/> .
@prefix kind: <https://w3id.org/polgraph/vocab/event-kind/> .
"""


def vocab_report(turtle: str) -> tuple[bool, str]:
    """How a small vocabulary written for a test fares against the vocabulary shapes."""
    data = Graph().parse(data=VOCAB_PREFIXES + turtle, format="turtle")
    shapes = Graph().parse(resources.ontology_dir() / "vocab-shapes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes)
    return conforms, text


def event_kind(notation: str = "ceremony", phrases: str = 'pg:cue "lễ"@vi') -> str:
    return f"""
    kind:test a skos:Concept , pg:EventKind ;
        skos:inScheme <https://w3id.org/polgraph/vocab/event-kind> ;
        skos:notation "{notation}" ;
        skos:prefLabel "Lễ"@vi , "Ceremony"@en ;
        {phrases} .
    """


def test_an_event_kind_phrase_may_hold_one_gap():
    assert vocab_report(
        event_kind(phrases='pg:cue "lễ"@vi , "trao … huy hiệu"@vi ; pg:objectCue "lễ"@vi')
    )[0]
    for phrases in (
        'pg:cue "trao … huy … hiệu"@vi',
        'pg:cue "trao…huy hiệu"@vi',
        'pg:objectCue "lễ."@vi',
        'pg:verbCue "trao … tặng"@vi',
        'pg:notAfter "kỷ  niệm"@vi',
    ):
        conforms, text = vocab_report(event_kind(phrases=phrases))
        assert not conforms, phrases
        assert "the reader can find in one sentence" in text and "bộ đọc tìm được" in text


def test_an_event_kinds_notation_is_a_kind_code():
    conforms, text = vocab_report(event_kind(notation="meeting"))
    assert not conforms
    assert "kind code of the extraction JSON" in text and "mã loại sự kiện" in text


def act_type(phrases: str) -> str:
    return f"""
    act:test a skos:Concept , pg:ActType ;
        skos:inScheme <https://w3id.org/polgraph/vocab/act> ;
        skos:notation "attended" ;
        skos:prefLabel "Tham dự"@vi , "Attended"@en ;
        {phrases} .
    """


def test_an_acts_weak_cue_is_one_of_its_cues():
    assert vocab_report(act_type('pg:cue "tham dự"@vi , "dự"@vi ; pg:weakCue "dự"@vi'))[0]
    conforms, text = vocab_report(act_type('pg:cue "tham dự"@vi ; pg:weakCue "có mặt"@vi'))
    assert not conforms
    assert "weak cue is one of its cues" in text and "một trong các từ báo hiệu" in text


@pytest.mark.parametrize(
    "cue",
    [
        "do … làm trưởng đoàn",
        "do...làm trưởng đoàn",
        "phát biểu.",
        " dự",
        "tham  dự",
        "tham dự\ttại",
        "(tham dự)",
    ],
)
def test_an_act_cue_the_reader_cannot_find_is_refused(cue):
    conforms, text = vocab_report(act_type(f'pg:cue "tham dự"@vi , "{cue}"@vi'))
    assert not conforms, cue
    assert "An act's cue is words the reader can find in one sentence" in text
    assert "Từ báo hiệu của hoạt động là các từ mà bộ đọc tìm được trong một câu" in text


def test_act_cues_with_commas_slashes_and_capitals_are_accepted():
    assert vocab_report(
        act_type('pg:cue "kết luận, chỉ đạo"@vi , "bầu đ/c"@vi , "trao Bằng khen"@vi')
    )[0]


def test_the_abbreviations_of_the_issue_are_in_the_vocabularies(vocabulary):
    labels = {str(o) for o in vocabulary.vocab.objects(None, SKOS.altLabel)} | {
        str(o) for o in vocabulary.vocab.objects(None, SKOS.hiddenLabel)
    }
    for abbr in [
        "UBND",
        "HĐND",
        "MTTQ",
        "UBMTTQ",
        "BTV",
        "BCH",
        "UVBTV",
        "UV BTV",
        "HUV",
        "UBKT",
        "LHPN",
        "CCB",
        "ĐTN",
        "NTM",
        "ĐBQH",
        "PCT",
        "PBT",
        "TT",
    ]:
        assert abbr in labels, abbr


def test_posts_of_the_issue_are_known(vocabulary):
    for title in [
        "Bí thư",
        "Phó Bí thư",
        "Phó Bí thư Thường trực",
        "Ủy viên Ban Thường vụ",
        "Ủy viên Ban Chấp hành",
        "Chủ tịch",
        "Phó Chủ tịch",
        "Phó Chủ tịch Thường trực",
        "Trưởng ban",
        "Phó Trưởng ban",
        "Chánh Văn phòng",
        "Giám đốc",
        "Hiệu trưởng",
        "Trưởng Công an",
        "Chỉ huy trưởng",
        "Đại biểu",
    ]:
        assert vocabulary.post_type(title) is not None, title
    assert vocabulary.post_type("PCT") == vocabulary.post_type("Phó Chủ tịch")
    assert vocabulary.post_type("Phó Chủ tịch Uỷ ban") == vocabulary.post_type("Phó Chủ tịch")


def test_body_types_point_at_ontology_classes(onto, vocabulary):
    assert vocabulary.body_labels
    for _, body in vocabulary.body_labels:
        assert (body.org_class, RDF.type, OWL.Class) in onto, body
    assert vocabulary.body_type("UBND xã Cẩm Lộc")[0].org_class == PG.PeoplesCommittee
    assert vocabulary.body_type("Đảng uỷ xã Cẩm Lộc")[0].org_class == PG.PartyCommittee


def test_acts_are_the_eight_of_the_schema(vocabulary):
    from polgraph.extract.schema import ACT_ORDER

    assert set(vocabulary.acts) == set(ACT_ORDER)


def test_event_kinds_map_to_classes(vocabulary):
    # every kind the extraction JSON allows, and no other
    assert set(vocabulary.event_classes) == set(get_args(EventKind))


def test_the_python_namespace_lists_exactly_the_ontology_terms(onto):
    in_file = {str(s)[len(str(PG)) :] for s in onto.subjects() if str(s).startswith(str(PG))}
    declared = {name for name in PG.__annotations__ if not name.startswith("_")}
    assert declared == in_file
