"""Which mentions of a name are one person, and why."""

from __future__ import annotations

import re
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from polgraph.identity.overrides import Assertion, Overrides, Selector
from polgraph.identity.persons import REASONS, Mention, explain, resolve_persons
from polgraph.text.normalise import name_key


def mention(iri, name, report, areas=(), bodies=(), posts=()):
    return Mention(
        iri, name, name_key(name), report, frozenset(areas), frozenset(bodies), frozenset(posts)
    )


def apart(*pairs):
    return Overrides(
        different=tuple(Assertion((Selector(mention=a), Selector(mention=b))) for a, b in pairs)
    )


# Two communes of one district in Nghệ An (d002, d005 of the dev corpus).
HUE_D002 = mention(
    "m:d002/hue", "Lương Thị Minh Huệ", "d002", ["commune:19312", "district:457", "province:44"]
)
HUE_D005 = mention(
    "m:d005/hue", "Lương Thị Minh Huệ", "d005", ["commune:19288", "district:457", "province:44"]
)
# One name in Nghệ An and in Cần Thơ.
THANG_NGHE_AN = mention("m:d010/thang", "Lê Văn Thắng", "d010", ["district:425", "province:40"])
THANG_CAN_THO = mention("m:d013/thang", "Lê Văn Thắng", "d013", ["district:916", "province:92"])


def clusters_by_mentions(clusters):
    return sorted(c.mentions for c in clusters)


def test_the_same_name_in_two_communes_of_one_district_is_one_person():
    (cluster,) = resolve_persons([HUE_D002, HUE_D005])
    assert cluster.mentions == ("m:d002/hue", "m:d005/hue")
    assert cluster.name == "Lương Thị Minh Huệ"
    assert [(link.a, link.b, link.reason, link.detail) for link in cluster.links] == [
        ("m:d002/hue", "m:d005/hue", "same district", "district:457")
    ]
    assert explain(cluster, {m.iri: m for m in (HUE_D002, HUE_D005)}) == [
        "Lương Thị Minh Huệ (d002) = Lương Thị Minh Huệ (d005): same district (district:457)"
    ]


def test_namesakes_in_unrelated_provinces_are_two_people():
    clusters = resolve_persons([THANG_NGHE_AN, THANG_CAN_THO])
    assert clusters_by_mentions(clusters) == [("m:d010/thang",), ("m:d013/thang",)]
    assert len({c.key for c in clusters}) == 2
    assert all(c.links == () for c in clusters)


def test_the_strongest_shared_thing_is_the_reason():
    a = mention(
        "m:1",
        "Võ Nam",
        "r1",
        ["commune:1", "province:42"],
        bodies=["org:x"],
        posts=["post:x/chair"],
    )
    b = mention(
        "m:2",
        "Võ Nam",
        "r2",
        ["commune:1", "province:42"],
        bodies=["org:x"],
        posts=["post:x/chair"],
    )
    c = mention("m:3", "Võ Nam", "r3", ["commune:1", "province:42"], bodies=["org:x"])
    d = mention("m:4", "Võ Nam", "r4", ["commune:1", "province:42"])
    (cluster,) = resolve_persons([d, c, b, a])
    assert [(link.a, link.b, link.reason, link.detail) for link in cluster.links] == [
        ("m:1", "m:2", "same post", "post:x/chair"),
        ("m:2", "m:3", "shared body", "org:x"),
        ("m:3", "m:4", "same commune", "commune:1"),
    ]


def test_a_shared_body_joins_across_provinces_and_nothing_shared_keeps_apart():
    a = mention("m:1", "Trần Văn A", "r1", ["province:40"], bodies=["org:quoc-hoi"])
    b = mention("m:2", "Trần Văn A", "r2", ["province:92"], bodies=["org:quoc-hoi"])
    c = mention("m:3", "Trần Văn A", "r3", [])
    d = mention("m:4", "Trần Văn B", "r1", ["province:40"], bodies=["org:quoc-hoi"])  # another name
    assert clusters_by_mentions(resolve_persons([a, b, c, d])) == [
        ("m:1", "m:2"),
        ("m:3",),
        ("m:4",),
    ]


def test_a_mention_with_no_areas_stays_alone_and_its_key_is_scoped_by_its_report():
    lone = mention("m:d007/x", "Đinh Văn X", "d007")
    twin = mention("m:d008/x", "Đinh Văn X", "d008")
    clusters = resolve_persons([lone, twin])
    assert clusters_by_mentions(clusters) == [("m:d007/x",), ("m:d008/x",)]
    assert len({c.key for c in clusters}) == 2  # report-scoped keys differ


def test_old_and_modern_tone_spellings_are_one_name_and_the_commonest_form_names_the_person():
    written = ["Nguyễn Văn Hoà", "Nguyễn Văn Hòa", "Nguyễn Văn Hòa"]
    found = [mention(f"m:{i}", n, f"r{i}", ["province:1"]) for i, n in enumerate(written)]
    (cluster,) = resolve_persons(found)
    assert cluster.name == "Nguyễn Văn Hòa" and len(cluster.mentions) == 3
    tie = resolve_persons(found[:2])[0]
    assert tie.name == min("Nguyễn Văn Hoà", "Nguyễn Văn Hòa")


def test_different_splits_a_same_district_pair_and_same_joins_different_names():
    split = resolve_persons(
        [HUE_D002, HUE_D005],
        Overrides(
            different=(
                Assertion(
                    (Selector("Lương Thị Minh Huệ", "d002"), Selector("Lương Thị Minh Huệ", "d005"))
                ),
            )
        ),
    )
    assert clusters_by_mentions(split) == [("m:d002/hue",), ("m:d005/hue",)]
    same = Overrides(
        same=(
            Assertion(
                (Selector(mention="m:d010/thang"), Selector("Lê Văn Thắng", "d013")), "one man"
            ),
        )
    )
    (joined,) = resolve_persons([THANG_NGHE_AN, THANG_CAN_THO], same)
    assert [(link.reason, link.detail) for link in joined.links] == [("asserted same", "one man")]
    misspelt = mention("m:d014/thang", "Lê Văn Thăng", "d014", ["province:92"])
    (joined,) = resolve_persons(
        [THANG_CAN_THO, misspelt],
        Overrides(
            same=(
                Assertion(
                    (Selector("Lê Văn Thắng", "d013"), Selector("Lê Văn Thăng", "d014")), "misspelt"
                ),
            )
        ),
    )
    assert joined.mentions == ("m:d013/thang", "m:d014/thang")


def test_different_wins_over_same():
    both = Overrides(
        same=(Assertion((Selector(mention="m:d002/hue"), Selector(mention="m:d005/hue"))),),
        different=(Assertion((Selector(mention="m:d005/hue"), Selector(mention="m:d002/hue"))),),
    )
    assert len(resolve_persons([HUE_D002, HUE_D005], both)) == 2


def test_a_mention_kept_apart_from_two_namesakes_does_not_keep_them_apart():
    # All three share a province; the middle one is a different person from both others.
    found = [mention(f"m:{i}", "Phan Văn Sơn", f"r{i}", ["province:44"]) for i in (1, 2, 3)]
    clusters = resolve_persons(found, apart(("m:1", "m:2"), ("m:2", "m:3")))
    assert clusters_by_mentions(clusters) == [("m:1", "m:3"), ("m:2",)]


def test_keys_are_stable_and_come_from_name_and_province():
    first = resolve_persons([HUE_D002])[0].key
    assert re.fullmatch(r"luong-thi-minh-hue-[0-9a-f]{8}-[0-9a-f]{8}", first)
    assert resolve_persons([HUE_D002, HUE_D005])[0].key == first  # a later report keeps the IRI
    assert resolve_persons([HUE_D005])[0].key == first  # same name and province, same key
    assert resolve_persons([THANG_NGHE_AN])[0].key != resolve_persons([THANG_CAN_THO])[0].key


def test_namesakes_split_by_an_assertion_get_distinct_keys_and_the_first_keeps_the_plain_one():
    plain = resolve_persons([HUE_D002])[0].key
    split = resolve_persons([HUE_D005, HUE_D002], apart(("m:d002/hue", "m:d005/hue")))
    keys = {c.mentions: c.key for c in split}
    assert keys[("m:d002/hue",)] == plain
    assert re.fullmatch(re.escape(plain) + r"-[0-9a-f]{6}", keys[("m:d005/hue",)])


# Small worlds where collisions are likely: few names, few places, few bodies.
NAMES = ["Nguyễn Văn A", "Nguyễn Văn Á", "Lê Thị C"]
AREAS = ["province:1", "province:2", "district:10", "district:20", "commune:100"]
mentions = st.lists(
    st.builds(
        mention,
        st.integers(0, 40).map(lambda n: f"m:{n:02d}"),
        st.sampled_from(NAMES),
        st.sampled_from(["r1", "r2", "r3"]),
        st.lists(st.sampled_from(AREAS), max_size=3),
        st.lists(st.sampled_from(["org:a", "org:b"]), max_size=1),
        st.lists(st.sampled_from(["post:a", "post:b"]), max_size=1),
    ),
    max_size=14,
    unique_by=lambda m: m.iri,
)


@st.composite
def worlds(draw):
    found = draw(mentions)
    iris = [m.iri for m in found]

    def pairs(most):
        return (
            st.lists(st.tuples(st.sampled_from(iris), st.sampled_from(iris)), max_size=most)
            if iris
            else st.just([])
        )

    different, same = draw(pairs(8)), draw(pairs(3))
    overrides = Overrides(
        same=tuple(Assertion((Selector(mention=a), Selector(mention=b)), "s") for a, b in same),
        different=tuple(
            Assertion((Selector(mention=a), Selector(mention=b))) for a, b in different
        ),
    )
    return found, overrides, {frozenset(p) for p in different if p[0] != p[1]}, same


def shares(x: Mention, y: Mention) -> bool:
    return x.name_key == y.name_key and bool(
        x.posts & y.posts or x.bodies & y.bodies or x.areas & y.areas
    )


@settings(max_examples=300, deadline=None)
@given(worlds(), st.randoms(use_true_random=False))
def test_resolution_ignores_order_keeps_assertions_and_explains_with_a_tree(world, rnd):
    found, overrides, kept_apart, asserted_same = world
    shuffled = list(found)
    rnd.shuffle(shuffled)
    clusters = resolve_persons(found, overrides)
    assert clusters == resolve_persons(shuffled, overrides)
    assert sorted(m for c in clusters for m in c.mentions) == sorted(m.iri for m in found)
    assert len({c.key for c in clusters}) == len(clusters)
    cluster_of = {m: i for i, c in enumerate(clusters) for m in c.mentions}
    for pair in kept_apart:  # a cannot-link never ends inside one person
        a, b = sorted(pair)
        assert cluster_of[a] != cluster_of[b]
    for cluster in clusters:  # the links are a spanning tree over the cluster
        assert list(cluster.mentions) == sorted(set(cluster.mentions))
        assert len(cluster.links) == len(cluster.mentions) - 1
        assert all(link.a < link.b and link.reason in REASONS for link in cluster.links)
        reached = {cluster.mentions[0]}
        for _ in cluster.links:
            reached |= {
                x for link in cluster.links for x in (link.a, link.b) if {link.a, link.b} & reached
            }
        assert reached == set(cluster.mentions)
    # Nothing that could join is left apart: two mentions sharing something (or asserted the
    # same) are in one person unless joining their persons would join a pair asserted different.
    by_iri = {m.iri: m for m in found}
    joinable = {frozenset((x.iri, y.iri)) for x, y in combinations(found, 2) if shares(x, y)}
    joinable |= {frozenset(p) for p in asserted_same if p[0] != p[1]}
    for pair in joinable:
        a, b = sorted(pair)
        if cluster_of[a] != cluster_of[b]:
            merged = set(clusters[cluster_of[a]].mentions) | set(clusters[cluster_of[b]].mentions)
            assert any(p <= merged for p in kept_apart), (by_iri[a], by_iri[b])
