"""The portal archive of bench/archive.py: seeded, shaped like one district's archive (the same
communes and officials over years), and read back by the reader as its ground truth says."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pytest

# bench/ holds scripts, not a package: the generator is imported from its folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import archive

from polgraph.pipeline.ingest import read_extraction
from polgraph.rdf.mapping import map_extraction
from polgraph.text.normalise import name_key, normalise_label
from polgraph.vocab import vocabulary

SEED = 0
UNIT_IRI = "https://w3id.org/polgraph/id/unit"


@pytest.fixture(scope="module")
def reports() -> list[archive.GeneratedReport]:
    return list(archive.generate(300, seed=SEED))


def officials(report: archive.GeneratedReport) -> list[archive.PersonTruth]:
    return [p for p in report.truth.persons if not p.id.startswith("c:")]


def careers(reports) -> dict[str, list[tuple]]:
    """Each official's posts as the reports state them: (date, {(post, body)}), in date order."""
    seen = defaultdict(list)
    for report in reports:
        for person in officials(report):
            held = {(role.post, role.body) for role in person.roles}
            if held:
                seen[person.id].append((report.truth.date, held))
    return seen


def commune_of(body: str) -> str | None:
    """ "Ủy ban nhân dân xã Cẩm Lộc" → "Cẩm Lộc"; None for a body of no commune."""
    return body.rsplit(" xã ", 1)[1] if " xã " in body else None


def in_district(body: str) -> bool:
    return body.endswith(("huyện Cẩm Xuyên", "Huyện ủy Cẩm Xuyên"))


def test_the_same_seed_gives_the_same_reports() -> None:
    first = list(archive.generate(40, seed=3))
    again = list(archive.generate(40, seed=3))
    other = list(archive.generate(40, seed=4))
    assert [(r.name, r.text, r.truth) for r in first] == [(r.name, r.text, r.truth) for r in again]
    assert [r.text for r in first] != [r.text for r in other]
    assert len({r.name for r in first}) == 40
    assert [r.truth.date for r in first] == sorted(r.truth.date for r in first)


def test_reports_are_of_one_district_and_every_commune_recurs(reports) -> None:
    assert {r.truth.district.name for r in reports if r.truth.district} == {"Cẩm Xuyên"}
    communes = Counter(
        r.truth.commune
        for r in reports
        if r.truth.commune is not None and r.truth.commune.era == "legacy"
    )
    assert len(communes) == 21  # all the district's communes before 2025
    assert min(communes.values()) >= 5
    assert sorted(communes.values())[10] >= 10
    assert {r.truth.date.year for r in reports} == set(range(2015, 2026))
    sizes = sorted(len(r.text.encode()) for r in reports)
    assert sizes[len(sizes) // 20] >= 1000 and sizes[-1] <= 4000


def test_officials_recur_across_reports(reports) -> None:
    named = Counter(p.id for r in reports for p in officials(r))
    again = sum(count for count in named.values() if count >= 2)
    assert again / sum(named.values()) >= 0.7  # most mentions name someone other reports name
    assert max(named.values()) >= 20


def test_officials_change_posts_over_the_years(reports) -> None:
    changed, promoted = set(), set()
    for person_id, posts in careers(reports).items():
        for (first, earlier), (then, later) in combinations(posts, 2):
            if first < then and earlier.isdisjoint(later):
                changed.add(person_id)
            if (
                first < then
                and any(commune_of(body) for _, body in earlier)
                and any(in_district(body) for _, body in later)
            ):
                promoted.add(person_id)
    assert len(changed) >= 10
    assert promoted  # from a commune's body to the district's


def test_namesakes_serve_different_communes(reports) -> None:
    communes = defaultdict(set)  # id → the communes whose bodies the official served
    for person_id, posts in careers(reports).items():
        communes[person_id] |= {commune_of(body) for _, held in posts for _, body in held} - {None}
    names = {p.id: p.name for r in reports for p in officials(r)}
    by_name = defaultdict(list)
    for person_id, served in communes.items():
        if served:
            by_name[names[person_id]].append(served)
    assert any(a.isdisjoint(b) for served in by_name.values() for a, b in combinations(served, 2))


def test_the_reader_finds_the_persons_and_their_posts(reports, tmp_path) -> None:
    found = expected = roles_found = roles_expected = 0
    for report in reports[::10]:
        path = tmp_path / report.name
        path.write_text(report.text, encoding="utf-8")
        read = {name_key(p.name): p for p in read_extraction(path).persons}
        for person in report.truth.persons:
            match = read.get(name_key(person.name))
            truth = {(r.post, normalise_label(r.body)) for r in person.roles}
            expected += 1
            found += match is not None
            roles_expected += len(truth)
            if match is not None:
                roles_found += len(
                    truth & {(r.post, normalise_label(r.org or "")) for r in match.roles}
                )
    assert found / expected >= 0.9
    assert roles_found / roles_expected >= 0.85


def test_places_map_to_official_units(tmp_path) -> None:
    sample = list(archive.generate(1000, seed=SEED))
    communes = [r for r in sample if r.truth.commune and r.truth.commune.era == "legacy"][:3]
    district = next(r for r in sample if r.truth.commune is None)
    merged = next(r for r in sample if r.truth.place.era == "2025")  # a commune of 1 July 2025
    cases = [(r, "legacy/commune") for r in communes]
    cases += [(district, "legacy/district"), (merged, "2025/commune")]
    vocab = vocabulary()
    for report, level in cases:
        path = tmp_path / report.name
        path.write_text(report.text, encoding="utf-8")
        graph = map_extraction(read_extraction(path), vocab)
        terms = {str(term) for triple in graph.triples for term in triple}
        assert f"{UNIT_IRI}/{level}/{report.truth.place.code}" in terms, report.name


def test_several_districts_of_one_province(tmp_path) -> None:
    districts = ["446", "Thạch Hà"]  # by code, by name
    summary = archive.write(tmp_path, 60, seed=1, district=districts)
    assert summary.reports == 60 == len(list(tmp_path.glob("*.txt")))
    reports = archive.generate(60, seed=1, district=districts)
    assert {r.truth.district.name for r in reports if r.truth.district} == {"Cẩm Xuyên", "Thạch Hà"}
    with pytest.raises(ValueError, match="one province"):
        list(archive.generate(5, district=["huyện Cẩm Xuyên", "huyện Nông Cống"]))
    with pytest.raises(ValueError, match="no district"):
        list(archive.generate(5, district="huyện Không Có Thật"))
