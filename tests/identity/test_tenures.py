"""Tenures and successions from attestations."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from polgraph.identity.tenures import Attestation, career, derive_tenures

D = dt.date
CHAIR, VICE = "post:ubnd/chu-tich", "post:ubnd/pho-chu-tich"


def chair(iri, person, date, elected=False):
    return Attestation(iri, person, CHAIR, date, elected=elected, exclusive=True)


# A commune People's Committee: Thành is Phó Chủ tịch in January and is elected Chủ tịch at the
# June session, where the outgoing Chủ tịch Quyết is attested too.
PROMOTION = [
    Attestation("a1", "thanh", VICE, D(2024, 1, 12)),
    chair("a2", "quyet", D(2024, 1, 12)),
    chair("a3", "quyet", D(2024, 6, 27)),
    Attestation("a4", "thanh", VICE, D(2024, 6, 27)),
    chair("a5", "thanh", D(2024, 6, 27), elected=True),
]


def test_a_promotion_gives_a_career_in_order_and_a_successor():
    tenures = derive_tenures(PROMOTION)
    steps = career(tenures, "thanh")
    assert [(t.post, t.first, t.last) for t in steps] == [
        (VICE, D(2024, 1, 12), D(2024, 6, 27)),
        (CHAIR, D(2024, 6, 27), D(2024, 6, 27)),
    ]
    assert [t.attestations for t in steps] == [("a1", "a4"), ("a5",)]
    assert steps[1].opened_by_election and not steps[0].opened_by_election
    (outgoing,) = career(tenures, "quyet")
    assert (outgoing.first, outgoing.last, outgoing.attestations) == (
        D(2024, 1, 12),
        D(2024, 6, 27),
        ("a2", "a3"),
    )
    assert outgoing.successor == steps[1].key
    # a deputy post is not exclusive
    assert steps[1].successor is None and steps[0].successor is None
    assert [(t.post, t.first, t.person) for t in tenures] == sorted(
        (t.post, t.first, t.person) for t in tenures
    )


def test_at_a_handover_session_the_elected_holder_follows_the_one_in_office():
    # Both attested only on the day of the session: the election decides who came after whom.
    tenures = derive_tenures(
        [chair("n", "aaa-new", D(2024, 6, 27), elected=True), chair("o", "zzz-old", D(2024, 6, 27))]
    )
    by_person = {t.person: t for t in tenures}
    assert by_person["zzz-old"].successor == by_person["aaa-new"].key
    assert by_person["aaa-new"].successor is None


def test_someone_coming_back_starts_a_new_tenure():
    found = [
        chair("a1", "a", D(2020, 1, 1)),
        chair("a2", "b", D(2021, 1, 1)),
        chair("a3", "a", D(2022, 1, 1)),
        chair("a4", "a", D(2022, 3, 1)),
    ]
    tenures = derive_tenures(found)
    assert [(t.person, t.first, t.last) for t in tenures] == [
        ("a", D(2020, 1, 1), D(2020, 1, 1)),
        ("b", D(2021, 1, 1), D(2021, 1, 1)),
        ("a", D(2022, 1, 1), D(2022, 3, 1)),
    ]
    assert [t.successor for t in tenures] == [tenures[1].key, tenures[2].key, None]
    assert [t.key for t in career(tenures, "a")] == [tenures[0].key, tenures[2].key]


def test_only_evidence_strictly_between_splits_a_run():
    # b is attested on a's own dates, never strictly between two of them: a's run is not split.
    found = [
        chair("a1", "a", D(2020, 1, 1)),
        chair("b1", "b", D(2020, 1, 1)),
        chair("a2", "a", D(2020, 5, 1)),
        chair("b2", "b", D(2020, 5, 1)),
        chair("a3", "a", D(2020, 9, 1)),
    ]
    assert [(t.person, t.first, t.last) for t in derive_tenures(found)] == [
        ("a", D(2020, 1, 1), D(2020, 9, 1)),
        ("b", D(2020, 1, 1), D(2020, 5, 1)),
    ]


def test_a_post_that_is_not_exclusive_is_never_split_and_has_no_successors():
    found = [
        Attestation("a1", "a", VICE, D(2020, 1, 1)),
        Attestation("b1", "b", VICE, D(2021, 1, 1)),
        Attestation("a2", "a", VICE, D(2022, 1, 1)),
    ]
    tenures = derive_tenures(found)
    assert [(t.person, t.first, t.last, t.successor) for t in tenures] == [
        ("a", D(2020, 1, 1), D(2022, 1, 1), None),
        ("b", D(2021, 1, 1), D(2021, 1, 1), None),
    ]


def test_undated_evidence_bounds_nothing():
    assert derive_tenures([Attestation("a1", "a", CHAIR, None)]) == []
    (tenure,) = derive_tenures(
        [
            Attestation("a1", "a", CHAIR, None, elected=True),
            Attestation("a2", "a", CHAIR, D(2021, 3, 1)),
        ]
    )
    assert (tenure.first, tenure.last, tenure.attestations, tenure.opened_by_election) == (
        D(2021, 3, 1),
        D(2021, 3, 1),
        ("a2",),
        False,
    )


def test_keys_come_from_person_post_and_first_date():
    (first,) = derive_tenures([chair("a1", "a", D(2020, 1, 1))])
    (later_evidence,) = derive_tenures(
        [chair("a1", "a", D(2020, 1, 1)), chair("x9", "a", D(2020, 2, 1))]
    )
    assert re.fullmatch(r"[0-9a-f]{12}", first.key) and later_evidence.key == first.key
    others = [
        derive_tenures([chair("a1", "b", D(2020, 1, 1))])[0].key,
        derive_tenures([Attestation("a1", "a", VICE, D(2020, 1, 1))])[0].key,
        derive_tenures([chair("a1", "a", D(2020, 1, 2))])[0].key,
    ]
    assert first.key not in others and len(set(others)) == 3


attestations = st.lists(
    st.builds(
        Attestation,
        st.integers(0, 60).map(lambda n: f"a{n:02d}"),
        st.sampled_from(["p1", "p2", "p3"]),
        st.sampled_from([CHAIR, VICE]),
        st.one_of(st.none(), st.dates(D(2020, 1, 1), D(2020, 1, 12))),
        st.booleans(),
    ).map(lambda a: Attestation(a.iri, a.person, a.post, a.date, a.elected, a.post == CHAIR)),
    max_size=15,
    unique_by=lambda a: a.iri,
)


@settings(max_examples=300, deadline=None)
@given(attestations, st.randoms(use_true_random=False))
def test_tenures_do_not_depend_on_order_and_follow_the_rules(found, rnd):
    shuffled = list(found)
    rnd.shuffle(shuffled)
    tenures = derive_tenures(found)
    assert tenures == derive_tenures(shuffled)
    assert sorted(x for t in tenures for x in t.attestations) == sorted(
        a.iri for a in found if a.date
    )
    by_iri = {a.iri: a for a in found}
    by_key = {t.key: t for t in tenures}
    assert len(by_key) == len(tenures)
    for t in tenures:
        dates = [by_iri[x].date for x in t.attestations]
        assert (t.first, t.last) == (min(dates), max(dates))
        assert {(by_iri[x].person, by_iri[x].post) for x in t.attestations} == {(t.person, t.post)}
        if t.post != CHAIR:
            assert t.successor is None
            continue
        # No other holder was attested strictly inside a tenure on a day its holder was not.
        own = set(dates)
        assert not any(
            a.post == CHAIR
            and a.person != t.person
            and a.date
            and t.first < a.date < t.last
            and a.date not in own
            for a in found
        )
        if t.successor is not None:
            after = by_key[t.successor]
            assert after.post == t.post and after.person != t.person and after.first >= t.first
    for person in ("p1", "p2", "p3"):
        steps = career(tenures, person)
        assert [(t.first, t.last, t.post) for t in steps] == sorted(
            (t.first, t.last, t.post) for t in steps
        )
