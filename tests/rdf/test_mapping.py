from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS

from polgraph.namespaces import OA, PG
from polgraph.rdf.mapping import map_extraction


def by_label(graph: Graph, label: str) -> URIRef:
    nodes = list(graph.subjects(RDFS.label, Literal(label)))
    assert len(nodes) == 1, (label, nodes)
    return nodes[0]


def test_mapping_is_deterministic_and_uses_no_blank_nodes(seed, vocabulary):
    first = map_extraction(seed, vocabulary)
    second = map_extraction(seed, vocabulary)
    assert first.iri == second.iri
    assert set(first.graph) == set(second.graph)
    assert not any(isinstance(term, BNode) for triple in first.graph for term in triple)


def test_seed_persons_roles_and_acts(seed, vocabulary):
    g = map_extraction(seed, vocabulary).graph
    persons = set(g.subjects(RDF.type, PG.PersonMention))
    assert len(persons) == len(seed.persons)
    attestations = set(g.subjects(RDF.type, PG.RoleAttestation))
    assert len(attestations) == sum(len(p.roles) for p in seed.persons)
    for a in attestations:
        assert g.value(a, PG.event) is not None and g.value(a, PG.source) is not None


def test_spans_point_at_the_words_they_cite(seed, vocabulary):
    g = map_extraction(seed, vocabulary).graph
    text = seed.report.text
    spans = set(g.objects(None, PG.evidence))
    assert spans
    for a in g.subjects(RDF.type, PG.RoleAttestation):
        span = g.value(a, PG.evidence)
        if span is not None:
            start, end = int(g.value(span, OA.start)), int(g.value(span, OA.end))
            assert text[start:end] == str(g.value(a, PG.asWritten))
    for span in spans:
        assert 0 <= int(g.value(span, OA.start)) < int(g.value(span, OA.end)) <= len(text)


def test_bodies_are_typed_and_nested_from_their_names(seed, vocabulary):
    g = map_extraction(seed, vocabulary).graph
    ubnd = by_label(g, "Ủy ban nhân dân xã Cẩm Lộc")
    assert (ubnd, RDF.type, PG.PeoplesCommittee) in g
    standing = by_label(g, "Ban Thường vụ Huyện ủy Cẩm Xuyên")
    assert (standing, RDF.type, PG.StandingCommittee) in g
    parent = g.value(standing, ORG.subOrganizationOf)
    assert parent == by_label(g, "Huyện ủy Cẩm Xuyên")
    assert (parent, RDF.type, PG.PartyCommittee) in g
    board = by_label(g, "Ban Tuyên giáo Huyện ủy Cẩm Xuyên")
    assert (board, RDF.type, PG.PropagandaBoard) in g
    assert g.value(board, ORG.subOrganizationOf) == parent


def test_place_is_a_chain_of_areas(seed, vocabulary):
    g = map_extraction(seed, vocabulary).graph
    event = next(g.subjects(RDF.type, PG.Conference))
    commune = g.value(event, PG.place)
    assert (commune, RDF.type, PG.Commune) in g
    district = g.value(commune, PG.partOf)
    assert (district, RDF.type, PG.District) in g
    # The official units, with their codes: the text names no province, the lists know it.
    assert str(g.value(district, RDFS.label)) == "Huyện Cẩm Xuyên"
    assert [
        str(g.value(u, PG.officialCode)) for u in (commune, district, g.value(district, PG.partOf))
    ] == ["18730", "446", "42"]
    successor = g.value(commune, PG.successorUnit)
    assert str(g.value(successor, RDFS.label)) == "Xã Cẩm Trung"
    assert str(g.value(successor, PG.adminStructure)) == "2025"


def test_a_place_the_official_lists_lack_is_kept_inside_the_unit_above(seed, vocabulary):
    merged_away = seed.model_copy(
        update={
            "event": seed.event.model_copy(update={"place": "xã Không Có Thật, huyện Cẩm Xuyên"})
        }
    )
    g = map_extraction(merged_away, vocabulary).graph
    place = g.value(next(g.subjects(RDF.type, PG.Conference)), PG.place)
    assert str(g.value(place, RDFS.label)) == "xã Không Có Thật"
    assert g.value(place, PG.officialCode) is None
    assert str(g.value(g.value(place, PG.partOf), PG.officialCode)) == "446"


def test_speeches_carry_topic_and_capacity(seed, vocabulary):
    g = map_extraction(seed, vocabulary).graph
    topics = {str(t) for t in g.objects(None, PG.topic)}
    expected = {s.topic for p in seed.persons for s in p.speeches if s.topic}
    assert topics == expected
    for speech in g.subjects(RDF.type, PG.Speech):
        capacity = g.value(speech, PG.capacity)
        assert capacity is not None
        assert g.value(capacity, PG.person) == g.value(speech, PG.speaker)


def test_the_plan_the_event_implements(seed, vocabulary):
    g = map_extraction(seed, vocabulary).graph
    event = next(g.subjects(RDF.type, PG.Conference))
    plan = g.value(event, PG.implements)
    assert str(g.value(plan, PG.documentNumber)) == "93-KH/HU"
    assert g.value(plan, PG.issuer) == by_label(g, "Ban Thường vụ Huyện ủy Cẩm Xuyên")


def test_same_facts_in_another_spelling_give_the_same_bodies(seed, vocabulary):
    old_spelling = seed.model_copy(deep=True)
    for person in old_spelling.persons:
        for role in person.roles:
            role.org = role.org.replace("ủy", "uỷ")
    a = map_extraction(seed, vocabulary).graph
    b = map_extraction(old_spelling, vocabulary).graph

    def orgs(g):
        return set(g.subjects(RDF.type, PG.Organization))

    assert orgs(a) == orgs(b)


def test_two_entries_with_one_name_make_one_valid_person(vocabulary, validator):
    from polgraph.extract.schema import Extraction

    x = Extraction.model_validate(
        {
            "event": {"kind": "conference"},
            "persons": [
                {
                    "name": "Lê Văn An",
                    "roles": [{"post": "Bí thư", "org": "Đảng ủy xã Tân An"}],
                    "acts": ["speech"],
                },
                {
                    "name": "Lê Văn An",
                    "roles": [{"post": "Chủ tịch", "org": "Ủy ban nhân dân xã Tân An"}],
                    "acts": ["speech"],
                },
            ],
        }
    )
    g = map_extraction(x, vocabulary).graph
    assert len(set(g.subjects(RDF.type, PG.PersonMention))) == 1
    assert len(set(g.subjects(RDF.type, PG.Speech))) == 2
    assert validator.validate(g).conforms


def test_an_organiser_listing_several_bodies_names_each(vocabulary):
    from polgraph.extract.schema import Extraction

    x = Extraction.model_validate(
        {
            "event": {"kind": "ceremony", "organiser": "Đảng ủy, HĐND, UBND xã Tân Phúc"},
            "persons": [],
        }
    )
    g = map_extraction(x, vocabulary).graph
    labels = {str(g.value(o, RDFS.label)) for o in g.objects(None, PG.organiser)}
    assert labels == {
        "Đảng ủy xã Tân Phúc",
        "Hội đồng nhân dân xã Tân Phúc",
        "Ủy ban nhân dân xã Tân Phúc",
    }


def test_abbreviated_and_spelt_out_bodies_are_one_node(vocabulary):
    from polgraph.extract.schema import Extraction

    def org_of(name):
        x = Extraction.model_validate(
            {
                "event": {"kind": "conference"},
                "persons": [{"name": "Lê Văn An", "roles": [{"post": "Chủ tịch", "org": name}]}],
            }
        )
        g = map_extraction(x, vocabulary).graph
        return next(g.subjects(RDF.type, PG.PeoplesCommittee))

    assert (
        org_of("UBND xã Tân Phúc")
        == org_of("Ủy ban nhân dân xã Tân Phúc")
        == org_of("Uỷ ban nhân dân xã Tân Phúc")
    )


def test_bodies_are_placed_in_their_unit_and_under_their_parent(vocabulary):
    from conftest import ROOT

    from polgraph.extract.reader import Reader
    from polgraph.extract.source import read_source

    path = ROOT / "data" / "reports" / "seed.txt"
    reader = Reader()
    g = map_extraction(
        reader.read(read_source(path.read_bytes(), path.name, ".txt"), report_id="seed"), vocabulary
    ).graph

    def label(node):
        return str(g.value(node, RDFS.label))

    placed = {label(s): label(o) for s, o in g.subject_objects(PG.jurisdiction)}
    assert placed["Ủy ban nhân dân xã Cẩm Lộc"] == "Xã Cẩm Lộc"  # "UBND xã" completed, then placed
    assert placed["Huyện ủy Cẩm Xuyên"] == "Huyện Cẩm Xuyên"
    parents = {(label(s), label(o)) for s, o in g.subject_objects(ORG.subOrganizationOf)}
    assert {
        ("Ban Thường vụ Huyện ủy Cẩm Xuyên", "Huyện ủy Cẩm Xuyên"),
        ("Chi bộ Nam Phong", "Đảng ủy xã Cẩm Lộc"),
        ("Đảng ủy xã Cẩm Lộc", "Huyện ủy Cẩm Xuyên"),
    } <= parents
