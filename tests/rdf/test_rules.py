"""Store-wide SHACL-SPARQL warnings (ontology/rules.ttl), checked after identities are resolved."""

from __future__ import annotations

from polgraph.extract.schema import Extraction

CHAIR = {"post": "Chủ tịch", "org": "Ủy ban nhân dân xã Cẩm Lộc", "as_written": "Chủ tịch UBND xã"}


def report(key, persons, kind="conference", date="2024-03-01"):
    return Extraction.model_validate(
        {
            "id": key,
            "report": {"title": f"Hội nghị {key}"},
            "event": {"kind": kind, "date": date, "place": "xã Cẩm Lộc, huyện Cẩm Xuyên"},
            "persons": persons,
        }
    )


def test_two_holders_of_one_exclusive_post_on_one_date_are_warned(pipeline):
    pipeline.ingest(
        report("r1", [{"name": "Nguyễn Văn Hùng", "roles": [CHAIR], "acts": ["chaired"]}]), "r1"
    )
    pipeline.ingest(
        report("r2", [{"name": "Trần Văn Bình", "roles": [CHAIR], "acts": ["chaired"]}]), "r2"
    )
    clashes = [
        m for m in pipeline.rule_messages if "a post one person holds at a time" in m.message
    ]
    assert len(clashes) == 2  # one for each attestation
    assert all(m.severity == "Warning" for m in clashes)
    assert {m.value for m in clashes} == {"Nguyễn Văn Hùng", "Trần Văn Bình"}


def test_a_handover_by_election_is_not_a_clash(pipeline):
    elected = {**CHAIR, "elected": True}
    pipeline.ingest(
        report(
            "r1",
            [
                {"name": "Nguyễn Văn Hùng", "roles": [CHAIR], "acts": ["presented_report"]},
                {"name": "Trần Văn Bình", "roles": [elected], "acts": ["elected"]},
            ],
            kind="council_session",
        ),
        "r1",
    )
    assert not [m for m in pipeline.rule_messages if "one person holds at a time" in m.message]


# The chair speaks, and so does someone the report gives no post.
A_SPEAKER_WITHOUT_POST = [
    {"name": "Nguyễn Văn Hùng", "roles": [CHAIR], "acts": ["chaired", "speech"]},
    {"name": "Lê Thị Hoa", "roles": [], "acts": ["speech"]},
]


def test_a_speaker_with_no_post_at_the_event_is_warned_except_voters(pipeline):
    pipeline.ingest(report("r1", A_SPEAKER_WITHOUT_POST), "r1")
    speakers = [m for m in pipeline.rule_messages if "no post of theirs is attested" in m.message]
    assert [m.value for m in speakers] == ["Lê Thị Hoa"]
    pipeline.ingest(
        report(
            "r2",
            [{"name": "Phạm Văn Cử", "roles": [], "acts": ["speech"]}],
            kind="voter_meeting",
            date="2024-04-01",
        ),
        "r2",
    )
    # After an ingest only what it touched is checked: r1's speaker is not told again ...
    assert not [m for m in pipeline.rule_messages if "no post of theirs" in m.message]
    # ... but the whole store still holds that warning, and none for the voter.
    from polgraph.rdf.rules import check_rules

    assert [m.value for m in check_rules(pipeline.store) if "no post of theirs" in m.message] == [
        "Lê Thị Hoa"
    ]


def test_a_rule_checked_on_what_an_ingest_touched_sees_its_clash_with_older_reports(pipeline):
    pipeline.ingest(
        report("r1", [{"name": "Nguyễn Văn Hùng", "roles": [CHAIR], "acts": ["chaired"]}]), "r1"
    )
    other = {"post": "Chủ tịch", "org": "Hội Nông dân xã Cẩm Lộc"}
    pipeline.ingest(
        report("r2", [{"name": "Lê Văn Tám", "roles": [other], "acts": ["chaired"]}]), "r2"
    )
    assert not pipeline.rule_messages  # another post: nothing to say
    pipeline.ingest(
        report("r3", [{"name": "Trần Văn Bình", "roles": [CHAIR], "acts": ["chaired"]}]), "r3"
    )
    clashes = {m.value for m in pipeline.rule_messages if "one person holds at a time" in m.message}
    # r1's attestation too: the post was touched
    assert clashes == {"Nguyễn Văn Hùng", "Trần Văn Bình"}


def test_the_one_query_evaluation_agrees_with_pyshacl(pipeline, store):
    """The rules run as one query each; pySHACL, binding $this node by node, must find the same."""
    import pyoxigraph as ox
    import pyshacl
    from conftest import stored_quads

    from polgraph.rdf.rules import check_rules, rules_graph
    from polgraph.rdf.terms import to_ox_quad
    from polgraph.rdf.validate import report_data_graph

    pipeline.ingest(report("r1", A_SPEAKER_WITHOUT_POST), "r1")
    pipeline.ingest(
        report("r2", [{"name": "Trần Văn Bình", "roles": [CHAIR], "acts": ["chaired"]}]), "r2"
    )
    union = ox.Store()
    union.extend(to_ox_quad(s, p, o) for _, s, p, o in stored_quads(store))
    _, results, _ = pyshacl.validate(
        report_data_graph(union),
        shacl_graph=rules_graph(),
        advanced=True,
        inference="none",
        inplace=True,
        allow_warnings=True,
    )
    from rdflib.namespace import RDF, SH

    expected = {
        (str(results.value(r, SH.focusNode)), str(results.value(r, SH.value)))
        for r in results.subjects(RDF.type, SH.ValidationResult)
    }
    found = {(m.focus.strip("<>"), m.value) for m in check_rules(store)}
    assert len(expected) == 3 and found == expected
