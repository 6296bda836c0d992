"""Which mentions of a name are one person, and why."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from polgraph.identity.overrides import Assertion, Overrides, Selector
from polgraph.identity.persons import Mention, explain, resolve_persons
from polgraph.text.normalise import name_key


def mention(iri, name, report, areas=(), bodies=(), posts=()):
    return Mention(iri, name, name_key(name), report, frozenset(areas), frozenset(bodies), frozenset(posts))


HUE_D002 = mention("m:d002/hue", "Lương Thị Minh Huệ", "d002",
                   ["commune:19312", "district:457", "province:44"])
HUE_D005 = mention("m:d005/hue", "Lương Thị Minh Huệ", "d005",
                   ["commune:19288", "district:457", "province:44"])
THANG_NGHE_AN = mention("m:d010/thang", "Lê Văn Thắng", "d010", ["district:425", "province:40"])
THANG_CAN_THO = mention("m:d013/thang", "Lê Văn Thắng", "d013", ["district:916", "province:92"])


def clusters_by_mentions(clusters):
    return sorted(c.mentions for c in clusters)


def test_the_same_name_in_two_communes_of_one_district_is_one_person():
    (cluster,) = resolve_persons([HUE_D002, HUE_D005])
    assert cluster.mentions == ("m:d002/hue", "m:d005/hue")
    assert [(link.reason, link.detail) for link in cluster.links] == [("same district", "district:457")]
    assert explain(cluster, {m.iri: m for m in (HUE_D002, HUE_D005)}) == [
        "Lương Thị Minh Huệ (d002) = Lương Thị Minh Huệ (d005): same district (district:457)"]


def test_namesakes_in_unrelated_provinces_are_two_people():
    clusters = resolve_persons([THANG_NGHE_AN, THANG_CAN_THO])
    assert clusters_by_mentions(clusters) == [("m:d010/thang",), ("m:d013/thang",)]
    assert len({c.key for c in clusters}) == 2


def test_the_strongest_shared_thing_is_the_reason():
    a = mention("m:1", "Võ Nam", "r1", ["province:42"], bodies=["org:x"], posts=["post:x/chair"])
    b = mention("m:2", "Võ Nam", "r2", ["province:42"], bodies=["org:x"], posts=["post:x/chair"])
    c = mention("m:3", "Võ Nam", "r3", ["province:42"], bodies=["org:x"])
    (cluster,) = resolve_persons([c, b, a])
    assert sorted((link.a, link.b, link.reason) for link in cluster.links) == [
        ("m:1", "m:2", "same post"), ("m:2", "m:3", "shared body")]


def test_a_shared_body_joins_across_provinces_and_nothing_shared_keeps_apart():
    a = mention("m:1", "Trần Văn A", "r1", ["province:40"], bodies=["org:quoc-hoi"])
    b = mention("m:2", "Trần Văn A", "r2", ["province:92"], bodies=["org:quoc-hoi"])
    c = mention("m:3", "Trần Văn A", "r3", [])
    assert clusters_by_mentions(resolve_persons([a, b, c])) == [("m:1", "m:2"), ("m:3",)]


def test_different_splits_and_same_joins():
    different = Overrides(different=(Assertion((Selector("Lương Thị Minh Huệ", "d002"),
                                                Selector("Lương Thị Minh Huệ", "d005"))),))
    split = resolve_persons([HUE_D002, HUE_D005], different)
    assert clusters_by_mentions(split) == [("m:d002/hue",), ("m:d005/hue",)]
    assert len({c.key for c in split}) == 2  # same name and province: the key is made unique
    same = Overrides(same=(Assertion((Selector(mention="m:d010/thang"), Selector("Lê Văn Thắng", "d013")),
                                     "one man"),))
    (joined,) = resolve_persons([THANG_NGHE_AN, THANG_CAN_THO], same)
    assert [(link.reason, link.detail) for link in joined.links] == [("asserted same", "one man")]


def test_keys_are_stable_and_come_from_name_and_province():
    first = resolve_persons([HUE_D002])[0].key
    assert resolve_persons([HUE_D002, HUE_D005])[0].key == first  # a later report keeps the IRI
    assert first.startswith("luong-thi-minh-hue-")


names = st.sampled_from(["Nguyễn Văn A", "Nguyễn Văn B", "Lê Thị C"])
mentions = st.lists(st.builds(
    mention, st.uuids().map(lambda u: f"m:{u}"), names, st.sampled_from(["r1", "r2", "r3"]),
    st.lists(st.sampled_from(["province:1", "province:2", "district:10", "commune:100"]), max_size=2),
    st.lists(st.sampled_from(["org:a", "org:b"]), max_size=1),
    st.lists(st.sampled_from(["post:a", "post:b"]), max_size=1),
), max_size=12, unique_by=lambda m: m.iri)


@settings(max_examples=80, deadline=None)
@given(mentions, st.randoms(use_true_random=False), st.data())
def test_resolution_ignores_order_keeps_assertions_and_explains_with_a_tree(found, rnd, data):
    apart = []
    if len(found) >= 2:
        pair = data.draw(st.lists(st.sampled_from(found), min_size=2, max_size=2, unique_by=lambda m: m.iri))
        apart = [pair]
    overrides = Overrides(different=tuple(
        Assertion((Selector(mention=a.iri), Selector(mention=b.iri))) for a, b in apart))
    shuffled = list(found)
    rnd.shuffle(shuffled)
    assert resolve_persons(found, overrides) == resolve_persons(shuffled, overrides)
    clusters = resolve_persons(found, overrides)
    for a, b in apart:
        assert not any(a.iri in c.mentions and b.iri in c.mentions for c in clusters)
    for cluster in clusters:
        assert len(cluster.links) == len(cluster.mentions) - 1
        reached = {cluster.mentions[0]}
        for _ in cluster.links:  # the links connect every mention of the cluster
            reached |= {x for link in cluster.links for x in (link.a, link.b) if {link.a, link.b} & reached}
        assert reached == set(cluster.mentions)
    assert sorted(m for c in clusters for m in c.mentions) == sorted(m.iri for m in found)
