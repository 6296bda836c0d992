"""Place names as reports write them → official units, with codes and 2025 successors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from polgraph.identity.places import admin_units


@pytest.fixture(scope="module")
def units():
    return admin_units()


@pytest.mark.parametrize("place, codes", [
    ("xã Cẩm Lộc, huyện Cẩm Xuyên", ["18730", "446", "42"]),  # no province written: the lists know it
    ("xã Sen Thủy, huyện Lệ Thủy, tỉnh Quảng Bình", ["19312", "457", "44"]),
    ("xã Sen Thuỷ, huyện Lệ Thuỷ", ["19312", "457", "44"]),  # old tone placement
    ("XÃ SEN THỦY,  HUYỆN LỆ THỦY", ["19312", "457", "44"]),
    ("xã Nhơn Ái, huyện Phong Điền, thành phố Cần Thơ", ["31300", "926", "92"]),  # not Phong Điền of Huế
    ("phường An Khánh, quận Ninh Kiều, thành phố Cần Thơ", ["31149", "916", "92"]),
    ("xã Ea M’Droh, huyện Cư M'gar, tỉnh Đắk Lắk", ["24283", "648", "66"]),  # curly apostrophe
    ("huyện Bát Xát, tỉnh Lào Cai", ["082", "10"]),
    ("thôn Làng Mới, xã Gia Phú, huyện Bảo Thắng", ["02923", "086", "10"]),  # the village is skipped
    ("tỉnh Nghệ An", ["40"]),
])
def test_a_place_resolves_to_its_unit_and_the_units_above(units, place, codes):
    unit = units.resolve(place)
    assert unit is not None and unit.structure == "legacy"
    assert [u.code for u in unit.chain] == codes


def test_a_name_several_units_share_is_not_guessed(units):
    assert units.resolve("xã Tân Phúc") is None
    assert units.resolve("Phong Điền") is None  # thị xã Phong Điền (Huế) and huyện Phong Điền (Cần Thơ)
    assert units.resolve("huyện Phong Điền").code == "926"  # the type word tells them apart


def test_unknown_places_give_none(units):
    assert units.resolve("xã Không Có Thật, huyện Cẩm Xuyên") is None
    assert units.resolve("") is None
    with pytest.raises(TypeError):
        units.resolve(None)  # type: ignore[arg-type]


def test_within_narrows_a_bare_name(units):
    district = units.resolve("huyện Cẩm Xuyên, tỉnh Hà Tĩnh")
    commune = units.resolve("xã Cẩm Lộc", within=district)
    assert commune is not None and commune.code == "18730" and commune.parent == district
    other = units.resolve("huyện Lệ Thủy")
    assert units.resolve("xã Cẩm Lộc", within=other) is None


def test_a_commune_has_its_2025_successor(units):
    commune = units.resolve("xã Cẩm Lộc, huyện Cẩm Xuyên")
    successor = units.successor(commune)
    assert (successor.name, successor.code, successor.structure) == ("Xã Cẩm Trung", "18742", "2025")
    assert successor.parent.name == "Tỉnh Hà Tĩnh" and successor.parent.structure == "2025"
    assert units.successor(commune.parent) is None  # districts were abolished
    assert units.successor(successor) is None


def test_a_merged_province_has_its_successor(units):
    quang_binh = units.resolve("tỉnh Quảng Bình")
    assert units.successor(quang_binh).name == "Tỉnh Quảng Trị"


def test_after_the_reorganisation_the_2025_units_come_first(units):
    unit = units.resolve("xã Cẩm Trung, tỉnh Hà Tĩnh", on=dt.date(2025, 9, 1))
    assert (unit.structure, unit.code, [u.level for u in unit.chain]) == ("2025", "18742", ["commune", "province"])
    assert units.resolve("xã Cẩm Trung, tỉnh Hà Tĩnh", on=dt.date(2024, 9, 1)).structure == "legacy"


def test_get_finds_a_unit_by_code(units):
    assert units.get("legacy", "commune", "18730").name == "Xã Cẩm Lộc"
    assert units.get("2025", "commune", "18742").name == "Xã Cẩm Trung"
    assert units.get("legacy", "commune", "99999") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_resolve_never_raises_on_text(text):
    result = admin_units().resolve(text)
    assert result is None or result.code.isdigit()
