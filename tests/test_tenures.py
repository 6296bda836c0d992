"""Tenures and successions from attestations."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from polgraph.identity.tenures import Attestation, career, derive_tenures

D = dt.date
CHAIR, VICE = "post:ubnd/chu-tich", "post:ubnd/pho-chu-tich"


def test_a_promotion_gives_a_career_in_order_and_a_successor():
    found = [
        Attestation("a1", "thanh", VICE, D(2024, 1, 12)),
        Attestation("a2", "quyet", CHAIR, D(2024, 1, 12), exclusive=True),
        Attestation("a3", "quyet", CHAIR, D(2024, 6, 27), exclusive=True),
        Attestation("a4", "thanh", VICE, D(2024, 6, 27)),
        Attestation("a5", "thanh", CHAIR, D(2024, 6, 27), elected=True, exclusive=True),
    ]
    tenures = derive_tenures(found)
    steps = career(tenures, "thanh")
    assert [(t.post, t.first, t.last) for t in steps] == [
        (VICE, D(2024, 1, 12), D(2024, 6, 27)), (CHAIR, D(2024, 6, 27), D(2024, 6, 27))]
    assert steps[1].opened_by_election and not steps[0].opened_by_election
    (outgoing,) = career(tenures, "quyet")
    assert (outgoing.first, outgoing.last, outgoing.attestations) == (D(2024, 1, 12), D(2024, 6, 27), ("a2", "a3"))
    assert outgoing.successor == steps[1].key
    assert steps[1].successor is None and steps[0].successor is None  # a deputy post is not exclusive


def test_someone_coming_back_starts_a_new_tenure():
    found = [Attestation("a1", "a", CHAIR, D(2020, 1, 1), exclusive=True),
             Attestation("a2", "b", CHAIR, D(2021, 1, 1), exclusive=True),
             Attestation("a3", "a", CHAIR, D(2022, 1, 1), exclusive=True)]
    tenures = derive_tenures(found)
    assert [(t.person, t.first) for t in tenures] == [("a", D(2020, 1, 1)), ("b", D(2021, 1, 1)), ("a", D(2022, 1, 1))]
    assert [t.successor for t in tenures] == [tenures[1].key, tenures[2].key, None]


def test_undated_evidence_bounds_nothing():
    assert derive_tenures([Attestation("a1", "a", CHAIR, None)]) == []


attestations = st.lists(st.builds(
    Attestation, st.uuids().map(str), st.sampled_from(["p1", "p2", "p3"]), st.sampled_from([CHAIR, VICE]),
    st.one_of(st.none(), st.dates(D(2020, 1, 1), D(2020, 1, 20))), st.booleans(),
).map(lambda a: Attestation(a.iri, a.person, a.post, a.date, a.elected, a.post == CHAIR)), max_size=15)


@settings(max_examples=100, deadline=None)
@given(attestations, st.randoms(use_true_random=False))
def test_tenures_do_not_depend_on_order(found, rnd):
    shuffled = list(found)
    rnd.shuffle(shuffled)
    tenures = derive_tenures(found)
    assert tenures == derive_tenures(shuffled)
    dated = {a.iri for a in found if a.date is not None}
    assert sorted(x for t in tenures for x in t.attestations) == sorted(dated)
    keys = {t.key for t in tenures}
    assert all(t.first <= t.last and (t.successor is None or t.successor in keys) for t in tenures)
