"""Place names as reports write them → official units, with their codes and 2025 successors.

Expected codes are those of vietnamadminunits' lists (parser_legacy.json, parser_from_2025.json).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polgraph.places.gazetteer import AdminUnit, AdminUnits, admin_units

AFTER = dt.date(2025, 9, 1)
BEFORE = dt.date(2024, 9, 1)

# The places of the dev corpus, with the codes of the unit and of those above it.
CORPUS = {
    "xã Cẩm Lộc, huyện Cẩm Xuyên": ["18730", "446", "42"],
    # Huyện Lộc Hà was merged into Huyện Thạch Hà before the lists were drawn up.
    "xã Thạch Kim, huyện Lộc Hà": ["18580", "445", "42"],
    "xã Sen Thủy, huyện Lệ Thủy, tỉnh Quảng Bình": ["19312", "457", "44"],
    "xã Thiên Lộc, huyện Can Lộc": ["18415", "443", "42"],
    "xã Hoằng Lộc, huyện Hoằng Hóa, tỉnh Thanh Hóa": ["15964", "399", "38"],
    "xã Hưng Thủy, huyện Lệ Thủy": ["19288", "457", "44"],
    "xã Nhơn Ái, huyện Phong Điền, thành phố Cần Thơ": ["31300", "926", "92"],
    # Xã Xuân Hòa was merged into Xã Xuân Phúc; the lists keep its name as a former one.
    "xã Xuân Hòa, huyện Xuân Trường": ["14146", "364", "36"],
    "xã Hòa An, huyện Krông Pắc, tỉnh Đắk Lắk": ["24511", "654", "66"],
    "xã Diễn Kỷ, huyện Diễn Châu, tỉnh Nghệ An": ["17434", "425", "40"],
    "huyện Bát Xát, tỉnh Lào Cai": ["082", "10"],
    "xã Nga Thủy, huyện Nga Sơn, tỉnh Thanh Hóa": ["16156", "401", "38"],
    "phường An Khánh, quận Ninh Kiều, thành phố Cần Thơ": ["31149", "916", "92"],
    # Xã Nghi Phong moved from Huyện Nghi Lộc to Thành phố Vinh.
    "xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An": ["17902", "412", "40"],
    "xã Ea M'Droh, huyện Cư M'gar, tỉnh Đắk Lắk": ["24283", "648", "66"],
    "xã Gia Phú, huyện Bảo Thắng": ["02923", "086", "10"],
}


@pytest.fixture(scope="module")
def units() -> AdminUnits:
    return admin_units()


def codes(unit: AdminUnit | None) -> list[str] | None:
    return None if unit is None else [u.code for u in unit.chain]


@pytest.mark.parametrize("place", CORPUS)
def test_every_corpus_place_resolves_to_one_legacy_unit(units, place):
    unit = units.resolve(place)
    assert codes(unit) == CORPUS[place]
    assert all(u.structure == "legacy" for u in unit.chain)


def test_corpus_places_agree_with_the_library_parser(units):
    from vietnamadminunits import ParseMode, parse_address

    for place, expected in CORPUS.items():
        parsed = parse_address(place, mode=ParseMode.LEGACY, level=3)
        if parsed.province_code is None:  # "huyện Lộc Hà" without a province defeats the parser
            continue
        assert [parsed.ward_code or parsed.district_code, parsed.province_code] == [
            expected[0],
            expected[-1],
        ], place


def test_names_and_levels_of_a_resolved_unit(units):
    unit = units.resolve("xã Cẩm Lộc, huyện Cẩm Xuyên")
    assert [(u.level, u.name, u.short_name) for u in unit.chain] == [
        ("commune", "Xã Cẩm Lộc", "Cẩm Lộc"),
        ("district", "Huyện Cẩm Xuyên", "Cẩm Xuyên"),
        ("province", "Tỉnh Hà Tĩnh", "Hà Tĩnh"),
    ]
    assert unit.chain[0] is unit and unit.chain[-1].parent is None
    cities = units.resolve("phường An Khánh, quận Ninh Kiều, thành phố Cần Thơ").chain
    assert [u.name for u in cities] == ["Phường An Khánh", "Quận Ninh Kiều", "Thành phố Cần Thơ"]


@pytest.mark.parametrize(
    "variant",
    [
        "xã Sen Thuỷ, huyện Lệ Thuỷ, tỉnh Quảng Bình",  # old tone placement
        "XÃ SEN THỦY, HUYỆN LỆ THỦY, TỈNH QUẢNG BÌNH",
        "  xã  Sen Thủy ,huyện Lệ   Thủy,tỉnh Quảng Bình ",
        "xa Sen Thuy, huyen Le Thuy, tinh Quang Binh",  # no diacritics at all
        "Sen Thủy, Lệ Thủy, Quảng Bình",  # no type words
    ],
)
def test_spelling_variants_give_the_same_unit(units, variant):
    assert codes(units.resolve(variant)) == ["19312", "457", "44"]


@pytest.mark.parametrize(
    "variant",
    [
        "xã Ea M’Droh, huyện Cư M’gar, tỉnh Đắk Lắk",  # typographic apostrophes
        "xã Ea M'droh, huyện Cư M'Gar, tỉnh Đăk Lăk",
        "xã Ea MDroh, huyện Cư Mgar",
    ],
)
def test_apostrophes_and_dak_lak_spellings(units, variant):
    assert codes(units.resolve(variant)) == ["24283", "648", "66"]


def test_leading_zeros_do_not_matter(units):
    first = units.resolve("Phường 1, Quận 3, Thành phố Hồ Chí Minh")
    assert first is not None and first.name == "Phường 1"
    assert units.resolve("phường 01, quận 03, TP. Hồ Chí Minh") == first
    assert units.get("legacy", "commune", "2923") == units.get("legacy", "commune", "02923")


def test_type_words_cities_and_abbreviations(units):
    assert codes(units.resolve("thành phố Cần Thơ")) == ["92"]  # a province-level city
    assert codes(units.resolve("TP. Cần Thơ")) == ["92"]
    assert codes(units.resolve("thành phố Hà Tĩnh")) == ["436", "42"]  # a district-level city
    assert codes(units.resolve("TP Vinh, tỉnh Nghệ An")) == ["412", "40"]
    # a huyện and a thị xã share a name
    assert codes(units.resolve("huyện Kỳ Anh")) == ["447", "42"]
    assert codes(units.resolve("thị xã Kỳ Anh")) == ["449", "42"]
    assert codes(units.resolve("tỉnh Nghệ An")) == ["40"]
    assert codes(units.resolve("Quan Hoa, Thanh Hoa")) == ["385", "38"]  # "Quan" is no quận here


def test_accents_tell_apart_names_that_fold_alike(units):
    assert units.resolve("phường Hương Vân, thị xã Hương Trà").code == "20008"
    assert units.resolve("phường Hương Văn, thị xã Hương Trà").code == "20011"


def test_villages_and_streets_are_skipped(units):
    assert codes(units.resolve("thôn Làng Mới, xã Gia Phú, huyện Bảo Thắng")) == [
        "02923",
        "086",
        "10",
    ]
    assert (
        units.resolve("số 12 đường Trần Phú, thôn 3, xã Cẩm Lộc, huyện Cẩm Xuyên").code == "18730"
    )


def test_within_narrows_a_bare_name(units):
    district = units.resolve("huyện Cẩm Xuyên, tỉnh Hà Tĩnh")
    province = units.resolve("tỉnh Hà Tĩnh")
    commune = units.resolve("xã Cẩm Lộc", within=district)
    assert commune is not None and commune.code == "18730" and commune.parent == district
    assert units.resolve("xã Cẩm Lộc", within=province) == commune
    assert units.resolve("huyện Cẩm Xuyên", within=province) == district
    assert units.resolve("xã Cẩm Lộc", within=units.resolve("huyện Lệ Thủy")) is None
    # A bare commune name alone is not enough, even where the lists have only one.
    assert units.resolve("xã Cẩm Lộc") is None


def test_within_picks_among_namesakes(units):
    assert units.resolve("xã Tân Phúc", within=units.resolve("tỉnh Bình Thuận")).code == "23242"
    assert units.resolve("xã Tân Phúc", within=units.resolve("tỉnh Thanh Hóa")) is None  # two there
    assert (
        units.resolve("xã Tân Phúc", within=units.resolve("huyện Nông Cống, tỉnh Thanh Hóa")).code
        == "16282"
    )


@pytest.mark.parametrize(
    "place",
    [
        "xã Tân Phúc",
        "Phong Điền",  # thị xã (Huế) and huyện (Cần Thơ)
        "huyện Phong Điền",  # Huế's was a huyện too until it became a thị xã
        "Kỳ Anh",  # Huyện and Thị xã Kỳ Anh
        "Hà Tĩnh",  # the province and its city
        "Cẩm Xuyên, Hà Tĩnh",  # the district and its township
        "xã Tân Phú, huyện Châu Thành",  # in An Giang, Bến Tre and Đồng Tháp
        "thị trấn Vĩnh Thạnh, huyện Vĩnh Thạnh",  # in Cần Thơ and Bình Định
    ],
)
def test_ambiguous_names_give_none(units, place):
    assert units.resolve(place) is None


def test_the_province_settles_a_shared_name(units):
    assert codes(units.resolve("huyện Phong Điền, thành phố Cần Thơ")) == ["926", "92"]
    assert codes(units.resolve("huyện Phong Điền, tỉnh Thừa Thiên Huế")) == ["476", "46"]
    assert codes(units.resolve("xã Tân Phú, huyện Châu Thành, tỉnh Bến Tre"))[1:] == ["831", "83"]


@pytest.mark.parametrize(
    "place",
    [
        "",
        "   ",
        ",,,",
        "xã",
        "Nowhere",
        "xã Không Có Thật, huyện Cẩm Xuyên",
        "xã Cẩm Lộc, huyện Lệ Thủy",  # both exist, but not one inside the other
        "xã Cẩm Lộc, huyện Cẩm Xuyên, tỉnh Nghệ An",
    ],
)
def test_unknown_or_contradictory_places_give_none(units, place):
    assert units.resolve(place) is None


def test_non_strings_are_type_errors(units):
    with pytest.raises(TypeError):
        units.resolve(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        units.resolve(42)  # type: ignore[arg-type]


def test_successor_of_a_commune(units):
    commune = units.resolve("xã Cẩm Lộc, huyện Cẩm Xuyên, tỉnh Hà Tĩnh")
    successor = units.successor(commune)
    assert (successor.structure, successor.level, successor.code, successor.name) == (
        "2025",
        "commune",
        "18742",
        "Xã Cẩm Trung",
    )
    assert successor.parent is not None
    assert (successor.parent.structure, successor.parent.name, successor.parent.parent) == (
        "2025",
        "Tỉnh Hà Tĩnh",
        None,
    )
    assert units.successor(successor) is None  # 2025 units have none


def test_successor_of_a_district_is_none(units):
    assert units.successor(units.resolve("huyện Cẩm Xuyên, tỉnh Hà Tĩnh")) is None


def test_successor_of_merged_provinces(units):
    assert units.successor(units.resolve("tỉnh Quảng Bình")).name == "Tỉnh Quảng Trị"
    lao_cai = units.successor(units.resolve("tỉnh Yên Bái"))
    assert (lao_cai.name, lao_cai.code) == ("Tỉnh Lào Cai", "15")
    assert units.successor(units.resolve("tỉnh Lào Cai")) == lao_cai


def test_successors_agree_with_the_library_converter(units):
    from vietnamadminunits import convert_address

    for place in CORPUS:
        unit = units.resolve(place)
        if unit.level != "commune":
            continue
        converted = convert_address(", ".join(u.name for u in unit.chain))
        successor = units.successor(unit)
        assert (successor.code, successor.parent.code) == (
            converted.ward_code,
            converted.province_code,
        ), place


def test_after_the_reorganisation_the_2025_units_come_first(units):
    unit = units.resolve("xã Cẩm Trung, tỉnh Hà Tĩnh", on=AFTER)
    assert (unit.structure, unit.code, [u.level for u in unit.chain]) == (
        "2025",
        "18742",
        ["commune", "province"],
    )
    before = units.resolve("xã Cẩm Trung, tỉnh Hà Tĩnh", on=BEFORE)
    assert (before.structure, codes(before)) == ("legacy", ["18742", "446", "42"])
    assert units.resolve("tỉnh Nghệ An", on=AFTER).structure == "2025"


def test_a_district_keeps_the_legacy_lists_after_the_reorganisation(units):
    assert codes(units.resolve("xã Cẩm Lộc, huyện Cẩm Xuyên", on=AFTER)) == ["18730", "446", "42"]


def test_the_2025_lists_serve_when_the_legacy_ones_have_nothing(units):
    unit = units.resolve("xã Sen Ngư, tỉnh Quảng Trị")  # a 2025 commune, no date given
    assert (unit.structure, unit.code, unit.parent.name) == ("2025", "19288", "Tỉnh Quảng Trị")
    # …and the legacy ones when the 2025 lists lack an old name after the date.
    assert units.resolve("tỉnh Quảng Bình", on=AFTER).structure == "legacy"


def test_within_across_the_two_lists(units):
    province_2025 = units.resolve("tỉnh Hà Tĩnh", on=AFTER)
    assert units.resolve("xã Cẩm Lộc", within=province_2025).code == "18730"
    district = units.resolve("huyện Cẩm Xuyên, tỉnh Hà Tĩnh")
    assert units.resolve("xã Cẩm Trung", within=district, on=AFTER).structure == "2025"


def test_get_finds_a_unit_by_its_code(units):
    assert units.get("legacy", "commune", "18730").name == "Xã Cẩm Lộc"
    assert units.get("legacy", "district", "446").name == "Huyện Cẩm Xuyên"
    assert units.get("legacy", "province", "42").name == "Tỉnh Hà Tĩnh"
    assert units.get("2025", "commune", "18742").parent.name == "Tỉnh Hà Tĩnh"
    assert units.get("legacy", "commune", "99999") is None
    assert units.get("2025", "district", "446") is None  # no districts since 2025
    assert units.get("1990", "province", "42") is None


def test_units_compare_by_structure_level_and_code(units):
    unit = units.resolve("xã Cẩm Lộc, huyện Cẩm Xuyên")
    assert unit == AdminUnit("legacy", "commune", "18730", "another spelling", "x", None)
    assert unit != AdminUnit("2025", "commune", "18730", "Xã Cẩm Lộc", "Cẩm Lộc", None)
    assert units.successor(AdminUnit("legacy", "commune", "18730", "", "", None)).code == "18742"


def test_a_new_instance_reads_nothing_until_used():
    fresh = AdminUnits()
    assert fresh._lists is None
    assert fresh.resolve("tỉnh Nghệ An").code == "40"
    assert fresh._lists is not None


PLACE_WORDS = st.sampled_from(
    [
        "xã",
        "phường",
        "thị trấn",
        "huyện",
        "quận",
        "thị xã",
        "tỉnh",
        "thành phố",
        "TP.",
        "thôn",
        "Cẩm Lộc",
        "Cẩm Xuyên",
        "Hà Tĩnh",
        "Thuỷ",
        "Hòa",
        "M'Droh",
        "’",
        ",",
        ", ",
        "0",
        "01",
        "(",
        "Tân Phúc",
        "Phong Điền",
        "Q.",
        "P.",
        "  ",
        "-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_resolve_never_raises_on_arbitrary_text(text):
    result = admin_units().resolve(text)
    assert result is None or isinstance(result, AdminUnit)


@settings(max_examples=300, deadline=None)
@given(st.lists(PLACE_WORDS, max_size=12).map(" ".join), st.booleans())
def test_resolve_never_raises_on_place_like_text(text, after):
    result = admin_units().resolve(text, on=AFTER if after else None)
    assert result is None or result.code.isdigit()


@pytest.mark.parametrize(
    ("name", "central"),
    [
        ("Hồ Chí Minh", True),
        ("Cần Thơ", True),
        ("Huế", True),  # Huế since 2025
        ("Hà Tĩnh", False),
        ("Vinh", False),  # a province's district-level city, and a plain one
        ("Gia Lai", False),
    ],
)
def test_a_central_city_is_a_province_level_thanh_pho(name, central):
    assert admin_units().is_central_city(name) is central


@pytest.mark.parametrize(
    ("level", "name", "known"),
    [
        ("district", "Yên Thành", True),
        ("district", "Yên", False),
        ("province", "Phùng Bá Tùng", False),
        ("commune", "Cẩm Lộc", True),
    ],
)
def test_a_name_after_a_level_word_is_checked_against_the_gazetteer(level, name, known):
    assert admin_units().names_a_unit(level, name) is known
